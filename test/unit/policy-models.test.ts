import { runResource, unknown } from "../../policy/harness";
import { modelAllowed, modelAllowlist, modelProviderHttps, modelRefsInConfig } from "../../policy/models";
import { TOKENS } from "../../policy/tokens";

const provider = (props: Record<string, unknown>) => ({
    type: TOKENS.ModelProvider,
    name: "openrouter",
    props: { server: 7, name: "openrouter", baseUrl: "https://openrouter.ai/api/v1", apiType: "openai-completions", credentialName: "or-key", ...props },
});
const agent = (props: Record<string, unknown>) => ({ type: TOKENS.AgentConfig, name: "ada", props: { mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", ...props } });
const allow = (allowedModels: string[]) => ({ "claw-model-allowlist": { allowedModels } });

describe("claw-model-provider-https", () => {
    const run = (props: Record<string, unknown>, config = {}) => runResource([modelProviderHttps], provider(props), config);
    it("passes https and a local model server over loopback http", async () => {
        expect((await run({})).diagnostics).toEqual([]);
        expect((await run({ baseUrl: "http://127.0.0.1:11434/v1" })).diagnostics).toEqual([]);
    });
    it("rejects plain http to a remote host as mandatory", async () => {
        const r = await run({ baseUrl: "http://llm.acme.dev/v1" });
        expect(r.violations).toEqual([expect.objectContaining({ level: "mandatory", message: 'ModelProvider "openrouter": baseUrl must use https (plain http is allowed only to a loopback host)' })]);
    });
    it("refuses loopback http too when configured so", async () => {
        expect((await run({ baseUrl: "http://localhost:11434" }, { "claw-model-provider-https": { allowLoopbackHttp: false } })).violations).toHaveLength(1);
    });
});

describe("model references", () => {
    it("match patterns where * stands for anything", () => {
        expect(modelAllowed("anthropic/claude-sonnet-4-6", ["anthropic/*"])).toBe(true);
        expect(modelAllowed("anthropic/claude-sonnet-4-6", ["anthropic/claude-sonnet-4-6"])).toBe(true);
        expect(modelAllowed("openai/gpt-5", ["anthropic/*", "openrouter/*"])).toBe(false);
        expect(modelAllowed("anthropicX/claude", ["anthropic/*"])).toBe(false);
        expect(modelAllowed("a.b/c", ["a?b/*"])).toBe(false); // only * is special
    });
    it("are found in a config patch as OpenClaw spells them", () => {
        expect(modelRefsInConfig({ agents: { defaults: { model: { primary: "a/b", fallbacks: ["c/d", 3] } }, list: [{ id: "x", model: "e/f" }] } })).toEqual([
            { at: "agents.defaults.model.primary", model: "a/b" },
            { at: "agents.defaults.model.fallbacks[0]", model: "c/d" },
            { at: "agents.list[0].model", model: "e/f" },
        ]);
    });
});

describe("claw-model-allowlist", () => {
    it("is inert until allowedModels is configured", async () => {
        expect((await runResource([modelAllowlist], agent({ model: "openai/gpt-5" }))).diagnostics).toEqual([]);
    });
    it("rejects an AgentConfig model, and models in its config (object or JSON5 string), that are not allowed", async () => {
        const r = await runResource([modelAllowlist], agent({ model: "openai/gpt-5", config: "{agents: {defaults: {model: {primary: 'anthropic/claude-opus-4', fallbacks: ['meta/llama']}}}}" }), allow(["anthropic/*"]));
        expect(r.violations.map((v) => v.message)).toEqual([
            'AgentConfig "ada": model names model "openai/gpt-5", which is not in allowedModels',
            'AgentConfig "ada": config agents.defaults.model.fallbacks[0] names model "meta/llama", which is not in allowedModels',
        ]);
        expect(r.violations.every((v) => v.level === "mandatory")).toBe(true);
    });
    it("checks a provider's catalog as <provider name>/<id>", async () => {
        const r = await runResource([modelAllowlist], provider({ modelCatalog: [{ id: "anthropic/claude-sonnet-4-6", name: "Sonnet" }, { id: "x-ai/grok", name: "Grok" }] }), allow(["openrouter/anthropic/*"]));
        expect(r.violations.map((v) => v.message)).toEqual(['ModelProvider "openrouter": modelCatalog[1] names model "openrouter/x-ai/grok", which is not in allowedModels']);
    });
    it("checks what is known and notes what is not", async () => {
        const r = await runResource([modelAllowlist], agent({ model: unknown.string, config: { model: "openai/gpt-5" } }), allow(["anthropic/*"]));
        expect(r.violations).toHaveLength(1);
        expect(r.unknownNotes).toHaveLength(1);
    });
});
