import { type AuthScheme, ClawClient, ConfigError, DEFAULT_AUTH_SCHEME, authSchemeProblem, closestName } from "../../sdk";
import { type ApiRoutesSetting, apiRoutesProblem } from "./routes";
import { type ConfigLookup, TUNING_SETTINGS, type Tuning, resolveTuning } from "./tuning";

/**
 * Where and how to reach the API. `baseUrl` and `org` are part of each resource's
 * identity (kept in its state; a change replaces it); the token is not (rotating it
 * causes no diff, and destroy still works after a rotation).
 */
export interface Connection {
    baseUrl?: string;
    org?: string;
    apiToken?: string;
    authScheme?: AuthScheme;
    /**
     * The OpenClaw version the servers run (`iblai:openclawVersion`): its schema snapshot is
     * what check validates agent configs against (issue 10). Default: the newest snapshot.
     */
    openclawVersion?: string;
    /**
     * Which route generation mentors are managed through (`iblai:apiRoutes`, issue 20):
     * `auto` (the default: asked of the service once per org, routes.ts), `mentor` or `collection`.
     */
    apiRoutes?: ApiRoutesSetting;
    /**
     * The org admin's user name that mentors are made with (`iblai:adminUser`); without it,
     * the first admin of the platform's user list, looked up once per process.
     */
    adminUser?: string;
    /** `iblai:*` keys of the stack config that are no setting of ours (typos): refused at preview. */
    unknownSettings?: string[];
    /** Speed settings (tuning.ts); not part of any resource's identity. */
    tuning?: Tuning;
}

/**
 * The provider's settings, as `iblai:<name>` stack config keys. Pulumi lets a project
 * declare types only for its own keys (`Configuration key 'iblai:authScheme' is not
 * namespaced by the project and should not define a type`), so the provider checks them.
 */
export const SETTINGS: readonly string[] = ["baseUrl", "org", "apiToken", "authScheme", "apiRoutes", "openclawVersion", "adminUser", ...TUNING_SETTINGS];

// Tuning reads the same stack config, so the lookup's type lives there (no circle).
export type { ConfigLookup } from "./tuning";

/**
 * Stack config keys first, then the environment. `keys` (every stack config key, when known)
 * lets the `iblai:*` ones that are no setting be named at preview.
 */
export function resolveConnection(get: ConfigLookup, env: NodeJS.ProcessEnv = process.env, keys: readonly string[] = []): Connection {
    const pick = (key: string, envName: string) => {
        const v = get(`iblai:${key}`) ?? env[envName];
        return v === undefined || v === "" ? undefined : v;
    };
    return {
        baseUrl: pick("baseUrl", "IBLAI_BASE_URL"),
        org: pick("org", "IBLAI_ORG"),
        apiToken: pick("apiToken", "IBLAI_API_TOKEN"),
        authScheme: pick("authScheme", "IBLAI_AUTH_SCHEME") as AuthScheme | undefined,
        openclawVersion: pick("openclawVersion", "IBLAI_OPENCLAW_VERSION"),
        apiRoutes: pick("apiRoutes", "IBLAI_API_ROUTES") as ApiRoutesSetting | undefined,
        adminUser: pick("adminUser", "IBLAI_ADMIN_USER"),
        unknownSettings: keys.filter((k) => k.startsWith("iblai:") && !SETTINGS.includes(k.slice("iblai:".length))),
        tuning: resolveTuning(get, env),
    };
}

/**
 * What is wrong with the provider's own config, as check failure reasons (zero requests):
 * run by every resource's check, so a bad `iblai:authScheme` fails at preview, not at up.
 *
 * @example
 * ```ts
 * connectionProblems({ authScheme: "Api-Key" as AuthScheme }); // ['iblai:authScheme "Api-Key" does not exist; use "Api-Token" ...']
 * ```
 */
export function connectionProblems(conn: Connection): string[] {
    const scheme = authSchemeProblem(conn.authScheme);
    const out = scheme ? [`iblai:${scheme} (stack config iblai:authScheme or IBLAI_AUTH_SCHEME)`] : [];
    const routes = apiRoutesProblem(conn.apiRoutes);
    if (routes) out.push(routes);
    for (const key of conn.unknownSettings ?? []) {
        const near = closestName(key.slice("iblai:".length), SETTINGS);
        const fix = near ? `did you mean iblai:${near}? (pulumi config rm ${key}; pulumi config set iblai:${near} ...)` : `pulumi config rm ${key}`;
        out.push(`${key}: no such setting; ${fix}. The settings are ${SETTINGS.map((k) => `iblai:${k}`).join(", ")}`);
    }
    return out;
}

const clients = new Map<string, ClawClient>();

/**
 * A client for a resource's own baseUrl and org (from its state) with the current token.
 * Clients are pooled per (baseUrl, org, scheme, token) so a deployment reuses connections.
 */
export function clientFor(conn: Connection, where: { baseUrl?: string; org?: string }): ClawClient {
    const baseUrl = where.baseUrl ?? conn.baseUrl;
    const org = where.org ?? conn.org;
    if (!conn.apiToken) {
        throw new ConfigError("no API token", {
            hint: "pulumi config set --secret iblai:apiToken <token> (or export IBLAI_API_TOKEN)",
        });
    }
    if (!baseUrl || !org) {
        throw new ConfigError(`no ${!baseUrl ? "iblai:baseUrl" : "iblai:org"}`, {
            hint: "pulumi config set iblai:baseUrl https://platform.ibl.ai; pulumi config set iblai:org <org>",
        });
    }
    const maxConcurrency = conn.tuning?.maxConcurrency;
    const key = JSON.stringify([baseUrl, org, conn.authScheme ?? DEFAULT_AUTH_SCHEME, conn.apiToken, maxConcurrency, conn.adminUser]);
    let c = clients.get(key);
    if (!c) {
        c = new ClawClient({ baseUrl, org, token: conn.apiToken, authScheme: conn.authScheme, maxConcurrency, adminUser: conn.adminUser });
        clients.set(key, c);
    }
    return c;
}
