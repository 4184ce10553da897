/**
 * Async pushes, as the service runs them: the action answers 202 at once, the push
 * runs in the background, and the outcome lands in the binding's `last_config_push*`
 * (or each provider's `last_provider_push*`) fields: `"pending"`, then `"success"` or
 * `"failed: <reason>"`. Reasons follow the documented causes: no device identity on an
 * OpenClaw instance, an unapproved or dropped device pairing, an unknown credential.
 */
import { BINDINGS, DELIVERIES, INSTANCES, MODEL_PROVIDERS } from "./collections";
import { configPushContent, credentialResolved, providerPatch } from "./delivery";
import { connectDevice, deviceOf } from "./devices";
import type { PushQueue, Settings } from "./entity";
import type { Row, Store } from "./store";

/**
 * The status a push has while it is queued or running; then {@link PUSH_SUCCESS} or
 * {@link PUSH_FAILED_PREFIX} + reason.
 *
 * @example
 * ```ts
 * const done = (s: string | null) => s !== PUSH_PENDING;
 * const failed = (s: string | null) => s?.startsWith(PUSH_FAILED_PREFIX) ?? false;
 * ```
 */
export const PUSH_PENDING = "pending";
export const PUSH_SUCCESS = "success";
/** Failed pushes read `failed: <reason>`. */
export const PUSH_FAILED_PREFIX = "failed: ";

/**
 * Runs pushes in the background on timers; {@link close} cancels what has not run.
 *
 * @example
 * ```ts
 * const pushes = new PushEngine(store, settings, () => new Date().toISOString());
 * pushes.queueConfigPush("acme", 7, 50); // binding 7: pending now, success or failed: … in 50 ms
 * ```
 */
export class PushEngine implements PushQueue {
    private timers = new Set<NodeJS.Timeout>();

    constructor(
        private readonly store: Store,
        private readonly settings: Settings,
        private readonly now: () => string,
        private readonly onError: (e: Error) => void = (e) => console.error(`iblai-claw-emulator: push failed to complete: ${e.message}`),
    ) {}

    private later(delayMs: number, fn: () => void): void {
        const t = setTimeout(() => {
            this.timers.delete(t);
            try {
                fn();
                this.store.commit().catch(this.onError);
            } catch (e) {
                this.onError(e as Error);
            }
        }, delayMs);
        this.timers.add(t);
    }

    queueConfigPush(org: string, bindingId: number, delayMs: number): void {
        const b = this.store.get(org, BINDINGS, bindingId);
        if (!b) return;
        this.store.put(org, BINDINGS, { ...b, last_config_push_status: PUSH_PENDING });
        this.later(delayMs, () => this.completeConfigPush(org, bindingId));
    }

    queueProviderPush(org: string, instanceId: number, delayMs: number): void {
        const ids: number[] = [];
        for (const p of this.store.list(org, MODEL_PROVIDERS)) {
            if (p.server !== instanceId || p.enabled !== true) continue;
            this.store.put(org, MODEL_PROVIDERS, { ...p, last_provider_push_status: PUSH_PENDING });
            ids.push(p.id);
        }
        if (ids.length) this.later(delayMs, () => this.completeProviderPush(org, instanceId, ids));
    }

    /** After a restart: finish the pushes that were pending when the emulator stopped. */
    resumePending(): void {
        for (const org of this.store.orgNames()) {
            for (const b of this.store.list(org, BINDINGS)) {
                if (b.last_config_push_status === PUSH_PENDING) this.later(this.settings.pushDelayMs, () => this.completeConfigPush(org, b.id));
            }
            const byServer = new Map<number, number[]>();
            for (const p of this.store.list(org, MODEL_PROVIDERS)) {
                if (p.last_provider_push_status === PUSH_PENDING) byServer.set(Number(p.server), [...(byServer.get(Number(p.server)) ?? []), p.id]);
            }
            for (const [server, ids] of byServer) this.later(this.settings.pushDelayMs, () => this.completeProviderPush(org, server, ids));
        }
    }

    /** Pushes queued and not yet completed. */
    get inFlight(): number {
        return this.timers.size;
    }

    close(): void {
        for (const t of this.timers) clearTimeout(t);
        this.timers.clear();
    }

    /** Connects to the instance as the platform would: OpenClaw needs a paired device; IronClaw its token only. */
    private connect(org: string, instance: Row, now: string): { ok: true } | { ok: false; error: string } {
        if (instance.claw_type !== "openclaw") return { ok: true };
        const dev = deviceOf(instance);
        if ("error" in dev) return { ok: false, error: dev.error };
        return connectDevice(this.store, org, instance.id, dev.deviceId, this.settings.requireDeviceApproval, now);
    }

    private completeConfigPush(org: string, bindingId: number): void {
        const b = this.store.get(org, BINDINGS, bindingId);
        if (!b) return; // deleted while pending
        const now = this.now();
        const instance = this.store.get(org, INSTANCES, Number(b.server));
        const content = configPushContent(this.store, org, b);
        const conn = instance ? this.connect(org, instance, now) : ({ ok: false, error: "server not found" } as const);
        if (conn.ok && instance) {
            this.store.insert(org, DELIVERIES, {
                kind: "config",
                at: now,
                instance: instance.id,
                server_url: instance.server_url,
                binding: b.id,
                mentor: b.mentor,
                files: content.files,
                config_patch: content.config_patch,
                skills: content.skills,
                warnings: content.warnings,
            });
        }
        this.store.put(org, BINDINGS, {
            ...b,
            last_config_push: now,
            last_config_push_status: conn.ok ? PUSH_SUCCESS : PUSH_FAILED_PREFIX + conn.error,
            last_push_warnings: content.warnings,
        });
    }

    private completeProviderPush(org: string, instanceId: number, ids: readonly number[]): void {
        const now = this.now();
        const instance = this.store.get(org, INSTANCES, instanceId);
        const providers = ids.map((id) => this.store.get(org, MODEL_PROVIDERS, id)).filter((p): p is Row => p !== undefined);
        if (providers.length === 0) return;
        const conn = instance ? this.connect(org, instance, now) : ({ ok: false, error: "server not found" } as const);
        const delivered: Row[] = [];
        for (const p of providers) {
            let status: string;
            if (!conn.ok) status = PUSH_FAILED_PREFIX + conn.error;
            else if (!credentialResolved(this.store, org, p.credential_name)) status = `${PUSH_FAILED_PREFIX}credential "${String(p.credential_name)}" not found on the platform`;
            else {
                status = PUSH_SUCCESS;
                delivered.push(p);
            }
            this.store.put(org, MODEL_PROVIDERS, { ...p, last_provider_push: now, last_provider_push_status: status });
        }
        if (delivered.length && instance) {
            this.store.insert(org, DELIVERIES, {
                kind: "providers",
                at: now,
                instance: instance.id,
                server_url: instance.server_url,
                providers: delivered.map((p) => p.id),
                config_patch: providerPatch(delivered),
            });
        }
    }
}
