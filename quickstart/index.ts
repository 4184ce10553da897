// The quickstart: one claw server registered with ibl.ai.
// `scripts/demo.sh` runs it against the local emulator; point it at the real service
// with `pulumi config set iblai:baseUrl https://platform.ibl.ai` (see README).
import * as pulumi from "@pulumi/pulumi";
import { ClawInstance } from "pulumi-iblai-claw";

const cfg = new pulumi.Config();

const server = new ClawInstance("claw-server", {
    name: cfg.get("serverName") ?? "quickstart-claw",
    clawType: "openclaw",
    serverUrl: cfg.get("serverUrl") ?? "https://claw.example.com",
    gatewayToken: cfg.requireSecret("gatewayToken"),
    authHeaders: { "X-Proxy-Auth": cfg.getSecret("proxyAuth") ?? "none" },
});

export const instanceId = server.id;
export const serverName = server.name;
export const status = server.status;
export const deployState = server.deployState;
export const provisionMode = server.provisionMode;
export const org = server.org;
