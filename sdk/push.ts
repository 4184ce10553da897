/**
 * Waiting for a queued push (push-config, push-providers) to finish, and reading its
 * outcome. The service answers 202 at once and reports the outcome later in fields of
 * the binding (`last_config_push`, `last_config_push_status`, `last_push_warnings`) or
 * of each model provider (`last_provider_push`, `last_provider_push_status`). Their
 * status strings are not documented, so they are read leniently.
 *
 * @example
 * ```ts
 * const outcome = await client.mentorBindings.pushConfigAndWait(7, { timeoutMs: 120_000 });
 * for (const w of outcome.warnings) console.warn(warningText(w));
 * ```
 */
import { TimeoutError } from "./errors";
import { sleep } from "./retry";

/**
 * How a push status string reads.
 *
 * @example
 * ```ts
 * const state: PushState = classifyPushStatus("failed: NOT_PAIRED"); // "failed"
 * ```
 */
export type PushState = "pending" | "succeeded" | "failed" | "unknown";

/**
 * What a caller may tune while waiting for a push.
 *
 * @example
 * ```ts
 * await client.instances.pushProvidersAndWait(42, { timeoutMs: 60_000, pollIntervalMs: 250 });
 * ```
 */
export interface PushWaitOptions {
    /** Give up (TimeoutError) after this long, ms. Default 300_000. */
    timeoutMs?: number;
    /** First wait between polls, ms; grows ×1.5 with jitter. Default 500. */
    pollIntervalMs?: number;
    /** Longest wait between polls, ms. Default 5_000. */
    maxPollIntervalMs?: number;
    /**
     * Called before each wait while the push is unfinished, with what the last poll saw and
     * the time spent so far: a progress line for whoever is watching (the provider shows it
     * in the resource's row of `pulumi up`). Errors it throws are ignored.
     */
    onWait?: (seen: string, elapsedMs: number) => void;
}

/**
 * Defaults of PushWaitOptions.
 *
 * @example
 * ```ts
 * await client.mentorBindings.pushConfigAndWait(7, { ...DEFAULT_PUSH_WAIT, timeoutMs: 60_000 });
 * ```
 */
export const DEFAULT_PUSH_WAIT: Required<Omit<PushWaitOptions, "onWait">> = {
    timeoutMs: 300_000,
    pollIntervalMs: 500,
    maxPollIntervalMs: 5_000,
};

/**
 * The outcome fields of one push target at one moment.
 *
 * @example
 * ```ts
 * const snap: PushSnapshot = { at: binding.last_config_push, status: binding.last_config_push_status };
 * ```
 */
export interface PushSnapshot {
    /** When the last push finished (or was recorded), as the service spells it. */
    at?: string | null;
    status?: string | null;
    warnings?: unknown[] | null;
}

/**
 * A successful push.
 *
 * @example
 * ```ts
 * const { status, finishedAt, warnings } = await client.mentorBindings.pushConfigAndWait(7);
 * ```
 */
export interface PushOutcome {
    /** The service's status text, e.g. `success`. */
    status: string;
    /** The service's timestamp of the push. */
    finishedAt?: string;
    /** Security warnings from the push's baseline check (empty when none). */
    warnings: unknown[];
    /** The service's message when the push was queued. */
    message?: string;
}

const PENDING = /^(pending|queued|in[ _-]?progress|running|pushing|started|processing|scheduled|waiting)\b/i;
const SUCCESS = /^(success|succeeded|successful|ok|done|complete|completed|pushed|applied|finished)\b/i;
const FAILURE = /fail|error|denied|refused|reject|timed? ?out|pairing|not[ _-]?paired|missing scope|unauthori[sz]ed|forbidden|invalid/i;

/**
 * Reads a push status leniently: empty or `pending`/`queued`/`running` → pending;
 * `success`, `succeeded`, `ok`, `done`... (at the start) → succeeded; anything naming a
 * failure (`failed`, `error: ...`, `PAIRING_REQUIRED`) → failed; otherwise unknown.
 *
 * @example
 * ```ts
 * classifyPushStatus("ok"); // "succeeded"
 * classifyPushStatus("error: missing scope: operator.read"); // "failed"
 * ```
 */
export function classifyPushStatus(status: string | null | undefined): PushState {
    const s = (status ?? "").trim();
    if (s === "" || PENDING.test(s)) return "pending";
    if (SUCCESS.test(s)) return "succeeded";
    if (FAILURE.test(s)) return "failed";
    return "unknown";
}

/**
 * What to do about a failed push, from its status text: approve the device for pairing
 * errors, set a device identity for a missing operator scope, otherwise check the server.
 *
 * @example
 * ```ts
 * pushFailureHint("PAIRING_REQUIRED requestId=r-81f2");
 * // "... run `openclaw devices list`, then `openclaw devices approve r-81f2` ..."
 * ```
 */
export function pushFailureHint(statusText: string): string {
    if (/PAIRING[_ ]REQUIRED|NOT[_ ]PAIRED|pairing required|not paired|device (is )?not approved|pending approval/i.test(statusText)) {
        // The request id, if the service quoted it ("requestId: x" or "devices approve x").
        const id = (/request[ _-]?id["'\s:=]+([A-Za-z0-9][\w.-]{2,})/i.exec(statusText) ?? /devices approve\s+`?([A-Za-z0-9][\w.-]{2,})/i.exec(statusText))?.[1];
        return (
            "the claw server has not approved the platform's device (a gateway update can drop the pairing). " +
            `On the server run \`openclaw devices list\`, then \`openclaw devices approve ${id ?? "<requestId>"}\`, and push again.`
        );
    }
    if (/missing scope:?\s*operator\.read|operator\.read/i.test(statusText)) {
        return (
            "the platform connected without a device identity, so it lacks operator scopes. Set connection_params.device_identity " +
            "on the instance, e.g. client.instances.update(id, { connection_params: { device_identity: { private_key_pem } } }) " +
            "with a PKCS8 PEM Ed25519 key, approve the new device on the server if asked, and push again."
        );
    }
    if (classifyPushStatus(statusText) === "unknown") {
        return "the service reported a push status this client does not recognise; check the claw server's gateway log.";
    }
    return "check that the claw server is reachable (client.instances.testConnectivity(id)) and look at its gateway log.";
}

/**
 * The service's `Date` header as the moment a push was queued, ms since the epoch, on the
 * server's clock (no skew against its timestamps). The header has whole seconds, so the
 * moment is rounded down. Undefined when absent or unreadable.
 *
 * @example
 * ```ts
 * queuedMoment({ date: "Thu, 01 Jan 2026 00:00:05 GMT" }); // 1767225605000
 * ```
 */
export function queuedMoment(headers: Record<string, string | string[] | undefined>): number | undefined {
    const v = headers.date;
    const t = Date.parse(Array.isArray(v) ? v[0] : (v ?? ""));
    return Number.isNaN(t) ? undefined : t;
}

/**
 * Whether a push queued after `before` was read has finished. Finished means: the status
 * is no longer pending, and the outcome changed from `before` (a new timestamp or a new
 * status) — and, when the service's clock told when the push was queued, the timestamp is
 * not older than that, so a push someone else finished meanwhile is not taken for ours.
 *
 * @example
 * ```ts
 * isPushFinished({ at: "2026-01-01T00:00:00Z", status: "success" }, { at: "2026-01-01T00:05:00Z", status: "success" }); // true
 * isPushFinished({ at: null, status: null }, { at: "2026-01-01T00:05:00Z", status: "pending" }); // false
 * ```
 */
export function isPushFinished(before: PushSnapshot, now: PushSnapshot, queuedAt?: number): boolean {
    if (classifyPushStatus(now.status) === "pending") return false;
    const changed = (now.at ?? null) !== (before.at ?? null) || (now.status ?? null) !== (before.status ?? null);
    if (!changed) return false;
    if (queuedAt !== undefined && now.at) {
        const at = Date.parse(now.at);
        if (!Number.isNaN(at) && at < queuedAt) return false;
    }
    return true;
}

/**
 * A warning as one line of text, whatever its shape (string, `{message}`, `{path, ...}`).
 *
 * @example
 * ```ts
 * warningText({ code: "W1", message: "sandbox disabled" }); // "sandbox disabled"
 * ```
 */
export function warningText(w: unknown): string {
    if (typeof w === "string") return w;
    if (w && typeof w === "object") {
        const o = w as Record<string, unknown>;
        for (const k of ["message", "detail", "warning", "text"]) if (typeof o[k] === "string") return o[k] as string;
    }
    return JSON.stringify(w);
}

/**
 * Polls `read` until `done` says the push finished, with growing, jittered waits and a
 * deadline; a TimeoutError (naming `what` and the last status seen) after the deadline.
 *
 * @example
 * ```ts
 * const snap = await pollUntil(() => readBinding(), (s) => isPushFinished(before, s), "push-config of binding 7", {});
 * ```
 */
export async function pollUntil<T>(
    read: () => Promise<T>,
    done: (value: T) => boolean,
    what: { method: string; route: string; describe: (last: T | undefined) => string },
    options: PushWaitOptions = {},
): Promise<T> {
    const o = { ...DEFAULT_PUSH_WAIT, ...options };
    const started = Date.now();
    const deadline = started + o.timeoutMs;
    let interval = o.pollIntervalMs;
    let last: T | undefined;
    for (;;) {
        last = await read();
        if (done(last)) return last;
        const left = deadline - Date.now();
        if (left <= 0) {
            throw new TimeoutError(`the push did not finish within ${o.timeoutMs} ms`, {
                method: what.method,
                route: what.route,
                detail: what.describe(last),
                hint: "the push may still be queued or the claw server slow; wait longer (timeoutMs) or check the server's gateway log",
            });
        }
        try {
            o.onWait?.(what.describe(last), Date.now() - started);
        } catch {
            // A broken progress line must not break the wait.
        }
        // Jitter ±20% so many waiters do not poll in step.
        const wait = Math.min(left, interval * (0.8 + Math.random() * 0.4));
        await sleep(wait);
        interval = Math.min(o.maxPollIntervalMs, interval * 1.5);
    }
}
