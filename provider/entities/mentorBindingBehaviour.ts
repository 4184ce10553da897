import type { ClawClient } from "../../sdk/client";
import { ConfigError, NotFoundError } from "../../sdk/errors";
import { sameValue } from "../../sdk/resources/entity";
import { OWNER, isUnknown } from "../engine/crud";
import { type EntityBehaviour } from "./entity";
import { type EntityOps, type OpsContext, entityOps } from "../engine/facts";
import { noticeFor } from "../engine/progress";
import { isMentorId, routesOf } from "../engine/routes";
import { agentConfigDeleted, rememberBinding } from "../engine/mentorConfigs";

// The MentorBinding's behaviour: its operations on either route generation, its notices,
// and the agent config a bind makes and a destroy removes.

/**
 * What the MentorBinding's declaration refers to: everything a binding does beyond CRUD.
 *
 * @example
 * ```ts
 * const ops = mentorBindingBehaviour.ops!(client, { routes: "mentor", props: {} });
 * ```
 */
export const mentorBindingBehaviour: EntityBehaviour = {
    // One binding per mentor on the mentor routes: a new server's binding can only follow the old one.
    deleteBeforeReplace: (olds) => routesOf(olds) === "mentor",
    notice: (news, olds) => {
        const agentId = agentIdNotice(news, olds);
        if (agentId) sayOnceAgentIdNotApplied(news[OWNER] as string | undefined, agentId);
        return autoPushNotice(news, olds);
    },
    ops: (client, ctx) => remembering(client, withAutoPushOff(ctx.routes === "mentor" ? byMentor(client) : collectionOps(client, ctx))),
    createdOutputs: { keys: ["createdAgentConfigId"], of: async (client, obj, since) => ({ createdAgentConfigId: await agentConfigMadeBy(client, obj, since) }) },
    afterDelete: (client, state) => deleteMadeAgentConfig(client, state),
};

/**
 * Issue 20: with auto_push on, the current service pushes on every agent-config write, and a
 * field left empty blanks its file on the server. Shown once per binding at preview (and
 * up) when the program asks for it or the binding (adopted, refreshed) has it on.
 */
export function autoPushNotice(news: Record<string, unknown>, olds: Record<string, unknown> | undefined): string | undefined {
    const on = news.autoPush === true || (news.autoPush === undefined && olds?.autoPush === true);
    if (!on) return undefined;
    return (
        "auto_push is on for this binding: the service pushes at once on every agent-config write, " +
        "and an empty agent-config field blanks that file on the server. ConfigPush pushes once more per edit; " +
        "set autoPush: false to leave the one push per edit to ConfigPush"
    );
}

/**
 * What happens to `agentId` on the collection routes, where the service names the OpenClaw
 * agent itself (the emulator: `mentor-<uuid>`): recorded, not sent.
 */
function agentIdNotApplied(agentId: unknown): string {
    return (
        `agentId ${JSON.stringify(agentId)} is not applied: this binding is on the collection routes (the older guide), ` +
        "where the service names the OpenClaw agent itself; it is recorded in state only. It applies on the mentor routes (iblai:apiRoutes mentor, the hosted service)"
    );
}

/**
 * Said at preview when an existing binding on the collection routes is given an `agentId`
 * it did not record (a new binding says it at create, when its routes are decided).
 */
export function agentIdNotice(news: Record<string, unknown>, olds: Record<string, unknown> | undefined): string | undefined {
    if (!olds || routesOf(olds) !== "collection" || news.agentId === undefined || isUnknown(news.agentId)) return undefined;
    return sameValue(olds.agentId, news.agentId) ? undefined : agentIdNotApplied(news.agentId);
}

let agentIdSaid = false;
/**
 * Says once per provider process, not once per binding: an AgentSet names every agent, and a
 * stack made on the collection routes before agentId existed would otherwise hear it for each
 * of its bindings at every preview (issue 21's complaint about per-agent warnings).
 */
function sayOnceAgentIdNotApplied(urn: string | undefined, text: string): void {
    if (agentIdSaid) return;
    agentIdSaid = true;
    noticeFor(urn, `iblai:MentorBinding: ${text} (said once for every binding of this run)`);
}

/** Bindings we create have auto_push off unless the program asks (issue 20). */
function withAutoPushOff(ops: EntityOps): EntityOps {
    return { ...ops, create: (b) => ops.create({ ...b, auto_push: b.auto_push ?? false }) };
}

/** The older guide's `claw/mentor-configs/`; `agentId` and `initialAgentConfig` exist only on the mentor routes. */
function collectionOps(client: ClawClient, ctx: OpsContext): EntityOps {
    const ops = entityOps(client.mentorBindings);
    const withId = <T extends Record<string, unknown> & { id: number | string }>(o: T) => ({ ...o, binding_id: o.id });
    return {
        ...ops,
        create: async ({ agent_id: agentId, ...b }) => {
            // The agent config would be lost unsaid: refused. The agent's name is the service's
            // choice here, so agentId is recorded, not sent, and said once (agentIdNotice).
            if (b.agent_config !== undefined) {
                throw new ConfigError(`initialAgentConfig: the collection routes (the older guide) take no such field, and this service or iblai:apiRoutes chose them`, {
                    hint: "leave it out and manage the config with AgentConfig, or manage this mentor on the mentor routes: pulumi config set iblai:apiRoutes mentor",
                });
            }
            if (agentId !== undefined) sayOnceAgentIdNotApplied(ctx.props[OWNER] as string | undefined, agentIdNotApplied(agentId));
            return withId(await ops.create(b));
        },
        get: async (id) => withId(await ops.get(id)),
        update: async (id, b) => withId(await ops.update(id, b)),
        list: ops.list ? (q) => withIds(ops.list?.(q) as AsyncIterable<Record<string, unknown> & { id: number | string }>) : undefined,
    };
}

async function* withIds(items: AsyncIterable<Record<string, unknown> & { id: number | string }>): AsyncGenerator<Record<string, unknown> & { id: number | string }> {
    for await (const o of items) yield { ...o, binding_id: o.id };
}

/**
 * The current guide's `mentors/<mentor>/claw-config/`: one binding per mentor, addressed
 * by it, so the resource's id is the mentor's UUID (a ConfigPush given `binding.id` then
 * knows where to push, and adoptId takes the mentor's UUID). The API's id is `bindingId`.
 */
function byMentor(client: ClawClient): EntityOps {
    type Obj = Record<string, unknown> & { id: number | string };
    const shaped = (mentor: string, o: Record<string, unknown>): Obj => ({ ...o, binding_id: o.id, mentor: typeof o.mentor === "string" ? o.mentor : mentor, id: mentor });
    return {
        create: async (b) => {
            const { mentor, ...body } = b as { mentor: string };
            return shaped(mentor, await client.mentorScoped(mentor).binding.create(body as never));
        },
        get: async (mentor) => {
            // State always holds a mentor here; anything else came from adoptId.
            if (!isMentorId(mentor)) {
                throw new ConfigError(`adoptId: on the mentor routes a binding is adopted by its mentor's UUID, not by an id`, { hint: "set adoptId to the mentor's UUID (the same as mentor)" });
            }
            return shaped(mentor, await client.mentorScoped(mentor).binding.get());
        },
        update: async (mentor, b) => {
            const { mentor: _fixed, ...body } = b;
            return shaped(mentor, await client.mentorScoped(mentor).binding.update(body as never));
        },
        delete: (mentor) => client.mentorScoped(mentor).binding.delete(),
    };
}

/** The binding's operations, noting the agent config each answer names (for AgentConfig's create). */
function remembering(client: ClawClient, ops: EntityOps): EntityOps {
    const note = <T extends Record<string, unknown>>(o: T): T => {
        rememberBinding(client, o);
        return o;
    };
    return { ...ops, create: async (b) => note(await ops.create(b)), get: async (id) => note(await ops.get(id)), update: async (id, b) => note(await ops.update(id, b)) };
}

/**
 * The id of the agent config the service made because this binding was created, or null
 * when the mentor had one before. Made = created at or after the binding itself (the
 * service's clock on both sides; the service makes both in one request, so they share an
 * instant), or after the moment before our POST where the service does not tell the
 * binding's `created_at`. No request: looking at the mentor's other bindings to tell the
 * same instant apart cost one list per binding (issue 14), and a config someone made in
 * the very instant of our binding is what it would have caught; the delete checks the
 * mentor's other bindings anyway.
 *
 * @example
 * ```ts
 * const made = await agentConfigMadeBy(client, await client.mentorBindings.get(7), new Date().toISOString());
 * ```
 */
export async function agentConfigMadeBy(_client: ClawClient, binding: Record<string, unknown>, since: string): Promise<number | string | null> {
    const cfg = binding.agent_config as { id?: number | string; created_at?: unknown } | null | undefined;
    if (!cfg || cfg.id === undefined || typeof cfg.created_at !== "string") return null;
    const made = Date.parse(cfg.created_at);
    const ref = Date.parse(typeof binding.created_at === "string" ? binding.created_at : since);
    return made >= ref ? cfg.id : null;
}

/**
 * Destroy removes what the program caused to exist: the agent config the service made for
 * this binding goes with it, unless another binding of the mentor still uses it (the
 * config belongs to the mentor, not to one server). An AgentConfig resource that adopted
 * it deletes it itself, before the binding (it depends on the binding).
 */
async function deleteMadeAgentConfig(client: ClawClient, state: Record<string, unknown>): Promise<void> {
    // The mentor routes have no delete of an agent config: it stays with the mentor.
    if (routesOf(state) === "mentor") return;
    const id = state.createdAgentConfigId;
    if (id === undefined || id === null) return;
    if (agentConfigDeleted(client, String(id))) return; // its AgentConfig resource deleted it in this run
    const mentor = String(state.mentor);
    for await (const _other of client.mentorBindings.list({ mentor })) return;
    try {
        const cfg = await client.agentConfigs.get(String(id));
        if (sameValue(cfg.mentor, mentor)) await client.agentConfigs.delete(String(id));
    } catch (e) {
        if (!NotFoundError.isInstance(e)) throw e;
    }
}
