import type * as pulumi from "@pulumi/pulumi";
import type { PushFacts } from "../engine/push";
import { type PushArgs, PushResource } from "../engine/pushResource";

/** ConfigPush: `POST claw/mentor-configs/{id}/push-config/`, then wait for the outcome. */
export const configPushFacts: PushFacts = {
    type: "ConfigPush",
    target: "binding",
    push: (client, id, wait) => client.mentorBindings.pushConfigAndWait(id, wait),
    lastPushedAt: async (client, id) => (await client.mentorBindings.get(id)).last_config_push ?? undefined,
};

/** Inputs of {@link ConfigPush}. */
export interface ConfigPushArgs extends PushArgs {
    /** The MentorBinding (its id). A change replaces. */
    binding: pulumi.Input<string | number>;
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
export class ConfigPush extends PushResource {
    declare readonly binding: pulumi.Output<number>;

    constructor(name: string, args: ConfigPushArgs, opts?: pulumi.CustomResourceOptions) {
        super(configPushFacts, name, args, opts);
    }
}
