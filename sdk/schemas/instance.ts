import { z } from "zod";
import { IntegerId, anyId, httpUrl, lenientAnswer, roString } from "./common";

/**
 * Claw flavours. Recent platform versions also accept `nemoclaw` (older ones take a
 * NemoClaw host as `openclaw`: the same gateway protocol).
 *
 * @example
 * ```ts
 * const t: ClawType = "openclaw";
 * ```
 */
export const CLAW_TYPES = ["openclaw", "ironclaw", "nemoclaw"] as const;
export type ClawType = (typeof CLAW_TYPES)[number];

/**
 * Fields the service accepts but never returns; scrubbed from errors.
 *
 * @example
 * ```ts
 * INSTANCE_WRITE_ONLY.includes("gateway_token"); // true
 * ```
 */
export const INSTANCE_WRITE_ONLY = ["gateway_token", "auth_headers", "connection_params"] as const;

/**
 * Body of `POST claw/instances/`.
 *
 * @example
 * ```ts
 * InstanceCreate.parse({ name: "prod", server_url: "https://claw.acme.dev", gateway_token: "t0k3n" });
 * ```
 */
export const InstanceCreate = z.strictObject({
    name: z.string().min(1, "must not be empty").max(255),
    claw_type: z.enum(CLAW_TYPES).optional(),
    server_url: httpUrl(200),
    gateway_token: z.string().min(1, "must not be empty"),
    // An integer in every source (API reference; the generated client), never an opaque id.
    deployment_backend: IntegerId.nullable().optional(),
    auth_headers: z.record(z.string(), z.string()).optional(),
    connection_params: z.record(z.string(), z.unknown()).optional(),
});
export type InstanceCreate = z.input<typeof InstanceCreate>;

/**
 * Body of `PATCH claw/instances/{id}/`: any subset of the writable fields.
 *
 * @example
 * ```ts
 * InstanceUpdate.parse({ name: "prod-eu" });
 * ```
 */
export const InstanceUpdate = InstanceCreate.partial();
export type InstanceUpdate = z.input<typeof InstanceUpdate>;

/**
 * A claw instance as the service returns it (write-only fields never appear).
 *
 * @example
 * ```ts
 * const i: Instance = await client.instances.get(42);
 * console.log(i.status, i.claw_version);
 * ```
 */
export const Instance = z.looseObject({
    id: anyId,
    name: z.string(),
    claw_type: z.string().nullish(),
    provision_mode: roString,
    server_url: z.string(),
    deployment_backend: anyId.nullish(),
    status: roString,
    deploy_state: roString,
    platform_key: roString,
    last_health_check: roString,
    last_health_status: roString,
    claw_version: roString,
    created_at: roString,
    updated_at: roString,
});
export type Instance = z.output<typeof Instance>;

/**
 * List filters of `GET claw/instances/`.
 *
 * @example
 * ```ts
 * await client.instances.listAll({ status: "active", search: "prod" });
 * ```
 */
export interface InstanceListQuery {
    status?: "active" | "inactive" | "error";
    search?: string;
}

/**
 * Answer of `POST claw/instances/{id}/test-connectivity/`.
 *
 * @example
 * ```ts
 * const r: ConnectivityReport = await client.instances.testConnectivity(42);
 * for (const c of r.checks) console.log(c.name, c.passed ? "ok" : c.detail);
 * ```
 */
export const ConnectivityReport = lenientAnswer(
    z
        .looseObject({
            checks: z.array(z.looseObject({ name: z.string(), passed: z.boolean(), detail: z.string().nullish() })).default([]),
            all_passed: z.boolean().optional(),
        })
        // The guide answers the `checks` shape; the generated client declares the instance
        // instead (issue 20: accept either). `all_passed` is derived from the checks when
        // missing, and stays undefined when the answer holds no report at all.
        .transform((r) => ({ ...r, all_passed: r.all_passed ?? (r.checks.length > 0 ? r.checks.every((c) => c.passed) : undefined) })),
);
export type ConnectivityReport = z.output<typeof ConnectivityReport>;

/**
 * Answer of `POST claw/instances/{id}/health-check/`. The body is not documented; the
 * service updates `last_health_check` / `last_health_status`, which are read if present.
 *
 * @example
 * ```ts
 * const h: HealthCheckResult = await client.instances.healthCheck(42);
 * console.log(h.last_health_status ?? h.status);
 * ```
 */
export const HealthCheckResult = z.looseObject({
    status: z.string().nullish(),
    last_health_check: roString,
    last_health_status: roString,
});
export type HealthCheckResult = z.output<typeof HealthCheckResult>;

/**
 * Answer of `POST claw/instances/{id}/security-audit/` (OpenClaw only). The body is not
 * documented: whatever JSON the service returns is kept; `findings` is read if present.
 *
 * @example
 * ```ts
 * const audit: SecurityAuditResult = await client.instances.securityAudit(42);
 * console.log(audit.findings?.length ?? 0, "findings");
 * ```
 */
export const SecurityAuditResult = z.looseObject({
    findings: z.array(z.unknown()).nullish(),
});
export type SecurityAuditResult = z.output<typeof SecurityAuditResult>;

/**
 * Answer of `POST claw/instances/{id}/refresh-version/`: the body is not documented;
 * `claw_version` is read if present.
 *
 * @example
 * ```ts
 * const { claw_version } = await client.instances.refreshVersion(42);
 * ```
 */
export const RefreshVersionResult = z.looseObject({
    claw_version: roString,
});
export type RefreshVersionResult = z.output<typeof RefreshVersionResult>;
