import { z } from "zod";
import { lenientAnswer, roString } from "./common";

export * from "./instance.generated";

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
