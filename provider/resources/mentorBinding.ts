import type * as pulumi from "@pulumi/pulumi";
import { type ClawClient, MentorBindingCreate, NotFoundError, sameValue } from "../../sdk";
import { type EntityOps, type ResourceFacts, entityOps } from "../engine/facts";
import { agentConfigDeleted, rememberBinding } from "../engine/mentorConfigs";
import type { BindingId, InstanceRef } from "../ids";
import { ClawApiResource, type IdentityArgs, shapeOf } from "../engine/resource";

/** The facts of `claw/mentor-configs/` for the shared engine. */
export const mentorBindingFacts: ResourceFacts = {
    type: "MentorBinding",
    fields: {
        mentor: { api: "mentor", replaceOnChange: true },
        server: { api: "server", kind: "ref", replaceOnChange: true },
        enabled: { api: "enabled" },
        autoPush: { api: "auto_push" },
    },
    outputs: {
        bindingId: "id",
        serverName: "server_name",
        agentConfig: "agent_config",
        lastConfigPush: "last_config_push",
        lastConfigPushStatus: "last_config_push_status",
        lastPushWarnings: "last_push_warnings",
    },
    createSchema: MentorBindingCreate,
    find: { naturalKey: ["mentor", "server"], match: ["mentor", "server"] },
    ops: (client) => remembering(client, entityOps(client.mentorBindings)),
    createdOutputs: { keys: ["createdAgentConfigId"], of: async (client, obj, since) => ({ createdAgentConfigId: await agentConfigMadeBy(client, obj, since) }) },
    afterDelete: (client, state) => deleteMadeAgentConfig(client, state),
};

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

/** Inputs of {@link MentorBinding}. */
export interface MentorBindingArgs extends IdentityArgs {
    /** The mentor's UUID. A change replaces. */
    mentor: pulumi.Input<string>;
    /** The claw instance (its id). A change replaces. */
    server: pulumi.Input<InstanceRef>;
    enabled?: pulumi.Input<boolean>;
    /** A flag only; the service does not act on it yet. */
    autoPush?: pulumi.Input<boolean>;
}

/**
 * Binds a mentor to a claw server: `claw/mentor-configs/`. Binding a mentor creates its
 * agent config on the service when it has none ({@link AgentConfig} adopts it). Deliver
 * the mentor's config with a {@link ConfigPush}.
 *
 * @example
 * ```ts
 * const binding = new MentorBinding("ada-on-prod", { mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", server: server.id });
 * ```
 */
export class MentorBinding extends ClawApiResource {
    /** This MentorBinding's id, typed so it only goes where a MentorBinding is meant. */
    declare readonly id: pulumi.Output<BindingId>;
    declare readonly mentor: pulumi.Output<string>;
    declare readonly server: pulumi.Output<InstanceRef>;
    declare readonly enabled: pulumi.Output<boolean>;
    declare readonly autoPush: pulumi.Output<boolean>;
    declare readonly bindingId: pulumi.Output<number | string>;
    declare readonly serverName: pulumi.Output<string>;
    /** The mentor's agent config as embedded by the service. */
    declare readonly agentConfig: pulumi.Output<Record<string, unknown> | null>;
    declare readonly lastConfigPush: pulumi.Output<string | null>;
    declare readonly lastConfigPushStatus: pulumi.Output<string | null>;
    /** Security warnings of the last push's baseline check. */
    declare readonly lastPushWarnings: pulumi.Output<unknown[] | null>;
    /**
     * The agent config the service made when this binding was created (null when the mentor
     * had one before): deleted with the binding unless another binding of the mentor remains.
     */
    declare readonly createdAgentConfigId: pulumi.Output<number | null>;

    constructor(name: string, args: MentorBindingArgs, opts?: pulumi.CustomResourceOptions) {
        super(shapeOf(mentorBindingFacts, { outputs: ["createdAgentConfigId"] }), name, args, opts);
    }
}
