// Provision a real OpenClaw gateway with @pulumi/command, register it with ibl.ai, and push
// a mentor to it.
//
// "The server" is this machine: the command writes the gateway's config (its token, made
// here by GatewayToken, and `skills.install.allowUploadedArchives: true`, which the platform's
// skill delivery needs; docs/real-server.md) into `serverDir`, starts `openclaw gateway --bind loopback` in the
// background and waits until it is ready; its delete stops the gateway and removes the
// folder. On a real host the same steps run over ssh or in cloud-init. The platform reaches
// the gateway from loopback, so OpenClaw pairs the platform's device (DeviceIdentity)
// silently; through a TLS proxy you approve it once with `openclaw devices approve`
// (docs/real-server.md).
import { local } from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { AgentConfig, ClawInstance, ConfigPush, DeviceIdentity, GatewayToken, MentorBinding } from "pulumi-iblai-claw";

const cfg = new pulumi.Config();
const serverDir = cfg.get("serverDir") ?? "server"; // relative paths are relative to this folder
const gatewayPort = cfg.getNumber("gatewayPort") ?? 18789;
const openclawBin = cfg.get("openclawBin") ?? "openclaw"; // npm install -g openclaw@2026.9.6 (Node >= 24.16)
const mentor = cfg.get("mentor") ?? "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

const token = new GatewayToken("gateway");
const device = new DeviceIdentity("device");

// Writes the config, starts the gateway (its own state folder and HOME), waits for /readyz.
const startGateway = `set -eu
umask 077
mkdir -p "$SERVER_DIR/state" "$SERVER_DIR/home"
if [ -f "$SERVER_DIR/gateway.pid" ]; then kill -- "-$(cat "$SERVER_DIR/gateway.pid")" 2>/dev/null || true; sleep 1; fi
printf '{"gateway": {"port": %s, "bind": "loopback", "auth": {"mode": "token", "token": "%s"}}, "skills": {"install": {"allowUploadedArchives": true}}, "logging": {"file": "%s"}}\\n' \\
  "$GATEWAY_PORT" "$GATEWAY_TOKEN" "$SERVER_DIR/openclaw.log" > "$SERVER_DIR/state/openclaw.json"
OPENCLAW_STATE_DIR="$SERVER_DIR/state" HOME="$SERVER_DIR/home" TMPDIR="$SERVER_DIR/home" \\
  setsid "$OPENCLAW_BIN" gateway --bind loopback --port "$GATEWAY_PORT" --allow-unconfigured > "$SERVER_DIR/gateway.log" 2>&1 < /dev/null &
echo $! > "$SERVER_DIR/gateway.pid"
node -e '
const url = "http://127.0.0.1:" + process.env.GATEWAY_PORT + "/readyz";
const until = Date.now() + 180000;
(async () => {
  for (;;) {
    const ok = await fetch(url).then((r) => r.json()).then((b) => b.ready === true, () => false);
    if (ok) return;
    if (Date.now() > until) { console.error("the gateway is not ready after 180 s; see " + process.env.SERVER_DIR + "/gateway.log"); process.exit(1); }
    await new Promise((r) => setTimeout(r, 500));
  }
})();'
echo "openclaw gateway pid $(cat "$SERVER_DIR/gateway.pid") ready on 127.0.0.1:$GATEWAY_PORT"
`;

// Stops the gateway's whole process group, waits for it to go, removes the folder.
const stopGateway = `set -u
if [ -f "$SERVER_DIR/gateway.pid" ]; then
  pid="$(cat "$SERVER_DIR/gateway.pid")"
  kids="$(ps -o pid= --ppid "$pid" 2>/dev/null || true)" # helpers that run in their own process group
  kill -- "-$pid" $kids 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 -- "-$pid" 2>/dev/null || true
fi
rm -rf "$SERVER_DIR"
`;

const gateway = new local.Command("gateway", {
    create: startGateway,
    delete: stopGateway,
    environment: {
        SERVER_DIR: serverDir,
        GATEWAY_PORT: String(gatewayPort),
        GATEWAY_TOKEN: token.value, // secret
        OPENCLAW_BIN: openclawBin,
    },
    // Another folder or port is another server: start the new one, then stop the old one.
    triggers: [serverDir, gatewayPort],
});

const server = new ClawInstance(
    "server",
    {
        name: cfg.get("serverName") ?? "provisioned-claw",
        serverUrl: cfg.get("serverUrl") ?? `http://127.0.0.1:${gatewayPort}`,
        gatewayToken: token.value,
        connectionParams: device.connectionParams,
        verifyConnectivity: cfg.getBoolean("verifyConnectivity") ?? true,
    },
    { dependsOn: [gateway] },
);

const binding = new MentorBinding("mentor", { mentor, server: server.id });
const agent = new AgentConfig(
    "agent",
    {
        mentor,
        identity: cfg.get("identity") ?? "# Ada\nA patient maths tutor.",
        soul: "Curious, kind, exact.",
        model: "anthropic/claude-sonnet-4-6",
        config: { heartbeat: { every: "30m" } },
    },
    { dependsOn: [binding] },
);
const push = new ConfigPush("push", { binding: binding.id, triggers: [agent.contentHash] });

export const instanceId = server.id;
export const connectivity = server.connectivity;
export const deviceFingerprint = device.fingerprint;
export const configPush = push.pushStatus;
export const provisioned = gateway.stdout; // secret: the command was given a secret
