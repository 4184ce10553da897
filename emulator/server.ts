import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { ADMIN_PREFIX, type AdminDeps, handleAdmin, type RequestLog } from "./admin";
import { MAX_BODY_BYTES, parseBody } from "./body";
import { CREDENTIALS, DELIVERIES, INSTANCES, SKILL_RESOURCES } from "./collections";
import { approveDevice, revokeDevices } from "./devices";
import { agentConfigs } from "./entities/agentConfigs";
import { instances } from "./entities/instances";
import { mentorConfigs } from "./entities/mentorConfigs";
import { modelProviders } from "./entities/modelProviders";
import { skillAssignments } from "./entities/skillAssignments";
import { skillResources } from "./entities/skillResources";
import { skills } from "./entities/skills";
import { ApiFault, type Ctx, type EntityDef, type Reply, type RouteGeneration, type Settings } from "./entity";
import { faultReply, type FaultRule, type FaultRuleState, Faults, parseFaultRules, seededRandom } from "./faults";
import { type ApiRoute, resolveRoute } from "./routes";
import { PushEngine } from "./pushes";
import { type Row, Store } from "./store";

/**
 * Every entity the emulator serves, as declarative definitions fed to one handler.
 *
 * @example
 * ```ts
 * ENTITIES.map((e) => e.collection); // ["claw/instances", "claw/model-providers", …]
 * ```
 */
export const ENTITIES: readonly EntityDef[] = [instances, modelProviders, mentorConfigs, agentConfigs, skills, skillResources, skillAssignments];

export { ADMIN_PREFIX };
const MEDIA_PREFIX = "/media/";

export interface EmulatorOptions {
    /** Loopback port; 0 (default) picks a free one. */
    port?: number;
    /** Default `127.0.0.1`. */
    host?: string;
    /** Org name → the API token (or tokens) accepted for it. Default `{ acme: "test-token" }`. */
    orgs?: Record<string, string | readonly string[]>;
    /** Persist state to this file (snapshot + `FILE.journal`); memory only without it. */
    dataFile?: string;
    /** Fault rules active from the start (see {@link FaultRule}). */
    faults?: FaultRule[];
    /** Seed for the faults' dice, to replay a run; random without it. */
    seed?: number;
    /** New devices wait for approval (PAIRING_REQUIRED) instead of pairing on first use. Default false. */
    requireDeviceApproval?: boolean;
    /** How long a push stays pending, ms. Default 50. */
    pushDelayMs?: number;
    /** Timeout of each probe of a claw server, ms. Default 3000. */
    probeTimeoutMs?: number;
    /** Extra CA certificates (PEM) trusted when probing https server URLs. */
    probeCa?: string;
    /**
     * How pushes reach OpenClaw servers: `standin` (default; modelled here, nothing contacted),
     * `real` (the instance's `server_url` is a real OpenClaw gateway: connect over its WebSocket
     * protocol), `auto` (real when the server answers with the gateway's handshake). An instance
     * overrides it with `connection_params.emulator_delivery: "real" | "standin"`.
     */
    deliver?: "standin" | "real" | "auto";
    /** Per-request timeout of real gateway deliveries, ms. Default 30000. */
    gatewayTimeoutMs?: number;
    /** Per org, the LLM credential names that exist on the platform. Orgs without a list resolve every name. */
    credentials?: Record<string, readonly string[]>;
    /** Called with one line per API request (method, path, status, ms), e.g. `console.error`. */
    logRequest?: (line: string) => void;
    /**
     * Serve under a path prefix, as the platform's own host does (`https://<host>/dm/api/ai-mentor/...`):
     * e.g. `/dm`. API paths without it are 404; `url` then ends with it. Default: none.
     */
    basePath?: string;
    /**
     * Which route generations to serve: `both` (default), `collection` (the older guide's
     * `claw/mentor-configs/`, `agent-configs/`, `mentor-skill-assignments/` only) or `mentor`
     * (the 2026 guide's `mentors/<mentor>/…` only; the three collections answer 404).
     */
    routes?: RouteGeneration;
    /**
     * `any` (default): `Token <key>` and `Api-Token <key>` both accepted. `hosted`: as the hosted
     * service, `Api-Token` only; `Token <key>` answers `401 {"detail": "Invalid Token"}` even for a valid key.
     */
    auth?: "any" | "hosted";
    /** Every list answers a bare JSON array (the 2026 guide's example) instead of the paginated envelope. */
    bareLists?: boolean;
    /** Shorthand for the hosted service of 2026: `routes: "mentor"`, `auth: "hosted"`, `bareLists: true` (each can still be set). */
    hosted?: boolean;
    /** The user name of each org's admin (the `<user>` of the mentors API and of the admin lookup). Default `admin`. */
    adminUser?: string;
}

/** The options after the `hosted` shorthand: what the emulator actually does. */
export function effectiveApiOptions(o: EmulatorOptions): { routes: RouteGeneration; auth: "any" | "hosted"; bareLists: boolean; adminUser: string } {
    const hosted = o.hosted === true;
    return {
        routes: o.routes ?? (hosted ? "mentor" : "both"),
        auth: o.auth ?? (hosted ? "hosted" : "any"),
        bareLists: o.bareLists ?? hosted,
        adminUser: o.adminUser ?? "admin",
    };
}

/**
 * A base path in one spelling: `""`, or a leading `/` and no trailing one. Throws on a
 * path that is not plain segments.
 *
 * @example
 * ```ts
 * normaliseBasePath("dm/"); // "/dm"
 * ```
 */
export function normaliseBasePath(path: string | undefined): string {
    const trimmed = (path ?? "").replace(/^\/+|\/+$/g, "");
    if (trimmed === "") return "";
    if (!/^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(trimmed)) throw new Error(`base path must be plain path segments such as /dm, not ${JSON.stringify(path)}`);
    return `/${trimmed}`;
}

/** A running emulator. */
export interface Emulator {
    /** Origin plus the base path, e.g. `http://127.0.0.1:40123` or `http://127.0.0.1:40123/dm`; use as `iblai:baseUrl`. */
    url: string;
    /** The base path served under (`""` when none). */
    basePath: string;
    /** Which auth schemes are accepted (`hosted`: `Api-Token` only). */
    auth: "any" | "hosted";
    /** Each org's admin user name. */
    adminUser: string;
    port: number;
    store: Store;
    /** Live settings; changes apply to the next request or push. */
    settings: Settings;
    /** Counts of requests by `METHOD route-pattern`, admin routes excluded. */
    requestCounts(): Record<string, number>;
    /** Replaces the fault rules (as `PUT /__emulator/faults` does). Throws on an invalid rule. */
    setFaults(rules: FaultRule[]): void;
    clearFaults(): void;
    /** The fault rules with how often each fired and how many hits it has left. */
    faults(): FaultRuleState[];
    /** What pushes delivered to the org's servers, oldest first. */
    deliveries(org: string): Row[];
    /** Approves an instance's device (a pending request, or its current key); stands in for `openclaw devices approve`. */
    approveDevice(org: string, instanceId: number, requestId?: string): Promise<Row>;
    /** Drops an instance's device pairing, as a gateway update can. */
    revokeDevice(org: string, instanceId: number): Promise<number>;
    close(): Promise<void>;
}

function send(res: http.ServerResponse, r: Reply): void {
    const text = r.body === undefined ? "" : JSON.stringify(r.body);
    const headers: Record<string, string | number> = { "content-length": Buffer.byteLength(text), ...r.headers };
    if (text) headers["content-type"] = "application/json";
    res.writeHead(r.status, headers);
    res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        req.on("data", (c: Buffer) => {
            size += c.length;
            if (size > MAX_BODY_BYTES) {
                reject(ApiFault.detail(413, "Request body too large."));
                req.destroy();
            } else chunks.push(c);
        });
        req.on("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
        req.on("error", reject);
    });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Starts an emulator of the ibl.ai claw API on loopback.
 *
 * @example
 * ```ts
 * const emu = await startEmulator({ orgs: { acme: "t0k3n" } });
 * // iblai:baseUrl = emu.url, iblai:org = acme, iblai:apiToken = t0k3n
 * await emu.close();
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
    const basePath = normaliseBasePath(options.basePath);
    const api = effectiveApiOptions(options);
    if (!["both", "collection", "mentor"].includes(api.routes)) throw new Error(`routes must be both, collection or mentor, not ${JSON.stringify(api.routes)}`);
    if (api.auth !== "any" && api.auth !== "hosted") throw new Error(`auth must be any or hosted, not ${JSON.stringify(api.auth)}`);
    if (!/^[\w.@+-]+$/.test(api.adminUser)) throw new Error(`adminUser must be a user name (letters, digits, @.+-_), not ${JSON.stringify(api.adminUser)}`);
    const tokens = new Map<string, string>();
    for (const [org, tok] of Object.entries(options.orgs ?? { acme: "test-token" })) {
        for (const t of typeof tok === "string" ? [tok] : tok) tokens.set(t, org);
    }
    const settings: Settings = {
        requireDeviceApproval: options.requireDeviceApproval ?? false,
        pushDelayMs: options.pushDelayMs ?? 50,
        probeTimeoutMs: options.probeTimeoutMs ?? 3000,
        ...(options.probeCa ? { probeCa: options.probeCa } : {}),
        deliver: options.deliver ?? "standin",
        ...(options.gatewayTimeoutMs !== undefined ? { gatewayTimeoutMs: options.gatewayTimeoutMs } : {}),
        routes: api.routes,
        bareLists: api.bareLists,
    };
    const initialFaults = parseFaultRules(options.faults ?? []);
    if (!initialFaults.ok) throw new Error(`invalid fault rules: ${initialFaults.errors.join("; ")}`);
    const faults = new Faults(initialFaults.rules, options.seed === undefined ? Math.random : seededRandom(options.seed));
    const store = new Store(options.dataFile);
    const now = () => new Date().toISOString();
    const pushes = new PushEngine(store, settings, now);
    for (const [org, names] of Object.entries(options.credentials ?? {})) store.put(org, CREDENTIALS, { id: 1, names: [...names] });
    pushes.resumePending();
    await store.commit();

    const log: RequestLog = { counts: {}, total: 0 };
    const admin: AdminDeps = { store, log, faults, settings, pushes, tokens, now };
    const byCollection = new Map(ENTITIES.map((d) => [d.collection, d]));

    /** An uploaded asset's bytes, served at its DRF-style URL (resource ids are unique across orgs). */
    const mediaRow = (pathname: string): Row | undefined => {
        const m = /^\/media\/agent-skill-resources\/(\d+)\//.exec(pathname);
        if (!m) return undefined;
        for (const org of store.orgNames()) {
            const row = store.get(org, SKILL_RESOURCES, Number(m[1]));
            if (row?._file_b64) return row;
        }
        return undefined;
    };

    const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
        const started = Date.now();
        const method = (req.method ?? "GET").toUpperCase();
        const rawUrl = req.url ?? "/";
        const qAt = rawUrl.indexOf("?");
        const fullPath = qAt < 0 ? rawUrl : rawUrl.slice(0, qAt);
        // Under a base path, the API lives below it; admin and media routes answer either way.
        const underBase = basePath !== "" && (fullPath === basePath || fullPath.startsWith(`${basePath}/`));
        const pathname = underBase ? fullPath.slice(basePath.length) || "/" : fullPath;
        const origin = `http://${req.headers.host ?? `127.0.0.1:${port}`}`;
        // The body is taken off the socket as it arrives, before any latency is applied: a
        // service has the whole request before it acts, so a client that dies while waiting
        // for the answer does not undo its write (a lost answer, as a killed `pulumi up` sees).
        const raw = readBody(req);
        raw.catch(() => undefined); // awaited by body() when the route reads it
        const body = async () => parseBody(req.headers["content-type"], await raw);

        if (pathname.startsWith(ADMIN_PREFIX) || pathname === ADMIN_PREFIX.slice(0, -1)) {
            const adminBody = await raw;
            const path = pathname.slice(ADMIN_PREFIX.length).replace(/\/$/, "");
            const r = handleAdmin(admin, method, path, new URLSearchParams(rawUrl.slice(qAt + 1 || rawUrl.length)), () => parseBody(req.headers["content-type"] ?? "application/json", adminBody));
            await store.commit();
            return send(res, r);
        }
        if (pathname.startsWith(MEDIA_PREFIX) && (method === "GET" || method === "HEAD")) {
            const row = mediaRow(pathname);
            if (!row) return send(res, { status: 404, body: { detail: "Not found." } });
            const data = Buffer.from(String(row._file_b64), "base64");
            res.writeHead(200, { "content-type": String(row._file_type || "application/octet-stream"), "content-length": data.length });
            res.end(method === "HEAD" ? undefined : data);
            return;
        }
        const route = basePath !== "" && !underBase ? undefined : resolveRoute(pathname, { byCollection, routes: settings.routes ?? "both", usersOf: () => [api.adminUser] });
        if (!route) return send(res, { status: 404, body: { detail: "Not found." } });
        const key = `${method} ${route.pattern}`;
        log.counts[key] = (log.counts[key] ?? 0) + 1;
        if (log.total++ === 0) log.firstAt = new Date().toISOString();

        const decision = faults.decide(method, route.pattern);
        if (decision.latencyMs > 0) await sleep(decision.latencyMs);
        const fault = decision.terminal;
        if (fault?.kind === "reset-before") {
            req.socket.destroy();
            return;
        }
        if (fault?.kind === "status") {
            const f = faultReply(fault);
            options.logRequest?.(`${method} ${rawUrl} → ${f.status} (injected fault)`);
            return send(res, f);
        }

        let reply: Reply;
        try {
            reply = await dispatch(route, method, req, new URL(rawUrl, origin), origin, body);
        } catch (e) {
            if (!(e instanceof ApiFault)) throw e;
            reply = { status: e.status, body: e.body };
        }
        // Nothing is acknowledged before it is durable.
        await store.commit();
        if (fault?.kind === "reset-after") {
            req.socket.destroy();
            return;
        }
        send(res, reply);
        options.logRequest?.(`${method} ${rawUrl} → ${reply.status} (${Date.now() - started} ms)`);
    };

    const dispatch = async (route: ApiRoute, method: string, req: http.IncomingMessage, u: URL, origin: string, body: () => Promise<unknown>): Promise<Reply> => {
        // Django resolves the URL before DRF authenticates: unknown paths are 404 for everyone.
        if (!route.serve) return { status: 404, body: { detail: "Not found." } };
        if (!route.slash) {
            // Django's APPEND_SLASH redirects safe methods and fails the others.
            if (method === "GET" || method === "HEAD") return { status: 301, headers: { location: `${u.pathname}/${u.search}` } };
            return { status: 404, body: { detail: "Not found." } };
        }
        // The admin lookup names its org in the query (`platform_key`); the token must belong to it.
        const org = route.org ?? u.searchParams.get("platform_key") ?? undefined;
        const denied = authenticate(req.headers.authorization, org);
        if (denied) return denied;
        const parsed = method === "GET" || method === "DELETE" || method === "HEAD" ? {} : await body();
        const ctx: Ctx = { org: org ?? "", store, now, origin, method, route: route.pattern, settings, pushes, faults };
        return route.serve(ctx, u, () => parsed);
    };

    const authenticate = (header: string | undefined, org: string | undefined): Reply | undefined => {
        const unauthorized = (detail: string): Reply => ({ status: 401, body: { detail }, headers: { "www-authenticate": api.auth === "hosted" ? "Api-Token" : "Token" } });
        if (!header) return unauthorized("Authentication credentials were not provided.");
        const parts = header.trim().split(/\s+/);
        const scheme = (parts[0] ?? "").toLowerCase();
        // The guide's `Token` and the platform client's `Api-Token` (API reference, Corrections).
        // `Api-Key` was a misreading of the latter; say so rather than a bare refusal.
        if (scheme === "api-key") return unauthorized(`Unknown authorization scheme "Api-Key"; use "Api-Token <key>"${api.auth === "hosted" ? "" : ' (or "Token <token>")'}.`);
        if (scheme !== "token" && scheme !== "api-token") return unauthorized("Authentication credentials were not provided.");
        // The hosted service refuses the Token scheme with this body, even for a valid key (2026 guide).
        if (scheme === "token" && api.auth === "hosted") return unauthorized("Invalid Token");
        if (parts.length === 1) return unauthorized("Invalid token header. No credentials provided.");
        if (parts.length > 2) return unauthorized("Invalid token header. Token string should not contain spaces.");
        const tokenOrg = tokens.get(parts[1] as string);
        if (tokenOrg === undefined) return unauthorized("Invalid token.");
        if (org !== undefined && tokenOrg !== org) return { status: 403, body: { detail: "You do not have permission to perform this action." } };
        return undefined;
    };

    const server = http.createServer((req, res) => {
        handle(req, res).catch((e: unknown) => {
            if (e instanceof ApiFault) return send(res, { status: e.status, body: e.body });
            console.error(`iblai-claw-emulator: ${req.method} ${req.url}: ${(e as Error).stack ?? String(e)}`);
            if (!res.headersSent) send(res, { status: 500, body: { detail: "A server error occurred." } });
            else res.destroy();
        });
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const host = options.host ?? "127.0.0.1";
    return {
        url: `http://${host.includes(":") ? `[${host}]` : host}:${port}${basePath}`,
        basePath,
        auth: api.auth,
        adminUser: api.adminUser,
        port,
        store,
        settings,
        requestCounts: () => ({ ...log.counts }),
        setFaults: (rules) => {
            const parsed = parseFaultRules(rules);
            if (!parsed.ok) throw new Error(`invalid fault rules: ${parsed.errors.join("; ")}`);
            faults.set(parsed.rules);
        },
        clearFaults: () => faults.clear(),
        faults: () => faults.list(),
        deliveries: (org) => store.list(org, DELIVERIES).map((d) => structuredClone(d)),
        approveDevice: async (org, instanceId, requestId) => {
            const instance = store.get(org, INSTANCES, instanceId);
            if (!instance) throw new Error(`no instance ${instanceId} in org ${org}`);
            const row = approveDevice(store, org, instance, requestId, now());
            await store.commit();
            return row;
        },
        revokeDevice: async (org, instanceId) => {
            const n = revokeDevices(store, org, instanceId, now());
            await store.commit();
            return n;
        },
        close: async () => {
            pushes.close();
            await pushes.drain();
            await new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            });
            await store.close();
        },
    };
}
