import type * as pulumi from "@pulumi/pulumi";
import { classifyPushStatus } from "../../sdk";
import type { PushFacts } from "../engine/push";
import { type PushArgs, PushResource } from "../engine/pushResource";
import type { InstanceRef, ProviderPushId } from "../ids";

/** ProviderPush: `POST claw/instances/{id}/push-providers/`, then wait for the outcome. */
export const providerPushFacts: PushFacts = {
    type: "ProviderPush",
    target: "server",
    targetType: "ClawInstance",
    // The one name for a ClawInstance reference is `server`, as on MentorBinding and
    // ModelProvider (issue 11); `instance` stays accepted, and read from old state.
    aliases: ["instance"],
    push: (client, id, wait) => client.instances.pushProvidersAndWait(id, wait),
    lastPush: async (client, id) => {
        const enabled = (await client.modelProviders.listAll({ server: id })).filter((p) => p.enabled !== false);
        const times = enabled.map((p) => p.last_provider_push).filter((t): t is string => !!t);
        // The push as a whole: failed if any provider's failed, succeeded only if every one's did.
        const states = enabled.map((p) => p.last_provider_push_status ?? "");
        const status = states.find((s) => classifyPushStatus(s) !== "succeeded") ?? states[0];
        return { at: times.sort().pop(), status };
    },
};

/**
 * Inputs of {@link ProviderPush}. Give `server` (or, in older programs, `instance`): one
 * of them is required, checked at preview.
 */
export interface ProviderPushArgs extends PushArgs {
    /** The ClawInstance (its id), named as on MentorBinding and ModelProvider. A change replaces. */
    server?: pulumi.Input<InstanceRef>;
    /**
     * The ClawInstance (its id).
     * @deprecated Use `server`, the name every resource uses for it. Still accepted; switching
     * a program from `instance` to `server` causes no diff.
     */
    instance?: pulumi.Input<InstanceRef>;
}

/**
 * Pushes every enabled model provider of a claw instance to the server when what they
 * deliver changes, and waits for the outcome (the providers' `last_provider_push*`): fails
 * with the service's status and a hint, retried by the next `up` when it failed or timed
 * out. Deleting it sends nothing.
 *
 * @example
 * ```ts
 * new ProviderPush("prod-providers", { server: server.id, triggers: [openrouter.contentHash] });
 * ```
 */
export class ProviderPush extends PushResource {
    /** This ProviderPush's id, typed so it only goes where a ProviderPush is meant. */
    declare readonly id: pulumi.Output<ProviderPushId>;
    declare readonly server: pulumi.Output<InstanceRef>;
    /** @deprecated Use `server`. */
    declare readonly instance: pulumi.Output<InstanceRef>;

    constructor(name: string, args: ProviderPushArgs, opts?: pulumi.CustomResourceOptions) {
        super(providerPushFacts, name, args, opts);
    }
}
