import * as fs from "node:fs";
import * as path from "node:path";
import { type Emulator, startEmulator } from "../../emulator";
import { PulumiProject, requirePulumi, summary } from "../helpers/pulumi";

// A program with every resource, driven by the real pulumi CLI against the emulator.
const ORG = "full-org";
const TOKEN = "full-api-token-8d1e";
const MENTOR = "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10";
const COLLECTIONS = [
    "claw/instances",
    "claw/model-providers",
    "claw/mentor-configs",
    "agent-configs",
    "agent-skills",
    "agent-skill-resources",
    "mentor-skill-assignments",
];

interface Knobs {
    identity: string;
    autoPush: boolean;
    soul?: string;
}

const program = (k: Knobs) => `
import { AgentConfig, ClawInstance, ConfigPush, DeviceIdentity, GatewayToken, MentorBinding, ModelProvider,
    ProviderPush, Skill, SkillAssignment, SkillResource } from "pulumi-iblai-claw";

const device = new DeviceIdentity("device");
const gateway = new GatewayToken("gateway");
const server = new ClawInstance("server", {
    name: "full-stack",
    serverUrl: "https://claw.full.example",
    gatewayToken: gateway.value,
    connectionParams: device.connectionParams,
});
const openrouter = new ModelProvider("openrouter", {
    server: server.id, name: "openrouter", baseUrl: "https://openrouter.ai/api/v1",
    apiType: "openai-completions", credentialName: "openrouter",
    modelCatalog: [{ id: "anthropic/claude-sonnet-4-6", name: "Claude Sonnet" }],
});
new ProviderPush("providers", { instance: server.id, triggers: [openrouter.contentHash] });

const binding = new MentorBinding("binding", { mentor: "${MENTOR}", server: server.id, autoPush: ${k.autoPush} });
const agent = new AgentConfig("agent", {
    mentor: "${MENTOR}",
    identity: ${JSON.stringify(k.identity)},
    ${k.soul === undefined ? "" : `soul: ${JSON.stringify(k.soul)},`}
    model: "anthropic/claude-sonnet-4-6",
    config: { agents: { defaults: { heartbeat: { every: "30m" } } } },
}, { dependsOn: [binding] });
const skill = new Skill("weather", {
    name: "Weather", slug: "weather", description: "Current weather",
    instruction: "Run scripts/wttr.sh <city>.", metadata: { openclaw: { requires: { bins: ["curl"] } } },
});
const script = new SkillResource("wttr", { skill: skill.id, fileType: "script", filename: "wttr.sh", content: "#!/bin/sh\\ncurl -s wttr.in/$1?format=3\\n" });
const asset = new SkillResource("logo", { skill: skill.id, fileType: "asset", filename: "logo.txt", source: "logo.txt" });
const assignment = new SkillAssignment("ada-weather", { mentor: "${MENTOR}", skill: skill.id });
const push = new ConfigPush("push", {
    binding: binding.id,
    triggers: [agent.contentHash, skill.contentHash, script.contentHash, asset.contentHash, assignment.contentHash],
});
export const pushStatus = push.pushStatus;
export const warnings = push.warnings;
export const devicePem = device.privateKeyPem;
export const gatewayToken = gateway.value;
`;

describe("every resource with the real pulumi CLI", () => {
    let emu: Emulator;
    let project: PulumiProject;
    const count = (route: string) => emu.requestCounts()[route] ?? 0;
    const rows = (c: string) => emu.store.list(ORG, c);
    const base: Knobs = { identity: "# Ada\nA patient maths tutor.", autoPush: false };

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN } });
        PulumiProject.ensureRoot();
        project = new PulumiProject("full-stack", program(base));
        fs.writeFileSync(path.join(project.dir, "logo.txt"), "logo v1\n");
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG }, { "iblai:apiToken": TOKEN });
    });
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
        await emu?.close();
    });

    it("creates everything, adopting the agent config the binding made, and pushes once", async () => {
        const r = await project.up();
        expect(summary(r.stdout).created).toBe(13); // 12 resources and the stack
        for (const c of COLLECTIONS) expect({ c, n: rows(c).length }).toEqual({ c, n: c === "agent-skill-resources" ? 2 : 1 });
        expect(rows("agent-configs")[0]).toMatchObject({ mentor: MENTOR, identity: base.identity, model: "anthropic/claude-sonnet-4-6" });
        expect(count("POST claw/mentor-configs/{id}/push-config/")).toBe(1);
        expect(count("POST claw/instances/{id}/push-providers/")).toBe(1);
        const out = await project.outputs();
        expect(out.pushStatus).toBe("succeeded");
        const configPushes = emu.deliveries(ORG).filter((d) => d.kind === "config");
        expect(configPushes).toHaveLength(1);
        expect(JSON.stringify(configPushes[0])).toContain("A patient maths tutor.");
        expect(JSON.stringify(configPushes[0])).toContain("weather");
    });

    it("previews nothing and sends no request at all without refresh; an up after it changes nothing", async () => {
        const before = { ...emu.requestCounts() };
        const p = await project.preview(["--expect-no-changes"]);
        expect(summary(p.stdout)).toEqual({ unchanged: 13 });
        expect(emu.requestCounts()).toEqual(before);
        const u = await project.up();
        expect(summary(u.stdout)).toEqual({ unchanged: 13 });
        expect(count("POST claw/mentor-configs/{id}/push-config/")).toBe(1);
    });

    it("keeps every secret out of the state export", async () => {
        const state = await project.exportState();
        expect(state).not.toContain(TOKEN);
        expect(state).not.toContain("BEGIN PRIVATE KEY");
        const gatewayValue = String(emu.store.list(ORG, "claw/instances")[0].gateway_token);
        expect(gatewayValue.length).toBeGreaterThan(20);
        expect(state).not.toContain(gatewayValue);
    });

    it("updates an edited agent config in place and pushes exactly once more", async () => {
        project.writeProgram(program({ ...base, identity: "# Ada\nA patient, precise maths tutor." }));
        const r = await project.up();
        expect(summary(r.stdout)).toMatchObject({ updated: 2, unchanged: 11 });
        expect(count("POST claw/mentor-configs/{id}/push-config/")).toBe(2);
        expect(rows("agent-configs")).toHaveLength(1);
        const last = emu.deliveries(ORG).filter((d) => d.kind === "config").pop();
        expect(JSON.stringify(last)).toContain("A patient, precise maths tutor.");
    });

    it("does not push again for an edit that changes nothing pushed", async () => {
        project.writeProgram(program({ ...base, identity: "# Ada\nA patient, precise maths tutor.", autoPush: true }));
        const r = await project.up();
        expect(summary(r.stdout)).toMatchObject({ updated: 1, unchanged: 12 });
        expect(rows("claw/mentor-configs")[0]).toMatchObject({ auto_push: true });
        expect(count("POST claw/mentor-configs/{id}/push-config/")).toBe(2);
    });

    it("re-uploads an asset whose file changed, and pushes it", async () => {
        fs.writeFileSync(path.join(project.dir, "logo.txt"), "logo v2, bigger\n");
        const r = await project.up();
        expect(summary(r.stdout)).toMatchObject({ updated: 2 });
        expect(count("POST claw/mentor-configs/{id}/push-config/")).toBe(3);
    });

    it("shows out-of-band edits on refresh; the next up restores them without a push, as the server never saw them", async () => {
        const cfg = rows("agent-configs")[0];
        emu.store.put(ORG, "agent-configs", { ...cfg, identity: "edited by hand" });
        const pushes = count("POST claw/mentor-configs/{id}/push-config/");
        const r = await project.refresh(["--diff"]);
        expect(r.stdout).toContain("edited by hand");
        const up = await project.up();
        expect(summary(up.stdout)).toMatchObject({ updated: 1 });
        expect(rows("agent-configs")[0]).toMatchObject({ identity: "# Ada\nA patient, precise maths tutor." });
        expect(count("POST claw/mentor-configs/{id}/push-config/")).toBe(pushes);
    });

    it("pushes again after refresh sees someone else's later push", async () => {
        const binding = rows("claw/mentor-configs")[0];
        const res = await fetch(`${emu.url}/api/ai-mentor/orgs/${ORG}/claw/mentor-configs/${binding.id}/push-config/`, {
            method: "POST",
            headers: { authorization: `Token ${TOKEN}` },
        });
        expect(res.status).toBe(202);
        await new Promise((r) => setTimeout(r, 1500)); // the emulator finishes a push within its push delay
        const r = await project.refresh();
        expect(summary(r.stdout)).toMatchObject({ updated: 1 });
        const pushes = count("POST claw/mentor-configs/{id}/push-config/");
        await project.up();
        expect(count("POST claw/mentor-configs/{id}/push-config/")).toBe(pushes + 1);
        expect((await project.outputs()).pushStatus).toBe("succeeded");
    });

    it("destroys everything and leaves the emulator with no objects", async () => {
        await project.destroy();
        for (const c of COLLECTIONS) expect({ c, n: rows(c).length }).toEqual({ c, n: 0 });
    });
});
