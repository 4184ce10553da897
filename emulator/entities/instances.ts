import { securityAudit } from "../audit";
import { BINDINGS, DEVICES, INSTANCES, MODEL_PROVIDERS } from "../collections";
import { requestPairing, speaksOpenclaw } from "../devices";
import { ApiFault, type Ctx, type EntityDef, type Reply } from "../entity";
import { choiceFilter, searchFilter } from "../filters";
import { checkReachable, testConnectivity } from "../probe";
import { detectVersion } from "../realDelivery";
import type { Row } from "../store";

export const INSTANCE_STATUSES = ["active", "inactive", "error"] as const;
/** `nemoclaw` is accepted by recent platform versions (the 2026 guide); it speaks OpenClaw's gateway protocol. */
export const CLAW_TYPES = ["openclaw", "ironclaw", "nemoclaw"] as const;


const probeOpts = (ctx: Ctx) => ({ timeoutMs: ctx.settings.probeTimeoutMs, ca: ctx.settings.probeCa });

/**
 * `claw/instances/` as the reference describes it: name, server_url and gateway_token
 * required; gateway_token, auth_headers and connection_params write-only; everything the
 * server sets is read-only and ignored on write.
 *
 * Deleting an instance cascades, like a Django foreign key with `on_delete=CASCADE`: its
 * mentor bindings and model providers go with it (agent configs and skill assignments
 * belong to mentors and stay).
 */
export const instances: EntityDef = {
    collection: INSTANCES,
    verboseName: "claw instance",
    spec: {
        fields: {
            name: { kind: "string", maxLength: 255, required: true },
            claw_type: { kind: "choice", choices: CLAW_TYPES, default: "openclaw" },
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
        status: choiceFilter("status", INSTANCE_STATUSES),
        search: searchFilter(["name", "server_url"]),
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
    beforeDelete: (ctx, row) => {
        for (const col of [BINDINGS, MODEL_PROVIDERS]) {
            for (const r of ctx.store.list(ctx.org, col)) if (r.server === row.id) ctx.store.remove(ctx.org, col, r.id);
        }
        for (const d of ctx.store.list(ctx.org, DEVICES)) if (d.instance === row.id) ctx.store.remove(ctx.org, DEVICES, d.id);
    },
    actions: {
        "test-connectivity": async (ctx, row): Promise<Reply> => ({ status: 200, body: await testConnectivity(String(row.server_url), probeOpts(ctx)) }),

        "health-check": async (ctx, row): Promise<Reply> => {
            const { checks, all_passed } = await testConnectivity(String(row.server_url), probeOpts(ctx));
            const current = ctx.store.get(ctx.org, INSTANCES, row.id);
            if (!current) throw ApiFault.detail(404, "Not found."); // deleted while probing
            const now = ctx.now();
            const status = all_passed ? "healthy" : "unhealthy";
            ctx.store.put(ctx.org, INSTANCES, { ...current, last_health_check: now, last_health_status: status });
            return { status: 200, body: { healthy: all_passed, status, last_health_check: now, last_health_status: status, checks } };
        },

        "push-providers": (ctx, row): Reply => {
            ctx.pushes.queueProviderPush(ctx.org, row.id, ctx.faults.slowPushMs(ctx.method, ctx.route) ?? ctx.settings.pushDelayMs);
            return { status: 202, body: { queued: true, message: "Provider push queued." } };
        },

        "security-audit": async (ctx, row): Promise<Reply> => {
            if (!speaksOpenclaw(row)) throw ApiFault.detail(400, "Security audit is only available for OpenClaw instances.");
            const reach = await checkReachable(String(row.server_url), probeOpts(ctx));
            if (!reach.passed) throw ApiFault.detail(400, `Could not reach the claw server: ${reach.detail}`);
            const current = ctx.store.get(ctx.org, INSTANCES, row.id);
            if (!current) throw ApiFault.detail(404, "Not found.");
            const report = securityAudit(ctx.store, ctx.org, current, ctx.now());
            ctx.store.put(ctx.org, INSTANCES, { ...current, _security_audit: report });
            return { status: 200, body: report };
        },

        "request-pairing": (ctx, row): Reply => {
            requestPairing(ctx.store, ctx.org, row, ctx.now());
            return { status: 202, body: { queued: true, message: "Pairing request queued." } };
        },

        "refresh-version": async (ctx, row): Promise<Reply> => {
            const found = await detectVersion(row, probeOpts(ctx));
            if ("error" in found) throw ApiFault.detail(400, `Could not detect the claw version: ${found.error}`);
            const current: Row | undefined = ctx.store.get(ctx.org, INSTANCES, row.id);
            if (!current) throw ApiFault.detail(404, "Not found.");
            ctx.store.put(ctx.org, INSTANCES, { ...current, claw_version: found.version });
            return { status: 200, body: { claw_version: found.version } };
        },
    },
};
