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

/**
 * Stable machine-readable codes, one per error class.
 *
 * @example
 * ```ts
 * if (ClawError.isInstance(e) && e.code === "CLAW_NOT_FOUND") return undefined;
 * ```
 */
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

/**
 * DRF-style field errors: `{"field": ["message", ...], "non_field_errors": [...]}`.
 *
 * @example
 * ```ts
 * const fe: FieldErrors = { server_url: ["Enter a valid URL."] };
 * ```
 */
export type FieldErrors = Record<string, string[]>;

const MARKER = Symbol.for("pulumi-iblai-claw.ClawError");
const REDACTED = "[REDACTED]";

/** A PEM private key in any encoding that keeps its armour lines (raw, JSON-escaped, re-wrapped). */
const PEM_PRIVATE_KEY = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g;

/**
 * The spellings a secret can take once a service echoes it back inside other text: as is,
 * JSON-escaped once and twice (a nested field error is JSON text inside JSON text, so a
 * PEM's newlines become `\n` or `\\n`), with CRLF line ends, base64 and base64url, and
 * URL-encoded; and, for a multi-line secret, each long line on its own (an echo of part
 * of a key). Longest first, so a spelling is replaced whole before a part of it.
 *
 * @example
 * ```ts
 * secretSpellings("a\nb").includes("a\\nb"); // true: the JSON-escaped form
 * ```
 */
export function secretSpellings(secret: string): string[] {
    const json = (v: string) => JSON.stringify(v).slice(1, -1);
    const forms = new Set<string>([secret, json(secret), json(json(secret))]);
    if (secret.includes("\n")) {
        const crlf = secret.replace(/\r?\n/g, "\r\n");
        forms.add(crlf).add(json(crlf));
        for (const line of secret.split(/\r?\n/)) if (line.trim().length >= 16) forms.add(line.trim());
    }
    const b64 = Buffer.from(secret, "utf8").toString("base64");
    forms.add(b64).add(b64.replace(/=+$/, "")).add(Buffer.from(secret, "utf8").toString("base64url"));
    forms.add(encodeURIComponent(secret)).add(encodeURIComponent(secret).replace(/%20/g, "+"));
    return [...forms].filter((f) => f.length >= 4).sort((a, b) => b.length - a.length);
}

/**
 * Replaces every occurrence of each secret (at least 4 chars long) in `text`, in every
 * spelling an echo can give it ({@link secretSpellings}), any PEM private key, and
 * anything shaped like an Authorization value.
 *
 * @example
 * ```ts
 * redactText("token abcd1234 refused", ["abcd1234"]); // "token [REDACTED] refused"
 * ```
 */
export function redactText(text: string, secrets: Iterable<string | undefined>): string {
    let out = text;
    const spellings = [...secrets]
        .filter((s): s is string => typeof s === "string" && s.length >= 4)
        .flatMap(secretSpellings)
        .sort((a, b) => b.length - a.length);
    for (const s of spellings) out = out.split(s).join(REDACTED);
    // Whatever slipped through: a private key under any name, anything shaped like an auth header value.
    out = out.replace(PEM_PRIVATE_KEY, REDACTED);
    return out.replace(/\b(Token|Api-Token|Api-Key|Bearer)\s+[A-Za-z0-9._~+/=-]{4,}/g, `$1 ${REDACTED}`);
}

/**
 * A JSON-like value with every string in it redacted ({@link redactText}); keys too.
 *
 * @example
 * ```ts
 * redactDeep({ detail: ["key s3cret refused"] }, ["s3cret"]); // { detail: ["key [REDACTED] refused"] }
 * ```
 */
export function redactDeep<T>(value: T, secrets: Iterable<string | undefined>): T {
    const list = [...secrets];
    const walk = (v: unknown, depth: number): unknown => {
        if (typeof v === "string") return redactText(v, list);
        if (v === null || typeof v !== "object" || depth > 32) return v;
        if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [redactText(k, list), walk(x, depth + 1)]));
    };
    return walk(value, 0) as T;
}

/**
 * What an error is built from; every text in it is redacted of `secrets`.
 *
 * @example
 * ```ts
 * new NotFoundError("not found", { method: "GET", route: "agent-skills/9/", status: 404, detail: "Not found." });
 * ```
 */
export interface ClawErrorInit {
    method?: string;
    route?: string;
    status?: number;
    detail?: string;
    fieldErrors?: FieldErrors;
    hint?: string;
    cause?: unknown;
    /** How many attempts were made, when more than one (the retry loop sets it). */
    attempts?: number;
    /** Strings to scrub from every text the error holds (token, write-only values). */
    secrets?: Iterable<string | undefined>;
}

/**
 * Base class of every error the client throws.
 *
 * @example
 * ```ts
 * catch (e) { if (ClawError.isInstance(e)) console.error(e.code, e.method, e.route, e.status, e.hint); }
 * ```
 */
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
    /** Attempts made before giving up (1 when the error was not retried). */
    readonly attempts?: number;

    constructor(summary: string, init: ClawErrorInit = {}) {
        const secrets = [...(init.secrets ?? [])];
        const scrub = (s: string) => redactText(s, secrets);
        const fieldErrors = init.fieldErrors
            ? Object.fromEntries(Object.entries(init.fieldErrors).map(([k, v]) => [scrub(k), v.map(scrub)]))
            : undefined;
        const where = init.method && init.route ? `${init.method} ${init.route}` : undefined;
        const parts = [where ? `${where}: ${summary}` : summary];
        const notes = [init.status !== undefined ? `HTTP ${init.status}` : "", init.attempts && init.attempts > 1 ? `after ${init.attempts} attempts` : ""];
        if (notes.some(Boolean)) parts[0] += ` (${notes.filter(Boolean).join(", ")})`;
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
        this.hint = init.hint === undefined ? undefined : scrub(init.hint);
        this.attempts = init.attempts;
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
            attempts: this.attempts,
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

/**
 * 400: the service rejected the body; `fieldErrors` names the fields. Also thrown, without
 * a status, for a request body refused before sending.
 *
 * @example
 * ```ts
 * if (ValidationError.isInstance(e)) console.error(e.fieldErrors);
 * ```
 */
export class ValidationError extends classOf("CLAW_VALIDATION") {}
/**
 * 401: no valid token.
 *
 * @example
 * ```ts
 * if (AuthenticationError.isInstance(e)) console.error(e.hint); // check iblai:apiToken ...
 * ```
 */
export class AuthenticationError extends classOf("CLAW_AUTH") {}
/**
 * 403: the token is valid but not for this org or action.
 *
 * @example
 * ```ts
 * if (ForbiddenError.isInstance(e)) console.error("token of another org?");
 * ```
 */
export class ForbiddenError extends classOf("CLAW_FORBIDDEN") {}
/**
 * 404: the object does not exist (or not in this org).
 *
 * @example
 * ```ts
 * const s = await client.skills.get(9).catch((e) => (NotFoundError.isInstance(e) ? undefined : Promise.reject(e)));
 * ```
 */
export class NotFoundError extends classOf("CLAW_NOT_FOUND") {}
/**
 * 409, or a 400 about uniqueness: the object already exists.
 *
 * @example
 * ```ts
 * if (ConflictError.isInstance(e)) return client.skills.findBySlug("weather");
 * ```
 */
export class ConflictError extends classOf("CLAW_CONFLICT") {}
/**
 * 429 after the retry budget ran out; `retryAfterMs` is the service's last hint.
 *
 * @example
 * ```ts
 * if (RateLimitedError.isInstance(e)) await sleep(e.retryAfterMs ?? 60_000);
 * ```
 */
export class RateLimitedError extends classOf("CLAW_RATE_LIMITED") {
    retryAfterMs?: number;
}
/**
 * 5xx after the retry budget ran out (or a 500, which is not retried).
 *
 * @example
 * ```ts
 * if (ServerError.isInstance(e)) console.error(`gave up after ${e.attempts} attempts`);
 * ```
 */
export class ServerError extends classOf("CLAW_SERVER") {}
/**
 * Any other unexpected HTTP status.
 *
 * @example
 * ```ts
 * if (HttpError.isInstance(e)) console.error(e.status);
 * ```
 */
export class HttpError extends classOf("CLAW_HTTP") {}
/**
 * The connection failed (refused, reset, DNS); `detail` has the cause's code and text.
 *
 * @example
 * ```ts
 * if (NetworkError.isInstance(e)) console.error(e.detail); // e.g. "ECONNREFUSED: ..."
 * ```
 */
export class NetworkError extends classOf("CLAW_NETWORK") {}
/**
 * An attempt got no answer within `timeoutMs`, or a push did not finish in time.
 *
 * @example
 * ```ts
 * if (TimeoutError.isInstance(e)) console.error("raise timeoutMs?");
 * ```
 */
export class TimeoutError extends classOf("CLAW_TIMEOUT") {}
/**
 * The service answered 2xx with a body that is not what the API promises.
 *
 * @example
 * ```ts
 * if (ResponseError.isInstance(e)) console.error(e.detail); // which field broke the contract
 * ```
 */
export class ResponseError extends classOf("CLAW_RESPONSE") {}
/**
 * The client is misconfigured (missing base URL, org or token).
 *
 * @example
 * ```ts
 * new ClawClient({ baseUrl: "", org: "acme", token }); // throws ConfigError with a hint
 * ```
 */
export class ConfigError extends classOf("CLAW_CONFIG") {}
/**
 * What a failed push carries besides the common fields.
 *
 * @example
 * ```ts
 * new PushFailedError("the config push failed", { method: "POST", route, pushStatus: "failed: NOT_PAIRED", hint });
 * ```
 */
export interface PushFailedInit extends ClawErrorInit {
    /** The service's status text (`last_config_push_status` / `last_provider_push_status`). */
    pushStatus?: string;
    /** The service's warnings of that push (`last_push_warnings`). */
    warnings?: unknown[];
}

/**
 * A queued push finished with a failure status. `pushStatus` is the service's text
 * (redacted), `hint` says what to do (device pairing, missing device identity).
 *
 * @example
 * ```ts
 * try { await client.mentorBindings.pushConfigAndWait(7); }
 * catch (e) { if (PushFailedError.isInstance(e)) console.error(e.pushStatus, e.hint); }
 * ```
 */
export class PushFailedError extends classOf("CLAW_PUSH_FAILED") {
    readonly pushStatus?: string;
    readonly warnings?: unknown[];
    constructor(summary: string, init: PushFailedInit = {}) {
        const secrets = [...(init.secrets ?? [])]; // an iterable may be read only once
        super(summary, { ...init, secrets, detail: init.detail ?? init.pushStatus });
        this.pushStatus = init.pushStatus === undefined ? undefined : redactText(init.pushStatus, secrets);
        this.warnings = init.warnings === undefined ? undefined : redactDeep(init.warnings, secrets);
    }
    override toJSON(): Record<string, unknown> {
        return { ...super.toJSON(), pushStatus: this.pushStatus, warnings: this.warnings };
    }
}

/**
 * A JSON kind with its article, for messages that say what a value must be: "a string",
 * "an object"; "null" stays bare.
 *
 * @example
 * ```ts
 * `must be ${withArticle("object")}, not ${withArticle("null")}`; // "must be an object, not null"
 * ```
 */
export function withArticle(kind: string): string {
    // zod calls a key-value object a "record": users write objects.
    if (kind === "record") kind = "object";
    return kind === "null" ? "null" : `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind}`;
}

/**
 * Pulls DRF's `{"detail": ...}` or field errors out of an error body.
 *
 * @example
 * ```ts
 * parseDrfBody({ name: ["This field is required."] }); // { detail: undefined, fieldErrors: { name: [...] } }
 * ```
 */
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

/** The service's answer to a token it does not take: DRF's "Invalid token.", the hosted service's "Invalid Token". */
const INVALID_TOKEN_RE = /invalid token/i;

/**
 * What to do about a 401. The hosted service refuses `Authorization: Token <key>` with
 * `{"detail": "Invalid Token"}` even for a valid key (API reference, "The platform as it is
 * in 2026"), so under the `Token` scheme that answer names the scheme as the likely fix.
 *
 * @example
 * ```ts
 * authHint("Invalid Token", "Token"); // "the hosted service refuses the Token scheme ...: pulumi config set iblai:authScheme Api-Token ..."
 * ```
 */
export function authHint(detail: string | undefined, authScheme: string | undefined): string {
    if (authScheme === "Token" && detail !== undefined && INVALID_TOKEN_RE.test(detail)) {
        return (
            "the hosted service refuses the Token scheme even for a valid key; use Api-Token: " +
            "pulumi config set iblai:authScheme Api-Token (or IBLAI_AUTH_SCHEME=Api-Token, or authScheme: \"Api-Token\" for the sdk). " +
            "If your deployment takes Token, check iblai:apiToken (or IBLAI_API_TOKEN)"
        );
    }
    return "check iblai:apiToken (or IBLAI_API_TOKEN) and iblai:authScheme (Api-Token, the default, or Token for older and self-hosted deployments)";
}

/**
 * Maps an HTTP error status and body to the right error class. `context.authScheme` (the
 * scheme the request was sent with) lets a 401 name the scheme as the fix.
 *
 * @example
 * ```ts
 * errorForStatus(404, { detail: "Not found." }, { method: "GET", route: "agent-skills/9/" }); // NotFoundError
 * errorForStatus(401, { detail: "Invalid Token" }, { method: "GET", route: "claw/instances/" }, { authScheme: "Token" }).hint; // "... Api-Token ..."
 * ```
 */
export function errorForStatus(status: number, body: unknown, init: ClawErrorInit, context: { authScheme?: string } = {}): ClawError {
    const parsed = parseDrfBody(body);
    const full: ClawErrorInit = { ...init, status, ...parsed };
    const allMessages = [parsed.detail ?? "", ...Object.values(parsed.fieldErrors ?? {}).flat()].join(" ");
    switch (true) {
        case status === 400 && UNIQUE_RE.test(allMessages):
            return new ConflictError("the object already exists", full);
        case status === 400:
            return new ValidationError("the service rejected the request", full);
        case status === 401:
            return new AuthenticationError("not authenticated", { ...full, hint: authHint(parsed.detail, context.authScheme) });
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
