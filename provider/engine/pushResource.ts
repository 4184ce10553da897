import type * as pulumi from "@pulumi/pulumi";
import type { PushFacts } from "./push";
import { ClawApiResource, type IdentityArgs, type ResourceShape } from "./resource";

/** Inputs every triggered push has besides its target. */
export interface PushArgs extends IdentityArgs {
    /**
     * What the push delivers, in practice the `contentHash` outputs of the resources it
     * sends. A change of their hash pushes again; an equal hash does nothing.
     */
    triggers: pulumi.Input<unknown>;
    /** How long to wait for the push's outcome; default 300, at most 3600. */
    timeoutSeconds?: pulumi.Input<number>;
    /**
     * Take over a target that was pushed before (e.g. a program made by `iblai-claw
     * generate`): at create, when the target's last push succeeded, record the triggers as
     * delivered and send nothing; otherwise push as usual. Later changes push as usual.
     */
    adopt?: pulumi.Input<boolean>;
}

/**
 * Base of ConfigPush and ProviderPush: the outputs of the last push. The engine side is
 * `pushMethods` (push.ts).
 */
/**
 * The inputs and outputs of a push resource: what its class registers and what the native
 * provider's schema declares.
 *
 * @example
 * ```ts
 * pushShape(configPushFacts).inputs; // ["binding", "triggers", "timeoutSeconds", "adopt"]
 * ```
 */
export function pushShape(facts: PushFacts): ResourceShape {
    return {
        type: facts.type,
        inputs: [facts.target, ...(facts.aliases ?? []), "triggers", "timeoutSeconds", "adopt"],
        secretInputs: [],
        outputs: ["triggersHash", "pushStatus", "serviceStatus", "pushedAt", "warnings"],
        secretOutputs: [],
        remote: true,
        needsUrn: true,
    };
}

export abstract class PushResource extends ClawApiResource {
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

    protected constructor(facts: PushFacts, name: string, args: PushArgs, opts?: pulumi.CustomResourceOptions) {
        super(pushShape(facts), name, args, opts);
    }
}
