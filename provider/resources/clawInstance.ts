import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { type ClawType, InstanceCreate } from "../../sdk";
import type { ResourceFacts } from "../engine/facts";
import type { InstanceId } from "../ids";
import { ClawApiResource, type IdentityArgs, shapeOf } from "../engine/resource";

/** What to do about each failed test-connectivity check. */
const CONNECTIVITY_HINTS: Record<string, string> = {
    tls_reachable:
        "the platform cannot reach serverUrl over TLS: check DNS, the firewall, the reverse proxy and its certificate",
    health_check:
        "the server answers but its gateway does not: check that the OpenClaw gateway runs on 127.0.0.1:18789 behind the proxy (GET / and /api/status must return 200)",
};

/** The facts of `claw/instances/` for the shared engine. */
export const clawInstanceFacts: ResourceFacts = {
    type: "ClawInstance",
    fields: {
        name: { api: "name" },
        clawType: { api: "claw_type" },
        serverUrl: { api: "server_url" },
        gatewayToken: { api: "gateway_token", writeOnly: true, secret: true },
        deploymentBackend: { api: "deployment_backend" },
        authHeaders: { api: "auth_headers", writeOnly: true, secret: true, resetTo: {} },
        connectionParams: { api: "connection_params", writeOnly: true, secret: true, resetTo: {} },
        // Ours, never sent: run test-connectivity after create/update.
        verifyConnectivity: { api: "", local: z.boolean({ error: "must be true or false" }) },
    },
    outputs: {
        instanceId: "id",
        provisionMode: "provision_mode",
        status: "status",
        deployState: "deploy_state",
        platformKey: "platform_key",
        lastHealthCheck: "last_health_check",
        lastHealthStatus: "last_health_status",
        clawVersion: "claw_version",
        createdAt: "created_at",
        updatedAt: "updated_at",
    },
    createSchema: InstanceCreate,
    // No unique key on the service: a half-made instance is one equal on every readable field
    // sent, found through the documented `search` filter (name and server_url).
    find: { match: ["name", "server_url", "claw_type", "deployment_backend"], query: (b) => ({ search: String(b.name) }) },
    afterWrite: async (client, obj, inputs) => {
        if (inputs.verifyConnectivity !== true) return {};
        const report = await client.instances.testConnectivity(obj.id);
        if (report.all_passed === undefined) {
            throw new Error("test-connectivity answered without a report (no checks, no all_passed), so the connectivity is unknown; run it again, or set verifyConnectivity: false");
        }
        const connectivity = { allPassed: report.all_passed, checks: report.checks };
        if (!report.all_passed) {
            const failed = report.checks.filter((c) => !c.passed);
            const lines = failed.map((c) => `${c.name}: ${c.detail ?? "failed"}\n    hint: ${CONNECTIVITY_HINTS[c.name] ?? "see the check's detail"}`);
            throw new Error(`test-connectivity failed (${failed.map((c) => c.name).join(", ")}):\n  ${lines.join("\n  ")}`);
        }
        return { connectivity };
    },
    ops: (client) => ({
        create: (body) => client.instances.create(body as never),
        get: (id) => client.instances.get(id),
        update: (id, body) => client.instances.update(id, body),
        delete: (id) => client.instances.delete(id),
        list: (query) => client.instances.list(query),
    }),
};

/** Inputs of {@link ClawInstance}. */
export interface ClawInstanceArgs extends IdentityArgs {
    /** Display name, at most 255 characters. */
    name: pulumi.Input<string>;
    /** `openclaw` (default on the service), `ironclaw`, or `nemoclaw` (recent platform versions; older ones take NemoClaw hosts as `openclaw`). */
    clawType?: pulumi.Input<ClawType>;
    /** HTTPS URL of the claw server, at most 200 characters. */
    serverUrl: pulumi.Input<string>;
    /** The gateway's token. Write-only on the service; secret here. */
    gatewayToken: pulumi.Input<string>;
    /** Deployment backend id; null = configured by hand. */
    deploymentBackend?: pulumi.Input<number | null>;
    /** Proxy auth headers. Write-only; secret. */
    authHeaders?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /**
     * Connection parameters. Write-only; secret. OpenClaw servers need a device identity:
     * `{ device_identity: { private_key_pem: "-----BEGIN PRIVATE KEY-----..." } }`.
     */
    connectionParams?: pulumi.Input<Record<string, unknown>>;
    /**
     * Run test-connectivity after create and update, and fail the deployment with the
     * failing check, its detail and a hint (the instance is kept; the next `up` tests again).
     */
    verifyConnectivity?: pulumi.Input<boolean>;
}

/**
 * A claw server (OpenClaw or IronClaw) registered with ibl.ai: `claw/instances/`.
 *
 * @example
 * ```ts
 * import * as pulumi from "@pulumi/pulumi";
 * import { ClawInstance } from "pulumi-iblai-claw";
 * const cfg = new pulumi.Config();
 * const server = new ClawInstance("prod", {
 *     name: "prod",
 *     serverUrl: "https://claw.acme.dev",
 *     gatewayToken: cfg.requireSecret("gatewayToken"),
 * });
 * export const instanceId = server.id;
 * ```
 */
export class ClawInstance extends ClawApiResource {
    /** This ClawInstance's id, typed so it only goes where a ClawInstance is meant. */
    declare readonly id: pulumi.Output<InstanceId>;
    declare readonly name: pulumi.Output<string>;
    declare readonly clawType: pulumi.Output<string>;
    declare readonly serverUrl: pulumi.Output<string>;
    declare readonly gatewayToken: pulumi.Output<string>;
    declare readonly deploymentBackend: pulumi.Output<number | string | null>;
    declare readonly authHeaders: pulumi.Output<Record<string, string> | undefined>;
    declare readonly connectionParams: pulumi.Output<Record<string, unknown> | undefined>;
    /** The service's numeric id (also the resource id, as a string). */
    declare readonly instanceId: pulumi.Output<number | string>;
    declare readonly provisionMode: pulumi.Output<string>;
    declare readonly status: pulumi.Output<string>;
    declare readonly deployState: pulumi.Output<string>;
    declare readonly platformKey: pulumi.Output<string>;
    declare readonly lastHealthCheck: pulumi.Output<string | null>;
    declare readonly lastHealthStatus: pulumi.Output<string | null>;
    declare readonly clawVersion: pulumi.Output<string | null>;
    declare readonly createdAt: pulumi.Output<string>;
    declare readonly updatedAt: pulumi.Output<string>;
    declare readonly verifyConnectivity: pulumi.Output<boolean | undefined>;
    /** The last test-connectivity report, when verifyConnectivity is on. */
    declare readonly connectivity: pulumi.Output<{ allPassed: boolean; checks: { name: string; passed: boolean; detail?: string | null }[] } | undefined>;

    constructor(name: string, args: ClawInstanceArgs, opts?: pulumi.CustomResourceOptions) {
        super(shapeOf(clawInstanceFacts, { outputs: ["connectivity"] }), name, args, opts);
    }
}
