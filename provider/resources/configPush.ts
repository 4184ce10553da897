import type * as pulumi from "@pulumi/pulumi";
import { takeFreshPushState } from "../engine/mentorConfigs";
import type { PushFacts } from "../engine/push";
import type { BindingRef, ConfigPushId } from "../ids";
import { type PushArgs, PushResource } from "../engine/pushResource";

/**
 * ConfigPush: `POST claw/mentor-configs/{id}/push-config/`, or on the mentor routes `POST
 * mentors/{mentor}/claw-config/push-config/` (the binding's id is then its mentor), then
 * wait for the outcome.
 */
export const configPushFacts: PushFacts = {
    type: "ConfigPush",
    target: "binding",
    targetType: "MentorBinding",
    routed: true,
    // A binding made (or read) moments ago in this run saves the read before the push.
    push: (client, id, wait, routes) => {
        const options = { ...wait, before: takeFreshPushState(client, String(id)) };
        return routes === "mentor" ? client.mentorScoped(String(id)).binding.pushConfigAndWait(options) : client.mentorBindings.pushConfigAndWait(id, options);
    },
    lastPush: async (client, id, routes) => {
        const b = routes === "mentor" ? await client.mentorScoped(String(id)).binding.get() : await client.mentorBindings.get(id);
        return { at: b.last_config_push ?? undefined, status: b.last_config_push_status ?? undefined };
    },
};

/** Inputs of {@link ConfigPush}. */
export interface ConfigPushArgs extends PushArgs {
    /** The MentorBinding (its id). A change replaces. */
    binding: pulumi.Input<BindingRef>;
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
    /** This ConfigPush's id, typed so it only goes where a ConfigPush is meant. */
    declare readonly id: pulumi.Output<ConfigPushId>;
    declare readonly binding: pulumi.Output<BindingRef>;

    constructor(name: string, args: ConfigPushArgs, opts?: pulumi.CustomResourceOptions) {
        super(configPushFacts, name, args, opts);
    }
}
