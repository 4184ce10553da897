import type { ClawClient } from "../../sdk";
import { type Connection, clientFor } from "../engine/connection";
import { IDENTITY, fromApi } from "../engine/crud";
import { COLLECTION_CONTEXT, type ResourceFacts } from "../engine/facts";

type Props = Record<string, unknown>;

/** A lookup function `get<Type>`: by id, or by the entity's natural key (camelCase inputs). */
export interface Lookup {
    name: string;
    facts: ResourceFacts;
    keys: string[];
}

/**
 * The lookups the engine can serve: every API entity with a natural key and a list route,
 * whose routes do not depend on a generation (a routed one is found through its mentor).
 *
 * @example
 * ```ts
 * lookupsOf(API_FACTS).map((l) => l.name); // ["getModelProvider", "getMentor", "getSkill"]
 * ```
 */
export function lookupsOf(all: Readonly<Record<string, ResourceFacts>>): Lookup[] {
    const out: Lookup[] = [];
    for (const facts of Object.values(all)) {
        const key = facts.find?.naturalKey;
        if (!key || facts.routed) continue;
        const camel = new Map(Object.entries(facts.fields).map(([k, f]) => [f.api, k]));
        const keys = key.map((a) => camel.get(a)).filter((k): k is string => k !== undefined);
        if (keys.length === key.length) out.push({ name: `get${facts.type}`, facts, keys });
    }
    return out;
}

/** A lookup found nothing: what was asked, where, and what to check. */
export class LookupNotFoundError extends Error {
    constructor(type: string, what: string, org: string | undefined) {
        super(`${type} ${what} not found in org ${org ?? "(no iblai:org)"}: check the id or key and the provider's iblai:org`);
        this.name = "LookupNotFoundError";
    }
}

/** Runs a lookup: the object's readable state (no write-only values), plus its id. */
export async function runLookup(l: Lookup, conn: Connection, args: Props): Promise<Props> {
    const where = { baseUrl: args.apiBaseUrl as string | undefined, org: args.org as string | undefined };
    const client = clientFor(conn, where);
    const ops = l.facts.ops(client, COLLECTION_CONTEXT);
    let obj: (Props & { id: number | string }) | undefined;
    if (args.id !== undefined && args.id !== null && args.id !== "") {
        obj = await ops.get(String(args.id)).catch(() => undefined);
        if (!obj) throw new LookupNotFoundError(l.facts.type, String(args.id), where.org ?? conn.org);
    } else {
        const missing = l.keys.filter((k) => args[k] === undefined);
        if (missing.length) throw new Error(`iblai:index:${l.name}: give id, or ${l.keys.join(" and ")} (missing: ${missing.join(", ")})`);
        const want = Object.fromEntries(l.keys.map((k) => [l.facts.fields[k].api, args[k]]));
        for await (const o of ops.list?.({}) ?? []) {
            if (Object.entries(want).every(([a, v]) => String(o[a]) === String(v))) {
                obj = o;
                break;
            }
        }
        if (!obj) throw new LookupNotFoundError(l.facts.type, l.keys.map((k) => `${k}=${JSON.stringify(args[k])}`).join(" "), where.org ?? conn.org);
    }
    const state = fromApi(l.facts, obj);
    for (const k of IDENTITY) delete state[k];
    return { ...state, id: String(obj.id) };
}

/** An action on a ClawInstance, as a provider function (the ones provider/functions.ts offers TypeScript). */
export interface Action {
    name: string;
    description: string;
    run(client: ClawClient, id: string): Promise<unknown>;
}

/**
 * The instance actions callable as invokes: `iblai:index:<name>` with `instance` (its id);
 * the service's answer is the `result` output.
 */
export const ACTIONS: readonly Action[] = [
    { name: "testConnectivity", description: "POST claw/instances/{id}/test-connectivity/: TLS reachability and the health endpoint.", run: (c, id) => c.instances.testConnectivity(id) },
    { name: "healthCheck", description: "POST claw/instances/{id}/health-check/: updates the instance's last health fields.", run: (c, id) => c.instances.healthCheck(id) },
    { name: "securityAudit", description: "POST claw/instances/{id}/security-audit/ (OpenClaw only): the audit's findings.", run: (c, id) => c.instances.securityAudit(id) },
    { name: "refreshVersion", description: "POST claw/instances/{id}/refresh-version/: detects claw_version from the server's handshake.", run: (c, id) => c.instances.refreshVersion(id) },
];

/** Runs an action: `{ result }`. */
export async function runAction(a: Action, conn: Connection, args: Props): Promise<Props> {
    const client = clientFor(conn, { baseUrl: args.apiBaseUrl as string | undefined, org: args.org as string | undefined });
    return { result: await a.run(client, String(args.instance)) };
}
