import { type AuthScheme, ClawClient, ConfigError } from "../../sdk";
import { type Tuning, resolveTuning } from "./tuning";

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
    /** Speed settings (tuning.ts); not part of any resource's identity. */
    tuning?: Tuning;
}

/** Reads one value from the stack config handed to `configure()`. */
export type ConfigLookup = (key: string) => string | undefined;

/** Stack config keys first, then the environment. */
export function resolveConnection(get: ConfigLookup, env: NodeJS.ProcessEnv = process.env): Connection {
    const pick = (key: string, envName: string) => {
        const v = get(`iblai:${key}`) ?? env[envName];
        return v === undefined || v === "" ? undefined : v;
    };
    return {
        baseUrl: pick("baseUrl", "IBLAI_BASE_URL"),
        org: pick("org", "IBLAI_ORG"),
        apiToken: pick("apiToken", "IBLAI_API_TOKEN"),
        authScheme: pick("authScheme", "IBLAI_AUTH_SCHEME") as AuthScheme | undefined,
        tuning: resolveTuning(get, env),
    };
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
    const key = JSON.stringify([baseUrl, org, conn.authScheme ?? "Token", conn.apiToken, maxConcurrency]);
    let c = clients.get(key);
    if (!c) {
        c = new ClawClient({ baseUrl, org, token: conn.apiToken, authScheme: conn.authScheme, maxConcurrency });
        clients.set(key, c);
    }
    return c;
}
