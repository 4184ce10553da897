import type { ClawClient } from "../../sdk/client";
import { NotFoundError } from "../../sdk/errors";
import { checkMentorConfig } from "../../sdk/openclawConfig";
import { resolveOpenClawVersion } from "../../sdk/openclawSchema";
import { sameValue } from "../../sdk/resources/entity";
import type { Connection } from "../engine/connection";
import { isUnknown } from "../engine/crud";
import type { EntityOps } from "../engine/facts";
import { knownAgentConfig, noteAgentConfigDeleted } from "../engine/mentorConfigs";
import type { EntityBehaviour } from "./entity";

// The AgentConfig's behaviour: what a push delivers of it, its check against OpenClaw's
// schema, and its operations (a create adopts the mentor's one config) on either generation.

type Obj = Record<string, unknown> & { id: number | string };

const CONTENT = ["identity", "soul", "user_context", "tools", "agents", "bootstrap", "heartbeat", "memory", "model", "config"] as const;

/**
 * What a push delivers of an agent config. `allowed_models` counts only when set, so the
 * hash of every config made before it existed stays the same (no push on upgrade).
 */
function deliveredOf(o: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = Object.fromEntries(CONTENT.map((k) => [k, o[k]]));
    if (Array.isArray(o.allowed_models) && o.allowed_models.length > 0) out.allowed_models = o.allowed_models;
    return out;
}

/**
 * What the AgentConfig's declaration refers to: everything an agent config does beyond its data.
 *
 * @example
 * ```ts
 * agentConfigBehaviour.delivered!({ soul: "Kind." }); // what contentHash hashes
 * ```
 */
export const agentConfigBehaviour: EntityBehaviour = {
    delivered: deliveredOf,
    checkInputs: checkOpenClawConfig,
    ops: (client, ctx) => (ctx.routes === "mentor" ? byMentor(client, String(ctx.props.mentor)) : collectionOps(client)),
};

/**
 * The current guide's `mentors/<mentor>/agent-config/`: GET and PATCH only (the bind made
 * it). Create adopts it with a PATCH; delete sends nothing, as that route has no DELETE: the
 * config stays with the mentor (unbinding it is the MentorBinding's delete).
 */
function byMentor(client: ClawClient, mentor: string): EntityOps {
    const api = () => client.mentorScoped(mentor).agentConfig;
    const shaped = (o: Record<string, unknown> & { id: number | string }): Obj => ({ ...o, mentor: o.mentor ?? mentor });
    return {
        create: async (body) => {
            const { mentor: _m, ...fields } = body;
            return shaped(Object.keys(fields).length ? await api().update(fields as never) : await api().get());
        },
        get: async () => shaped(await api().get()),
        update: async (_id, body) => {
            const { mentor: _m, ...fields } = body;
            return shaped(await api().update(fields as never));
        },
        delete: async () => undefined,
    };
}

/** The older guide's `agent-configs/`. */
function collectionOps(client: ClawClient): EntityOps {
    return {
        // A mentor has one agent config, made by the service when the mentor is bound:
        // adopt it (PATCH) rather than create a second.
        create: async (body) => {
            const { mentor, ...fields } = body as { mentor: string };
            return (await viaBinding(client, mentor, fields)) ?? ((await client.agentConfigs.upsertForMentor(mentor, fields)) as Obj);
        },
        get: async (id) => (await client.agentConfigs.get(id)) as Obj,
        update: async (id, body) => (await client.agentConfigs.update(id, body as never)) as Obj,
        delete: async (id) => {
            await client.agentConfigs.delete(id);
            noteAgentConfigDeleted(client, id); // its binding's destroy need not look for it
        },
    };
}

/**
 * check: `config` against the OpenClaw schema snapshot of `iblai:openclawVersion` (default the
 * newest), each key where the placement rule puts it (docs/openclaw-config.md). Parts unknown
 * at preview are checked at `up`. Failures name the path and the version, never a value.
 */
function checkOpenClawConfig(inputs: Record<string, unknown>, conn: Connection): { property: string; reason: string }[] {
    let version: string | undefined;
    try {
        version = resolveOpenClawVersion(conn.openclawVersion);
    } catch (e) {
        return [{ property: "", reason: (e as Error).message }];
    }
    const config = inputs.config;
    if (version === undefined || config === null || typeof config !== "object" || Array.isArray(config)) return [];
    return checkMentorConfig(config, { version, isUnknown }).map((p) => ({ property: "", reason: p.message }));
}

/**
 * The mentor's config by the id its binding's answer named in this run (one PATCH, or one
 * GET when there is nothing to change), instead of scanning `agent-configs/`; undefined
 * when no binding named it, or that config is gone or is not the mentor's.
 */
async function viaBinding(client: ClawClient, mentor: string, fields: Record<string, unknown>): Promise<Obj | undefined> {
    const id = knownAgentConfig(client, mentor);
    if (id === undefined) return undefined;
    try {
        const cfg = (Object.keys(fields).length ? await client.agentConfigs.update(id, fields as never) : await client.agentConfigs.get(id)) as Obj;
        return sameValue(cfg.mentor, mentor) ? cfg : undefined;
    } catch (e) {
        if (NotFoundError.isInstance(e)) return undefined;
        throw e;
    }
}
