import type * as pulumi from "@pulumi/pulumi";
import { MentorBindingCreate } from "../../sdk";
import { type ResourceFacts, entityOps } from "../engine/facts";
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
    ops: (client) => entityOps(client.mentorBindings),
};

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

    constructor(name: string, args: MentorBindingArgs, opts?: pulumi.CustomResourceOptions) {
        super(shapeOf(mentorBindingFacts), name, args, opts);
    }
}
