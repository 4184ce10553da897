import type * as pulumi from "@pulumi/pulumi";
import type { PushFacts } from "../engine/push";
import { type PushArgs, PushResource } from "../engine/pushResource";

/** ProviderPush: `POST claw/instances/{id}/push-providers/`, then wait for the outcome. */
export const providerPushFacts: PushFacts = {
    type: "ProviderPush",
    target: "instance",
    push: (client, id, wait) => client.instances.pushProvidersAndWait(id, wait),
    lastPushedAt: async (client, id) => {
        const times = (await client.modelProviders.listAll({ server: id })).map((p) => p.last_provider_push).filter((t): t is string => !!t);
        return times.sort().pop();
    },
};

/** Inputs of {@link ProviderPush}. */
export interface ProviderPushArgs extends PushArgs {
    /** The ClawInstance (its id). A change replaces. */
    instance: pulumi.Input<string | number>;
}

/**
 * Pushes every enabled model provider of a claw instance to the server when what they
 * deliver changes, and waits for the outcome (the providers' `last_provider_push*`): fails
 * with the service's status and a hint, retried by the next `up` when it failed or timed
 * out. Deleting it sends nothing.
 *
 * @example
 * ```ts
 * new ProviderPush("prod-providers", { instance: server.id, triggers: [openrouter.contentHash] });
 * ```
 */
export class ProviderPush extends PushResource {
    declare readonly instance: pulumi.Output<number>;

    constructor(name: string, args: ProviderPushArgs, opts?: pulumi.CustomResourceOptions) {
        super(providerPushFacts, name, args, opts);
    }
}
