// The quickstart: the nine curl calls of the integration guide, as two components.
// `scripts/demo.sh` runs it against the local emulator (and its claw gateway stand-in);
// point it at the real service with `pulumi config set iblai:baseUrl https://platform.ibl.ai`
// and friends (see README). The same program wired resource by resource is in
// docs/components.md, "Under the hood".
import * as pulumi from "@pulumi/pulumi";
import { ClawAgent, ClawServer } from "pulumi-iblai-claw";

const cfg = new pulumi.Config();
// A stack that names a mentor (`pulumi config set mentor <uuid>`) keeps it; without one the
// agent makes its own mentor through the platform's mentor API (the org admin's, iblai:adminUser).
const mentor = cfg.get("mentor") || undefined;

// 1-3. The server: registered with a generated gateway token and device key, its model
// provider pushed to it whenever the provider changes.
const server = new ClawServer("claw", {
    name: cfg.get("serverName") ?? "quickstart-claw",
    clawType: "openclaw",
    serverUrl: cfg.get("serverUrl") ?? "https://claw.example.com",
    gatewayToken: cfg.getSecret("gatewayToken"), // default: generated
    verifyConnectivity: cfg.getBoolean("verifyConnectivity") ?? false,
    modelProviders: {
        openrouter: {
            baseUrl: "https://openrouter.ai/api/v1",
            apiType: "openai-completions",
            credentialName: "openrouter",
            modelCatalog: [{ id: "anthropic/claude-sonnet-4-6", name: "Claude Sonnet 4.6" }],
        },
    },
    // Stacks made by the hand-wired quickstart keep their objects (no replacement).
    movedFrom: { instance: "claw-server", gatewayToken: "gateway", deviceIdentity: "device", providerPush: "providers", modelProviders: { openrouter: "openrouter" } },
});

// 4-9. The mentor (made here unless `mentor` is set): bound to the server, its agent config,
// a skill with a script, and the config push, re-run whenever anything it delivers changes.
const ada = new ClawAgent("ada", {
    server: server.instanceId,
    mentor,
    newMentor: { displayName: "Ada", description: "A patient maths tutor for first-year students." },
    identity: "# Ada\nA patient maths tutor for first-year students.",
    soul: "Curious, kind, exact. Shows the steps, never just the answer.",
    model: "anthropic/claude-sonnet-4-6",
    // Lands under the mentor's own agent entry. Stack config `agentConfig` (a JSON object)
    // replaces it, e.g. to try a config on a real gateway (test/e2e/openclaw-quickstart.test.ts).
    config: cfg.getObject<Record<string, unknown>>("agentConfig") ?? { heartbeat: { every: "30m" } },
    skills: [
        {
            name: "Weather",
            slug: "weather",
            description: "Current weather for a city",
            instruction: "Run scripts/wttr.sh <city> and quote its one-line answer.",
            metadata: { openclaw: { requires: { bins: ["curl"] } } },
            resources: [{ fileType: "script", filename: "wttr.sh", content: '#!/bin/sh\ncurl -s "wttr.in/$1?format=3"\n' }],
            movedFrom: { skill: "weather-skill", resources: { "scripts/wttr.sh": "weather-script" } },
        },
    ],
    movedFrom: { binding: "mentor-binding", agentConfig: "agent-config", push: "config-push", assignments: { weather: "weather-for-ada" } },
});

export const instanceId = server.instanceId;
export const serverStatus = server.instance.status;
export const connectivity = server.connectivity;
export const deviceFingerprint = server.deviceFingerprint;
export const providerPush = server.providerPush?.pushStatus;
export const mentorId = ada.mentorId;
export const configPush = ada.pushStatus;
export const pushWarnings = ada.pushWarnings;
export const org = server.instance.org;
