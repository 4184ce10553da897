import type { OrgSnapshot } from "./org";
import { selectOrg } from "./org";
import { generateProgram, tsString } from "./program";

const MENTOR = "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10";
const OTHER = "9b2d7e41-5c3a-4f8e-b1d6-0a7c3e9f2b58";

function snapshot(): OrgSnapshot {
    return {
        org: "acme",
        baseUrl: "https://platform.ibl.ai",
        instances: [{ id: 4, name: "Prod", server_url: "https://claw.acme.dev", claw_type: "openclaw", deployment_backend: 2 } as never, { id: 5, name: "Lab", server_url: "https://lab.acme.dev" } as never],
        modelProviders: [],
        bindings: [{ id: 11, mentor: MENTOR, server: 4, enabled: true, last_config_push_status: "failed: pairing required" } as never, { id: 12, mentor: OTHER, server: 5, enabled: true } as never],
        agentConfigs: [{ id: 21, mentor: MENTOR, identity: "# Ada\nUses `code` and ${x}.\n", model: "anthropic/claude-sonnet-4-6", config: {} } as never],
        skills: [{ id: 31, name: "Weather", slug: "weather", enabled: true } as never],
        skillResources: [{ id: 41, skill: 31, file_type: "asset", filename: "logo.png", file: null } as never],
        assignments: [{ id: 51, mentor: MENTOR, skill: 31, enabled: true } as never],
        assets: new Map(),
        assetErrors: new Map([["41", "the service answered no file URL"]]),
    };
}

describe("generateProgram", () => {
    const { files, report } = generateProgram(snapshot(), { generatedAt: "2026-12-02T00:00:00Z" });
    const program = files["index.ts"] as string;

    it("declares every object to adopt, with components where they fit and references as resource references", () => {
        // A bound mentor with its config and skills: a ClawAgent adopting binding, config, assignments and push.
        expect(program).toMatch(/new claw\.ClawAgent\("ada", \{\n {4}mentor: adaMentor,\n {4}server: prodInstance\.id,/);
        expect(program).toContain("skills: [weatherSkill],");
        expect(program).toContain('adopt: { binding: 11, agentConfig: 21, assignments: { "weather": 51 }, push: true },');
        // A skill with its files: a ClawSkill adopting each.
        expect(program).toMatch(/new claw\.ClawSkill\("weather", \{\n {4}adoptId: 31,/);
        expect(program).toContain('{ adoptId: 41, fileType: "asset", filename: "logo.png", source: "assets/weather/logo.png" },');
        // A bound mentor without a config (a ClawAgent would make one): plain resources.
        expect(program).toMatch(/new claw\.MentorBinding\("mentor-9b2d7e41", \{\n {4}adoptId: 12,\n {4}mentor: mentor9b2d7e41Mentor,\n {4}server: labInstance\.id,/);
        expect(report.declared.map((d) => d.type)).toEqual([
            "ClawInstance", "ClawInstance", "ClawSkill", "Skill", "SkillResource",
            "ClawAgent", "MentorBinding", "AgentConfig", "SkillAssignment", "ConfigPush",
            "MentorBinding", "ConfigPush",
        ]);
    });

    it("leaves out empty values (no opinion) and keeps texts intact, backticks and ${ included", () => {
        expect(program).not.toContain("config: {}");
        expect(program).toContain("identity: `# Ada\nUses \\`code\\` and \\${x}.\n`");
        expect(tsString("one line")).toBe('"one line"');
    });

    it("asks for write-only values as required secret config, never inventing them", () => {
        expect(program).toContain('gatewayToken: config.requireSecret("prodGatewayToken")');
        expect(report.secrets.filter((s) => s.required).map((s) => s.key)).toEqual(["prodGatewayToken", "labGatewayToken"]);
        expect(files["Pulumi.yaml"]).toContain("  prodGatewayToken:\n    type: string\n    secret: true");
    });

    it("says what needs a hand: unknown references, missing asset bytes, unfinished pushes", () => {
        expect(report.notGenerated).toEqual(
            expect.arrayContaining([
                expect.stringContaining("deployment backend 2"),
                expect.stringContaining('asset "logo.png" of skill "weather" (id 41): the service answered no file URL; put the file at assets/weather/logo.png'),
                expect.stringContaining("config push of mentor ada on binding 11: its last push did not succeed (failed: pairing required)"),
            ]),
        );
    });

    it("names the same org the same way every time", () => {
        expect(generateProgram(snapshot(), { generatedAt: "2026-12-02T00:00:00Z" }).files["index.ts"]).toBe(program);
    });
});

describe("selectOrg", () => {
    it("--instance keeps that instance, its bindings and their mentors' things", () => {
        const part = selectOrg(snapshot(), { instances: ["Lab"] });
        expect(part.instances.map((i) => i.id)).toEqual([5]);
        expect(part.bindings.map((b) => b.id)).toEqual([12]);
        expect(part.agentConfigs).toEqual([]);
        expect(part.skills).toEqual([]);
    });

    it("--mentor keeps its bindings, the instances they need, its config and skills", () => {
        const part = selectOrg(snapshot(), { mentors: [MENTOR.toUpperCase()] });
        expect(part.instances.map((i) => i.id)).toEqual([4]);
        expect(part.agentConfigs.map((c) => c.id)).toEqual([21]);
        expect(part.skills.map((s) => s.id)).toEqual([31]);
        expect(part.skillResources.map((r) => r.id)).toEqual([41]);
    });
});
