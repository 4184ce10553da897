import { type TestResource, runStack, unknown, urnOf } from "../../policy/harness";
import { bindingHasConfigPush, instanceHasProviderPush } from "../../policy/policies";
import { TOKENS } from "../../policy/tokens";

// Stack policies: nothing configured but never delivered.
const MENTOR = "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10";
const server: TestResource = { type: TOKENS.ClawInstance, name: "prod", props: { name: "prod", serverUrl: "https://c.acme.dev", instanceId: 7 } };
const binding = (name: string, props: Record<string, unknown> = {}): TestResource => ({
    type: TOKENS.MentorBinding,
    name,
    props: { mentor: MENTOR, server: 7, bindingId: 21, ...props },
    propertyDependencies: { server: [urnOf(server)] },
});
const configPush = (b: TestResource, props: Record<string, unknown> = { binding: unknown.string }): TestResource => ({
    type: TOKENS.ConfigPush,
    name: `${b.name}-push`,
    props: { triggers: ["h"], ...props },
    dependencies: [urnOf(b)],
    propertyDependencies: { binding: [urnOf(b)] },
});
const provider = (name: string, props: Record<string, unknown> = {}, deps = true): TestResource => ({
    type: TOKENS.ModelProvider,
    name,
    props: { server: 7, name, baseUrl: "https://llm.acme.dev", apiType: "openai-completions", credentialName: "k", ...props },
    propertyDependencies: deps ? { server: [urnOf(server)] } : {},
});
const providerPush = (props: Record<string, unknown> = { instance: unknown.string }, deps = true): TestResource => ({
    type: TOKENS.ProviderPush,
    name: "prod-providers",
    props: { triggers: ["h"], ...props },
    propertyDependencies: deps ? { instance: [urnOf(server)] } : {},
});

describe("claw-binding-has-config-push", () => {
    const run = (resources: TestResource[]) => runStack([bindingHasConfigPush], resources);

    it("passes a binding pushed by a ConfigPush that references it (even while the id is unknown at preview)", async () => {
        const b = binding("ada");
        expect((await run([server, b, configPush(b)])).diagnostics).toEqual([]);
    });
    it("matches a literal binding id too", async () => {
        const b = binding("ada");
        expect((await run([server, b, { ...configPush(b, { binding: "21" }), dependencies: [], propertyDependencies: {} }])).diagnostics).toEqual([]);
    });
    it("matches a literal mentor UUID, the binding's id on the mentor routes (issue 20)", async () => {
        const b = binding("ada", { apiRoutes: "mentor" });
        expect((await run([server, b, { ...configPush(b, { binding: MENTOR }), dependencies: [], propertyDependencies: {} }])).diagnostics).toEqual([]);
    });
    it("warns (advisory) about each binding without a push, on that binding", async () => {
        const ada = binding("ada");
        const bob = binding("bob", { bindingId: 22 });
        const r = await run([server, ada, bob, configPush(ada)]);
        expect(r.violations).toEqual([
            { policy: "claw-binding-has-config-push", level: "advisory", urn: urnOf(bob), message: 'MentorBinding "bob" has no ConfigPush in this stack: its agent config and skills are never delivered to the server' },
        ]);
    });
    it("ignores disabled bindings and stacks without bindings", async () => {
        expect((await run([server, binding("off", { enabled: false })])).diagnostics).toEqual([]);
        expect((await run([server])).diagnostics).toEqual([]);
    });
});

describe("claw-instance-has-provider-push", () => {
    const run = (resources: TestResource[]) => runStack([instanceHasProviderPush], resources);

    it("passes an instance whose providers are pushed", async () => {
        expect((await run([server, provider("openrouter"), provider("anthropic"), providerPush()])).diagnostics).toEqual([]);
    });
    it("matches literal ids (the instance's instanceId output, or an instance outside the stack)", async () => {
        expect((await run([server, provider("openrouter", {}, false), providerPush({ instance: "7" }, false)])).diagnostics).toEqual([]);
        expect((await run([provider("ext", { server: 99 }, false), providerPush({ instance: 99 }, false)])).diagnostics).toEqual([]);
        // `server` is the ProviderPush's name for it now (issue 11); `instance` still counts.
        expect((await run([provider("ext", { server: 99 }, false), providerPush({ server: 99 }, false)])).diagnostics).toEqual([]);
        expect((await run([provider("ext", { server: 99 }, false), providerPush({ server: 98 }, false)])).diagnostics).not.toEqual([]);
    });
    it("warns (advisory) on the instance, naming its providers", async () => {
        const r = await run([server, provider("openrouter"), provider("anthropic")]);
        expect(r.violations).toEqual([
            {
                policy: "claw-instance-has-provider-push",
                level: "advisory",
                urn: urnOf(server),
                message: 'ClawInstance "prod" has model providers ("openrouter", "anthropic") but no ProviderPush in this stack: they are never delivered to the server',
            },
        ]);
    });
    it("warns on the provider when its instance is outside the stack", async () => {
        const ext = provider("ext", { server: 99 }, false);
        const r = await run([ext, providerPush({ instance: 98 }, false)]);
        expect(r.violations).toEqual([expect.objectContaining({ urn: urnOf(ext), message: expect.stringContaining("outside this stack") })]);
    });
    it("ignores instances without enabled providers", async () => {
        expect((await run([server])).diagnostics).toEqual([]);
        expect((await run([server, provider("off", { enabled: false })])).diagnostics).toEqual([]);
    });
});
