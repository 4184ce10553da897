import { Agent, type Dispatcher, FormData, request } from "undici";
import type { z } from "zod";
import { ClawError, ConfigError, NetworkError, RateLimitedError, ResponseError, TimeoutError, errorForStatus } from "./errors";
import type { FullResponse, HttpMethod, RequestOptions, Transport } from "./transport";
import { DEFAULT_RETRY, type RetryPolicy, nextDelay, parseRetryAfter, sleep } from "./retry";
import { AgentConfigsApi } from "./resources/agentConfigs";
import { InstancesApi } from "./resources/instances";
import { MentorBindingsApi } from "./resources/mentorBindings";
import { MentorsApi } from "./resources/mentors";
import { MentorScoped } from "./resources/mentorScoped";
import { ModelProvidersApi } from "./resources/modelProviders";
import { SkillAssignmentsApi } from "./resources/skillAssignments";
import { SkillResourcesApi } from "./resources/skillResources";
import { SkillsApi } from "./resources/skills";

/*
 * Why the retry loop is ours and not undici's RetryAgent / retry interceptor (issue 4:
 * "use what undici already offers where it fits"). undici's RetryHandler (8.x) fits a
 * GET, not this API:
 * - it cannot run the natural-key lookup a POST needs between attempts, so a create whose
 *   answer was lost could only be "not retried" or "duplicated";
 * - its waits are deterministic exponential (no jitter) and it clamps Retry-After to
 *   `maxTimeout`, so a long Retry-After is not honoured; it has no total time budget;
 * - one `request()` spans all its attempts, so our per-attempt timeout, the concurrency
 *   slot (held during its backoff sleeps) and the per-attempt log hook would all see one
 *   long opaque call;
 * - it retries 500 too, and on giving up throws RequestRetryError instead of the DRF
 *   body, which our error classes are built from.
 * What undici does offer is used: the keep-alive connection pool (Agent), `request`,
 * AbortSignal timeouts, and FormData/Blob multipart encoding for asset uploads.
 */

/**
 * The `Authorization` scheme: `Api-Token` (the default: the hosted service, the current
 * guide and the platform's generated client) or `Token` (the older guide; older and
 * self-hosted deployments). There is no `Api-Key` scheme: it is refused with a hint naming
 * `Api-Token`.
 *
 * @example
 * ```ts
 * new ClawClient({ baseUrl, org, token, authScheme: "Api-Token" }); // sends `Authorization: Api-Token <token>`
 * ```
 */
export type AuthScheme = "Token" | "Api-Token";

/**
 * The schemes the API knows, for validation.
 *
 * @example
 * ```ts
 * AUTH_SCHEMES.includes("Api-Token"); // true
 * ```
 */
export const AUTH_SCHEMES: readonly AuthScheme[] = ["Api-Token", "Token"];

/**
 * The scheme used when none is set: `Api-Token`, because the hosted service answers
 * `Token <key>` with `401 {"detail": "Invalid Token"}` even for a valid key (issue 20).
 *
 * @example
 * ```ts
 * new ClawClient({ baseUrl, org, token }).authScheme === DEFAULT_AUTH_SCHEME; // true
 * ```
 */
export const DEFAULT_AUTH_SCHEME: AuthScheme = "Api-Token";

/**
 * Why a scheme is not one the API knows, with the fix; undefined when it is fine (or unset).
 * Shared by the client's constructor and the provider's check, so both say the same.
 *
 * @example
 * ```ts
 * authSchemeProblem("Api-Key"); // 'authScheme "Api-Key" does not exist; use "Api-Token" ...'
 * ```
 */
export function authSchemeProblem(scheme: unknown): string | undefined {
    if (scheme === undefined || (AUTH_SCHEMES as readonly unknown[]).includes(scheme)) return undefined;
    if (typeof scheme === "string" && /^api[-_ ]?key$/i.test(scheme.trim())) {
        return `authScheme ${JSON.stringify(scheme)} does not exist; use "Api-Token" (the default: the scheme the hosted service and the platform's own client use for an API key) or "Token" (older and self-hosted deployments)`;
    }
    return `authScheme must be "Api-Token" (the default) or "Token", not ${typeof scheme === "string" && scheme.length <= 20 ? JSON.stringify(scheme) : `a ${typeof scheme}`}`;
}

/**
 * One line for a request log, emitted once per attempt. Holds no header, body, query or
 * token by construction, so a logger can print it as is.
 *
 * @example
 * ```ts
 * const client = new ClawClient({ ...conn, onRequest: (e) => console.log(`${e.method} ${e.route} #${e.attempt} ${e.status ?? e.error} ${e.outcome}`) });
 * ```
 */
export interface RequestEvent {
    method: string;
    /** Route relative to the org base, e.g. `claw/instances/42/`. */
    route: string;
    attempt: number;
    status?: number;
    durationMs: number;
    /** The error's code when the attempt failed without an HTTP answer. */
    error?: string;
    /** What the client does next. `recovered`: a lost create was found by its natural key. */
    outcome: "ok" | "retry" | "recovered" | "fail";
}

/**
 * Options of `new ClawClient(...)`; units in the names' comments.
 *
 * @example
 * ```ts
 * const options: ClawClientOptions = { baseUrl: "https://platform.ibl.ai", org: "acme", token, timeoutMs: 10_000, maxConcurrency: 4 };
 * ```
 */
export interface ClawClientOptions {
    /** Service origin, e.g. `https://platform.ibl.ai`. */
    baseUrl: string;
    /** The org (platform key) every path lives under. */
    org: string;
    /** API token. Kept in a private field; never logged or put in an error. */
    token: string;
    /** Authorization scheme; default `Api-Token` (the hosted service); `Token` for older and self-hosted deployments. */
    authScheme?: AuthScheme;
    /** Per-attempt timeout, ms; default 30_000. Also capped by what is left of the retry budget. */
    timeoutMs?: number;
    /** Retry policy overrides. */
    retry?: Partial<RetryPolicy>;
    /** Requests in flight at once from this client; default 8. Backoff waits hold no slot. */
    maxConcurrency?: number;
    /** Page size (`limit`) of list scans; default 100. */
    pageSize?: number;
    /** Called once per attempt, for logging. Events carry no secrets; a throwing hook is ignored. */
    onRequest?: (event: RequestEvent) => void;
    /** An undici dispatcher to use instead of the client's own keep-alive Agent (e.g. a MockAgent). */
    dispatcher?: Dispatcher;
    /**
     * The org admin's user name that mentors are made with (`client.mentors`); without it,
     * the first admin of the platform's user list, looked up once.
     */
    adminUser?: string;
}

export type { FullResponse, HttpMethod, RequestOptions, Transport } from "./transport";

const IDEMPOTENT = new Set<HttpMethod>(["GET", "PUT", "PATCH", "DELETE"]);

/** A tiny FIFO semaphore for the concurrency limit. */
class Limiter {
    private active = 0;
    private readonly waiting: Array<() => void> = [];
    constructor(private readonly max: number) {}
    async run<T>(fn: () => Promise<T>): Promise<T> {
        if (this.active >= this.max) await new Promise<void>((r) => this.waiting.push(r));
        else this.active++;
        try {
            return await fn();
        } finally {
            // Hand the slot straight to the next waiter, so a newcomer cannot jump the queue.
            const next = this.waiting.shift();
            if (next) next();
            else this.active--;
        }
    }
}

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: unknown };

/**
 * A typed client for the ibl.ai claw API, usable without Pulumi.
 *
 * @example
 * ```ts
 * import { ClawClient } from "pulumi-iblai-claw/sdk";
 * const client = new ClawClient({ baseUrl: "https://platform.ibl.ai", org: "acme", token: process.env.IBLAI_API_TOKEN! });
 * const inst = await client.instances.create({ name: "prod", server_url: "https://claw.acme.dev", gateway_token: "..." });
 * for await (const i of client.instances.list({ status: "active" })) console.log(i.id, i.name);
 * await client.close();
 * ```
 */
export class ClawClient implements Transport {
    readonly baseUrl: string;
    readonly org: string;
    readonly authScheme: AuthScheme;
    readonly timeoutMs: number;
    readonly retry: RetryPolicy;
    /** Page size (`limit`) of list scans. */
    readonly pageSize: number;
    /** `claw/instances/`: claw servers, and their actions. */
    readonly instances: InstancesApi;
    /** `claw/model-providers/`: LLM providers of a claw server. */
    readonly modelProviders: ModelProvidersApi;
    /** `claw/mentor-configs/`: mentors bound to servers, and config pushes (the older guide's collection; `mentorScoped` for the current one). */
    readonly mentorBindings: MentorBindingsApi;
    /** `agent-configs/`: a mentor's workspace files and config patch. */
    readonly agentConfigs: AgentConfigsApi;
    /** `agent-skills/`: the platform's skills. */
    readonly skills: SkillsApi;
    /** `agent-skill-resources/`: scripts, references and assets of a skill. */
    readonly skillResources: SkillResourcesApi;
    /** `mentor-skill-assignments/`: which mentor holds which skill. */
    readonly skillAssignments: SkillAssignmentsApi;
    /** `users/<admin>/mentor-with-settings/`, `users/<admin>/mentors/<uuid>/`: the mentors themselves. */
    readonly mentors: MentorsApi;

    readonly #token: string;
    readonly #dispatcher: Dispatcher;
    readonly #ownsDispatcher: boolean;
    readonly #limiter: Limiter;
    readonly #onRequest?: (event: RequestEvent) => void;
    readonly #prefix: string;

    constructor(options: ClawClientOptions) {
        const missing = (["baseUrl", "org", "token"] as const).filter((k) => !options[k]);
        if (missing.length) {
            throw new ConfigError(`missing ${missing.join(", ")}`, {
                hint: "set iblai:baseUrl, iblai:org and iblai:apiToken (or IBLAI_BASE_URL, IBLAI_ORG, IBLAI_API_TOKEN)",
            });
        }
        let url: URL;
        try {
            url = new URL(options.baseUrl);
        } catch {
            throw new ConfigError(`baseUrl is not a URL: ${JSON.stringify(options.baseUrl)}`, {
                hint: "use the service origin, e.g. https://platform.ibl.ai",
            });
        }
        const schemeProblem = authSchemeProblem(options.authScheme);
        if (schemeProblem) {
            throw new ConfigError(schemeProblem, { hint: "pulumi config set iblai:authScheme Api-Token (or export IBLAI_AUTH_SCHEME=Api-Token)" });
        }
        this.baseUrl = url.origin + url.pathname.replace(/\/+$/, "");
        this.org = options.org;
        // Api-Token since issue 20: the hosted service refuses Token even for a valid key.
        this.authScheme = options.authScheme ?? DEFAULT_AUTH_SCHEME;
        this.timeoutMs = options.timeoutMs ?? 30_000;
        this.retry = { ...DEFAULT_RETRY, ...options.retry };
        this.pageSize = Math.max(1, options.pageSize ?? 100);
        this.#token = options.token;
        this.#ownsDispatcher = !options.dispatcher;
        this.#dispatcher = options.dispatcher ?? new Agent({ connections: 16, keepAliveTimeout: 10_000 });
        this.#limiter = new Limiter(Math.max(1, options.maxConcurrency ?? 8));
        this.#onRequest = options.onRequest;
        this.#prefix = `/api/ai-mentor/orgs/${encodeURIComponent(this.org)}/`;
        this.instances = new InstancesApi(this);
        this.modelProviders = new ModelProvidersApi(this);
        this.mentorBindings = new MentorBindingsApi(this);
        this.agentConfigs = new AgentConfigsApi(this);
        this.skills = new SkillsApi(this);
        this.skillResources = new SkillResourcesApi(this);
        this.skillAssignments = new SkillAssignmentsApi(this);
        this.mentors = new MentorsApi(this, options.adminUser);
    }

    /**
     * The current guide's mentor-scoped routes of one mentor (`mentors/{mentor}/...`): its
     * binding, agent config and skills. Throws ValidationError for a mentor that is not a
     * UUID, before any request.
     *
     * @example
     * ```ts
     * const b = await client.mentorScoped("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10").binding.get();
     * ```
     */
    mentorScoped(mentor: string): MentorScoped {
        return new MentorScoped(this, mentor);
    }

    /**
     * Closes the client's keep-alive connections (a no-op for a caller-supplied dispatcher).
     *
     * @example
     * ```ts
     * await client.close();
     * ```
     */
    async close(): Promise<void> {
        if (this.#ownsDispatcher) await this.#dispatcher.close();
    }

    /** Shows no token, for `console.log(client)`. */
    [Symbol.for("nodejs.util.inspect.custom")](): string {
        return `ClawClient { baseUrl: ${this.baseUrl}, org: ${this.org}, authScheme: ${this.authScheme} }`;
    }

    /** Shows no token, for `JSON.stringify(client)`. */
    toJSON(): Record<string, unknown> {
        return { baseUrl: this.baseUrl, org: this.org, authScheme: this.authScheme };
    }

    /**
     * Sends one API call with retries. `route` is relative to the org base and ends with `/`.
     * Returns the parsed body (by `schema` when given), or undefined for 204.
     *
     * @example
     * ```ts
     * const body = await client.request("POST", "claw/instances/42/refresh-version/", { idempotent: true });
     * ```
     */
    async request<S extends z.ZodType | undefined = undefined>(
        method: HttpMethod,
        route: string,
        options: RequestOptions<S> = {},
    ): Promise<S extends z.ZodType ? z.output<S> : unknown> {
        return (await this.requestFull(method, route, options)).body;
    }

    /**
     * Like `request`, with the answer's status and headers (e.g. the `Date` of a 202).
     *
     * @example
     * ```ts
     * const r = await client.requestFull("GET", "agent-skills/");
     * console.log(r.status, r.headers.date);
     * ```
     */
    async requestFull<S extends z.ZodType | undefined = undefined>(
        method: HttpMethod,
        route: string,
        options: RequestOptions<S> = {},
    ): Promise<FullResponse<S extends z.ZodType ? z.output<S> : unknown>> {
        type Out = FullResponse<S extends z.ZodType ? z.output<S> : unknown>;
        const secrets = [this.#token, ...(options.secrets ?? [])];
        const started = Date.now();
        const policy = this.retry;
        const idempotent = options.idempotent === true || IDEMPOTENT.has(method);
        // What the last failed attempt saw, to build the final error with the attempt count.
        let last: { res?: Raw; error?: ClawError } = {};
        let attempt = 0;
        let lostEarlier = false; // an earlier attempt may have acted without our hearing of it
        const finalError = (attempts: number): ClawError => {
            if (last.res) {
                const e = errorForStatus(last.res.status, last.res.body, { method, route, secrets, attempts }, { authScheme: this.authScheme });
                if (e instanceof RateLimitedError) e.retryAfterMs = parseRetryAfter(last.res.headers["retry-after"]);
                return e;
            }
            const err = last.error;
            if (!err) return new NetworkError("no attempt was made", { method, route, secrets });
            if (attempts <= 1) return err;
            // The same error again, now saying how many attempts were made.
            const Cls = err.code === "CLAW_TIMEOUT" ? TimeoutError : NetworkError;
            return new Cls(err.code === "CLAW_TIMEOUT" ? "no answer in time" : "connection failed", { method, route, attempts, detail: err.detail, secrets });
        };
        for (;;) {
            attempt++;
            const t0 = Date.now();
            const emit = (e: Omit<RequestEvent, "method" | "route" | "attempt" | "durationMs">) =>
                this.emit({ method, route, attempt, durationMs: Date.now() - t0, ...e });
            let outcomeUnknown = true;
            let retryAfterMs: number | undefined;
            const remaining = policy.budgetMs - (Date.now() - started);
            const attemptTimeout = Math.max(1, Math.min(this.timeoutMs, remaining));
            let res: Raw | undefined;
            // What this failed attempt is logged as, once the client knows what it does next.
            let failed: Pick<RequestEvent, "status" | "error"> = {};
            try {
                res = await this.#limiter.run(() => this.send(method, route, options, secrets, attemptTimeout));
            } catch (e) {
                // send() throws only NetworkError and TimeoutError: no HTTP answer came back.
                last = { error: ClawError.isInstance(e) ? e : new NetworkError("connection failed", { method, route, cause: e, secrets }) };
                failed = { error: last.error?.code };
            }
            if (res) {
                if (res.status < 300) {
                    emit({ status: res.status, outcome: "ok" });
                    return { status: res.status, headers: res.headers, body: this.parse(method, route, res.body, options.schema, secrets) } as Out;
                }
                // A DELETE whose earlier answer was lost (not merely refused with 429) has already happened.
                if (method === "DELETE" && res.status === 404 && lostEarlier) {
                    emit({ status: res.status, outcome: "ok" });
                    return { status: res.status, headers: res.headers, body: undefined } as Out;
                }
                last = { res };
                retryAfterMs = parseRetryAfter(res.headers["retry-after"]);
                if (!policy.retryStatuses.includes(res.status)) {
                    emit({ status: res.status, outcome: "fail" });
                    throw finalError(attempt);
                }
                // 429 means "not processed"; a 502-504 from a proxy leaves a POST's fate unknown.
                outcomeUnknown = res.status !== 429;
                failed = { status: res.status };
            }
            lostEarlier ||= outcomeUnknown;
            // Sending a non-idempotent call again could act twice; without a way to look first, stop.
            if (!idempotent && outcomeUnknown && !options.recover) {
                emit({ ...failed, outcome: "fail" });
                throw finalError(attempt);
            }
            let wait = nextDelay(policy, attempt - 1, retryAfterMs);
            if (!idempotent && last.error?.code === "CLAW_TIMEOUT") {
                // A create that timed out may still be running on the server: give it as long
                // again as the attempt had before looking it up, or the lookup could miss it
                // and the resend make a duplicate.
                wait = Math.max(wait, attemptTimeout);
            }
            const giveUp = attempt >= policy.maxAttempts || Date.now() - started + wait >= policy.budgetMs;
            emit({ ...failed, outcome: giveUp ? "fail" : "retry" });
            if (!giveUp) await sleep(wait);
            if (!idempotent && outcomeUnknown && options.recover) {
                // Even when giving up, look once: the object may be there, and that is the answer.
                let found: unknown;
                try {
                    // Looked up after the wait, so a write still in flight on the server has landed.
                    found = await options.recover();
                } catch {
                    // The lookup failed too: the outcome stays unknown, so do not send again.
                    throw finalError(attempt);
                }
                if (found !== undefined) {
                    this.emit({ method, route, attempt, durationMs: 0, outcome: "recovered" });
                    const body = options.schema ? this.parse(method, route, found, options.schema, secrets) : found;
                    return { status: 200, headers: {}, body } as Out;
                }
            }
            if (giveUp) throw finalError(attempt);
        }
    }

    /**
     * The absolute URL of a route, for messages and tests. A route is relative to the org
     * base; one that starts with `/` is relative to the base URL (e.g. the platform's user
     * list, `/api/core/platform/users/`, which lives outside the org base).
     *
     * @example
     * ```ts
     * client.urlOf("agent-skills/"); // "https://platform.ibl.ai/api/ai-mentor/orgs/acme/agent-skills/"
     * client.urlOf("/api/core/platform/users/"); // "https://platform.ibl.ai/api/core/platform/users/"
     * ```
     */
    urlOf(route: string): string {
        return route.startsWith("/") ? this.baseUrl + route : this.baseUrl + this.#prefix + route;
    }

    /**
     * The bytes behind a file URL the API answered with (an asset resource's `file`). The
     * token is sent only to the API's own origin: a file served from another host (object
     * storage, a CDN) is fetched without it. Not retried; a failure names the URL's path.
     *
     * @example
     * ```ts
     * const res = await client.skillResources.get(7);
     * if (res.file) fs.writeFileSync("logo.png", await client.download(res.file));
     * ```
     */
    async download(fileUrl: string): Promise<Buffer> {
        const target = new URL(fileUrl, this.baseUrl);
        const route = target.pathname;
        const secrets = [this.#token];
        const own = target.origin === new URL(this.baseUrl).origin;
        const headers: Record<string, string> = own ? { authorization: `${this.authScheme} ${this.#token}` } : {};
        return this.#limiter.run(async () => {
            let res: Awaited<ReturnType<typeof request>>;
            try {
                res = await request(target, { method: "GET", headers, dispatcher: this.#dispatcher, signal: AbortSignal.timeout(this.timeoutMs) });
            } catch (e) {
                throw new NetworkError("download failed", { method: "GET", route, cause: e, secrets });
            }
            if (res.statusCode >= 300) {
                const text = await res.body.text();
                throw errorForStatus(res.statusCode, text, { method: "GET", route, secrets }, { authScheme: this.authScheme });
            }
            return Buffer.from(await res.body.arrayBuffer());
        });
    }

    private emit(event: RequestEvent): void {
        try {
            this.#onRequest?.(event);
        } catch {
            // A broken logger must not break the call it logs.
        }
    }

    private async send(
        method: HttpMethod,
        route: string,
        options: RequestOptions<z.ZodType | undefined>,
        secrets: Array<string | undefined>,
        timeoutMs: number,
    ): Promise<Raw> {
        const url = new URL(this.urlOf(route));
        for (const [k, v] of Object.entries(options.query ?? {})) {
            if (v !== undefined) url.searchParams.set(k, String(v));
        }
        const headers: Record<string, string> = {
            authorization: `${this.authScheme} ${this.#token}`,
            accept: "application/json",
        };
        let body: string | FormData | undefined;
        if (options.body instanceof FormData) {
            // undici writes the multipart boundary and content-type itself; a FormData can be
            // sent again on retry, unlike a stream.
            body = options.body;
        } else if (options.body !== undefined) {
            headers["content-type"] = "application/json";
            body = JSON.stringify(options.body);
        }
        try {
            const res = await request(url, {
                method,
                headers,
                body,
                dispatcher: this.#dispatcher,
                signal: AbortSignal.timeout(timeoutMs),
            });
            const text = await res.body.text();
            let parsed: unknown = text;
            if (text && /json/.test(String(res.headers["content-type"] ?? ""))) {
                try {
                    parsed = JSON.parse(text);
                } catch {
                    parsed = text;
                }
            }
            return { status: res.statusCode, headers: res.headers, body: text === "" ? undefined : parsed };
        } catch (e) {
            const name = (e as { name?: string })?.name;
            const code = (e as { code?: string })?.code;
            if (name === "TimeoutError" || name === "AbortError" || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
                throw new TimeoutError("no answer in time", { method, route, cause: e, detail: `no answer within ${timeoutMs} ms`, secrets });
            }
            // The cause's code and text (e.g. "ECONNRESET: other side closed") say what broke.
            const causeOf = (e as { cause?: { code?: string; message?: string } })?.cause;
            const why = [code ?? causeOf?.code, (e as Error)?.message, causeOf?.message].filter(Boolean).join(": ");
            throw new NetworkError("connection failed", { method, route, cause: e, detail: why || undefined, secrets });
        }
    }

    private parse(method: string, route: string, body: unknown, schema: z.ZodType | undefined, secrets: Array<string | undefined>): unknown {
        if (!schema) return body;
        const r = schema.safeParse(body);
        if (r.success) return r.data;
        throw new ResponseError("unexpected response body", {
            method,
            route,
            detail: r.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; "),
            secrets,
        });
    }
}
