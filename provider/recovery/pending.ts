import type { ClawClient } from "../../sdk";
import { type Connection, clientFor } from "../engine/connection";
import { clean, fromApi, toApi, whereOf } from "../engine/crud";
import { COLLECTION_CONTEXT, type OpsContext, type ResourceFacts } from "../engine/facts";
import { journalFor } from "../engine/journal";
import { findOwn } from "../engine/ownObjects";
import { ROUTES_KEY, decideRoutes } from "../engine/routes";
import { API_FACTS } from "../engine/runtime";

/**
 * Pending creates in a stack's exported state, resolved with the provider's own proof.
 *
 * Pulumi marks a create pending before it calls the provider and clears the mark when the
 * answer comes. A killed run leaves the mark, and Pulumi 3.276 keeps it through every later
 * `up` and `refresh`. Its own remedies do not help a dynamic provider:
 * `pulumi refresh --clear-pending-creates` drops the mark and forgets what the create made,
 * and `--import-pending-creates URN ID` only relabels the operation "importing", which the
 * engine then discards without reading anything (so the object stays outside state). This
 * module does what the import promised: each pending create whose object the provider can
 * prove its own (journal.ts, ownObjects.ts) becomes a resource of the state with that id
 * and the object's values as outputs; the others are dropped (nothing was made, or nothing
 * can be proven). The next `pulumi up` then keeps, updates or deletes them like any other.
 */

/** An exported resource state (apitype.ResourceV3), as far as this module reads it. */
export interface ExportedResource {
    urn: string;
    type: string;
    id?: string;
    custom?: boolean;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    [k: string]: unknown;
}

/** `pulumi stack export` output (version 3). */
export interface ExportedStack {
    version: number;
    deployment: {
        resources?: ExportedResource[];
        pending_operations?: { resource: ExportedResource; type: string }[];
        [k: string]: unknown;
    };
}

/** What became of one pending create. */
export interface Resolution {
    urn: string;
    /** `imported`: now in state with this id; `dropped`: nothing of it was found or provable. */
    outcome: "imported" | "dropped";
    id?: string;
    note: string;
}

const TYPE_PREFIX = "pulumi-nodejs:dynamic/iblai:";
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/**
 * A value of a `--show-secrets` export with its secrets opened (for matching only; never written back).
 *
 * @example
 * ```ts
 * revealed({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext: '"tok"' }); // "tok"
 * ```
 */
export function revealed(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(revealed);
    if (v && typeof v === "object") {
        const o = v as Record<string, unknown>;
        if (o[SECRET_SIG] !== undefined && typeof o.plaintext === "string") return revealed(JSON.parse(o.plaintext));
        return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, revealed(x)]));
    }
    return v;
}

async function findFor(facts: ResourceFacts, client: ClawClient, inputs: Record<string, unknown>, urn: string, ctx: OpsContext) {
    // AgentConfig keeps no journal: its create takes the mentor's one config by design.
    if (facts.type === "AgentConfig") {
        const cfg = ctx.routes === "mentor" ? await client.mentorScoped(String(inputs.mentor)).agentConfig.find() : await client.agentConfigs.findByMentor(String(inputs.mentor));
        return cfg ? { obj: cfg as Record<string, unknown> & { id: number }, since: new Date(0).toISOString() } : undefined;
    }
    const journal = journalFor(urn);
    if (!journal) return undefined;
    return findOwn(facts, client, toApi(facts, inputs), journal.pending(urn), journal.claimedByOthers(urn, facts.type), ctx);
}

/**
 * Resolves every pending create of the stack (in place) and says what became of each.
 *
 * @example
 * ```ts
 * const state = JSON.parse(exportText) as ExportedStack;
 * const done = await resolvePendingCreates(state, { apiToken: process.env.IBLAI_API_TOKEN });
 * // then: pulumi stack import < JSON.stringify(state)
 * ```
 */
export async function resolvePendingCreates(state: ExportedStack, conn: Connection): Promise<Resolution[]> {
    const d = state.deployment;
    const out: Resolution[] = [];
    const keep: { resource: ExportedResource; type: string }[] = [];
    for (const op of d.pending_operations ?? []) {
        if (op.type !== "creating") {
            keep.push(op);
            continue;
        }
        const r = op.resource;
        if ((d.resources ?? []).some((x) => x.urn === r.urn && x.delete !== true)) {
            // A later up already made it (its create found the object), or a replacement was
            // interrupted: the state's resource stands, and a retried create finds the rest.
            out.push({ urn: r.urn, outcome: "dropped", note: "already in state; the provider's journal keeps what the interrupted create made" });
            continue;
        }
        const facts = r.type.startsWith(TYPE_PREFIX) ? API_FACTS[r.type.slice(TYPE_PREFIX.length)] : undefined;
        if (!facts) {
            // Pushes and locally made values: nothing on the service to find; the next up does them again.
            out.push({ urn: r.urn, outcome: "dropped", note: "nothing to find on the service; the next up runs it again" });
            continue;
        }
        const inputs = revealed(r.inputs ?? {}) as Record<string, unknown>;
        const client = clientFor(conn, whereOf(inputs, conn));
        // The interrupted create ran on the generation this process decides the same way.
        const ctx: OpsContext = facts.routed ? { routes: await decideRoutes(conn, client), props: inputs } : COLLECTION_CONTEXT;
        const own = await findFor(facts, client, inputs, r.urn, ctx);
        const journal = journalFor(r.urn);
        if (!own) {
            journal?.resolved(r.urn);
            const why = journal?.pending(r.urn) || facts.type === "AgentConfig" ? "not found on the service" : "no journal record here to prove an object its own";
            out.push({ urn: r.urn, outcome: "dropped", note: `${why}; the next up creates it if the program still declares it` });
            continue;
        }
        const id = String(own.obj.id);
        journal?.resolved(r.urn);
        if (journal && !journal.pending(r.urn)?.ids.includes(id)) journal.made(r.urn, facts.type, id);
        const now = new Date().toISOString();
        // Outputs as a create would have returned them; the inputs keep their export form, so secrets stay secret.
        const outputs = clean({ ...(r.inputs ?? {}), ...fromApi(facts, own.obj), ...(await facts.createdOutputs?.of(client, own.obj, own.since)), ...(facts.routed ? { [ROUTES_KEY]: ctx.routes } : {}) });
        (d.resources ??= []).push({ ...r, id, outputs, created: now, modified: now });
        out.push({ urn: r.urn, outcome: "imported", id, note: `found ${facts.type} ${id} on the service` });
    }
    d.pending_operations = keep;
    return out;
}
