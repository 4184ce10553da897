import { ConfigError } from "../../sdk";

/** Reads one value from the stack config handed to `configure()`. */
export type ConfigLookup = (key: string) => string | undefined;

/**
 * Provider settings that trade request rate for speed. Stack config first, then the
 * environment; unset means the sdk's default.
 *
 * | stack config | environment | default | what |
 * |---|---|---|---|
 * | `iblai:maxConcurrency` | `IBLAI_MAX_CONCURRENCY` | 8 | API requests in flight at once from the provider process (all resources together) |
 * | `iblai:pushPollIntervalMs` | `IBLAI_PUSH_POLL_INTERVAL_MS` | 500 | first wait between two reads of a push's outcome; grows ×1.5 up to 5 s |
 *
 * @example
 * ```ts
 * resolveTuning((k) => ({ "iblai:maxConcurrency": "16" })[k]); // { maxConcurrency: 16 }
 * ```
 */
export interface Tuning {
    maxConcurrency?: number;
    pushPollIntervalMs?: number;
}

const SETTINGS = {
    maxConcurrency: { env: "IBLAI_MAX_CONCURRENCY", min: 1, max: 256 },
    pushPollIntervalMs: { env: "IBLAI_PUSH_POLL_INTERVAL_MS", min: 10, max: 60_000 },
} as const;

/** The names of these settings (`iblai:<name>`), for the provider's list of its settings. */
export const TUNING_SETTINGS = Object.keys(SETTINGS) as ReadonlyArray<keyof Tuning>;

/** Reads the settings; a value that is not a whole number in range is a ConfigError naming the key. */
export function resolveTuning(get: ConfigLookup, env: NodeJS.ProcessEnv = process.env): Tuning {
    const out: Tuning = {};
    for (const [key, s] of Object.entries(SETTINGS) as Array<[keyof Tuning, (typeof SETTINGS)[keyof Tuning]]>) {
        const raw = get(`iblai:${key}`) ?? env[s.env];
        if (raw === undefined || raw === "") continue;
        const n = Number(raw);
        if (!Number.isInteger(n) || n < s.min || n > s.max) {
            throw new ConfigError(`iblai:${key} (or ${s.env}) must be a whole number from ${s.min} to ${s.max}, not ${JSON.stringify(raw)}`, {
                hint: `pulumi config set iblai:${key} <${s.min}..${s.max}> (see docs/performance.md)`,
            });
        }
        out[key] = n;
    }
    return out;
}
