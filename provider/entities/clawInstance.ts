import { entity } from "./entity";
import { bool, custom, enumOf, json, objectId, str } from "./fieldTypes";

/** What to do about each failed test-connectivity check. */
const CONNECTIVITY_HINTS: Record<string, string> = {
    tls_reachable:
        "the platform cannot reach serverUrl over TLS: check DNS, the firewall, the reverse proxy and its certificate",
    health_check:
        "the server answers but its gateway does not: check that the OpenClaw gateway runs on 127.0.0.1:18789 behind the proxy (GET / and /api/status must return 200)",
};

/**
 * The declaration of `claw/instances/`: the source of the ClawInstance's sdk schemas,
 * facts, types and docs rows (`npm run generate`).
 *
 * @example
 * ```ts
 * clawInstance.fields.gatewayToken.writeOnly; // true
 * ```
 */
export const clawInstance = entity({
    type: "ClawInstance",
    sdkName: "Instance",
    file: "clawInstance",
    sdkFile: "instance",
    sdk: "instances",
    collection: "claw/instances/",
    doc: "A claw server (OpenClaw or IronClaw) registered with ibl.ai: `claw/instances/`.",
    idType: "InstanceId",
    fields: {
        name: { api: "name", type: str().nonEmpty().max(255), required: true, doc: "Display name." },
        clawType: {
            api: "claw_type",
            type: enumOf(
                "CLAW_TYPES",
                "ClawType",
                ["openclaw", "ironclaw", "nemoclaw"],
                "Claw flavours. Recent platform versions also accept `nemoclaw` (older ones take a NemoClaw host as `openclaw`: the same gateway protocol).",
            ),
            doc: "`openclaw` (default on the service), `ironclaw`, or `nemoclaw` (recent platform versions; older ones take NemoClaw hosts as `openclaw`).",
        },
        serverUrl: {
            api: "server_url",
            type: custom({ request: "httpUrl(200)", response: "z.string()", ts: "string", docs: "http(s) URL", checks: [], max: 200 }),
            required: true,
            doc: "HTTPS URL of the claw server.",
        },
        gatewayToken: { api: "gateway_token", type: str().nonEmpty(), required: true, writeOnly: true, secret: true, doc: "The gateway's token." },
        deploymentBackend: {
            api: "deployment_backend",
            type: custom({ request: "IntegerId", response: "anyId", ts: "number", outputTs: "number | string", docs: "integer", checks: [] }).nullable(),
            doc: "Deployment backend id (a positive integer or its digit string); null = configured by hand.",
            why: "An integer in every source (API reference; the generated client), never an opaque id.",
        },
        authHeaders: {
            api: "auth_headers",
            type: custom({
                request: "z.record(z.string(), z.string())",
                response: "z.unknown()",
                ts: "Record<string, pulumi.Input<string>>",
                outputTs: "Record<string, string>",
                docs: "`{string: string}`",
                checks: [],
            }),
            writeOnly: true,
            secret: true,
            resetTo: {},
            doc: "Proxy auth headers.",
        },
        connectionParams: {
            api: "connection_params",
            type: json(),
            writeOnly: true,
            secret: true,
            resetTo: {},
            doc: "Connection parameters. OpenClaw servers need a device identity: `{ device_identity: { private_key_pem: \"-----BEGIN PRIVATE KEY-----...\" } }` (see DeviceIdentity).",
        },
        verifyConnectivity: {
            api: "",
            type: bool("must be true or false"),
            doc: "Ours, never sent: run test-connectivity after create and update, and fail the deployment with the failing check, its detail and a hint (the instance is kept; the next `up` tests again).",
        },
    },
    outputs: {
        instanceId: { api: "id", type: objectId(), doc: "The service's id (also the resource id, as a string)." },
        provisionMode: { api: "provision_mode", type: str() },
        status: { api: "status", type: str() },
        deployState: { api: "deploy_state", type: str() },
        platformKey: { api: "platform_key", type: str() },
        lastHealthCheck: { api: "last_health_check", type: str().nullable() },
        lastHealthStatus: { api: "last_health_status", type: str().nullable() },
        clawVersion: { api: "claw_version", type: str().nullable() },
        createdAt: { api: "created_at", type: str() },
        updatedAt: { api: "updated_at", type: str() },
    },
    engineOutputs: {
        connectivity: {
            ts: "{ allPassed: boolean; checks: { name: string; passed: boolean; detail?: string | null }[] } | undefined",
            doc: "The last test-connectivity report, when verifyConnectivity is on.",
        },
    },
    // No unique key on the service: a half-made instance is one equal on every readable field
    // sent, found through the documented `search` filter (name and server_url).
    find: { match: ["name", "server_url", "claw_type", "deployment_backend"] },
    behaviour: {
        findQuery: (b) => ({ search: String(b.name) }),
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
    },
    examples: {
        create: { name: "prod", server_url: "https://claw.acme.dev", gateway_token: "t0k3n" },
        update: { name: "prod-eu" },
        program: `import * as pulumi from "@pulumi/pulumi";
import { ClawInstance } from "pulumi-iblai-claw";
const cfg = new pulumi.Config();
const server = new ClawInstance("prod", {
    name: "prod",
    serverUrl: "https://claw.acme.dev",
    gatewayToken: cfg.requireSecret("gatewayToken"),
});
export const instanceId = server.id;`,
    },
});
