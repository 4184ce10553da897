// A published OpenClaw agent set, deployed unchanged: every agent of the folder becomes a
// mentor on one claw server, with its workspace files, model, config, skills and push.
// Stack config (Pulumi.dev.yaml): serverUrl, folder, and optionally mentors (agent id →
// mentor UUID; an agent left out gets its own mentor), omitConfig, slugPrefix.
import * as pulumi from "@pulumi/pulumi";
import { AgentSet, ClawServer } from "pulumi-iblai-claw";

const cfg = new pulumi.Config();

const server = new ClawServer("claw", {
    serverUrl: cfg.require("serverUrl"),
    modelProviders: {
        openrouter: { baseUrl: "https://openrouter.ai/api/v1", apiType: "openai-completions", credentialName: "openrouter" },
    },
});

const set = new AgentSet("set", {
    folder: cfg.require("folder"),
    server: server.instanceId,
    mentors: cfg.getObject<Record<string, string>>("mentors"),
    omitConfig: cfg.getObject<string[]>("omitConfig"),
    slugPrefix: cfg.get("slugPrefix"),
});

/** Each agent's last push: `succeeded`, or why not. */
export const pushes = set.pushStatuses;
/** What the set holds that was not deployed, and why. */
export const notDeployed = set.notes;
/** For the server's own setup: start the gateway with this token (secret) and approve this device. */
export const gatewayToken = server.gatewayToken;
export const devicePublicKeyPem = server.devicePublicKeyPem;
export const deviceFingerprint = server.deviceFingerprint;
