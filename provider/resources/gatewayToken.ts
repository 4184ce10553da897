import { randomBytes } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { LocalFacts } from "../engine/local";
import { ClawResource, type ResourceShape } from "../engine/resource";

/** GatewayToken: random bytes, base64url, generated on this machine. */
export const gatewayTokenFacts: LocalFacts = {
    type: "GatewayToken",
    inputs: z.strictObject({
        bytes: z.number().int().min(16, "at least 16 bytes (128 bits)").max(128).optional(),
        keepers: z.record(z.string(), z.string()).optional(),
    }),
    generate(inputs) {
        return { value: randomBytes((inputs.bytes as number | undefined) ?? 32).toString("base64url") };
    },
};

/** What {@link GatewayToken} registers (and the native provider's schema declares). */
export const gatewayTokenShape: ResourceShape = { type: gatewayTokenFacts.type, inputs: ["bytes", "keepers"], secretInputs: [], outputs: ["value"], secretOutputs: ["value"], remote: false };

/** Inputs of {@link GatewayToken}. */
export interface GatewayTokenArgs {
    /** Random bytes in the token; default 32 (256 bits), 16 to 128. */
    bytes?: pulumi.Input<number>;
    /** Arbitrary values; changing any of them makes a new token (a rotation). */
    keepers?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * A random gateway token, generated locally and secret in state: give the same value to the
 * OpenClaw server's setup and to {@link ClawInstance}.gatewayToken.
 *
 * @example
 * ```ts
 * const token = new GatewayToken("prod-gateway");
 * new ClawInstance("prod", { name: "prod", serverUrl, gatewayToken: token.value });
 * ```
 */
export class GatewayToken extends ClawResource {
    declare readonly bytes: pulumi.Output<number | undefined>;
    declare readonly keepers: pulumi.Output<Record<string, string> | undefined>;
    /** The token, base64url. Secret. */
    declare readonly value: pulumi.Output<string>;

    constructor(name: string, args: GatewayTokenArgs = {}, opts?: pulumi.CustomResourceOptions) {
        super(gatewayTokenShape, name, args, opts);
    }
}
