import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { ApiFault, type Ctx, type EntityDef, type Reply } from "./entity";
import { instances } from "./entities/instances";
import { Store } from "./store";
import { present, validateBody } from "./validate";

/** Every entity the emulator serves. */
export const ENTITIES: readonly EntityDef[] = [instances];

/** The reserved prefix of the emulator's own admin API (never part of the real service). */
export const ADMIN_PREFIX = "/__emulator/";
const API_PREFIX = "/api/ai-mentor/orgs/";

export interface EmulatorOptions {
    /** Loopback port; 0 (default) picks a free one. */
    port?: number;
    host?: string;
    /** Org name → API token accepted for it. Default `{ acme: "test-token" }`. */
    orgs?: Record<string, string>;
    /** Persist state to this JSON file (atomic writes); memory only without it. */
    dataFile?: string;
}

/** A running emulator. */
export interface Emulator {
    /** Origin, e.g. `http://127.0.0.1:40123`; use as `iblai:baseUrl`. */
    url: string;
    port: number;
    store: Store;
    /** Counts of requests by `METHOD route-pattern`, admin routes excluded. */
    requestCounts(): Record<string, number>;
    close(): Promise<void>;
}

interface LogState {
    counts: Record<string, number>;
    total: number;
}

function send(res: http.ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
    const text = body === undefined ? "" : JSON.stringify(body);
    res.writeHead(status, {
        ...(text ? { "content-type": "application/json" } : {}),
        "content-length": Buffer.byteLength(text),
        ...headers,
    });
    res.end(text);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8");
}

/** Pagination as DRF's LimitOffsetPagination does it, with absolute next/previous links. */
function paginate(rows: unknown[], url: URL): Reply {
    const limit = Math.max(1, Math.min(1000, Number(url.searchParams.get("limit") ?? 100) || 100));
    const offset = Math.max(0, Number(url.searchParams.get("offset") ?? 0) || 0);
    const link = (o: number) => {
        const u = new URL(url);
        u.searchParams.set("limit", String(limit));
        u.searchParams.set("offset", String(o));
        return u.toString();
    };
    return {
        status: 200,
        body: {
            count: rows.length,
            next: offset + limit < rows.length ? link(offset + limit) : null,
            previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
            results: rows.slice(offset, offset + limit),
        },
    };
}

/** The generic handler: list, create, retrieve, update (PATCH/PUT), destroy, actions. */
async function handleEntity(def: EntityDef, ctx: Ctx, method: string, rest: string[], url: URL, rawBody: string): Promise<Reply> {
    const { store, org } = ctx;
    const parseJson = (): unknown => {
        if (rawBody.trim() === "") return {};
        try {
            return JSON.parse(rawBody);
        } catch (e) {
            throw new ApiFault(400, { detail: `JSON parse error - ${(e as Error).message}` });
        }
    };
    if (rest.length === 0) {
        if (method === "GET") {
            let rows = store.list(org, def.collection);
            for (const [param, match] of Object.entries(def.filters ?? {})) {
                const v = url.searchParams.get(param);
                if (v !== null && v !== "") rows = rows.filter((r) => match(r, v));
            }
            return paginate(
                rows.map((r) => present(def.spec, r)),
                url,
            );
        }
        if (method === "POST") {
            const v = validateBody(def.spec, parseJson(), "create");
            if (!v.ok) return { status: 400, body: v.errors };
            def.beforeWrite?.(ctx, v.values);
            const now = ctx.now();
            const row = store.insert(org, def.collection, { ...v.values, ...def.initial?.(ctx, v.values), created_at: now, updated_at: now });
            def.afterCreate?.(ctx, row);
            store.flush();
            return { status: 201, body: present(def.spec, row) };
        }
        return { status: 405, body: { detail: `Method "${method}" not allowed.` } };
    }
    const id = Number(rest[0]);
    const row = Number.isInteger(id) ? store.get(org, def.collection, id) : undefined;
    if (!row) return { status: 404, body: { detail: "Not found." } };
    if (rest.length === 2) {
        const action = def.actions?.[rest[1]];
        if (!action) return { status: 404, body: { detail: "Not found." } };
        if (method !== "POST") return { status: 405, body: { detail: `Method "${method}" not allowed.` } };
        return action(ctx, row);
    }
    if (rest.length !== 1) return { status: 404, body: { detail: "Not found." } };
    switch (method) {
        case "GET":
            return { status: 200, body: present(def.spec, row) };
        case "PATCH":
        case "PUT": {
            const v = validateBody(def.spec, parseJson(), method === "PUT" ? "put" : "patch");
            if (!v.ok) return { status: 400, body: v.errors };
            def.beforeWrite?.(ctx, v.values, row);
            const updated = { ...row, ...v.values, id: row.id, updated_at: ctx.now() };
            store.put(org, def.collection, updated);
            store.flush();
            return { status: 200, body: present(def.spec, updated) };
        }
        case "DELETE":
            def.beforeDelete?.(ctx, row);
            store.remove(org, def.collection, row.id);
            store.flush();
            return { status: 204 };
        default:
            return { status: 405, body: { detail: `Method "${method}" not allowed.` } };
    }
}

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
    const orgs = options.orgs ?? { acme: "test-token" };
    const tokens = new Map(Object.entries(orgs).map(([org, tok]) => [tok, org]));
    const store = new Store(options.dataFile);
    const log: LogState = { counts: {}, total: 0 };
    const byCollection = new Map(ENTITIES.map((d) => [d.collection, d]));

    const handleAdmin = (method: string, route: string): Reply => {
        if (method === "GET" && route === "requests") return { status: 200, body: { total: log.total, counts: log.counts } };
        if (method === "GET" && route === "counts") return { status: 200, body: store.counts() };
        if (method === "GET" && route === "state") return { status: 200, body: store.snapshot() };
        if (method === "POST" && route === "reset") {
            store.reset();
            log.counts = {};
            log.total = 0;
            return { status: 204 };
        }
        if (method === "POST" && route === "reset-requests") {
            log.counts = {};
            log.total = 0;
            return { status: 204 };
        }
        return { status: 404, body: { detail: "Not found." } };
    };

    const handle = async (req: http.IncomingMessage): Promise<Reply> => {
        const url = new URL(req.url ?? "/", "http://emulator.local");
        const method = (req.method ?? "GET").toUpperCase();
        const rawBody = await readBody(req);
        if (url.pathname.startsWith(ADMIN_PREFIX)) return handleAdmin(method, url.pathname.slice(ADMIN_PREFIX.length).replace(/\/$/, ""));
        if (!url.pathname.startsWith(API_PREFIX)) return { status: 404, body: { detail: "Not found." } };
        const parts = url.pathname.slice(API_PREFIX.length).split("/");
        const org = decodeURIComponent(parts[0] ?? "");
        if (parts[parts.length - 1] !== "") return { status: 404, body: { detail: "Not found." } }; // DRF routes end with a slash
        const segs = parts.slice(1, -1);
        // Longest collection prefix wins (collections may have two segments, e.g. claw/instances).
        let def: EntityDef | undefined;
        let rest: string[] = [];
        for (let n = Math.min(2, segs.length); n >= 1 && !def; n--) {
            def = byCollection.get(segs.slice(0, n).join("/"));
            rest = segs.slice(n);
        }
        const pattern = def ? [def.collection, ...rest.map((s, i) => (i === 0 ? "{id}" : s))].join("/") + "/" : "(unknown)";
        const key = `${method} ${pattern}`;
        log.counts[key] = (log.counts[key] ?? 0) + 1;
        log.total++;

        const auth = req.headers.authorization ?? "";
        const m = /^(Token|Api-Key)\s+(\S+)$/.exec(auth);
        if (!m) return { status: 401, body: { detail: "Authentication credentials were not provided." } };
        const tokenOrg = tokens.get(m[2]);
        if (tokenOrg === undefined) return { status: 401, body: { detail: "Invalid token." } };
        if (tokenOrg !== org) return { status: 403, body: { detail: "You do not have permission to perform this action." } };
        if (!def) return { status: 404, body: { detail: "Not found." } };
        const ctx: Ctx = { org, store, now: () => new Date().toISOString() };
        return handleEntity(def, ctx, method, rest, url, rawBody);
    };

    const server = http.createServer((req, res) => {
        handle(req).then(
            (r) => send(res, r.status, r.body),
            (e) => {
                if (e instanceof ApiFault) send(res, e.status, e.body);
                else send(res, 500, { detail: `emulator error: ${(e as Error).message}` });
            },
        );
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    return {
        url: `http://${options.host ?? "127.0.0.1"}:${port}`,
        port,
        store,
        requestCounts: () => ({ ...log.counts }),
        close: () =>
            new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            }),
    };
}
