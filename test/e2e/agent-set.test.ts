import * as fs from "node:fs";
import * as path from "node:path";
import { type Emulator, startEmulator } from "../../emulator";
import { type Gateway, startGateway } from "../../emulator/gateway";
import { PulumiProject, ROOT, requirePulumi, summary } from "../helpers/pulumi";

// A published agent set (test/fixtures/agent-set/academy) deployed unchanged by ClawServer +
// AgentSet with the real pulumi CLI against the emulator: one stack, five pulumi runs.
const ORG = "set-org";
const TOKEN = "set-api-token-61b0";
const MENTORS: Record<string, string> = {
    dean: "a1d2e3f4-0000-4000-8000-00000000dea0",
    "tutor-math": "a1d2e3f4-0000-4000-8000-0000000a7701",
    "tutor-writing": "a1d2e3f4-0000-4000-8000-0000000a7702",
    researcher: "a1d2e3f4-0000-4000-8000-0000000a7703",
};
const SECRET_IN_FIXTURE = "sk-or-fixture-0000-not-a-real-key-7f3a";
const COLLECTIONS = ["claw/instances", "claw/model-providers", "claw/mentor-configs", "agent-configs", "agent-skills", "agent-skill-resources", "mentor-skill-assignments"];

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { AgentSet, ClawServer, GatewayToken } from "pulumi-iblai-claw";

const cfg = new pulumi.Config();
// Stands for the server's provisioning step, which registration must wait for.
const provisioned = new GatewayToken("provisioned");
const server = new ClawServer("claw", {
    serverUrl: cfg.require("serverUrl"),
    modelProviders: {
        openrouter: { baseUrl: "https://openrouter.ai/api/v1", apiType: "openai-completions", credentialName: "openrouter" },
    },
}, { dependsOn: [provisioned] });
const academy = new AgentSet("academy", {
    folder: "academy",
    server: server.instanceId,
    mentors: cfg.requireObject<Record<string, string>>("mentors"),
    omitConfig: ["sandbox.mode"],
});
export const pushes = academy.pushStatuses;
export const fingerprint = server.deviceFingerprint;
export const gatewayToken = server.gatewayToken;
`;

describe("an OpenClaw agent set deployed with AgentSet and the real pulumi CLI", () => {
    let emu: Emulator;
    let gateway: Gateway;
    let project: PulumiProject;
    const rows = (c: string) => emu.store.list(ORG, c);
    type Delivery = { mentor: string; files: Record<string, string>; config_patch: unknown; skills: { slug: string; files: Record<string, unknown> }[] };
    const configDeliveries = () => emu.deliveries(ORG).filter((d) => d.kind === "config") as unknown as Delivery[];
    const pushedMentors = (since: number) => configDeliveries().slice(since).map((d) => d.mentor);

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN } });
        gateway = await startGateway();
        PulumiProject.ensureRoot();
        project = new PulumiProject("agent-set", PROGRAM);
        fs.cpSync(path.join(ROOT, "test/fixtures/agent-set/academy"), path.join(project.dir, "academy"), { recursive: true });
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG, serverUrl: gateway.url }, { "iblai:apiToken": TOKEN });
    });
    const setMentor = (agent: string) => project.cli(["config", "set", "-s", project.stack, "--path", `mentors["${agent}"]`, MENTORS[agent]]);
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
        await gateway?.close();
        await emu?.close();
    });

    it("stops the preview when an agent's mentor is not a UUID, naming it, before any request", async () => {
        // (An agent left out of the table gets its own mentor: agent-set-hosted.test.ts.)
        for (const agent of ["dean", "tutor-math", "tutor-writing"]) await setMentor(agent);
        await project.cli(["config", "set", "-s", project.stack, "--path", 'mentors["researcher"]', "researcher@academy"]);
        const p = await project.preview([], { allowFail: true });
        expect(p.code).not.toBe(0);
        expect(p.stdout + p.stderr).toMatch(/openclaw\.json: agent researcher: mentors\["researcher"\] must be a mentor UUID/);
        expect(emu.requestCounts()).toEqual({});
        await setMentor("researcher");
    });

    it("deploys every agent, shared skill once, and pushes each mentor once; secrets never leave the folder", async () => {
        const r = await project.up();
        // stack + provisioning stand-in + ClawServer (1 + 5) + AgentSet + 4 ClawSkills (4 + 4 skills + 6 files)
        // + 4 ClawAgents (4 + 12 + 7 assignments)
        expect(summary(r.stdout).created).toBe(46);
        expect(r.stdout + r.stderr).toMatch(/agents\/dean\/agent\/auth-profiles\.json: not pushed: a secret/);
        expect(r.stdout + r.stderr).toMatch(/agents\/tutor-math\/agent\/notes\.txt: not deployed: unknown file/);
        expect(rows("claw/mentor-configs").map((b) => b.mentor).sort()).toEqual(Object.values(MENTORS).sort());
        expect(rows("agent-skills").map((s) => s.slug).sort()).toEqual(["citations", "grading-rubric", "graphing", "web-search"]);
        expect(rows("agent-skill-resources")).toHaveLength(6);
        expect(rows("mentor-skill-assignments")).toHaveLength(7);
        expect(pushedMentors(0).sort()).toEqual(Object.values(MENTORS).sort());

        const dean = configDeliveries().find((d) => d.mentor === MENTORS.dean);
        expect(dean?.files["IDENTITY.md"]).toContain("You run the Academy.");
        expect(JSON.stringify(dean?.config_patch)).toContain('"allowAgents":["tutor-math","tutor-writing","researcher"]');
        const math = configDeliveries().find((d) => d.mentor === MENTORS["tutor-math"]);
        expect(math?.skills.map((s) => s.slug).sort()).toEqual(["graphing", "web-search"]);
        const graphing = math?.skills.find((s) => s.slug === "graphing");
        const png = fs.readFileSync(path.join(ROOT, "test/fixtures/agent-set/academy/skills/graphing/assets/axes.png"));
        expect(graphing?.files["assets/axes.png"]).toMatchObject({ bytes: png.length });

        expect((await project.outputs()).pushes).toEqual(Object.fromEntries(Object.keys(MENTORS).map((k) => [k, "succeeded"])));
        const everything = JSON.stringify(COLLECTIONS.map(rows)) + JSON.stringify(emu.deliveries(ORG)) + (await project.exportState());
        expect(everything).not.toContain(SECRET_IN_FIXTURE);
        const state = await project.exportState();
        const instance = (JSON.parse(state).deployment.resources as { urn: string; dependencies?: string[] }[]).find((x) => x.urn.endsWith("::claw-instance"));
        expect(instance?.dependencies).toEqual(expect.arrayContaining([expect.stringMatching(/GatewayToken::provisioned$/)]));
        expect(state).not.toContain("BEGIN PRIVATE KEY");
        const gatewayToken = String(rows("claw/instances")[0].gateway_token);
        expect(gatewayToken.length).toBeGreaterThan(20);
        expect(state).not.toContain(gatewayToken);
    });

    it("previews no change, sending no request", async () => {
        const before = { ...emu.requestCounts() };
        const p = await project.preview(["--expect-no-changes"]);
        expect(summary(p.stdout)).toEqual({ unchanged: 46 });
        expect(emu.requestCounts()).toEqual(before);
        // What OpenClaw 2026.9 does with TOOLS.md (all four agents) and HEARTBEAT.md: said once for the
        // stack (the CLI lists each message again in its closing Diagnostics section: count there).
        const out = (p.stdout + p.stderr).slice((p.stdout + p.stderr).lastIndexOf("Diagnostics:"));
        expect(out).toMatch(/^Diagnostics:/);
        expect(out.match(/tools lands in the `## Tools` section of AGENTS\.md \(TOOLS\.md is retired in OpenClaw 2026\.9\)/g)).toHaveLength(1);
        expect(out.match(/heartbeat lands in the heartbeat job's monitor scratch/g)).toHaveLength(1);
        // One line per key, naming the agents, not one per agent.
        expect(out.match(/left out \(omitConfig\)/g)).toHaveLength(1);
        expect(out).toContain("openclaw.json (sandbox.mode; agents dean, tutor-math, tutor-writing, researcher): left out (omitConfig)");
    });

    it("sees no change when openclaw.json moves to the keyed form (agents.entries) of the same set", async () => {
        // From here on the set is deployed in its agents.entries form (with a stale agents.list).
        fs.copyFileSync(path.join(ROOT, "test/fixtures/agent-set/openclaw.entries.json"), path.join(project.dir, "academy/openclaw.json"));
        const p = await project.preview(["--expect-no-changes"]);
        expect(summary(p.stdout)).toEqual({ unchanged: 46 });
        expect(p.stdout + p.stderr).toMatch(/openclaw\.json \(agents\.list\): ignored: agents\.entries is present/);
    });

    it("re-pushes exactly the one agent whose file was edited", async () => {
        const soul = path.join(project.dir, "academy/agents/tutor-math/agent/SOUL.md");
        fs.appendFileSync(soul, "Celebrates a correct proof with one emoji.\n");
        const since = configDeliveries().length;
        const r = await project.up();
        expect(summary(r.stdout)).toEqual({ updated: 2, unchanged: 44 }); // the agent config and its push
        expect(pushedMentors(since)).toEqual([MENTORS["tutor-math"]]);
        expect(configDeliveries().pop()?.files).toMatchObject({ "SOUL.md": expect.stringContaining("one emoji") });
    });

    it("re-pushes only the agent a new skill was added to", async () => {
        const quiz = path.join(project.dir, "academy/skills/quiz");
        fs.mkdirSync(path.join(quiz, "references"), { recursive: true });
        fs.writeFileSync(path.join(quiz, "SKILL.md"), '---\nname: quiz\ndescription: Five questions to check a claim.\nmetadata: {"openclaw": {"emoji": "❓"}}\n---\nAsk five questions from references/questions.md.\n');
        fs.writeFileSync(path.join(quiz, "references/questions.md"), "1. Who says so?\n2. Since when?\n");
        const cfg = path.join(project.dir, "academy/openclaw.json");
        fs.writeFileSync(cfg, fs.readFileSync(cfg, "utf8").replace('skills: ["web-search", "citations"]', 'skills: ["web-search", "citations", "quiz"]'));
        const since = configDeliveries().length;
        const r = await project.up();
        // ClawSkill + Skill + SkillResource + SkillAssignment created; the researcher's push updated.
        expect(summary(r.stdout)).toMatchObject({ created: 4, updated: 1 });
        expect(summary(r.stdout)).not.toHaveProperty("replaced");
        expect(pushedMentors(since)).toEqual([MENTORS.researcher]);
        const last = configDeliveries().pop();
        expect(last?.skills.map((s) => s.slug).sort()).toEqual(["citations", "quiz", "web-search"]);
    });

    it("destroys everything, leaving nothing on the emulator", async () => {
        await project.destroy();
        for (const c of COLLECTIONS) expect({ c, n: rows(c).length }).toEqual({ c, n: 0 });
    });
});
