import * as pulumi from "@pulumi/pulumi";
import {
    ClawInstance,
    type ClawInstanceArgs,
    DeviceIdentity,
    GatewayToken,
    ModelProvider,
    type ModelProviderArgs,
    ProviderPush,
    fingerprintOf,
} from "../provider";
import { type MovedFrom, aliasesOf, childName, providerPushTriggers, publicKeyPemOf } from "./derive";

/**
 * What a server's own `openclaw.json` needs for the platform's deliveries, beside the gateway
 * token: token auth, and uploaded skill archives allowed (the platform installs each mentor's
 * skills that way on OpenClaw 2026.9; docs/real-server.md). Merge it into the config your
 * provisioning writes.
 *
 * @example
 * ```ts
 * PLATFORM_OPENCLAW_CONFIG; // { gateway: { auth: { mode: "token" } }, skills: { install: { allowUploadedArchives: true } } }
 * ```
 */
export const PLATFORM_OPENCLAW_CONFIG = {
    gateway: { auth: { mode: "token" } },
    // SKILL_UPLOAD_SETTING (openclaw/workspace.ts), as a nested object
    skills: { install: { allowUploadedArchives: true } },
} as const;

/** A model provider of a {@link ClawServer}: a ModelProvider's inputs without its server. */
export type ClawServerModelProvider = Omit<ModelProviderArgs, "server" | "name" | "apiBaseUrl" | "org"> & {
    /** The provider's id in the claw config; default: its key in `modelProviders`. */
    name?: ModelProviderArgs["name"];
};

/** Inputs of {@link ClawServer}. */
export interface ClawServerArgs extends Omit<ClawInstanceArgs, "name" | "gatewayToken" | "connectionParams" | "verifyConnectivity"> {
    /** The instance's name on the platform; default: the component's name. */
    name?: ClawInstanceArgs["name"];
    /** The server's gateway token; default: a generated {@link GatewayToken} (32 random bytes). */
    gatewayToken?: ClawInstanceArgs["gatewayToken"];
    /**
     * The platform's device key for this server (PKCS8 PEM, Ed25519); default: a generated
     * {@link DeviceIdentity}. Secret.
     */
    devicePrivateKeyPem?: pulumi.Input<string>;
    /** Run the instance's connectivity test after each write and fail on a failed check; default true. */
    verifyConnectivity?: ClawInstanceArgs["verifyConnectivity"];
    /** Model providers by name; pushed to the server (one ProviderPush) whenever any of them changes. */
    modelProviders?: Record<string, ClawServerModelProvider>;
    /** How long the provider push waits for its outcome (seconds; default 300). */
    pushTimeoutSeconds?: pulumi.Input<number>;
    /**
     * Take over the server's last provider push (ProviderPush's `adopt`): when it succeeded,
     * the first `up` sends none. For a server adopted with `adoptId` whose providers were
     * pushed already (what `iblai-claw generate --fleet` declares).
     */
    adoptProviderPush?: pulumi.Input<boolean>;
    /**
     * Old names of resources this component now holds (hand-wired before). A string is a
     * top-level resource's name.
     */
    movedFrom?: {
        instance?: MovedFrom;
        gatewayToken?: MovedFrom;
        deviceIdentity?: MovedFrom;
        providerPush?: MovedFrom;
        modelProviders?: Record<string, MovedFrom>;
    };
}

/**
 * A claw server registered with ibl.ai: a {@link ClawInstance} with a generated (or given)
 * gateway token and device key, its model providers, and a {@link ProviderPush} whose
 * triggers are derived from the providers (never listed by hand). Connectivity is verified
 * after each write unless turned off. The outputs are what the server's own provisioning
 * needs: the gateway token (secret), the device's public key and fingerprint (to approve
 * the platform's device on the server), and the settings its `openclaw.json` needs
 * (`openclawConfig`: uploaded skill archives allowed).
 *
 * @example
 * ```ts
 * const server = new ClawServer("prod", {
 *     serverUrl: "https://claw.acme.dev",
 *     modelProviders: {
 *         openrouter: { baseUrl: "https://openrouter.ai/api/v1", apiType: "openai-completions", credentialName: "openrouter" },
 *     },
 * });
 * export const gatewayToken = server.gatewayToken; // secret
 * ```
 */
export class ClawServer extends pulumi.ComponentResource {
    readonly instance: ClawInstance;
    /** The instance's id: give it to ClawAgent's `server`. */
    readonly instanceId: ClawInstance["id"];
    /** The gateway token the server must be started with. Secret. */
    readonly gatewayToken: pulumi.Output<string>;
    /** The platform's device public key (SPKI PEM), for approving it on the server. */
    readonly devicePublicKeyPem: pulumi.Output<string>;
    /** SHA-256 of the raw device public key (hex): the device id OpenClaw shows in `openclaw devices list`. */
    readonly deviceFingerprint: pulumi.Output<string>;
    /** The instance's last connectivity test (when verified). */
    readonly connectivity: ClawInstance["connectivity"];
    /**
     * The settings the server's `openclaw.json` needs for the platform's deliveries
     * ({@link PLATFORM_OPENCLAW_CONFIG}; the token is {@link gatewayToken}).
     */
    readonly openclawConfig: pulumi.Output<typeof PLATFORM_OPENCLAW_CONFIG>;
    readonly modelProviders: Record<string, ModelProvider>;
    /** Absent when the server has no model providers. */
    readonly providerPush?: ProviderPush;

    constructor(name: string, args: ClawServerArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("iblai:index:ClawServer", name, {}, opts);
        const { movedFrom = {}, modelProviders = {}, devicePrivateKeyPem, pushTimeoutSeconds, adoptProviderPush, ...rest } = args;
        const identity = { apiBaseUrl: args.apiBaseUrl, org: args.org };

        const token =
            args.gatewayToken ?? new GatewayToken(childName(name, "gateway-token"), {}, { parent: this, aliases: aliasesOf(movedFrom.gatewayToken) }).value;
        let pem: pulumi.Output<string>;
        let publicPem: pulumi.Output<string>;
        if (devicePrivateKeyPem === undefined) {
            const device = new DeviceIdentity(childName(name, "device"), {}, { parent: this, aliases: aliasesOf(movedFrom.deviceIdentity) });
            pem = device.privateKeyPem;
            publicPem = device.publicKeyPem;
        } else {
            pem = pulumi.secret(devicePrivateKeyPem);
            // The public half is not secret; derive it from the given private key.
            publicPem = pulumi.unsecret(pem.apply(publicKeyPemOf));
        }

        this.instance = new ClawInstance(
            childName(name, "instance"),
            {
                ...rest,
                name: args.name ?? name,
                gatewayToken: token,
                connectionParams: pem.apply((p) => ({ device_identity: { private_key_pem: p } })),
                verifyConnectivity: args.verifyConnectivity ?? true,
            },
            // The component's dependsOn holds for the instance too (children do not inherit it):
            // a provisioning step given as dependsOn runs before registration and its connectivity test.
            { parent: this, dependsOn: opts.dependsOn, aliases: aliasesOf(movedFrom.instance) },
        );
        this.instanceId = this.instance.id;
        this.gatewayToken = pulumi.secret(token);
        this.devicePublicKeyPem = publicPem;
        this.deviceFingerprint = publicPem.apply(fingerprintOf);
        this.connectivity = this.instance.connectivity;
        this.openclawConfig = pulumi.output(PLATFORM_OPENCLAW_CONFIG);

        this.modelProviders = {};
        for (const [key, p] of Object.entries(modelProviders)) {
            this.modelProviders[key] = new ModelProvider(
                childName(name, "provider", key),
                { ...p, name: p.name ?? key, server: this.instance.id, ...identity },
                { parent: this, aliases: aliasesOf(movedFrom.modelProviders?.[key]) },
            );
        }
        if (Object.keys(this.modelProviders).length > 0) {
            const hashes = Object.fromEntries(Object.entries(this.modelProviders).map(([k, p]) => [k, p.contentHash]));
            this.providerPush = new ProviderPush(
                childName(name, "providers-push"),
                { server: this.instance.id, triggers: providerPushTriggers(`ClawServer ${name}`, hashes), timeoutSeconds: pushTimeoutSeconds, adopt: adoptProviderPush, ...identity },
                { parent: this, aliases: aliasesOf(movedFrom.providerPush) },
            );
        }
        this.registerOutputs({
            instanceId: this.instanceId,
            gatewayToken: this.gatewayToken,
            devicePublicKeyPem: this.devicePublicKeyPem,
            deviceFingerprint: this.deviceFingerprint,
            openclawConfig: this.openclawConfig,
        });
    }
}
