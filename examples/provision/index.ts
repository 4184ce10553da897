// Provision a claw server with @pulumi/command, then register it with ibl.ai.
//
// "The server" here is a folder on this machine (`serverDir`): the OpenClaw gateway's config
// with its token, and the platform's device key in the gateway's paired devices. That is
// what a real provisioning step writes on the host (over ssh, in cloud-init, in an image
// build); the command runs locally so that the example runs anywhere. The token and the
// device key are made here, reach the server through the command's environment (secret:
// encrypted in state, the command's output not logged), and reach ibl.ai through the
// ClawInstance, which waits for the provisioning.
import { local } from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { ClawInstance, DeviceIdentity, GatewayToken } from "pulumi-iblai-claw";

const cfg = new pulumi.Config();
const serverUrl = cfg.require("serverUrl");
const serverDir = cfg.get("serverDir") ?? "server"; // relative paths are relative to this folder
const gatewayPort = cfg.getNumber("gatewayPort") ?? 18789;

const token = new GatewayToken("gateway");
const device = new DeviceIdentity("device");

// Idempotent: re-run as is when anything it was given changes (a rotated token or device key).
const writeServerConfig = `set -eu
umask 077
mkdir -p "$SERVER_DIR"
rm -rf "$SERVER_DIR/devices/paired"
mkdir -p "$SERVER_DIR/devices/paired"
printf '{\\n  "gateway": {\\n    "port": %s,\\n    "auth": { "mode": "token", "token": "%s" }\\n  }\\n}\\n' \\
  "$GATEWAY_PORT" "$GATEWAY_TOKEN" > "$SERVER_DIR/openclaw.json"
printf '%s\\n' "$DEVICE_PUBLIC_KEY" > "$SERVER_DIR/devices/paired/$DEVICE_FINGERPRINT.pem"
echo "provisioned $SERVER_DIR: gateway on port $GATEWAY_PORT, device $DEVICE_FINGERPRINT paired"
`;

const provision = new local.Command(
    "provision",
    {
        create: writeServerConfig,
        // Deprovision: what create wrote goes away (the folder too, if nothing else is left in it).
        delete: `rm -rf "$SERVER_DIR/openclaw.json" "$SERVER_DIR/devices"; rmdir "$SERVER_DIR" 2>/dev/null || true`,
        environment: {
            SERVER_DIR: serverDir,
            GATEWAY_PORT: String(gatewayPort),
            GATEWAY_TOKEN: token.value, // secret
            DEVICE_PUBLIC_KEY: device.publicKeyPem,
            DEVICE_FINGERPRINT: device.fingerprint,
        },
        // Another server folder is another server: provision the new one, then clean the old one.
        triggers: [serverDir],
    },
);

const server = new ClawInstance(
    "server",
    {
        name: cfg.get("serverName") ?? "provisioned-claw",
        serverUrl,
        gatewayToken: token.value,
        connectionParams: device.connectionParams,
        verifyConnectivity: cfg.getBoolean("verifyConnectivity") ?? true,
    },
    { dependsOn: [provision] },
);

export const instanceId = server.id;
export const connectivity = server.connectivity;
export const deviceFingerprint = device.fingerprint;
export const provisioned = provision.stdout; // secret: the command was given a secret
