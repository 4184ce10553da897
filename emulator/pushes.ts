/**
 * Async pushes, as the service runs them: the action answers 202 at once, the push
 * runs in the background, and the outcome lands in the binding's `last_config_push*`
 * (or each provider's `last_provider_push*`) fields: `"pending"`, then `"success"` or
 * `"failed: <reason>"`. Reasons follow the documented causes: no device identity on an
 * OpenClaw instance, an unapproved or dropped device pairing, an unknown credential.
 *
 * Delivery is modelled inside the emulator (the stand-in, fast, the default) or done for
 * real on an OpenClaw gateway over its WebSocket protocol (realDelivery.ts), chosen per
 * instance and by the `deliver` setting. Real pushes to one server run one at a time.
 */
import { BINDINGS, DELIVERIES, INSTANCES, MODEL_PROVIDERS } from "./collections";
import { configPushContent, credentialResolved, providerPatch, writtenWorkspace } from "./delivery";
import { connectDevice, deviceOf, speaksOpenclaw } from "./devices";
import { deliverConfigReal, deliverProvidersReal, instanceDeliveryChoice, type Outcome, type RealOptions, speaksGatewayProtocol } from "./realDelivery";
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
    private running = new Set<Promise<void>>();
    /** Per server URL, the tail of its queue of real deliveries. */
    private lanes = new Map<string, Promise<unknown>>();

    constructor(
        private readonly store: Store,
        private readonly settings: Settings,
        private readonly now: () => string,
        private readonly onError: (e: Error) => void = (e) => console.error(`iblai-claw-emulator: push failed to complete: ${e.message}`),
    ) {}

    private later(delayMs: number, fn: () => void | Promise<void>): void {
        const t = setTimeout(() => {
            this.timers.delete(t);
            const run = (async () => {
                try {
                    await fn();
                    await this.store.commit();
                } catch (e) {
                    this.onError(e as Error);
                }
            })();
            this.running.add(run);
            void run.finally(() => this.running.delete(run));
        }, delayMs);
        this.timers.add(t);
    }

    /** Runs `fn` after the deliveries already queued for the same server. */
    private inLane<T>(serverUrl: string, fn: () => Promise<T>): Promise<T> {
        const next = (this.lanes.get(serverUrl) ?? Promise.resolve()).then(fn, fn);
        const tail = next.catch(() => undefined);
        this.lanes.set(serverUrl, tail);
        void tail.then(() => {
            if (this.lanes.get(serverUrl) === tail) this.lanes.delete(serverUrl);
        });
        return next;
    }

    private realOptions(): RealOptions {
        return { timeoutMs: this.settings.gatewayTimeoutMs ?? 30_000, ...(this.settings.probeCa ? { ca: this.settings.probeCa } : {}) };
    }

    /** Whether this instance's pushes go to a real gateway (OpenClaw only; see {@link DeliveryMode}). */
    private async deliversReal(instance: Row): Promise<boolean> {
        if (!speaksOpenclaw(instance)) return false;
        const choice = instanceDeliveryChoice(instance) ?? this.settings.deliver ?? "standin";
        if (choice === "auto") return speaksGatewayProtocol(instance, { ...this.realOptions(), timeoutMs: this.settings.probeTimeoutMs });
        return choice === "real";
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

    /** Pushes queued or running, not yet completed. */
    get inFlight(): number {
        return this.timers.size + this.running.size;
    }

    /** Cancels the pushes that have not started; {@link drain} waits for the running ones. */
    close(): void {
        for (const t of this.timers) clearTimeout(t);
        this.timers.clear();
    }

    /** Waits until the running pushes (real deliveries) are done. */
    async drain(): Promise<void> {
        while (this.running.size) await Promise.all([...this.running]);
    }

    /** Connects to the instance as the platform would: OpenClaw needs a paired device; IronClaw its token only. */
    private connect(org: string, instance: Row, now: string): { ok: true } | { ok: false; error: string } {
        if (!speaksOpenclaw(instance)) return { ok: true };
        const dev = deviceOf(instance);
        if ("error" in dev) return { ok: false, error: dev.error };
        return connectDevice(this.store, org, instance.id, dev.deviceId, this.settings.requireDeviceApproval, now);
    }

    private async completeConfigPush(org: string, bindingId: number): Promise<void> {
        const b = this.store.get(org, BINDINGS, bindingId);
        if (!b) return; // deleted while pending
        const instance = this.store.get(org, INSTANCES, Number(b.server));
        const content = configPushContent(this.store, org, b);
        let outcome: Outcome;
        let real = false;
        if (!instance) outcome = { ok: false, error: "server not found" };
        else if (content.placement_errors.length) outcome = { ok: false, error: `config refused: ${content.placement_errors.join("; ")}` };
        else if ((real = await this.deliversReal(instance))) outcome = await this.inLane(String(instance.server_url), () => deliverConfigReal(instance, content, this.realOptions()));
        else {
            const conn = this.connect(org, instance, this.now());
            // The stand-in writes what the instance's claw_version would get (openclaw/workspace.ts).
            const placed = conn.ok ? writtenWorkspace(content.texts, typeof instance.claw_version === "string" ? instance.claw_version : null, {}, content.blank_fields) : conn;
            outcome = placed.ok ? { ok: true, detail: {}, written: placed.written } : placed;
        }
        const current = this.store.get(org, BINDINGS, bindingId);
        if (!current) return; // deleted while delivering
        const now = this.now();
        if (outcome.ok && instance) {
            this.store.insert(org, DELIVERIES, {
                kind: "config",
                at: now,
                instance: instance.id,
                server_url: instance.server_url,
                delivery: real ? "real" : "standin",
                binding: b.id,
                mentor: b.mentor,
                agent_id: content.agent_id,
                ...outcome.written,
                config_patch: content.config_patch,
                replace_paths: content.replace_paths,
                skills: content.skills,
                warnings: content.warnings,
                ...(real ? { gateway: outcome.detail } : {}),
            });
        }
        this.store.put(org, BINDINGS, {
            ...current,
            last_config_push: now,
            last_config_push_status: outcome.ok ? PUSH_SUCCESS : PUSH_FAILED_PREFIX + outcome.error,
            last_push_warnings: content.warnings,
        });
    }

    private async completeProviderPush(org: string, instanceId: number, ids: readonly number[]): Promise<void> {
        const instance = this.store.get(org, INSTANCES, instanceId);
        const providers = ids.map((id) => this.store.get(org, MODEL_PROVIDERS, id)).filter((p): p is Row => p !== undefined);
        if (providers.length === 0) return;
        const known = providers.filter((p) => credentialResolved(this.store, org, p.credential_name));
        let conn: Outcome;
        let real = false;
        if (!instance) conn = { ok: false, error: "server not found" };
        else if ((real = await this.deliversReal(instance))) {
            conn = known.length ? await this.inLane(String(instance.server_url), () => deliverProvidersReal(instance, providerPatch(known), this.realOptions())) : { ok: true, detail: {} };
        } else {
            const c = this.connect(org, instance, this.now());
            conn = c.ok ? { ok: true, detail: {} } : c;
        }
        const now = this.now();
        const delivered: Row[] = [];
        for (const p of providers) {
            const current = this.store.get(org, MODEL_PROVIDERS, p.id);
            if (!current) continue; // deleted while delivering
            let status: string;
            if (!conn.ok) status = PUSH_FAILED_PREFIX + conn.error;
            else if (!known.includes(p)) status = `${PUSH_FAILED_PREFIX}credential "${String(p.credential_name)}" not found on the platform`;
            else {
                status = PUSH_SUCCESS;
                delivered.push(p);
            }
            this.store.put(org, MODEL_PROVIDERS, { ...current, last_provider_push: now, last_provider_push_status: status });
        }
        if (delivered.length && instance) {
            this.store.insert(org, DELIVERIES, {
                kind: "providers",
                at: now,
                instance: instance.id,
                server_url: instance.server_url,
                delivery: real ? "real" : "standin",
                providers: delivered.map((p) => p.id),
                config_patch: providerPatch(delivered),
                ...(real && conn.ok ? { gateway: conn.detail } : {}),
            });
        }
    }
}
