import type * as pulumi from "@pulumi/pulumi";
import { AgentConfigCreate, type ClawClient, NotFoundError, checkMentorConfig, resolveOpenClawVersion, sameValue } from "../../sdk";
import type { Connection } from "../engine/connection";
import { isUnknown } from "../engine/crud";
import type { EntityOps, ResourceFacts } from "../engine/facts";
import { knownAgentConfig, noteAgentConfigDeleted } from "../engine/mentorConfigs";
import type { AgentConfigId } from "../ids";
import { ClawApiResource, type IdentityArgs, shapeOf } from "../engine/resource";

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

/** The facts of `agent-configs/` for the shared engine. */
export const agentConfigFacts: ResourceFacts = {
    type: "AgentConfig",
    fields: {
        mentor: { api: "mentor", replaceOnChange: true },
        identity: { api: "identity" },
        soul: { api: "soul" },
        userContext: { api: "user_context" },
        tools: { api: "tools" },
        agents: { api: "agents" },
        bootstrap: { api: "bootstrap" },
        heartbeat: { api: "heartbeat" },
        memory: { api: "memory" },
        model: { api: "model" },
        config: { api: "config" },
        allowedModels: { api: "allowed_models" },
    },
    outputs: { agentConfigId: "id", createdAt: "created_at", updatedAt: "updated_at" },
    // The sdk's schema refuses blocked config paths (findBlockedPaths), so check does too,
    // before any request.
    createSchema: AgentConfigCreate,
    checkInputs: checkOpenClawConfig,
    delivered: deliveredOf,
    routed: true,
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

/** Inputs of {@link AgentConfig}. Each text becomes a workspace file on the server. */
export interface AgentConfigArgs extends IdentityArgs {
    /** The mentor's UUID. A change replaces. */
    mentor: pulumi.Input<string>;
    /** IDENTITY.md */
    identity?: pulumi.Input<string>;
    /** SOUL.md */
    soul?: pulumi.Input<string>;
    /** USER.md */
    userContext?: pulumi.Input<string>;
    /** TOOLS.md; on OpenClaw 2026.9 and later the `## Tools` section of AGENTS.md (docs/real-server.md). */
    tools?: pulumi.Input<string>;
    /** AGENTS.md */
    agents?: pulumi.Input<string>;
    /** BOOTSTRAP.md (consumed by the server after its first run) */
    bootstrap?: pulumi.Input<string>;
    /**
     * HEARTBEAT.md; on OpenClaw 2026.9 and later the heartbeat job's monitor scratch (at most
     * 256 KiB; the agent needs a heartbeat schedule, config `heartbeat.every`).
     */
    heartbeat?: pulumi.Input<string>;
    /** MEMORY.md */
    memory?: pulumi.Input<string>;
    /** The model, e.g. `anthropic/claude-sonnet-4-6` (part of the config patch). */
    model?: pulumi.Input<string>;
    /**
     * The config patch (heartbeat schedule, session isolation, skill toggles, fallbacks).
     * Blocked paths (gateway.auth, gateway.controlUi.dangerouslyDisableDeviceAuth,
     * tools.exec.host, sandbox.mode, hooks.allowUnsafeExternalContent) fail check, and so
     * does anything OpenClaw's schema refuses (`iblai:openclawVersion`). A top-level key
     * OpenClaw allows on an agent (`heartbeat`, `sandbox`, `tools`, ...) lands on the
     * mentor's own agent entry; others at the root (docs/openclaw-config.md).
     */
    config?: pulumi.Input<Record<string, unknown>>;
    /** The model ids the mentor may use (`allowed_models`, the platform's newer docs). */
    allowedModels?: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * A mentor's agent config: `agent-configs/`. Adopts the config the service made when the
 * mentor was bound instead of creating a second. `contentHash` is a ConfigPush trigger.
 *
 * @example
 * ```ts
 * const ada = new AgentConfig("ada", {
 *     mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10",
 *     identity: "# Ada\nA patient maths tutor.",
 *     model: "anthropic/claude-sonnet-4-6",
 *     config: { agents: { defaults: { heartbeat: { every: "30m" } } } },
 * }, { dependsOn: [binding] });
 * ```
 */
export class AgentConfig extends ClawApiResource {
    /** This AgentConfig's id, typed so it only goes where a AgentConfig is meant. */
    declare readonly id: pulumi.Output<AgentConfigId>;
    declare readonly mentor: pulumi.Output<string>;
    declare readonly identity: pulumi.Output<string>;
    declare readonly soul: pulumi.Output<string>;
    declare readonly userContext: pulumi.Output<string>;
    declare readonly tools: pulumi.Output<string>;
    declare readonly agents: pulumi.Output<string>;
    declare readonly bootstrap: pulumi.Output<string>;
    declare readonly heartbeat: pulumi.Output<string>;
    declare readonly memory: pulumi.Output<string>;
    declare readonly model: pulumi.Output<string>;
    declare readonly config: pulumi.Output<Record<string, unknown>>;
    declare readonly allowedModels: pulumi.Output<string[] | undefined>;
    /** The route generation this config is managed on (`mentor` or `collection`; absent: collection). */
    declare readonly apiRoutes: pulumi.Output<string | undefined>;
    declare readonly agentConfigId: pulumi.Output<number | string>;
    declare readonly createdAt: pulumi.Output<string>;
    declare readonly updatedAt: pulumi.Output<string>;
    /** SHA-256 of the workspace files, model and config: a ConfigPush trigger. */
    declare readonly contentHash: pulumi.Output<string>;

    constructor(name: string, args: AgentConfigArgs, opts?: pulumi.CustomResourceOptions) {
        super(shapeOf(agentConfigFacts, { outputs: ["contentHash", "apiRoutes"] }), name, args, opts);
    }
}
