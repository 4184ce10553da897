import JSON5 from "json5";
import { type ConfigFinding, findBlockedPaths } from "pulumi-iblai-claw/sdk";
import { UNKNOWN, replaceUnknowns } from "./values";

/** What {@link configFindings} makes of an agent config's `config` input. */
export type ConfigCheck =
    | { kind: "checked"; findings: ConfigFinding[] }
    /** A string that is neither JSON nor JSON5: nothing in it can be checked. */
    | { kind: "unparsable" }
    /** The whole value is unknown at preview. */
    | { kind: "unknown" };

/**
 * Runs the sdk's `findBlockedPaths` (the same function the provider's check runs) on an
 * agent config's `config`, which a program may give as an object or as a JSON or JSON5 string.
 * JSON5 is parsed here because the sdk parses plain JSON only. Keys set to values unknown at
 * preview still count as set (an unknown under `gateway.auth` is still a write to it).
 *
 * json5 (>= 2.2.2) keeps a `__proto__` key as an own property, as JSON.parse does, so a
 * string config with one is reported. (An object config cannot carry one this far: Pulumi's
 * serialization assigns keys, and assigning `__proto__` sets a prototype instead.)
 *
 * @example
 * ```ts
 * configFindings("{gateway: {auth: {mode: 'none'}}}");
 * // { kind: "checked", findings: [{ kind: "blocked", path: "gateway.auth", at: "gateway.auth", ... }] }
 * ```
 */
export function configFindings(config: unknown): ConfigCheck {
    if (config === UNKNOWN) return { kind: "unknown" };
    const parsed = parseConfig(config);
    if (!parsed.ok) return { kind: "unparsable" };
    return { kind: "checked", findings: findBlockedPaths(replaceUnknowns(parsed.value, {})) };
}

/**
 * An agent config's `config` as data: objects as they are, a JSON or JSON5 string parsed
 * (an empty string is no config). `ok: false` for a string that parses as neither.
 *
 * @example
 * ```ts
 * parseConfig("{heartbeat: {every: '30m'}}"); // { ok: true, value: { heartbeat: { every: "30m" } } }
 * parseConfig("{oops");                        // { ok: false }
 * ```
 */
export function parseConfig(config: unknown): { ok: true; value: unknown } | { ok: false } {
    if (typeof config !== "string") return { ok: true, value: config };
    if (config.trim() === "") return { ok: true, value: undefined };
    try {
        return { ok: true, value: JSON5.parse(config) }; // JSON5 is a superset of JSON
    } catch {
        // The parser's message quotes the offending text: never pass it on.
        return { ok: false };
    }
}
