import type * as pulumi from "@pulumi/pulumi";

/**
 * The object handed to `dynamic.Resource`, and so serialized into every resource's state.
 *
 * Pulumi copies a provider's code into state by value (docs/architecture.md, "the
 * serialization trap"), so the stub is one tiny function: the dynamic-provider host always
 * calls `configure` (with the stack config) before any other method, and ours `require()`s
 * the installed package by name and attaches the real methods of the shared engine to the
 * provider object. State holds ~600 bytes, no local path, no client code; and since old
 * state's stub is what runs `delete` after an upgrade, `attach(provider, type, request)` of
 * `pulumi-iblai-claw/dynamic` is a contract every later version keeps.
 *
 * The body stays free of comments and captured module values: its text is the state.
 *
 * One stub object per type, reused by every resource of that type: `@pulumi/pulumi`
 * caches a provider's serialized text by object, and serializing a function costs
 * ~10 ms of CPU in the program (docs/performance.md), so a fresh object per resource
 * made that cost grow with the resource count. The text is the same either way.
 */
export function providerStub(type: string): pulumi.dynamic.ResourceProvider {
    let stub = stubs.get(type);
    if (!stub) {
        stub = makeStub(type);
        stubs.set(type, stub);
    }
    return stub;
}

const stubs = new Map<string, pulumi.dynamic.ResourceProvider>();

function makeStub(type: string): pulumi.dynamic.ResourceProvider {
    // `create` and the rest exist once configure has run; the type cannot say so.
    return {
        configure: function (r: pulumi.dynamic.ConfigureRequest) {
            return require("pulumi-iblai-claw/dynamic").attach(this, type, r);
        },
    } as pulumi.dynamic.ResourceProvider;
}
