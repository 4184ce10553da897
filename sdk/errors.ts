/**
 * Every error the claw client throws, in one file, each with a stable `code`.
 *
 * Errors name the method, the route (relative to the org base, e.g. `POST claw/instances/`),
 * the HTTP status and the service's own message, and redact themselves: neither the API
 * token nor any write-only value of the request can appear in `message`, `toString()` or
 * `JSON.stringify(error)`.
 *
 * Like undici's errors they carry a marker field and a static `isInstance`, because a
 * serialized Pulumi provider can load a second copy of this module, and `instanceof`
 * across copies is false.
 *
 * @example
 * ```ts
 * try { await client.instances.get(42); }
 * catch (e) { if (NotFoundError.isInstance(e)) console.log("gone"); else throw e; }
 * ```
 */

/** Stable machine-readable codes, one per error class. */
export type ClawErrorCode =
    | "CLAW_VALIDATION"
    | "CLAW_AUTH"
    | "CLAW_FORBIDDEN"
    | "CLAW_NOT_FOUND"
    | "CLAW_CONFLICT"
    | "CLAW_RATE_LIMITED"
    | "CLAW_SERVER"
    | "CLAW_HTTP"
    | "CLAW_NETWORK"
    | "CLAW_TIMEOUT"
    | "CLAW_RESPONSE"
    | "CLAW_CONFIG"
    | "CLAW_PUSH_FAILED";

/** DRF-style field errors: `{"field": ["message", ...], "non_field_errors": [...]}`. */
export type FieldErrors = Record<string, string[]>;

const MARKER = Symbol.for("pulumi-iblai-claw.ClawError");
const REDACTED = "[REDACTED]";

/** Replaces every occurrence of each secret (at least 4 chars long) in `text`. */
export function redactText(text: string, secrets: Iterable<string | undefined>): string {
    let out = text;
    for (const s of secrets) {
        if (typeof s === "string" && s.length >= 4) out = out.split(s).join(REDACTED);
    }
    // Whatever slipped through: anything shaped like an auth header value.
    return out.replace(/\b(Token|Api-Key|Bearer)\s+[A-Za-z0-9._~+/=-]{4,}/g, `$1 ${REDACTED}`);
}

export interface ClawErrorInit {
    method?: string;
    route?: string;
    status?: number;
    detail?: string;
    fieldErrors?: FieldErrors;
    hint?: string;
    cause?: unknown;
    /** Strings to scrub from every text the error holds (token, write-only values). */
    secrets?: Iterable<string | undefined>;
}

/** Base class of every error the client throws. */
export class ClawError extends Error {
    readonly [MARKER] = true;
    readonly code: ClawErrorCode = "CLAW_HTTP";
    /** HTTP method of the failed request, when there was one. */
    readonly method?: string;
    /** Route relative to the org base, e.g. `claw/instances/42/`. */
    readonly route?: string;
    readonly status?: number;
    /** The service's `detail` (or first message) text, redacted. */
    readonly detail?: string;
    /** Field errors from a 400 response, redacted. */
    readonly fieldErrors?: FieldErrors;
    /** What to do about it. */
    readonly hint?: string;

    constructor(summary: string, init: ClawErrorInit = {}) {
        const secrets = [...(init.secrets ?? [])];
        const scrub = (s: string) => redactText(s, secrets);
        const fieldErrors = init.fieldErrors
            ? Object.fromEntries(Object.entries(init.fieldErrors).map(([k, v]) => [k, v.map(scrub)]))
            : undefined;
        const where = init.method && init.route ? `${init.method} ${init.route}` : undefined;
        const parts = [where ? `${where}: ${summary}` : summary];
        if (init.status !== undefined) parts[0] += ` (HTTP ${init.status})`;
        if (init.detail) parts.push(scrub(init.detail));
        if (fieldErrors) {
            for (const [field, msgs] of Object.entries(fieldErrors)) parts.push(`${field}: ${msgs.join(" ")}`);
        }
        if (init.hint) parts.push(`hint: ${init.hint}`);
        super(scrub(parts.join("\n  ")));
        this.name = new.target.name;
        this.method = init.method;
        this.route = init.route;
        this.status = init.status;
        this.detail = init.detail ? scrub(init.detail) : undefined;
        this.fieldErrors = fieldErrors;
        this.hint = init.hint;
        if (init.cause !== undefined) {
            // Keep the cause for debugging, but only its redacted text: an undici error can
            // carry the request options, headers included.
            const c = init.cause as { message?: unknown; code?: unknown };
            Object.defineProperty(this, "cause", {
                value: { code: c?.code, message: scrub(String(c?.message ?? c)) },
                enumerable: false,
            });
        }
    }

    /** True for a ClawError from any loaded copy of this module. */
    static isInstance(e: unknown): e is ClawError {
        return typeof e === "object" && e !== null && (e as Record<symbol, unknown>)[MARKER] === true;
    }

    toJSON(): Record<string, unknown> {
        return {
            name: this.name,
            code: this.code,
            message: this.message,
            method: this.method,
            route: this.route,
            status: this.status,
            fieldErrors: this.fieldErrors,
            hint: this.hint,
        };
    }
}

function classOf<C extends ClawErrorCode>(code: C) {
    return class extends ClawError {
        override readonly code: C = code;
        static override isInstance(e: unknown): e is ClawError & { code: C } {
            return ClawError.isInstance(e) && e.code === code;
        }
    };
}

/** 400: the service rejected the body; `fieldErrors` names the fields. */
export class ValidationError extends classOf("CLAW_VALIDATION") {}
/** 401: no valid token. */
export class AuthenticationError extends classOf("CLAW_AUTH") {}
/** 403: the token is valid but not for this org or action. */
export class ForbiddenError extends classOf("CLAW_FORBIDDEN") {}
/** 404: the object does not exist (or not in this org). */
export class NotFoundError extends classOf("CLAW_NOT_FOUND") {}
/** 409, or a 400 about uniqueness: the object already exists. */
export class ConflictError extends classOf("CLAW_CONFLICT") {}
/** 429 after the retry budget ran out; `retryAfterMs` is the service's last hint. */
export class RateLimitedError extends classOf("CLAW_RATE_LIMITED") {
    retryAfterMs?: number;
}
/** 5xx after the retry budget ran out (or a 500 on a non-idempotent call). */
export class ServerError extends classOf("CLAW_SERVER") {}
/** Any other unexpected HTTP status. */
export class HttpError extends classOf("CLAW_HTTP") {}
/** The connection failed (refused, reset, DNS). */
export class NetworkError extends classOf("CLAW_NETWORK") {}
/** The request or the whole retry budget took longer than allowed. */
export class TimeoutError extends classOf("CLAW_TIMEOUT") {}
/** The service answered 2xx with a body that is not what the API promises. */
export class ResponseError extends classOf("CLAW_RESPONSE") {}
/** The client is misconfigured (missing base URL, org or token). */
export class ConfigError extends classOf("CLAW_CONFIG") {}
/** A queued push finished with a failure status. */
export class PushFailedError extends classOf("CLAW_PUSH_FAILED") {}

/** Pulls DRF's `{"detail": ...}` or field errors out of an error body. */
export function parseDrfBody(body: unknown): { detail?: string; fieldErrors?: FieldErrors } {
    if (typeof body === "string") return body.trim() ? { detail: body.trim().slice(0, 500) } : {};
    if (Array.isArray(body)) return { fieldErrors: { non_field_errors: body.map(String) } };
    if (typeof body !== "object" || body === null) return {};
    const obj = body as Record<string, unknown>;
    const detail = typeof obj.detail === "string" ? obj.detail : undefined;
    const fieldErrors: FieldErrors = {};
    for (const [k, v] of Object.entries(obj)) {
        if (k === "detail") continue;
        if (Array.isArray(v)) fieldErrors[k] = v.map((m) => (typeof m === "string" ? m : JSON.stringify(m)));
        else if (typeof v === "string") fieldErrors[k] = [v];
        else if (v && typeof v === "object") fieldErrors[k] = [JSON.stringify(v)];
    }
    return { detail, fieldErrors: Object.keys(fieldErrors).length ? fieldErrors : undefined };
}

const UNIQUE_RE = /already exists|unique|must make a unique set/i;

/** Maps an HTTP error status and body to the right error class. */
export function errorForStatus(status: number, body: unknown, init: ClawErrorInit): ClawError {
    const parsed = parseDrfBody(body);
    const full: ClawErrorInit = { ...init, status, ...parsed };
    const allMessages = [parsed.detail ?? "", ...Object.values(parsed.fieldErrors ?? {}).flat()].join(" ");
    switch (true) {
        case status === 400 && UNIQUE_RE.test(allMessages):
            return new ConflictError("the object already exists", full);
        case status === 400:
            return new ValidationError("the service rejected the request", full);
        case status === 401:
            return new AuthenticationError("not authenticated", {
                ...full,
                hint: "check iblai:apiToken (or IBLAI_API_TOKEN) and iblai:authScheme (Token or Api-Key)",
            });
        case status === 403:
            return new ForbiddenError("forbidden", {
                ...full,
                hint: "the token may belong to another org than iblai:org, or lack this permission",
            });
        case status === 404:
            return new NotFoundError("not found", full);
        case status === 409:
            return new ConflictError("conflict", full);
        case status === 429:
            return new RateLimitedError("rate limited", full);
        case status >= 500:
            return new ServerError("server error", full);
        default:
            return new HttpError("unexpected status", full);
    }
}
