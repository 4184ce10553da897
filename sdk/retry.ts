/**
 * The one retry policy of the client: exponential backoff with full jitter, a cap per
 * wait, a bounded number of attempts and a total time budget, and the service's
 * `Retry-After` honoured when it asks for longer.
 *
 * @example
 * ```ts
 * const client = new ClawClient({ ...conn, retry: { maxAttempts: 8, budgetMs: 60_000 } });
 * ```
 */
export interface RetryPolicy {
    /** Attempts in all, the first included. Default 5. */
    maxAttempts: number;
    /** First backoff ceiling, ms. Default 200. */
    baseDelayMs: number;
    /** Largest single wait, ms (Retry-After may ask for more, up to the budget). Default 10_000. */
    maxDelayMs: number;
    /** Total time for all attempts and waits, ms. Default 120_000. */
    budgetMs: number;
    /** HTTP statuses worth another try. Default 429, 502, 503, 504. */
    retryStatuses: readonly number[];
}

/**
 * The retry policy's defaults.
 *
 * @example
 * ```ts
 * new ClawClient({ ...conn, retry: { ...DEFAULT_RETRY, maxAttempts: 3 } });
 * ```
 */
export const DEFAULT_RETRY: RetryPolicy = {
    maxAttempts: 5,
    baseDelayMs: 200,
    maxDelayMs: 10_000,
    budgetMs: 120_000,
    retryStatuses: [429, 502, 503, 504],
};

/**
 * Full jitter: a uniform wait in [0, min(cap, base * 2^attempt)). `attempt` counts from 0.
 *
 * @example
 * ```ts
 * backoffDelay(DEFAULT_RETRY, 3); // somewhere in [0, 1600) ms
 * ```
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
    return Math.floor(random() * ceiling);
}

/**
 * Parses a Retry-After header: delta-seconds or an HTTP date. Returns ms, or undefined
 * when absent or unparseable.
 *
 * @example
 * ```ts
 * parseRetryAfter("2"); // 2000
 * ```
 */
export function parseRetryAfter(value: string | string[] | undefined, now: number = Date.now()): number | undefined {
    const v = Array.isArray(value) ? value[0] : value;
    if (v === undefined || v.trim() === "") return undefined;
    if (/^\s*\d+(\.\d+)?\s*$/.test(v)) return Math.round(Number(v) * 1000);
    const date = Date.parse(v);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait before attempt `attempt + 1`: the larger of backoff and Retry-After.
 *
 * @example
 * ```ts
 * nextDelay(DEFAULT_RETRY, 0, 3000); // 3000
 * ```
 */
export function nextDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number): number {
    const backoff = backoffDelay(policy, attempt);
    return retryAfterMs === undefined ? backoff : Math.max(backoff, retryAfterMs);
}

/**
 * Resolves after `ms` milliseconds.
 *
 * @example
 * ```ts
 * await sleep(250);
 * ```
 */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
