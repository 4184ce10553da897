import type { ResourceValidationPolicy } from "@pulumi/policy";
import { settings } from "./settings";
import { TOKENS, describe } from "./tokens";
import { UNKNOWN, scalar, snapshot } from "./values";
import { urlProblem } from "./urls";

/**
 * Mandatory by default: a claw server is reached over https. The platform sends the gateway
 * token and pushes agent configs to `serverUrl`; over plain http both travel in clear text.
 * Plain http to a loopback host stays allowed for local tests (`allowLoopbackHttp`).
 *
 * @example
 * ```yaml
 * # policy config file (--policy-pack-config)
 * claw-server-https: { enforcementLevel: mandatory, allowLoopbackHttp: false }
 * ```
 */
export const clawServerHttps: ResourceValidationPolicy = {
    name: "claw-server-https",
    description: "A ClawInstance's serverUrl must be https (plain http only to a loopback host, if allowed).",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowLoopbackHttp: { type: "boolean", default: true, description: "Allow http:// to localhost, 127.0.0.0/8 and ::1." },
        },
    },
    validateResource: (args, report) => {
        if (args.type !== TOKENS.ClawInstance) return;
        const { allowLoopbackHttp } = settings(args, { allowLoopbackHttp: true });
        const url = scalar(args.props, "serverUrl");
        if (url.unknown) throw url.unknown;
        const problem = urlProblem("serverUrl", url.value, allowLoopbackHttp);
        if (problem) report(`${describe(args.type, args.name)}: ${problem}`);
    },
};

/**
 * Advisory by default: an OpenClaw instance (the service's default claw type) carries a device
 * identity, `connectionParams.device_identity.private_key_pem`, a PKCS8 PEM Ed25519 key.
 * Without it every config push fails with "missing scope: operator.read"; a key in another
 * PEM format fails the same way later. IronClaw instances need none. Never prints the key.
 *
 * @example
 * ```ts
 * new ClawInstance("prod", { ..., connectionParams: { device_identity: { private_key_pem: cfg.requireSecret("deviceKey") } } });
 * ```
 */
export const openclawDeviceIdentity: ResourceValidationPolicy = {
    name: "claw-openclaw-device-identity",
    description: "An OpenClaw ClawInstance must carry a device identity (connectionParams.device_identity.private_key_pem, PKCS8 PEM).",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            requirePkcs8Pem: { type: "boolean", default: true, description: "Also require the key to be PKCS8 PEM (-----BEGIN PRIVATE KEY-----)." },
        },
    },
    validateResource: (args, report) => {
        if (args.type !== TOKENS.ClawInstance) return;
        const clawType = scalar(args.props, "clawType");
        if (clawType.unknown) throw clawType.unknown;
        if (clawType.value !== undefined && clawType.value !== "openclaw") return;
        const { requirePkcs8Pem } = settings(args, { requirePkcs8Pem: true });
        const who = describe(args.type, args.name);
        const params = snapshot(args.props, "connectionParams");
        const pem = dig(params.value, ["device_identity", "private_key_pem"]);
        if (pem === UNKNOWN) throw params.error;
        if (typeof pem !== "string" || pem.trim() === "") {
            report(`${who}: an OpenClaw instance needs connectionParams.device_identity.private_key_pem; without it config pushes fail with "missing scope: operator.read"`);
        } else if (requirePkcs8Pem && !pem.trim().startsWith("-----BEGIN PRIVATE KEY-----")) {
            report(`${who}: connectionParams.device_identity.private_key_pem is not a PKCS8 PEM key (-----BEGIN PRIVATE KEY-----)`);
        }
    },
};

/** The value at `path` inside nested plain objects, or undefined (or UNKNOWN) on the way. */
function dig(value: unknown, path: string[]): unknown {
    let v = value;
    for (const k of path) {
        if (v === UNKNOWN) return UNKNOWN;
        if (v === null || typeof v !== "object" || Array.isArray(v)) return undefined;
        v = (v as Record<string, unknown>)[k];
    }
    return v;
}
