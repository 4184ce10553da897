// The quickstart: the nine curl calls of the integration guide, as one Pulumi program.
// `scripts/demo.sh` runs it against the local emulator (and its claw gateway stand-in);
// point it at the real service with `pulumi config set iblai:baseUrl https://platform.ibl.ai`
// and friends (see README).
import * as pulumi from "@pulumi/pulumi";
import {
    AgentConfig,
    ClawInstance,
    ConfigPush,
    DeviceIdentity,
    GatewayToken,
    MentorBinding,
    ModelProvider,
    ProviderPush,
    Skill,
    SkillAssignment,
    SkillResource,
} from "pulumi-iblai-claw";

const cfg = new pulumi.Config();
const mentor = cfg.get("mentor") ?? "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10";

// 1. Register the server, with a gateway token and the platform's device key made here.
const gateway = new GatewayToken("gateway");
const device = new DeviceIdentity("device");
const server = new ClawInstance("claw-server", {
    name: cfg.get("serverName") ?? "quickstart-claw",
    clawType: "openclaw",
    serverUrl: cfg.get("serverUrl") ?? "https://claw.example.com",
    gatewayToken: cfg.getSecret("gatewayToken") ?? gateway.value,
    connectionParams: device.connectionParams,
    verifyConnectivity: cfg.getBoolean("verifyConnectivity") ?? false,
});

// 2-3. A model provider, pushed to the server whenever it changes.
const openrouter = new ModelProvider("openrouter", {
    server: server.id,
    name: "openrouter",
    baseUrl: "https://openrouter.ai/api/v1",
    apiType: "openai-completions",
    credentialName: "openrouter",
    modelCatalog: [{ id: "anthropic/claude-sonnet-4-6", name: "Claude Sonnet 4.6" }],
});
const providers = new ProviderPush("providers", { instance: server.id, triggers: [openrouter.contentHash] });

// 4-5. Bind the mentor and write its agent config (adopting the one binding creates).
const binding = new MentorBinding("mentor-binding", { mentor, server: server.id });
const agent = new AgentConfig(
    "agent-config",
    {
        mentor,
        identity: "# Ada\nA patient maths tutor for first-year students.",
        soul: "Curious, kind, exact. Shows the steps, never just the answer.",
        model: "anthropic/claude-sonnet-4-6",
        // Stack config `agentConfig` (a JSON object) replaces the default, e.g. to try a config on a real gateway.
        config: cfg.getObject<Record<string, unknown>>("agentConfig") ?? { agents: { defaults: { heartbeat: { every: "30m" } } } },
    },
    { dependsOn: [binding] },
);

// 6-8. A skill with a script, assigned to the mentor.
const skill = new Skill("weather-skill", {
    name: "Weather",
    slug: "weather",
    description: "Current weather for a city",
    instruction: "Run scripts/wttr.sh <city> and quote its one-line answer.",
    metadata: { openclaw: { requires: { bins: ["curl"] } } },
});
const script = new SkillResource("weather-script", {
    skill: skill.id,
    fileType: "script",
    filename: "wttr.sh",
    content: '#!/bin/sh\ncurl -s "wttr.in/$1?format=3"\n',
});
const assignment = new SkillAssignment("weather-for-ada", { mentor, skill: skill.id });

// 9. Push the mentor's config when anything it delivers changes.
const push = new ConfigPush("config-push", {
    binding: binding.id,
    triggers: [agent.contentHash, skill.contentHash, script.contentHash, assignment.contentHash],
});

export const instanceId = server.id;
export const serverStatus = server.status;
export const connectivity = server.connectivity;
export const deviceFingerprint = device.fingerprint;
export const providerPush = providers.pushStatus;
export const configPush = push.pushStatus;
export const pushWarnings = push.warnings;
export const org = server.org;
