import type { z } from "zod";

// The one thing an entity API needs of a client: to send a request. Entity APIs import this
// instead of ClawClient, which builds them, so the two never import each other.

/**
 * The HTTP methods the API uses.
 *
 * @example
 * ```ts
 * const m: HttpMethod = "PATCH";
 * await client.request(m, "agent-skills/9/", { body: { enabled: false } });
 * ```
 */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Options of one `client.request(...)` call.
 *
 * @example
 * ```ts
 * await client.request("GET", "agent-skills/", { query: { enabled: true, limit: 10 }, schema: page(Skill) });
 * ```
 */
export interface RequestOptions<S extends z.ZodType | undefined> {
    query?: Record<string, string | number | boolean | undefined>;
    /** A JSON value, or an undici `FormData` for a multipart upload. */
    body?: unknown;
    /** Parses a 2xx body; without it the body is returned as parsed JSON. */
    schema?: S;
    /** Values to scrub from errors (write-only fields of the body). */
    secrets?: Iterable<string | undefined>;
    /**
     * For a non-idempotent call (POST) whose outcome is unknown (connection lost, timeout,
     * 502-504): looks up the object by its natural key; what it returns is taken as the
     * answer instead of sending the request again.
     */
    recover?: () => Promise<unknown | undefined>;
    /**
     * Declares a POST safe to repeat (a probe, or a push of the same content), so it
     * retries freely like GET.
     */
    idempotent?: boolean;
}

/**
 * An answer with its status and headers, from `client.requestFull`.
 *
 * @example
 * ```ts
 * const { status, headers } = await client.requestFull("POST", "claw/mentor-configs/7/push-config/", { idempotent: true });
 * ```
 */
export interface FullResponse<T> {
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: T;
}

/**
 * What an entity API sends its requests through: the client, seen from sdk/resources/.
 *
 * @example
 * ```ts
 * const t: Transport = new ClawClient({ baseUrl, org, apiToken });
 * await t.request("GET", "agent-skills/", { query: { limit: 1 } });
 * ```
 */
export interface Transport {
    readonly org: string;
    /** Default page size of a list. */
    readonly pageSize: number;
    request<S extends z.ZodType | undefined = undefined>(method: HttpMethod, route: string, options?: RequestOptions<S>): Promise<S extends z.ZodType ? z.output<S> : unknown>;
    requestFull<S extends z.ZodType | undefined = undefined>(
        method: HttpMethod,
        route: string,
        options?: RequestOptions<S>,
    ): Promise<FullResponse<S extends z.ZodType ? z.output<S> : unknown>>;
}
