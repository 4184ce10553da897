/**
 * The emulator's own API under `/__emulator/` (never part of the real service, never
 * authenticated, never faulted): request log, state, reset, faults, settings, tokens,
 * and the server side of pushes (deliveries, device approval, platform credentials).
 * Every route is listed in docs/emulator.md.
 */
import { CREDENTIALS, DELIVERIES, DEVICES, INSTANCES, MENTORS } from "./collections";
import { approveDevice, revokeDevices } from "./devices";
import { ApiFault, type Reply, ROUTE_GENERATIONS, type RouteGeneration, type Settings } from "./entity";
import { createMentor, findMentor } from "./mentors";
import { type Faults, parseFaultRules } from "./faults";
import type { PushEngine } from "./pushes";
import type { Row, Store } from "./store";

/**
 * The reserved prefix of the admin API.
 *
 * @example
 * ```ts
 * await fetch(`${emu.url}${ADMIN_PREFIX}requests`); // → {"total": …, "counts": {…}}
 * ```
 */
export const ADMIN_PREFIX = "/__emulator/";

/** Counts of API requests by `METHOD route-pattern`. */
export interface RequestLog {
    counts: Record<string, number>;
    total: number;
    /** When the first API request since the last reset arrived (ISO, ms): a client's time to first request. */
    firstAt?: string;
}

function clearLog(log: RequestLog): void {
    log.counts = {};
    log.total = 0;
    log.firstAt = undefined;
}

/** What the admin API works on. */
export interface AdminDeps {
    store: Store;
    log: RequestLog;
    faults: Faults;
    settings: Settings;
    pushes: PushEngine;
    /** token → org */
    tokens: Map<string, string>;
    now: () => string;
}

const ok = (body: unknown, status = 200): Reply => ({ status, body });
const NO_CONTENT: Reply = { status: 204 };

function asObject(body: unknown): Record<string, unknown> {
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw ApiFault.detail(400, "Expected a JSON object.");
    return body as Record<string, unknown>;
}

/** Checks a settings change; unknown keys and wrong types are refused by name. */
export function applySettings(settings: Settings, body: unknown): void {
    const o = asObject(body);
    const errors: Record<string, string[]> = {};
    const next: Partial<Settings> = {};
    for (const [k, v] of Object.entries(o)) {
        if (k === "requireDeviceApproval") {
            if (typeof v === "boolean") next.requireDeviceApproval = v;
            else errors[k] = ["Must be a valid boolean."];
        } else if (k === "deliver") {
            if (v === "standin" || v === "real" || v === "auto") next.deliver = v;
            else errors[k] = ['Must be "standin", "real" or "auto".'];
        } else if (k === "pushDelayMs" || k === "probeTimeoutMs" || k === "gatewayTimeoutMs") {
            if (typeof v === "number" && Number.isFinite(v) && v >= 0) next[k] = v;
            else errors[k] = ["Must be a number ≥ 0 (milliseconds)."];
        } else if (k === "routes") {
            if (typeof v === "string" && (ROUTE_GENERATIONS as readonly string[]).includes(v)) next.routes = v as RouteGeneration;
            else errors[k] = ['Must be "both", "collection" or "mentor".'];
        } else if (k === "bareLists") {
            if (typeof v === "boolean") next.bareLists = v;
            else errors[k] = ["Must be a valid boolean."];
        } else if (k === "probeCa") {
            if (typeof v === "string" || v === null) next.probeCa = v ?? undefined;
            else errors[k] = ["Must be PEM text or null."];
        } else errors[k] = ["Unknown setting."];
    }
    if (Object.keys(errors).length) throw ApiFault.fields(errors);
    Object.assign(settings, next);
}

function filtered(rows: Row[], query: URLSearchParams, keys: readonly string[]): { count: number; results: Row[] } {
    let out = rows;
    for (const k of keys) {
        const v = query.get(k);
        if (v !== null && v !== "") out = out.filter((r) => String(r[k]) === v);
    }
    return { count: out.length, results: out };
}

/**
 * Answers one admin request. `path` is relative to the prefix, without the trailing slash.
 * The caller commits the store before answering.
 */
export function handleAdmin(deps: AdminDeps, method: string, path: string, query: URLSearchParams, body: () => unknown): Reply {
    const { store, log, faults, settings } = deps;
    const seg = path.split("/").filter((s) => s !== "").map(decodeURIComponent);
    const route = `${method} ${seg.map((s, i) => (seg[i - 1] === "orgs" || seg[i - 1] === "instances" || seg[i - 1] === "tokens" ? "*" : s)).join("/")}`;
    switch (route) {
        case "GET health":
            return ok({ ok: true });
        case "GET requests":
            return ok({ total: log.total, counts: log.counts, ...(log.firstAt ? { firstAt: log.firstAt } : {}) });
        case "GET counts":
            return ok(store.counts());
        case "GET state":
            return ok(store.snapshot());
        case "POST reset":
            deps.pushes.close();
            store.reset();
            clearLog(log);
            return NO_CONTENT;
        case "POST reset-requests":
            clearLog(log);
            return NO_CONTENT;
        case "GET faults":
            return ok({ rules: faults.list() });
        case "PUT faults": {
            const parsed = parseFaultRules(asObject(body()).rules);
            if (!parsed.ok) throw ApiFault.fields({ rules: parsed.errors });
            faults.set(parsed.rules);
            return ok({ rules: faults.list() });
        }
        case "DELETE faults":
            faults.clear();
            return NO_CONTENT;
        case "GET settings":
            return ok(settings);
        case "PUT settings":
        case "PATCH settings":
            applySettings(settings, body());
            return ok(settings);
        case "GET orgs":
            return ok({ orgs: [...new Set(deps.tokens.values())].sort() });
        case "POST tokens": {
            const o = asObject(body());
            if (typeof o.org !== "string" || o.org === "" || typeof o.token !== "string" || !/^\S+$/.test(o.token)) {
                throw ApiFault.fields({ non_field_errors: ['Send {"org": "<org>", "token": "<token without spaces>"}.'] });
            }
            deps.tokens.set(o.token, o.org);
            return ok({ org: o.org }, 201);
        }
        case "DELETE tokens/*":
            if (!deps.tokens.delete(seg[1] as string)) throw ApiFault.detail(404, "Not found.");
            return NO_CONTENT;
    }
    // Per-org routes: orgs/{org}/...
    const org = seg[1] as string;
    switch (route) {
        case "GET orgs/*/deliveries":
            return ok(filtered(store.list(org, DELIVERIES), query, ["kind", "instance", "binding", "mentor"]));
        case "DELETE orgs/*/deliveries":
            for (const d of store.list(org, DELIVERIES)) store.remove(org, DELIVERIES, d.id);
            return NO_CONTENT;
        case "GET orgs/*/devices":
            return ok(filtered(store.list(org, DEVICES), query, ["instance", "status"]));
        case "POST orgs/*/instances/*/approve-device":
        case "POST orgs/*/instances/*/revoke-device": {
            const instance = store.get(org, INSTANCES, Number(seg[3]));
            if (!instance) throw ApiFault.detail(404, `No instance ${String(seg[3])} in org ${org}.`);
            if (seg[4] === "revoke-device") return ok({ revoked: revokeDevices(store, org, instance.id, deps.now()) });
            const raw = body();
            const requestId = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>).request_id : undefined;
            if (requestId !== undefined && typeof requestId !== "string") throw ApiFault.fields({ request_id: ["Not a valid string."] });
            return ok(approveDevice(store, org, instance, requestId, deps.now()));
        }
        case "GET orgs/*/credentials": {
            const names = store.get(org, CREDENTIALS, 1)?.names;
            return ok({ names: Array.isArray(names) ? names : null });
        }
        case "PUT orgs/*/credentials": {
            const names = asObject(body()).names;
            if (!Array.isArray(names) || !names.every((n) => typeof n === "string")) throw ApiFault.fields({ names: ["Expected a list of credential names."] });
            store.put(org, CREDENTIALS, { id: 1, names });
            return ok({ names });
        }
        case "POST orgs/*/mentors": {
            // Seeds a mentor (e.g. one a stack adopts by UUID) without the mentors API.
            const o = asObject(body());
            const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
            if (typeof o.name !== "string" || o.name.trim() === "") throw ApiFault.fields({ name: ["This field is required."] });
            if (o.unique_id !== undefined && (typeof o.unique_id !== "string" || !uuidRe.test(o.unique_id))) throw ApiFault.fields({ unique_id: ["Must be a valid UUID (lower case, hyphenated)."] });
            if (store.list(org, MENTORS).some((m) => m.name === o.name) || (typeof o.unique_id === "string" && findMentor(store, org, o.unique_id))) throw ApiFault.fields({ non_field_errors: ["A mentor with this name or unique_id already exists."] });
            const m = createMentor({ store, org, now: deps.now }, { name: o.name, ...(typeof o.unique_id === "string" ? { unique_id: o.unique_id } : {}), enable_claw: o.enable_claw === true, created_by: "__emulator" });
            return ok(m, 201);
        }
        case "GET orgs/*/mentors":
            return ok(filtered(store.list(org, MENTORS), query, ["name", "unique_id"]));
        case "DELETE orgs/*/credentials":
            store.remove(org, CREDENTIALS, 1);
            return NO_CONTENT;
    }
    throw ApiFault.detail(404, `No admin route ${method} ${ADMIN_PREFIX}${path}${path ? "/" : ""} (see docs/emulator.md).`);
}
