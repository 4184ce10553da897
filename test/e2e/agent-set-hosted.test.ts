import * as fs from "node:fs";
import * as path from "node:path";
import { type Emulator, startEmulator } from "../../emulator";
import { type Gateway, startGateway } from "../../emulator/gateway";
import { PulumiProject, ROOT, requirePulumi, summary } from "../helpers/pulumi";

// Issue 20: the academy agent set (test/fixtures/agent-set/academy) deployed by ClawServer +
// AgentSet with no mentors table against the emulator in hosted mode (Api-Token only, mentor
// routes, bare lists) with default provider settings: each agent makes its own mentor, each
// binding drives the set's own agent id (not the platform's default `main`), so the four
// agents of one server land under four agents. One emulator, one gateway stand-in, three
// pulumi runs (up, preview, destroy).
const ORG = "hosted-set-org";
const TOKEN = "hosted-set-token-3c9e";
const AGENTS: Record<string, string> = { dean: "The Dean", "tutor-math": "Maths Tutor", "tutor-writing": "Writing Tutor", researcher: "Researcher" };

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { AgentSet, ClawServer } from "pulumi-iblai-claw";

const cfg = new pulumi.Config();
const server = new ClawServer("claw", {
    serverUrl: cfg.require("serverUrl"),
    modelProviders: {
        openrouter: { baseUrl: "https://openrouter.ai/api/v1", apiType: "openai-completions", credentialName: "openrouter" },
    },
});
const academy = new AgentSet("academy", { folder: "academy", server: server.instanceId, omitConfig: ["sandbox.mode"] });
export const pushes = academy.pushStatuses;
export const mentorIds = pulumi.all(Object.entries(academy.agents).map(([id, a]) => a.mentorId.apply((m) => [id, m] as const))).apply(Object.fromEntries);
`;

describe("an agent set in hosted mode makes a mentor per agent and places each under its own agent id, with the real pulumi CLI", () => {
    let emu: Emulator;
    let gateway: Gateway;
    let project: PulumiProject;
    const rows = (c: string) => emu.store.list(ORG, c);
    type Delivery = { kind: string; mentor: string; agent_id: string; config_patch: { agents?: { entries?: Record<string, unknown> } } };
    const configDeliveries = () => (emu.deliveries(ORG) as unknown as Delivery[]).filter((d) => d.kind === "config");

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN }, hosted: true });
        gateway = await startGateway();
        PulumiProject.ensureRoot();
        project = new PulumiProject("agent-set-hosted", PROGRAM);
        fs.cpSync(path.join(ROOT, "test/fixtures/agent-set/academy"), path.join(project.dir, "academy"), { recursive: true });
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG, serverUrl: gateway.url }, { "iblai:apiToken": TOKEN });
    }, 120_000);
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
        await gateway?.close();
        await emu?.close();
    });

    it("up makes one mentor per agent, binds each to its own agent id, and every push succeeds", async () => {
        const r = await project.up();
        // The collection-routes run of the same set (agent-set.test.ts) creates 45 without the
        // provisioning stand-in; here each of the 4 ClawAgents adds its Mentor.
        expect(summary(r.stdout).created).toBe(49);
        const out = await project.outputs();
        expect(out.pushes).toEqual(Object.fromEntries(Object.keys(AGENTS).map((id) => [id, "succeeded"])));
        const ids = out.mentorIds as Record<string, string>;

        const mentors = rows("mentors");
        expect(mentors.map((m) => [m.name, m.display_name, m.unique_id, m.enable_claw]).sort()).toEqual(
            Object.entries(AGENTS).map(([id, display]) => [`academy-${id}`, display, ids[id], true]).sort(),
        );
        const bindings = rows("claw/mentor-configs");
        expect(bindings.map((b) => [b.mentor, b.agent_id]).sort()).toEqual(Object.keys(AGENTS).map((id) => [ids[id], id]).sort());

        // Each push placed its mentor's config under its own agent, none under `main`.
        const deliveries = configDeliveries();
        expect(deliveries.map((d) => [d.mentor, d.agent_id]).sort()).toEqual(Object.keys(AGENTS).map((id) => [ids[id], id]).sort());
        for (const d of deliveries) expect(Object.keys(d.config_patch.agents?.entries ?? {})).toEqual([d.agent_id]);
        // Delegation names the set's own ids, which are the server's agent ids here: no renaming.
        // Each push's triggers name the agent it lands in, so a changed agent id re-pushes.
        const state = JSON.parse(await project.exportState()) as { deployment: { resources: { type: string; outputs?: { triggers?: { agent?: string } } }[] } };
        const pushTargets = state.deployment.resources.filter((x) => x.type.endsWith("iblai:ConfigPush")).map((x) => x.outputs?.triggers?.agent);
        expect(pushTargets.sort()).toEqual(Object.keys(AGENTS).sort());
        const dean = deliveries.find((d) => d.agent_id === "dean");
        expect(JSON.stringify(dean?.config_patch)).toContain('"allowAgents":["tutor-math","tutor-writing","researcher"]');
    });

    it("a second preview shows no change and sends no request", async () => {
        const before = { ...emu.requestCounts() };
        const p = await project.preview(["--expect-no-changes"]);
        expect(summary(p.stdout)).toEqual({ unchanged: 49 });
        expect(emu.requestCounts()).toEqual(before);
    });

    it("destroy leaves no binding, and keeps the mentors with claw off", async () => {
        await project.destroy();
        expect(rows("claw/mentor-configs")).toEqual([]);
        expect(rows("mentors").map((m) => [m.name, m.enable_claw]).sort()).toEqual(Object.keys(AGENTS).map((id) => [`academy-${id}`, false]).sort());
    });
});
