import { Agent, type Dispatcher, request } from "undici";
import type { z } from "zod";
import {
    ClawError,
    ConfigError,
    NetworkError,
    RateLimitedError,
    ResponseError,
    TimeoutError,
    errorForStatus,
} from "./errors";
import { DEFAULT_RETRY, type RetryPolicy, nextDelay, parseRetryAfter, sleep } from "./retry";
import { InstancesApi } from "./resources/instances";

/** `Token` (the integration guide) or `Api-Key` (the generated client). */
export type AuthScheme = "Token" | "Api-Key";

/** One line for a request log. Holds no header, body or token by construction. */
export interface RequestEvent {
    method: string;
    /** Route relative to the org base, e.g. `claw/instances/42/`. */
    route: string;
    attempt: number;
    status?: number;
    durationMs: number;
    /** The error's code when the attempt failed without an HTTP answer. */
    error?: string;
    /** What the client does next. */
    outcome: "ok" | "retry" | "recovered" | "fail";
}

export interface ClawClientOptions {
    /** Service origin, e.g. `https://platform.ibl.ai`. */
    baseUrl: string;
    /** The org (platform key) every path lives under. */
    org: string;
    /** API token. Kept in a private field; never logged or put in an error. */
    token: string;
    /** Authorization scheme; default `Token`. */
    authScheme?: AuthScheme;
    /** Per-attempt timeout, ms; default 30_000. */
    timeoutMs?: number;
    /** Retry policy overrides. */
    retry?: Partial<RetryPolicy>;
    /** Requests in flight at once from this client; default 8. */
    maxConcurrency?: number;
    /** Called once per attempt, for logging. Events carry no secrets. */
    onRequest?: (event: RequestEvent) => void;
    /** An undici dispatcher to use instead of the client's own keep-alive Agent. */
    dispatcher?: Dispatcher;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestOptions<S extends z.ZodType | undefined> {
    query?: Record<string, string | number | boolean | undefined>;
    body?: unknown;
    /** Parses a 2xx body; without it the body is returned as parsed JSON. */
    schema?: S;
    /** Values to scrub from errors (write-only fields of the body). */
    secrets?: Iterable<string | undefined>;
    /**
     * For a non-idempotent call (POST) whose outcome is unknown (connection lost, 502-504):
     * looks up the object by its natural key; what it returns is taken as the answer
     * instead of sending the request again.
     */
    recover?: () => Promise<unknown | undefined>;
}

const IDEMPOTENT = new Set<HttpMethod>(["GET", "PUT", "PATCH", "DELETE"]);

/** A tiny FIFO semaphore for the concurrency limit. */
class Limiter {
    private active = 0;
    private readonly waiting: Array<() => void> = [];
    constructor(private readonly max: number) {}
    async run<T>(fn: () => Promise<T>): Promise<T> {
        if (this.active >= this.max) await new Promise<void>((r) => this.waiting.push(r));
        this.active++;
        try {
            return await fn();
        } finally {
            this.active--;
            this.waiting.shift()?.();
        }
    }
}

/**
 * A typed client for the ibl.ai claw API, usable without Pulumi.
 *
 * @example
 * ```ts
 * import { ClawClient } from "pulumi-iblai-claw/sdk";
 * const client = new ClawClient({ baseUrl: "https://platform.ibl.ai", org: "acme", token: process.env.IBLAI_API_TOKEN! });
 * const inst = await client.instances.create({ name: "prod", server_url: "https://claw.acme.dev", gateway_token: "..." });
 * for await (const i of client.instances.list({ status: "active" })) console.log(i.id, i.name);
 * ```
 */
export class ClawClient {
    readonly baseUrl: string;
    readonly org: string;
    readonly authScheme: AuthScheme;
    readonly timeoutMs: number;
    readonly retry: RetryPolicy;
    readonly instances: InstancesApi;

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
        if (options.authScheme && options.authScheme !== "Token" && options.authScheme !== "Api-Key") {
            throw new ConfigError(`authScheme must be "Token" or "Api-Key", not ${JSON.stringify(options.authScheme)}`);
        }
        this.baseUrl = url.origin + url.pathname.replace(/\/+$/, "");
        this.org = options.org;
        this.authScheme = options.authScheme ?? "Token";
        this.timeoutMs = options.timeoutMs ?? 30_000;
        this.retry = { ...DEFAULT_RETRY, ...options.retry };
        this.#token = options.token;
        this.#ownsDispatcher = !options.dispatcher;
        this.#dispatcher = options.dispatcher ?? new Agent({ connections: 16, keepAliveTimeout: 10_000 });
        this.#limiter = new Limiter(options.maxConcurrency ?? 8);
        this.#onRequest = options.onRequest;
        this.#prefix = `/api/ai-mentor/orgs/${encodeURIComponent(this.org)}/`;
        this.instances = new InstancesApi(this);
    }

    /** Closes the client's keep-alive connections (a no-op for a caller-supplied dispatcher). */
    async close(): Promise<void> {
        if (this.#ownsDispatcher) await this.#dispatcher.close();
    }

    /** Shows no token, for `console.log(client)`. */
    [Symbol.for("nodejs.util.inspect.custom")](): string {
        return `ClawClient { baseUrl: ${this.baseUrl}, org: ${this.org}, authScheme: ${this.authScheme} }`;
    }

    /**
     * Sends one API call with retries. `route` is relative to the org base and ends with `/`.
     * Returns the parsed body (by `schema` when given), or undefined for 204.
     */
    async request<S extends z.ZodType | undefined = undefined>(
        method: HttpMethod,
        route: string,
        options: RequestOptions<S> = {},
    ): Promise<S extends z.ZodType ? z.output<S> : unknown> {
        const secrets = [this.#token, ...(options.secrets ?? [])];
        const started = Date.now();
        const policy = this.retry;
        let lastError: ClawError | undefined;
        for (let attempt = 0; attempt < policy.maxAttempts; attempt++) {
            const t0 = Date.now();
            const emit = (e: Omit<RequestEvent, "method" | "route" | "attempt" | "durationMs">) =>
                this.#onRequest?.({ method, route, attempt: attempt + 1, durationMs: Date.now() - t0, ...e });
            let outcomeUnknown = false;
            let retryAfterMs: number | undefined;
            try {
                const res = await this.#limiter.run(() => this.send(method, route, options, secrets));
                if (res.status < 300) {
                    emit({ status: res.status, outcome: "ok" });
                    return this.parse(method, route, res.body, options.schema, secrets) as never;
                }
                // A DELETE whose first answer was lost has already happened.
                if (method === "DELETE" && res.status === 404 && attempt > 0) {
                    emit({ status: res.status, outcome: "ok" });
                    return undefined as never;
                }
                lastError = errorForStatus(res.status, res.body, { method, route, secrets });
                retryAfterMs = parseRetryAfter(res.headers["retry-after"]);
                if (lastError instanceof RateLimitedError) lastError.retryAfterMs = retryAfterMs;
                if (!policy.retryStatuses.includes(res.status)) {
                    emit({ status: res.status, outcome: "fail" });
                    throw lastError;
                }
                // 429 means "not processed"; a 502-504 from a proxy leaves a POST's fate unknown.
                outcomeUnknown = res.status !== 429;
                emit({ status: res.status, outcome: "retry" });
            } catch (e) {
                if (ClawError.isInstance(e) && e === lastError) throw e;
                if (ClawError.isInstance(e) && e.code !== "CLAW_NETWORK" && e.code !== "CLAW_TIMEOUT") throw e;
                lastError = ClawError.isInstance(e) ? e : new NetworkError("connection failed", { method, route, cause: e, secrets });
                outcomeUnknown = true;
                emit({ error: lastError.code, outcome: "retry" });
            }
            if (!IDEMPOTENT.has(method) && outcomeUnknown) {
                if (!options.recover) break;
                const found = await options.recover();
                if (found !== undefined) {
                    this.#onRequest?.({ method, route, attempt: attempt + 1, durationMs: 0, outcome: "recovered" });
                    return (options.schema ? options.schema.parse(found) : found) as never;
                }
            }
            const wait = nextDelay(policy, attempt, retryAfterMs);
            if (attempt + 1 >= policy.maxAttempts) break;
            if (Date.now() - started + wait > policy.budgetMs) {
                throw new TimeoutError(`gave up after ${attempt + 1} attempts within the retry budget of ${policy.budgetMs} ms`, {
                    method,
                    route,
                    status: lastError?.status,
                    detail: lastError?.message,
                    secrets,
                });
            }
            await sleep(wait);
        }
        throw lastError ?? new NetworkError("no attempt was made", { method, route });
    }

    /** The absolute URL of a route, for messages and tests. */
    urlOf(route: string): string {
        return this.baseUrl + this.#prefix + route;
    }

    private async send(
        method: HttpMethod,
        route: string,
        options: RequestOptions<z.ZodType | undefined>,
        secrets: Array<string | undefined>,
    ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: unknown }> {
        const url = new URL(this.urlOf(route));
        for (const [k, v] of Object.entries(options.query ?? {})) {
            if (v !== undefined) url.searchParams.set(k, String(v));
        }
        const headers: Record<string, string> = {
            authorization: `${this.authScheme} ${this.#token}`,
            accept: "application/json",
        };
        let body: string | undefined;
        if (options.body !== undefined) {
            headers["content-type"] = "application/json";
            body = JSON.stringify(options.body);
        }
        try {
            const res = await request(url, {
                method,
                headers,
                body,
                dispatcher: this.#dispatcher,
                signal: AbortSignal.timeout(this.timeoutMs),
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
            if (name === "TimeoutError" || name === "AbortError" || (e as { code?: string })?.code === "UND_ERR_HEADERS_TIMEOUT") {
                throw new TimeoutError(`no answer within ${this.timeoutMs} ms`, { method, route, cause: e, secrets });
            }
            throw new NetworkError("connection failed", { method, route, cause: e, secrets });
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

