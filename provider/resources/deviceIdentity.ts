import { createHash, createPublicKey, generateKeyPairSync } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { LocalFacts } from "../engine/local";
import { ClawResource, type ResourceShape } from "../engine/resource";

/** DeviceIdentity: an Ed25519 key pair generated on this machine. */
export const deviceIdentityFacts: LocalFacts = {
    type: "DeviceIdentity",
    inputs: z.strictObject({ keepers: z.record(z.string(), z.string()).optional() }),
    generate() {
        const { privateKey, publicKey } = generateKeyPairSync("ed25519");
        const privateKeyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
        const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
        return {
            privateKeyPem,
            publicKeyPem,
            fingerprint: fingerprintOf(publicKeyPem),
            connectionParams: { device_identity: { private_key_pem: privateKeyPem } },
        };
    },
};

/** What {@link DeviceIdentity} registers (and the native provider's schema declares). */
export const deviceIdentityShape: ResourceShape = {
    type: deviceIdentityFacts.type,
    inputs: ["keepers"],
    secretInputs: [],
    outputs: ["privateKeyPem", "publicKeyPem", "fingerprint", "connectionParams"],
    secretOutputs: ["privateKeyPem", "connectionParams"],
    remote: false,
};

/** SHA-256 of the raw 32-byte Ed25519 public key, hex: a stable name for the device. */
export function fingerprintOf(publicKeyPem: string): string {
    const der = createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
    return createHash("sha256").update(der.subarray(der.length - 32)).digest("hex");
}

/** Inputs of {@link DeviceIdentity}. */
export interface DeviceIdentityArgs {
    /** Arbitrary values; changing any of them generates a new key (a rotation). */
    keepers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * The platform's device key for one OpenClaw server: an Ed25519 key generated locally,
 * PKCS8 PEM, secret in state. OpenClaw config pushes fail with "missing scope:
 * operator.read" without it. `connectionParams` is ready for {@link ClawInstance}.
 *
 * @example
 * ```ts
 * const device = new DeviceIdentity("prod-device", { keepers: { rotated: "2026-11" } });
 * new ClawInstance("prod", { name: "prod", serverUrl, gatewayToken, connectionParams: device.connectionParams });
 * ```
 */
export class DeviceIdentity extends ClawResource {
    declare readonly keepers: pulumi.Output<Record<string, string> | undefined>;
    /** PKCS8 PEM (`-----BEGIN PRIVATE KEY-----`). Secret. */
    declare readonly privateKeyPem: pulumi.Output<string>;
    /** SPKI PEM of the public key. */
    declare readonly publicKeyPem: pulumi.Output<string>;
    /** SHA-256 (hex) of the raw public key. */
    declare readonly fingerprint: pulumi.Output<string>;
    /** `{ device_identity: { private_key_pem } }`, for ClawInstance.connectionParams. Secret. */
    declare readonly connectionParams: pulumi.Output<Record<string, unknown>>;

    constructor(name: string, args: DeviceIdentityArgs = {}, opts?: pulumi.CustomResourceOptions) {
        super(deviceIdentityShape, name, args, opts);
    }
}
