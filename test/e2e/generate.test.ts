import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { type Emulator, startEmulator } from "../../emulator";
import { writesSince } from "../helpers/emulator";
import { GuideCurl, type PopulatedOrg, populateOrg, pushesSettled } from "../helpers/guideWorkflow";
import { PulumiProject, ROOT, requirePulumi, summary } from "../helpers/pulumi";

const run = promisify(execFile);
const ORG = "gen-org";
const TOKEN = "gen-token-7d1e";
const CLI = path.join(ROOT, "dist", "generate", "cli.js");

async function generate(args: string[], emu: Emulator) {
    return run(process.execPath, [CLI, "generate", ...args], {
        cwd: ROOT,
        env: { ...process.env, IBLAI_BASE_URL: emu.url, IBLAI_ORG: ORG, IBLAI_API_TOKEN: TOKEN },
        maxBuffer: 16 << 20,
    });
}

// issue 12: an org made by hand (the guide's curl calls), turned into a program by
// `iblai-claw generate`, adopted by `pulumi up` with no writes but the write-only values.
describe("iblai-claw generate: from an existing org to an adopted stack", () => {
    let emu: Emulator;
    let org: PopulatedOrg;
    let outDir: string;
    let project: PulumiProject;

    beforeAll(async () => {
        await requirePulumi();
        PulumiProject.ensureRoot();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN }, pushDelayMs: 20 });
        org = await populateOrg(new GuideCurl(emu.url, ORG, TOKEN), () => pushesSettled(emu, ORG));
        outDir = fs.mkdtempSync(path.join(ROOT, ".e2e", "generated-"));
        fs.rmdirSync(outDir);
    });
    afterAll(async () => {
        await project?.dispose();
        if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
        await emu?.close();
    });

    it("--dry-run prints what it would declare and what needs a hand, and writes nothing", async () => {
        const before = emu.requestCounts();
        const { stdout } = await generate(["--dry-run", "--out", outDir], emu);
        expect(fs.existsSync(outDir)).toBe(false);
        expect(stdout).toContain("declares 39 resources: 2 ClawInstance, 1 ModelProvider, 1 ProviderPush, 3 ClawSkill, 3 Skill, 5 SkillResource, 4 ClawAgent, 4 MentorBinding, 4 AgentConfig, 8 SkillAssignment, 4 ConfigPush");
        expect(stdout).toMatch(/prodEuGatewayToken \(required\): the gateway token of instance "Prod EU"/);
        expect(stdout).toContain("optional");
        expect(stdout).toContain("assets/weather/logo.png");
        expect(writesSince(emu, before)).toEqual({});
    });

    it("--mentor and --instance narrow what is generated", async () => {
        const { stdout: one } = await generate(["--dry-run", "--mentor", org.mentors[1] as string], emu);
        expect(one).toContain("declares 15 resources: 1 ClawInstance, 1 ModelProvider, 1 ProviderPush, 2 ClawSkill, 2 Skill, 2 SkillResource, 1 ClawAgent, 1 MentorBinding, 1 AgentConfig, 2 SkillAssignment, 1 ConfigPush");
        expect(one).toMatch(/ClawAgent\s+grace\n/);
        expect(one).toMatch(/MentorBinding\s+grace-binding\s+\(adopts id \d+\)/);
        const { stdout: staging } = await generate(["--dry-run", "--instance", "Staging"], emu);
        expect(staging).toMatch(/declares \d+ resources: 1 ClawInstance, 2 ClawSkill, 2 Skill, 4 SkillResource, 1 ClawAgent, 1 MentorBinding, 1 AgentConfig, 2 SkillAssignment, 1 ConfigPush/);
        expect(staging).toMatch(/ClawAgent\s+hedy\n/);
    });

    it("writes a program whose first up adopts everything, writing only the gateway tokens", async () => {
        const { stdout } = await generate(["--out", outDir], emu);
        expect(stdout).toMatch(/^wrote \d+ files/);
        const program = fs.readFileSync(path.join(outDir, "index.ts"), "utf8");
        // References are resource references, never literal ids.
        expect(program).toContain("server: prodEuInstance.id");
        expect(program).toContain("skills: [weatherSkill, webSearchSkill],");
        expect(program).toContain("new claw.ClawAgent(\"ada\"");
        expect(program).not.toMatch(/server: \d/);
        expect(fs.readFileSync(path.join(outDir, "assets", "weather", "logo.png"))).toEqual(org.assetBytes);

        project = new PulumiProject("generated", "", { copyFrom: outDir });
        await project.init(
            { "iblai:baseUrl": emu.url, "iblai:org": ORG },
            { "iblai:apiToken": TOKEN, prodEuGatewayToken: org.gatewayTokens["Prod EU"] as string, stagingGatewayToken: org.gatewayTokens.Staging as string },
        );
        const before = emu.requestCounts();
        const up = await project.up();
        expect(summary(up.stdout).created).toBe(40); // 39 resources (7 of them components) and the stack
        // Nothing made, deleted or pushed: only the write-only gateway tokens were sent.
        expect(writesSince(emu, before)).toEqual({ "PATCH claw/instances/{id}/": 2 });
        const state = await project.exportState();
        for (const t of Object.values(org.gatewayTokens)) expect(state).not.toContain(t);
    });

    it("then previews empty", async () => {
        const before = emu.requestCounts();
        const preview = await project.preview(["--diff"]);
        expect(summary(preview.stdout)).toEqual({ unchanged: 40 });
        expect(writesSince(emu, before)).toEqual({});
    });

    it("an edit in the generated program changes exactly that object (and pushes it)", async () => {
        const file = path.join(project.dir, "index.ts");
        const text = fs.readFileSync(file, "utf8");
        expect(text).toContain("Be kind, Grace.");
        fs.writeFileSync(file, text.replace("Be kind, Grace.", "Be kind and brief, Grace."));
        const before = emu.requestCounts();
        const up = await project.up();
        expect(summary(up.stdout)).toMatchObject({ updated: 2, unchanged: 38 });
        expect(writesSince(emu, before)).toEqual({ "PATCH agent-configs/{id}/": 1, "POST claw/mentor-configs/{id}/push-config/": 1 });
        const grace = emu.store.list(ORG, "agent-configs").find((c) => c.mentor === org.mentors[1]);
        expect(grace?.soul).toBe("Be kind and brief, Grace.");
    });
});
