import type * as pulumi from "@pulumi/pulumi";
import type { PushFacts } from "../engine/push";
import { ClawApiResource, type IdentityArgs } from "../engine/resource";

/** ProviderPush: `POST claw/instances/{id}/push-providers/`, then wait for the outcome. */
export const providerPushFacts: PushFacts = {
    type: "ProviderPush",
    target: "instance",
    push: (client, id, timeoutMs) => client.instances.pushProvidersAndWait(id, { timeoutMs }),
    lastPushedAt: async (client, id) => {
        const times = (await client.modelProviders.listAll({ server: id })).map((p) => p.last_provider_push).filter((t): t is string => !!t);
        return times.sort().pop();
    },
};

/** Inputs of {@link ProviderPush}. */
export interface ProviderPushArgs extends IdentityArgs {
    /** The ClawInstance (its id). A change replaces. */
    instance: pulumi.Input<string | number>;
    /**
     * What the push delivers, e.g. `[openrouter.contentHash, anthropic.contentHash]`.
     * A change of their hash pushes again; an equal hash does nothing.
     */
    triggers: pulumi.Input<unknown>;
    /** How long to wait for the push's outcome; default 300, at most 3600. */
    timeoutSeconds?: pulumi.Input<number>;
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
export class ProviderPush extends ClawApiResource {
    declare readonly instance: pulumi.Output<number>;
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

    constructor(name: string, args: ProviderPushArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            { type: "ProviderPush", inputs: ["instance", "triggers", "timeoutSeconds"], secretInputs: [], outputs: ["triggersHash", "pushStatus", "serviceStatus", "pushedAt", "warnings"], secretOutputs: [], remote: true },
            name,
            args,
            opts,
        );
    }
}
