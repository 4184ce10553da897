import { type Emulator, startEmulator } from "../../emulator";
import { type Gateway, startGateway } from "../../emulator/gateway";
import { PulumiProject, requirePulumi, summary } from "../helpers/pulumi";

// A user moves from hand-wired resources to ClawServer + ClawAgent: with `movedFrom`
// (aliases) every object is kept — nothing replaced, created or deleted but the components.
const ORG = "move-org";
const TOKEN = "move-api-token-c4e1";
const MENTOR = "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10";
const COLLECTIONS = ["claw/instances", "claw/model-providers", "claw/mentor-configs", "agent-configs", "agent-skills", "agent-skill-resources", "mentor-skill-assignments"];

const SHARED = `
const serverUrl = new pulumi.Config().require("serverUrl");
const provider = { baseUrl: "https://openrouter.ai/api/v1", apiType: "openai-completions", credentialName: "openrouter" };
const agent = { identity: "# Ada\\nA patient maths tutor.", model: "anthropic/claude-sonnet-4-6" };
const weather = { name: "Weather", slug: "weather", instruction: "Run scripts/wttr.sh <city>." };
const script = { fileType: "script" as const, filename: "wttr.sh", content: "#!/bin/sh\\ncurl -s wttr.in/$1\\n" };
`;

const HAND_WIRED = `
import * as pulumi from "@pulumi/pulumi";
import { AgentConfig, ClawInstance, ConfigPush, DeviceIdentity, GatewayToken, MentorBinding, ModelProvider,
    ProviderPush, Skill, SkillAssignment, SkillResource } from "pulumi-iblai-claw";
${SHARED}
const gateway = new GatewayToken("gateway");
const device = new DeviceIdentity("device");
const server = new ClawInstance("claw-server", {
    name: "moved", serverUrl, gatewayToken: gateway.value, connectionParams: device.connectionParams, verifyConnectivity: true,
});
const openrouter = new ModelProvider("openrouter", { ...provider, name: "openrouter", server: server.id });
new ProviderPush("providers", { instance: server.id, triggers: [openrouter.contentHash] });
const binding = new MentorBinding("mentor-binding", { mentor: "${MENTOR}", server: server.id });
const config = new AgentConfig("agent-config", { ...agent, mentor: "${MENTOR}" }, { dependsOn: [binding] });
const skill = new Skill("weather-skill", weather);
const file = new SkillResource("weather-script", { ...script, skill: skill.id });
const assignment = new SkillAssignment("weather-for-ada", { mentor: "${MENTOR}", skill: skill.id });
new ConfigPush("config-push", { binding: binding.id, triggers: [config.contentHash, skill.contentHash, file.contentHash, assignment.contentHash] });
`;

const COMPONENTS = `
import * as pulumi from "@pulumi/pulumi";
import { ClawAgent, ClawServer } from "pulumi-iblai-claw";
${SHARED}
const server = new ClawServer("prod", {
    name: "moved", serverUrl,
    modelProviders: { openrouter: provider },
    movedFrom: { instance: "claw-server", gatewayToken: "gateway", deviceIdentity: "device", providerPush: "providers", modelProviders: { openrouter: "openrouter" } },
});
new ClawAgent("ada", {
    ...agent, mentor: "${MENTOR}", server: server.instanceId,
    skills: [{ ...weather, resources: [script], movedFrom: { skill: "weather-skill", resources: { "scripts/wttr.sh": "weather-script" } } }],
    movedFrom: { binding: "mentor-binding", agentConfig: "agent-config", push: "config-push", assignments: { weather: "weather-for-ada" } },
});
`;

describe("moving hand-wired resources into ClawServer and ClawAgent with the real pulumi CLI", () => {
    let emu: Emulator;
    let gateway: Gateway;
    let project: PulumiProject;
    const ids = () => Object.fromEntries(COLLECTIONS.map((c) => [c, emu.store.list(ORG, c).map((r) => r.id)]));

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN } });
        gateway = await startGateway();
        PulumiProject.ensureRoot();
        project = new PulumiProject("components-move", HAND_WIRED);
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG, serverUrl: gateway.url }, { "iblai:apiToken": TOKEN });
    });
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
        await gateway?.close();
        await emu?.close();
    });

    it("keeps every object: no replacement, no create or delete but the three components", async () => {
        await project.up();
        const before = ids();
        const pushes = emu.deliveries(ORG).length;
        project.writeProgram(COMPONENTS);
        const r = await project.up();
        const s = summary(r.stdout);
        expect(s.replaced).toBeUndefined();
        expect(s.deleted).toBeUndefined();
        expect(s.created).toBe(3); // ClawServer, ClawAgent, and the ClawAgent's ClawSkill
        expect(ids()).toEqual(before);
        // The triggers are now keyed by what they deliver rather than a hand-made list, so the
        // two pushes run once more; nothing else changes.
        expect(s.updated).toBe(2);
        expect(emu.deliveries(ORG).length).toBe(pushes + 2);
        const p = await project.preview(["--expect-no-changes"]);
        expect(summary(p.stdout)).toEqual({ unchanged: 15 });
    });

    it("destroys everything from the component program", async () => {
        await project.destroy();
        for (const c of COLLECTIONS) expect({ c, n: emu.store.list(ORG, c).length }).toEqual({ c, n: 0 });
    });
});
