import { AgentConfig, AgentConfigCreate, AgentConfigUpdate } from "./schemas/agentConfig";
import { ObjectRef, page } from "./schemas/common";
import { Instance, InstanceCreate } from "./schemas/instance";
import { MentorBinding, MentorBindingCreate } from "./schemas/mentorBinding";
import { ModelProvider, ModelProviderCreate } from "./schemas/modelProvider";
import { Skill, SkillCreate } from "./schemas/skill";
import { SkillAssignmentCreate } from "./schemas/skillAssignment";
import { SkillResourceCreate, SkillResourceUpdate } from "./schemas/skillResource";

const MENTOR = "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10";
const issues = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
    (r.error?.issues ?? []).map((i) => `${i.path.map(String).join(".")}: ${i.message}`);

describe("request schemas (strict)", () => {
    it.each([
        ["instance", InstanceCreate, { name: "p", server_url: "https://c.dev", gateway_token: "t" }],
        ["model provider", ModelProviderCreate, { server: 1, name: "openrouter", base_url: "https://openrouter.ai/api/v1", api_type: "openai-completions", credential_name: "or" }],
        ["mentor binding", MentorBindingCreate, { mentor: MENTOR, server: 1 }],
        ["agent config", AgentConfigCreate, { mentor: MENTOR }],
        ["skill", SkillCreate, { name: "W", slug: "weather" }],
        ["skill resource", SkillResourceCreate, { skill: 1, file_type: "script", filename: "a.sh", content: "echo" }],
        ["skill assignment", SkillAssignmentCreate, { mentor: MENTOR, skill: 1 }],
    ])("%s: accepts a minimal body and refuses unknown keys and missing required ones", (_name, schema, minimal) => {
        expect(schema.safeParse(minimal).success).toBe(true);
        expect(issues(schema.safeParse({ ...minimal, typo: 1 })).join()).toMatch(/typo/);
        const [first] = Object.keys(minimal);
        const { [first]: _dropped, ...missing } = minimal as Record<string, unknown>;
        expect(issues(schema.safeParse(missing)).join()).toContain(first);
    });

    it("checks lengths, enums, UUIDs and ids", () => {
        expect(issues(ModelProviderCreate.safeParse({ server: 1, name: "x".repeat(101), base_url: "u", api_type: "a", credential_name: "c", models_mode: "mix" }))).toEqual([
            expect.stringMatching(/^name: /),
            expect.stringMatching(/^models_mode: /),
        ]);
        expect(issues(MentorBindingCreate.safeParse({ mentor: "not-a-uuid", server: 1 }))).toEqual([expect.stringMatching(/^mentor: must be a mentor UUID/)]);
        expect(ObjectRef.parse("42")).toBe(42);
        expect(ObjectRef.safeParse(0).success).toBe(false);
        // Ids are opaque (issue 10): string ids are kept, digit strings become the number.
        expect(ObjectRef.parse("4x")).toBe("4x");
        expect(ObjectRef.parse("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10")).toBe("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10");
        for (const bad of ["", " ", "a b", "-1", "../x", 1.5, -3, null]) expect([bad, ObjectRef.safeParse(bad).success]).toEqual([bad, false]);
        expect(issues(MentorBindingCreate.safeParse({ mentor: MENTOR, server: "a b" }))).toEqual([expect.stringMatching(/^server: must be an object id/)]);
    });

    it("refuses an agent config patch with blocked paths, naming the path and never the value", () => {
        const r = AgentConfigCreate.safeParse({ mentor: MENTOR, config: { gateway: { "controlUi.dangerouslyDisableDeviceAuth": true }, "tools.exec.host": "secret-host-value" } });
        const msgs = issues(r);
        expect(msgs).toHaveLength(2);
        expect(msgs.every((m) => m.startsWith("config: "))).toBe(true);
        expect(msgs.join()).toContain("gateway.controlUi.dangerouslyDisableDeviceAuth");
        expect(msgs.join()).toContain("tools.exec.host");
        expect(msgs.join()).not.toContain("secret-host-value");
        expect(AgentConfigUpdate.safeParse({ config: JSON.parse('{"__proto__": {"polluted": true}}') }).success).toBe(false);
        expect(AgentConfigUpdate.safeParse({ config: { $include: "./other.json5" } }).success).toBe(false);
        expect(AgentConfigUpdate.safeParse({ config: { agents: { defaults: { heartbeat: { every: "30m" } } } } }).success).toBe(true);
    });

    it("takes a file only for assets, and requires one for a new asset", () => {
        const bytes = Buffer.from("png");
        expect(SkillResourceCreate.safeParse({ skill: 1, file_type: "asset", filename: "a.png", file: bytes }).success).toBe(true);
        expect(SkillResourceCreate.safeParse({ skill: 1, file_type: "asset", filename: "a.png", file: new Blob(["x"]) }).success).toBe(true);
        expect(issues(SkillResourceCreate.safeParse({ skill: 1, file_type: "asset", filename: "a.png" }))).toEqual([expect.stringMatching(/^file: an asset needs/)]);
        expect(issues(SkillResourceCreate.safeParse({ skill: 1, file_type: "script", filename: "a.sh", file: bytes }))).toEqual([expect.stringMatching(/^file: only asset/)]);
        expect(issues(SkillResourceCreate.safeParse({ skill: 1, file_type: "asset", filename: "a.png", file: "not bytes" }))).toEqual([expect.stringMatching(/^file: must be a Blob/)]);
        expect(SkillResourceUpdate.safeParse({ file: bytes }).success).toBe(true);
    });
});

describe("response schemas (lenient)", () => {
    it("keep unknown fields and accept missing or null optional ones", () => {
        expect(Instance.parse({ id: 1, name: "p", server_url: "https://c.dev", future: 1 })).toMatchObject({ future: 1 });
        expect(ModelProvider.parse({ id: 1, server: 2, name: "or", last_provider_push: null })).toMatchObject({ id: 1 });
        expect(MentorBinding.parse({ id: 1, mentor: MENTOR, server: 2, agent_config: {}, last_push_warnings: null })).toMatchObject({ agent_config: {} });
        expect(AgentConfig.parse({ id: 1, mentor: MENTOR, config: null })).toMatchObject({ id: 1 });
        expect(Skill.parse({ id: 1, name: "W", slug: "w", metadata: "name: w" })).toMatchObject({ metadata: "name: w" });
        expect(page(Skill).parse({ count: 0, results: [] })).toEqual({ count: 0, results: [] });
    });
    it("still fail on a body that breaks the contract", () => {
        expect(Skill.safeParse({ id: 1, slug: "w" }).success).toBe(false);
        expect(Skill.safeParse({ id: { n: 1 }, name: "W", slug: "w" }).success).toBe(false);
    });

    it("take ids as numbers or strings (ids are opaque)", () => {
        expect(Skill.parse({ id: "9", name: "W", slug: "w" }).id).toBe("9");
        expect(MentorBinding.parse({ id: "b-1", mentor: MENTOR, server: "srv-7" })).toMatchObject({ id: "b-1", server: "srv-7" });
        expect(page(Skill).safeParse({ results: "x" }).success).toBe(false);
    });

    // Issue 20: the current guide shows lists as a bare JSON array, the generated client the envelope.
    it("take a list as the envelope or as a bare array (one last page)", () => {
        const bare = page(Skill).parse([{ id: 1, name: "W", slug: "w", unique_id: "9b2e4c1a-7d3f-4e8a-b6c5-1f0e2d3c4b5a" }]);
        expect(bare).toMatchObject({ count: 1, next: null, results: [{ id: 1, unique_id: "9b2e4c1a-7d3f-4e8a-b6c5-1f0e2d3c4b5a" }] });
        expect(page(Skill).parse({ count: 0, next: null, previous: null, results: [] }).results).toEqual([]);
        expect(page(Skill).safeParse([{ id: 1 }]).success).toBe(false); // items are still checked
    });
});
