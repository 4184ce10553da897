import { type ClawClient, NotFoundError, matches } from "../../sdk";
import { COLLECTION_CONTEXT, type EntityOps, type OpsContext, type ResourceFacts } from "./facts";
import type { OwnerRecord } from "./journal";

type Obj = Record<string, unknown> & { id: number | string };

/**
 * How far the service's clock may run behind ours: a candidate created up to this long
 * before our journal intent still counts. Larger tolerates worse clocks; smaller narrows the
 * window in which an identical object someone else made could be mistaken for ours.
 */
export const CLOCK_SKEW_MS = 120_000;

/** Ids adopted in this process, by API origin, org and type: two identical resources never take the same object. */
const taken = new Map<string, Set<string>>();

function take(where: string, id: string): boolean {
    const set = taken.get(where) ?? new Set<string>();
    taken.set(where, set);
    if (set.has(id)) return false;
    set.add(id);
    return true;
}

/** What a retried create found of its own earlier attempt. */
export interface OwnObject {
    obj: Obj;
    /** The time of the journal intent that made it (for facts that compare it with the object). */
    since: string;
}

/** True when the object's identity fields (those whose change replaces) equal the body's. */
function sameIdentity(facts: ResourceFacts, obj: Obj, body: Record<string, unknown>): boolean {
    const fixed = Object.values(facts.fields)
        .filter((f) => f.replaceOnChange && f.api && body[f.api] !== undefined)
        .map((f) => f.api);
    return matches(obj, Object.fromEntries(fixed.map((k) => [k, body[k]])));
}

/**
 * Finds the object an interrupted create of this same URN made, using the journal's proof:
 *
 * 1. ids the journal recorded right after an answer (certainly ours): the object, when it
 *    still exists. One whose identity fields no longer match the program (edited since the
 *    kill) is deleted: it is ours and nobody wants it.
 * 2. an open intent (the answer never came back): an object equal to the body on the
 *    facts' `match` fields, created after the intent (less {@link CLOCK_SKEW_MS}) where the
 *    service tells `created_at`, and not recorded as made by another URN of the stack.
 *
 * Without a journal record nothing is found: an object someone else made (another stack, a
 * person) is never taken over; a keyed create then fails with "already exists" and the
 * adoptId hint.
 *
 * @example
 * ```ts
 * const own = await findOwn(skillFacts, client, { slug: "weather", name: "Weather" }, journal.pending(urn), journal.claimedByOthers(urn, "Skill"));
 * if (own) console.log("made by an interrupted run:", own.obj.id);
 * ```
 */
export async function findOwn(
    facts: ResourceFacts,
    client: ClawClient,
    body: Record<string, unknown>,
    record: OwnerRecord | undefined,
    claimedByOthers: Set<string>,
    ctx: OpsContext = COLLECTION_CONTEXT,
): Promise<OwnObject | undefined> {
    if (!record || !facts.find) return undefined;
    const ops = facts.ops(client, ctx);
    const since = record.intentAt ?? new Date(0).toISOString();
    const where = `${client.urlOf(facts.type)}`;
    for (const id of [...record.ids].reverse()) {
        const obj = await getOrGone(ops, id);
        if (!obj) continue;
        if (!sameIdentity(facts, obj, body)) {
            await ops.delete(String(obj.id)).catch((e: unknown) => {
                if (!NotFoundError.isInstance(e)) throw e;
            });
            continue;
        }
        if (take(where, String(obj.id))) return { obj, since };
    }
    if (!record.intentAt || !ops.list) return undefined;
    const match = Object.fromEntries(facts.find.match.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));
    const after = Date.parse(record.intentAt) - CLOCK_SKEW_MS;
    const candidates: Obj[] = [];
    for await (const o of ops.list(facts.find.query?.(body) ?? {})) {
        if (!matches(o, match) || claimedByOthers.has(String(o.id))) continue;
        const created = typeof o.created_at === "string" ? Date.parse(o.created_at) : Number.NaN;
        if (!Number.isNaN(created) && created < after) continue;
        candidates.push(o);
    }
    // The earliest after the intent is the one our POST made; a later one is not ours to judge.
    candidates.sort((a, b) => String(a.created_at ?? "").localeCompare(String(b.created_at ?? "")) || Number(a.id) - Number(b.id));
    for (const o of candidates) if (take(where, String(o.id))) return { obj: o, since };
    return undefined;
}

async function getOrGone(ops: EntityOps, id: string): Promise<Obj | undefined> {
    try {
        return await ops.get(id);
    } catch (e) {
        if (NotFoundError.isInstance(e)) return undefined;
        throw e;
    }
}
