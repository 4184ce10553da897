import * as pulumi from "@pulumi/pulumi";
import { IDENTITY, OWNER } from "./crud";
import type { ResourceFacts } from "./facts";
import { READ_ONLY_GIVEN } from "./failures";
import { trimRegistrationStacks } from "./registrationStack";
import { ROUTES_KEY } from "./routes";
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
    /**
     * Adopt an existing object by its id instead of creating one: at create, the object is
     * read and PATCHed to match the program. (The `import` resource option does not work for
     * dynamic providers, pulumi/pulumi#16175.) Ignored after create; may then be removed.
     */
    adoptId?: pulumi.Input<string | number>;
}

/** What the base class must know to register a resource: its type, outputs and secrets. */
export interface ResourceShape {
    type: string;
    /** Every input, so each has an output property even when the program leaves it out. */
    inputs: readonly string[];
    /** Inputs to wrap in pulumi.secret(). */
    secretInputs: readonly string[];
    /** Outputs to declare (registered as undefined, filled by the provider). */
    outputs: readonly string[];
    /** Outputs kept secret in state (additionalSecretOutputs). */
    secretOutputs: readonly string[];
    /** Whether the resource lives on the API (has apiBaseUrl/org). */
    remote: boolean;
    /**
     * Whether the provider needs the resource's URN as an input (crud.ts OWNER), which a
     * dynamic provider's methods are not told: creates key the journal by it, pushes show
     * their progress in its row (progress.ts).
     */
    needsUrn?: boolean;
}

/**
 * The shape of an API resource with every output its facts imply: the facts' own `outputs`
 * and what the engine adds to them, read from the same facts (the delivered part's hash,
 * the route generation, what a create caused, each file's hash, the report a ClawInstance's
 * connectivity test records). One list for the class and the native schema, so the two
 * cannot disagree.
 *
 * @example
 * ```ts
 * apiShapeOf(skillFacts).outputs.includes("contentHash"); // true
 * ```
 */
export function apiShapeOf(facts: ResourceFacts): ResourceShape {
    return shapeOf(facts, {
        outputs: [
            ...(facts.delivered ? ["contentHash"] : []),
            ...(facts.routed ? [ROUTES_KEY] : []),
            ...(facts.createdOutputs?.keys ?? []),
            ...Object.entries(facts.fields)
                .filter(([, f]) => f.kind === "file")
                .map(([k]) => `${k}Hash`),
            ...(facts.afterWrite ? ["connectivity"] : []),
        ],
    });
}

/** The shape of an API resource, from its facts. */
export function shapeOf(facts: ResourceFacts, extra: Partial<Pick<ResourceShape, "outputs" | "secretOutputs">> = {}): ResourceShape {
    const secrets = Object.entries(facts.fields)
        .filter(([, f]) => f.secret)
        .map(([k]) => k);
    return {
        type: facts.type,
        inputs: Object.keys(facts.fields),
        secretInputs: secrets,
        outputs: [...Object.keys(facts.outputs), ...(extra.outputs ?? [])],
        secretOutputs: [...secrets, ...(extra.secretOutputs ?? [])],
        remote: true,
        needsUrn: facts.find !== undefined,
    };
}

let nativeTypes = false;

/**
 * Inside the native provider plugin only: register every claw resource made from here on as
 * the native type `iblai:index:<Type>` (served by this plugin) instead of a dynamic resource.
 * `construct` builds the components (ClawServer, AgentSet) with the same classes; their
 * dynamic children could not run there (a dynamic provider resolves `pulumi-iblai-claw` from
 * the program's folder, which a YAML program does not have).
 *
 * @example
 * ```ts
 * useNativeTypes(); // provider/native/main.ts, before main()
 * ```
 */
export function useNativeTypes(): void {
    nativeTypes = true;
}

/**
 * Base of every claw resource: registers `pulumi-nodejs:dynamic/iblai:<type>` with the
 * serialized stub as provider, secret inputs wrapped as secrets (so state never holds
 * them in plain text, whatever the program passed), and every output declared.
 */
export abstract class ClawResource extends pulumi.dynamic.Resource {
    protected constructor(shape: ResourceShape, name: string, args: object, opts: pulumi.CustomResourceOptions = {}) {
        // Unknown keys go through too, so that check names a typo instead of dropping it.
        const props: Record<string, unknown> = { ...(args as Record<string, unknown>) };
        for (const k of [...shape.inputs, ...(shape.remote ? IDENTITY : [])]) props[k] ??= undefined;
        for (const k of shape.secretInputs) {
            if (props[k] !== undefined) props[k] = pulumi.secret(props[k] as pulumi.Input<unknown>);
        }
        // An output given as an input (e.g. `status`) would be dropped here: check names it instead.
        // So are `id` and `urn`, which @pulumi/pulumi drops silently from every resource's inputs.
        const readOnly = [...shape.outputs, "id", "urn"].filter((k) => props[k] !== undefined && !shape.inputs.includes(k));
        for (const k of shape.outputs) props[k] = undefined;
        if (readOnly.length) props[READ_ONLY_GIVEN] = readOnly;
        if (shape.needsUrn && !nativeTypes) props[OWNER] = urnOf(name, shape.type, opts.parent);
        const options = { ...opts, additionalSecretOutputs: [...(opts.additionalSecretOutputs ?? []), ...shape.secretOutputs] };
        if (nativeTypes) {
            // A derived constructor may return the object instead of calling super: here a plain
            // CustomResource of the native type (the plugin's own check adds the URN), with the
            // subclass's prototype, so `new ClawInstance(...)` stays a ClawInstance.
            return Reflect.construct(pulumi.CustomResource, [`iblai:index:${shape.type}`, name, props, options], new.target) as ClawResource;
        }
        // @pulumi/pulumi formats a stack trace for each of the 4 promises it makes per
        // property (kept only to report leaked promises), ~4 × 20 per resource, and under
        // ts-node each frame goes through source maps: at N = 50 that was ~3 s of CPU
        // (docs/performance.md). Registration's own stack (the resource's source position
        // in state) sets its own limit and is unaffected; it is trimmed to the program's
        // frames instead (registrationStack.ts). An error thrown in here gets the stack of
        // this call back, so it still points at the program's line.
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        const restoreStacks = trimRegistrationStacks();
        try {
            super(
                providerStub(shape.type),
                name,
                props,
                options,
                "iblai",
                shape.type,
            );
        } catch (e) {
            Error.stackTraceLimit = limit;
            restoreStacks();
            if (e instanceof Error) Error.captureStackTrace(e, ClawResource);
            throw e;
        } finally {
            Error.stackTraceLimit = limit;
            restoreStacks();
        }
    }
}

/**
 * The URN the engine will give this resource, as a plain promise: an Output of the parent's
 * URN would make the parent (a component) a dependency, and a component's dependents wait
 * for all its children, this one included.
 */
function urnOf(name: string, type: string, parent: pulumi.Resource | undefined): Promise<string> {
    return new Promise((resolve) => {
        pulumi.createUrn(name, `pulumi-nodejs:dynamic/iblai:${type}`, parent).apply((u) => {
            resolve(u);
            return u;
        });
    });
}

/** Base of resources that live on the API: adds the identity outputs. */
export abstract class ClawApiResource extends ClawResource {
    /** The API origin this object lives on. */
    declare readonly apiBaseUrl: pulumi.Output<string>;
    /** The org this object lives in. */
    declare readonly org: pulumi.Output<string>;
}
