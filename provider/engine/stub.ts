import type * as pulumi from "@pulumi/pulumi";

/**
 * Every type registered as a dynamic resource. Each has a module of its own,
 * provider/stubs/<Type>.ts (written by `npm run generate`), whose exports are its stub.
 */
export const STUB_TYPES = [
    "AgentConfig",
    "ClawInstance",
    "ConfigPush",
    "DeviceIdentity",
    "GatewayToken",
    "Mentor",
    "MentorBinding",
    "ModelProvider",
    "ProviderPush",
    "Skill",
    "SkillAssignment",
    "SkillResource",
] as const;

/**
 * The object handed to `dynamic.Resource`, and so serialized into every resource's state
 * (inputs and outputs both).
 *
 * Pulumi copies a provider's code into state by value (docs/architecture.md, "the
 * serialization trap"), except an object that is the exports of an installed module: that
 * it writes as `require("<its export path>")`. So each type's stub is the exports of its own
 * module, `pulumi-iblai-claw/dynamic/<Type>` (package.json "./dynamic/*"), and state holds
 * ~280 bytes per copy, no local path, no client code. Where the package is not installed
 * under node_modules (this repository's own tests), Pulumi serializes the same stub by
 * value, ~600 bytes, as all state before this change holds it.
 *
 * The stub is one tiny function: the dynamic-provider host always calls `configure` (with
 * the stack config) before any other method, and ours `require()`s the installed package by
 * name and attaches the real methods of the shared engine to the provider object. Since old
 * state's stub is what runs `delete` after an upgrade, `attach(provider, type, request)` of
 * `pulumi-iblai-claw/dynamic` and the modules `pulumi-iblai-claw/dynamic/<Type>` are a
 * contract every later version keeps.
 *
 * One stub object per type, reused by every resource of that type: `@pulumi/pulumi`
 * caches a provider's serialized text by object, and serializing costs CPU in the program.
 *
 * @example
 * ```ts
 * super(providerStub("Skill"), name, props, opts, "iblai", "Skill");
 * ```
 */
export function providerStub(type: string): pulumi.dynamic.ResourceProvider {
    let stub = stubs.get(type);
    if (!stub) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        stub = (STUB_TYPES as readonly string[]).includes(type) ? (require(`../stubs/${type}`) as pulumi.dynamic.ResourceProvider) : makeStub(type);
        stubs.set(type, stub);
    }
    return stub;
}

const stubs = new Map<string, pulumi.dynamic.ResourceProvider>();

/**
 * A new stub for `type`. Its body stays free of comments and captured module values: when
 * Pulumi serializes it by value, its text is the state.
 *
 * @example
 * ```ts
 * export = makeStub("Skill"); // provider/stubs/Skill.ts
 * ```
 */
export function makeStub(type: string): pulumi.dynamic.ResourceProvider {
    // `create` and the rest exist once configure has run; the type cannot say so.
    return {
        configure: function (r: pulumi.dynamic.ConfigureRequest) {
            return require("pulumi-iblai-claw/dynamic").attach(this, type, r);
        },
    } as pulumi.dynamic.ResourceProvider;
}
