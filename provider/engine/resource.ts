import * as pulumi from "@pulumi/pulumi";
import { IDENTITY } from "./crud";
import type { ResourceFacts } from "./facts";
import { providerStub } from "./stub";

/** Connection identity a resource may pin instead of taking it from stack config. */
export interface IdentityArgs {
    /**
     * API origin; default: stack config `iblai:baseUrl` / `IBLAI_BASE_URL`. A change replaces.
     * (Named apiBaseUrl because a model provider has a `baseUrl` of its own.)
     */
    apiBaseUrl?: pulumi.Input<string>;
    /** Org; default: stack config `iblai:org` / `IBLAI_ORG`. A change replaces. */
    org?: pulumi.Input<string>;
}

/**
 * Base of every claw resource: registers `pulumi-nodejs:dynamic/iblai:<type>` with the
 * serialized stub as provider, secret inputs wrapped as secrets (so state never holds
 * them in plain text, whatever the program passed), and every output declared.
 */
export abstract class ClawResource extends pulumi.dynamic.Resource {
    /** The API origin this object lives on. */
    declare readonly apiBaseUrl: pulumi.Output<string>;
    /** The org this object lives in. */
    declare readonly org: pulumi.Output<string>;

    protected constructor(facts: ResourceFacts, name: string, args: object, opts: pulumi.CustomResourceOptions = {}) {
        // Unknown keys go through too, so that check names a typo instead of dropping it.
        const props: Record<string, unknown> = { ...(args as Record<string, unknown>) };
        for (const k of IDENTITY) props[k] ??= undefined;
        for (const [k, f] of Object.entries(facts.fields)) {
            if (f.secret && props[k] !== undefined) props[k] = pulumi.secret(props[k] as pulumi.Input<unknown>);
        }
        for (const k of Object.keys(facts.outputs)) props[k] = undefined;
        const secretOutputs = Object.entries(facts.fields)
            .filter(([, f]) => f.secret)
            .map(([k]) => k);
        super(
            providerStub(facts.type),
            name,
            props,
            { ...opts, additionalSecretOutputs: [...(opts.additionalSecretOutputs ?? []), ...secretOutputs] },
            "iblai",
            facts.type,
        );
    }
}
