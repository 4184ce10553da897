import * as pulumi from "@pulumi/pulumi";
import type { ConnectivityReport, HealthCheckResult, PushQueued, RefreshVersionResult, SecurityAuditResult } from "../sdk";
import { type Connection, clientFor, resolveConnection } from "./engine/connection";
import type { InstanceRef } from "./ids";

/** Options of the action functions: the connection, by default the stack's `iblai:*` config. */
export interface ActionOptions {
    apiBaseUrl?: pulumi.Input<string>;
    org?: pulumi.Input<string>;
}

function stackConnection(): Connection {
    const cfg = new pulumi.Config("iblai");
    return resolveConnection((k) => {
        const key = k.replace(/^iblai:/, "");
        return key === "apiToken" ? undefined : cfg.get(key);
    }, process.env);
}

/**
 * Runs an action on an instance at deployment time. During a preview it sends nothing and
 * its result is unknown (not undefined): an exported result then previews as a value still
 * to come, instead of warning "Undefined value ... will not show as a stack output" and
 * listing the output as removed (issue 10), and `pulumi preview` stays request-free.
 */
function action<T>(instance: pulumi.Input<InstanceRef>, opts: ActionOptions, run: (c: ReturnType<typeof clientFor>, id: string) => Promise<T>): pulumi.Output<T> {
    if (pulumi.runtime.isDryRun()) return pulumi.output(pulumi.unknown) as pulumi.Output<T>;
    const token = new pulumi.Config("iblai").getSecret("apiToken") ?? pulumi.output(process.env.IBLAI_API_TOKEN);
    const result = pulumi.all([instance, opts.apiBaseUrl, opts.org, token]).apply(async ([id, baseUrl, org, apiToken]) => {
        const conn = { ...stackConnection(), apiToken: apiToken ?? undefined };
        return run(clientFor(conn, { baseUrl: baseUrl ?? conn.baseUrl, org: org ?? conn.org }), String(id));
    });
    // The token made the result secret; the report itself holds none.
    return pulumi.unsecret(result) as pulumi.Output<T>;
}

/**
 * `POST claw/instances/{id}/test-connectivity/`: TLS reachability and the health endpoint.
 *
 * @example
 * ```ts
 * export const connectivity = testConnectivity(server.id); // { checks: [...], all_passed: true }
 * ```
 */
export function testConnectivity(instance: pulumi.Input<InstanceRef>, opts: ActionOptions = {}): pulumi.Output<ConnectivityReport> {
    return action(instance, opts, (c, id) => c.instances.testConnectivity(id));
}

/**
 * `POST claw/instances/{id}/health-check/`: updates the instance's last health fields.
 *
 * @example
 * ```ts
 * export const health = healthCheck(server.id);
 * ```
 */
export function healthCheck(instance: pulumi.Input<InstanceRef>, opts: ActionOptions = {}): pulumi.Output<HealthCheckResult> {
    return action(instance, opts, (c, id) => c.instances.healthCheck(id));
}

/**
 * `POST claw/instances/{id}/request-pairing/`: queues a device-pairing request on the server
 * (it expires after about 5 minutes; approve it there with `openclaw devices approve`).
 *
 * @example
 * ```ts
 * export const pairing = requestPairing(server.id); // { queued: true, ... }
 * ```
 */
export function requestPairing(instance: pulumi.Input<InstanceRef>, opts: ActionOptions = {}): pulumi.Output<PushQueued> {
    return action(instance, opts, (c, id) => c.instances.requestPairing(id));
}

/**
 * `POST claw/instances/{id}/security-audit/` (OpenClaw only): runs the audit, returns its findings.
 *
 * @example
 * ```ts
 * export const audit = securityAudit(server.id);
 * ```
 */
export function securityAudit(instance: pulumi.Input<InstanceRef>, opts: ActionOptions = {}): pulumi.Output<SecurityAuditResult> {
    return action(instance, opts, (c, id) => c.instances.securityAudit(id));
}

/**
 * `POST claw/instances/{id}/refresh-version/`: detects `claw_version` from the server's handshake.
 *
 * @example
 * ```ts
 * export const version = refreshVersion(server.id);
 * ```
 */
export function refreshVersion(instance: pulumi.Input<InstanceRef>, opts: ActionOptions = {}): pulumi.Output<RefreshVersionResult> {
    return action(instance, opts, (c, id) => c.instances.refreshVersion(id));
}
