import type * as pulumi from "@pulumi/pulumi";
import type { PushFacts } from "../engine/push";
import { ClawApiResource, type IdentityArgs } from "../engine/resource";

/** ConfigPush: `POST claw/mentor-configs/{id}/push-config/`, then wait for the outcome. */
export const configPushFacts: PushFacts = {
    type: "ConfigPush",
    target: "binding",
    push: (client, id, timeoutMs) => client.mentorBindings.pushConfigAndWait(id, { timeoutMs }),
    lastPushedAt: async (client, id) => (await client.mentorBindings.get(id)).last_config_push ?? undefined,
};

/** Inputs of {@link ConfigPush}. */
export interface ConfigPushArgs extends IdentityArgs {
    /** The MentorBinding (its id). A change replaces. */
    binding: pulumi.Input<string | number>;
    /**
     * What the push delivers, e.g. `[agentConfig.contentHash, skill.contentHash, assignment.contentHash]`.
     * A change of their hash pushes again; an equal hash does nothing.
     */
    triggers: pulumi.Input<unknown>;
    /** How long to wait for the push's outcome; default 300, at most 3600. */
    timeoutSeconds?: pulumi.Input<number>;
}

/**
 * Pushes a mentor's config (workspace files, config patch, enabled skills) to its claw
 * server when what it delivers changes, and waits for the outcome: fails with the service's
 * status and a hint (device pairing: `openclaw devices approve`; missing device identity),
 * keeps the baseline check's `warnings`. A push that failed or timed out is retried by the
 * next `up`. Deleting it sends nothing.
 *
 * @example
 * ```ts
 * new ConfigPush("ada-push", {
 *     binding: binding.id,
 *     triggers: [ada.contentHash, weather.contentHash, adaWeather.contentHash],
 * });
 * ```
 */
export class ConfigPush extends ClawApiResource {
    declare readonly binding: pulumi.Output<number>;
    declare readonly triggers: pulumi.Output<unknown>;
    declare readonly timeoutSeconds: pulumi.Output<number | undefined>;
    /** SHA-256 of the triggers last pushed. */
    declare readonly triggersHash: pulumi.Output<string>;
    /** `succeeded`; `failed` / `timeout` / `error` after a partial failure; `superseded` when refresh saw a later push by someone else. */
    declare readonly pushStatus: pulumi.Output<string>;
    /** The service's own status text. */
    declare readonly serviceStatus: pulumi.Output<string | undefined>;
    declare readonly pushedAt: pulumi.Output<string | undefined>;
    /** The baseline check's security warnings, as text. */
    declare readonly warnings: pulumi.Output<string[]>;

    constructor(name: string, args: ConfigPushArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            { type: "ConfigPush", inputs: ["binding", "triggers", "timeoutSeconds"], secretInputs: [], outputs: ["triggersHash", "pushStatus", "serviceStatus", "pushedAt", "warnings"], secretOutputs: [], remote: true },
            name,
            args,
            opts,
        );
    }
}
