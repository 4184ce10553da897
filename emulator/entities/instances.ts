import type { EntityDef } from "../entity";

/**
 * `claw/instances/` as the reference describes it: name, server_url and gateway_token
 * required; gateway_token, auth_headers and connection_params write-only; everything the
 * server sets is read-only and ignored on write.
 */
export const instances: EntityDef = {
    collection: "claw/instances",
    spec: {
        fields: {
            name: { kind: "string", maxLength: 255, required: true },
            claw_type: { kind: "choice", choices: ["openclaw", "ironclaw"], default: "openclaw" },
            server_url: { kind: "url", maxLength: 200, required: true },
            gateway_token: { kind: "string", required: true, writeOnly: true },
            deployment_backend: { kind: "int", nullable: true, default: null },
            auth_headers: { kind: "dictOfStrings", writeOnly: true, default: {} },
            connection_params: { kind: "object", writeOnly: true, default: {} },
        },
        readOnly: [
            "id",
            "provision_mode",
            "status",
            "deploy_state",
            "platform_key",
            "last_health_check",
            "last_health_status",
            "claw_version",
            "created_at",
            "updated_at",
        ],
    },
    filters: {
        status: (row, v) => row.status === v,
        search: (row, v) => [row.name, row.server_url].some((f) => String(f).toLowerCase().includes(v.toLowerCase())),
    },
    initial: (ctx) => ({
        provision_mode: "self_hosted",
        status: "active",
        deploy_state: "ready",
        platform_key: ctx.org,
        last_health_check: null,
        last_health_status: null,
        claw_version: null,
    }),
};
