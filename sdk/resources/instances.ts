import type { Transport } from "../transport";
import { ModelProvidersApi } from "./modelProviders";
import { PushFailedError } from "../errors";
import {
    DEFAULT_PUSH_WAIT,
    type PushOutcome,
    type PushSnapshot,
    type PushWaitOptions,
    classifyPushStatus,
    isPushFinished,
    pollUntil,
    pushFailureHint,
    queuedMoment,
} from "../push";
import { PushQueued, lenientAnswer } from "../schemas/common";
import {
    ConnectivityReport,
    HealthCheckResult,
    INSTANCE_WRITE_ONLY,
    Instance,
    InstanceCreate,
    type InstanceListQuery,
    InstanceUpdate,
    RefreshVersionResult,
    SecurityAuditResult,
} from "../schemas/instance";
import type { ModelProvider } from "../schemas/modelProvider";
import { EntityApi, type Id } from "./entity";

/**
 * The outcome of one provider in a push-providers.
 *
 * @example
 * ```ts
 * const { providers } = await client.instances.pushProvidersAndWait(42);
 * for (const p of providers) console.log(p.name, p.status);
 * ```
 */
export interface ProviderPushResult {
    id: number | string;
    name: string;
    status: string;
    finishedAt?: string;
}

/**
 * A successful push-providers: every enabled provider of the instance reported success.
 *
 * @example
 * ```ts
 * const out: ProviderPushOutcome = await client.instances.pushProvidersAndWait(42);
 * ```
 */
export interface ProviderPushOutcome extends PushOutcome {
    providers: ProviderPushResult[];
}

const snapshotOf = (p: ModelProvider): PushSnapshot => ({ at: p.last_provider_push, status: p.last_provider_push_status });

/**
 * `claw/instances/`: the claw servers registered with the org, and their actions.
 * Natural key (to recover a create whose answer was lost): name + server_url.
 *
 * @example
 * ```ts
 * const inst = await client.instances.create({ name: "prod", server_url: "https://claw.acme.dev", gateway_token: tok });
 * await client.instances.update(inst.id, { name: "prod-eu" });
 * const report = await client.instances.testConnectivity(inst.id);
 * ```
 */
export class InstancesApi extends EntityApi<typeof Instance, typeof InstanceCreate, typeof InstanceUpdate, InstanceListQuery> {
    /** A push's outcome is read from the server's model providers. */
    readonly #providers: ModelProvidersApi;

    constructor(client: Transport) {
        super(client, {
            collection: "claw/instances/",
            object: Instance,
            create: InstanceCreate,
            update: InstanceUpdate,
            writeOnly: INSTANCE_WRITE_ONLY,
            naturalKey: (b) => ({ name: b.name, server_url: b.server_url }),
            exactFilters: ["status"],
        });
        this.#providers = new ModelProvidersApi(client);
    }

    private action(id: Id, name: string): string {
        return `${this.objectRoute(id)}${name}/`;
    }

    /**
     * Probes the server: TLS reachability, then its health endpoint.
     *
     * @example
     * ```ts
     * const r = await client.instances.testConnectivity(42);
     * if (!r.all_passed) console.log(r.checks.filter((c) => !c.passed));
     * ```
     */
    async testConnectivity(id: Id): Promise<ConnectivityReport> {
        // A probe changes nothing, so it may be repeated freely.
        return this.client.request("POST", this.action(id, "test-connectivity"), { schema: ConnectivityReport, idempotent: true });
    }

    /**
     * Runs a health check; the service stores `last_health_check` / `last_health_status`.
     *
     * @example
     * ```ts
     * await client.instances.healthCheck(42);
     * console.log((await client.instances.get(42)).last_health_status);
     * ```
     */
    async healthCheck(id: Id): Promise<HealthCheckResult> {
        return this.client.request("POST", this.action(id, "health-check"), { schema: lenientAnswer(HealthCheckResult), idempotent: true });
    }

    /**
     * Runs a security audit on the server (OpenClaw only) and returns whatever it reports.
     *
     * @example
     * ```ts
     * const audit = await client.instances.securityAudit(42);
     * ```
     */
    async securityAudit(id: Id): Promise<SecurityAuditResult> {
        return this.client.request("POST", this.action(id, "security-audit"), { schema: lenientAnswer(SecurityAuditResult), idempotent: true });
    }

    /**
     * Detects `claw_version` from the server's handshake.
     *
     * @example
     * ```ts
     * const { claw_version } = await client.instances.refreshVersion(42);
     * ```
     */
    async refreshVersion(id: Id): Promise<RefreshVersionResult> {
        return this.client.request("POST", this.action(id, "refresh-version"), { schema: lenientAnswer(RefreshVersionResult), idempotent: true });
    }

    /**
     * `POST claw/instances/{id}/request-pairing/`: queues a device-pairing request on the
     * server (pending requests expire after about 5 minutes); approve it there with
     * `openclaw devices approve <requestId>`. Sends an empty body; either documented answer
     * (`202 {"queued": ...}` or an instance body) is accepted.
     *
     * @example
     * ```ts
     * const { queued, message } = await client.instances.requestPairing(42);
     * ```
     */
    async requestPairing(id: Id): Promise<PushQueued> {
        // Not idempotent in spirit (each call queues a request), but a lost answer leaves at
        // worst a second pending request that expires in ~5 minutes: safe to repeat.
        return this.client.request("POST", this.action(id, "request-pairing"), { schema: lenientAnswer(PushQueued), idempotent: true });
    }

    /**
     * Queues a push of every enabled model provider of the instance (202). Use
     * `pushProvidersAndWait` to learn the outcome.
     *
     * @example
     * ```ts
     * const { message } = await client.instances.pushProviders(42); // "Provider push queued."
     * ```
     */
    async pushProviders(id: Id): Promise<PushQueued> {
        // A push delivers the current providers; sending it twice delivers the same thing.
        return this.client.request("POST", this.action(id, "push-providers"), { schema: lenientAnswer(PushQueued), idempotent: true });
    }

    /**
     * Queues a provider push and waits until every enabled provider of the instance reports
     * its outcome (`last_provider_push*`), polling with backoff up to `timeoutMs`. Resolves
     * with each provider's status; throws PushFailedError (with the service's text and a
     * hint) if any failed, TimeoutError if they did not all report in time.
     *
     * @example
     * ```ts
     * try {
     *   const out = await client.instances.pushProvidersAndWait(42, { timeoutMs: 120_000 });
     *   console.log(out.providers.map((p) => `${p.name}: ${p.status}`));
     * } catch (e) {
     *   if (PushFailedError.isInstance(e)) console.error(e.pushStatus, e.hint);
     * }
     * ```
     */
    async pushProvidersAndWait(id: Id, options: PushWaitOptions = {}): Promise<ProviderPushOutcome> {
        // Ids are opaque: a string id is filtered on as is (the list's client-side match compares as strings).
        const server = typeof id === "string" && /^\d+$/.test(id) ? Number(id) : id;
        const route = this.action(id, "push-providers");
        const enabledOf = async () => (await this.#providers.listAll({ server })).filter((p) => p.enabled !== false);
        const before = new Map((await enabledOf()).map((p) => [p.id, snapshotOf(p)]));
        const queued = await this.client.requestFull("POST", route, { schema: lenientAnswer(PushQueued), idempotent: true });
        const queuedAt = queuedMoment(queued.headers);
        const message = queued.body.message ?? undefined;
        if (before.size === 0) return { status: "nothing to push", warnings: [], providers: [], message };

        const pending = (ps: ModelProvider[]) =>
            ps.filter((p) => before.has(p.id) && !isPushFinished(before.get(p.id) ?? {}, snapshotOf(p), queuedAt));
        const done = await pollUntil(
            async () => (await this.#providers.listAll({ server })).filter((p) => before.has(p.id)),
            (ps) => pending(ps).length === 0,
            {
                method: "POST",
                route,
                describe: (ps) =>
                    `still waiting for ${(ps ? pending(ps) : []).map((p) => `${p.name} (last status: ${p.last_provider_push_status ?? "none"})`).join(", ")}`,
            },
            { ...DEFAULT_PUSH_WAIT, ...options },
        );
        const providers: ProviderPushResult[] = done.map((p) => ({
            id: p.id,
            name: p.name,
            status: p.last_provider_push_status ?? "",
            finishedAt: p.last_provider_push ?? undefined,
        }));
        const failed = providers.filter((p) => classifyPushStatus(p.status) !== "succeeded");
        if (failed.length) {
            const text = failed.map((p) => `${p.name}: ${p.status}`).join("; ");
            throw new PushFailedError(`the provider push failed for ${failed.map((p) => p.name).join(", ")}`, {
                method: "POST",
                route,
                pushStatus: text,
                hint: pushFailureHint(text),
            });
        }
        return { status: "success", finishedAt: providers.map((p) => p.finishedAt ?? "").sort().pop() || undefined, warnings: [], providers, message };
    }
}
