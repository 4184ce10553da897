/**
 * The documented program (ClawServer + AgentSet) with the real pulumi CLI deploys a
 * published-style agent set (test/fixtures/agent-set/chambers, copied beside the program) to
 * one real OpenClaw 2026.9.6 gateway through the emulator's real delivery: preview does not stop
 * on the per-agent `subagents.maxSpawnDepth` (2026.9 refuses it on an agent): it says once that
 * it is not delivered, naming the agent and where the key is valid; every push succeeds and
 * every text and skill reads back from the gateway;
 * an edit of one file and one skill in the folder changes exactly those on the gateway.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadAgentSet } from "../../components/agentSetLoader";
import { type Emulator, startEmulator } from "../../emulator";
import { agentIdOf } from "../../emulator/placement";
import { sectionBody } from "../../openclaw/workspace";
import { changedKeys, readBack, workspaceSkills } from "../helpers/agentSetReadBack";
import { useOpenClaw } from "../helpers/openclaw";
import { PulumiProject, ROOT, requirePulumi, summary } from "../helpers/pulumi";

const ORG = "chambers-org";
const TOKEN = "chambers-api-token-4d2e";
const MENTORS: Record<string, string> = { counsel: "d0a1b2c3-d4e5-4f60-8a1b-2c3d4e5f6a80", clerk: "d1a1b2c3-d4e5-4f60-8a1b-2c3d4e5f6a81" };

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { AgentSet, ClawServer } from "pulumi-iblai-claw";

const cfg = new pulumi.Config();
const server = new ClawServer("claw", { serverUrl: cfg.require("serverUrl"), gatewayToken: cfg.requireSecret("gatewayToken") });
const set = new AgentSet("chambers", {
    folder: "chambers",
    server: server.instanceId,
    mentors: cfg.requireObject<Record<string, string>>("mentors"),
    omitConfig: cfg.getObject<string[]>("omitConfig"),
});
export const pushes = set.pushStatuses;
export const openclawConfig = server.openclawConfig;
`;

describe("a published-style agent set deployed with AgentSet to a real OpenClaw gateway", () => {
    const oc = useOpenClaw();
    let emu: Emulator;
    let project: PulumiProject;
    let folder: string;
    const serverAgentOf = (id: string) => agentIdOf(MENTORS[id]);
    const loaded = () => loadAgentSet(folder, { omitConfig: ["subagents.maxSpawnDepth"] });

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN }, deliver: "real", gatewayTimeoutMs: 60_000 });
        PulumiProject.ensureRoot();
        project = new PulumiProject("openclaw-agent-set", PROGRAM);
        folder = path.join(project.dir, "chambers");
        fs.cpSync(path.join(ROOT, "test/fixtures/agent-set/chambers"), folder, { recursive: true });
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG, serverUrl: oc().url }, { "iblai:apiToken": TOKEN, gatewayToken: oc().token });
        for (const [agent, mentor] of Object.entries(MENTORS)) await project.cli(["config", "set", "-s", project.stack, "--path", `mentors["${agent}"]`, mentor]);
    }, 240_000);
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
        await emu?.close();
    });

    it("preview does not stop on the per-agent maxSpawnDepth: it says once, naming the agent, where the key is valid and the fix, before any request", async () => {
        const p = await project.preview();
        const text = p.stdout + p.stderr;
        const note = "openclaw.json (subagents.maxSpawnDepth; agent counsel): not delivered for this agent: valid only under `agents.defaults.subagents` in OpenClaw 2026.9.6";
        expect(text).toContain(note);
        expect(text).toContain('omitConfig: ["subagents.maxSpawnDepth"]');
        // Said once (the CLI lists each message again in its closing Diagnostics section: count there).
        const diagnostics = text.slice(text.lastIndexOf("Diagnostics:"));
        expect(diagnostics.split(note)).toHaveLength(2);
        expect(emu.requestCounts()).toEqual({});
    });

    let first: Record<string, string | undefined> = {};

    it("every push succeeds and every text and skill reads back from the gateway", async () => {
        await project.up();
        const out = await project.outputs();
        expect(out.pushes).toEqual({ counsel: "succeeded", clerk: "succeeded" });
        expect(out.openclawConfig).toEqual({ gateway: { auth: { mode: "token" } }, skills: { install: { allowUploadedArchives: true } } });

        const set = loaded();
        first = await readBack(oc(), set, serverAgentOf);
        for (const a of set.agents) {
            expect(first[`${a.id}/IDENTITY.md`]).toBe(a.files.identity);
            expect(first[`${a.id}/SOUL.md`]).toBe(a.files.soul);
            expect(sectionBody(first[`${a.id}/AGENTS.md`] as string, "Tools")).toBe(a.files.tools?.trim());
            expect(first[`${a.id}/heartbeat scratch`]).toBe(a.files.heartbeat);
            expect((await workspaceSkills(oc(), serverAgentOf(a.id))).map((s) => s.name).sort()).toEqual([...(a.skills ?? [])].sort());
        }
        expect(first["counsel/AGENTS.md"]?.startsWith(set.agents[0]?.files.agents?.trimEnd() as string)).toBe(true);
        expect(first["counsel/USER.md"]).toBe(set.agents[0]?.files.userContext);
        expect(first["counsel/skills/case-law/assets/seal.png"]).toBe(fs.readFileSync(path.join(folder, "skills/case-law/assets/seal.png")).toString("base64"));
        // The set's defaults-only subagents keys reached the server once; the agent keeps its own.
        const cfg = oc().configFile() as { agents: { defaults?: { subagents?: unknown }; entries: Record<string, { subagents?: unknown }> } };
        expect(cfg.agents.defaults?.subagents).toMatchObject({ maxConcurrent: 4, archiveAfterMinutes: 60, runTimeoutSeconds: 900 });
        expect(cfg.agents.entries[serverAgentOf("counsel")]?.subagents).toEqual({ allowAgents: ["clerk"] });
    });

    it("an edit of one file and one skill in the folder changes exactly those on the gateway", async () => {
        fs.writeFileSync(path.join(folder, "agents/clerk/agent/SOUL.md"), "Orderly, exact, and brief.\n");
        fs.writeFileSync(path.join(folder, "skills/case-law/references/citation-guide.md"), "# Citation guide\n\nNeutral citations first.\n");
        const r = await project.up();
        // The clerk's agent config, the reference, and the pushes of the two agents that have case-law.
        expect(summary(r.stdout)).toMatchObject({ updated: 4 });
        const second = await readBack(oc(), loaded(), serverAgentOf);
        expect(changedKeys(first, second)).toEqual(["clerk/SOUL.md", "clerk/skills/case-law/references/citation-guide.md", "counsel/skills/case-law/references/citation-guide.md"]);
        const again = await project.up();
        expect(summary(again.stdout)).not.toHaveProperty("updated");
    });

    it("destroys cleanly", async () => {
        await project.destroy();
        expect(emu.store.list(ORG, "claw/instances")).toEqual([]);
    });
});
