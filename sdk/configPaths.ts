/**
 * The one config-path matcher: finds the blocked OpenClaw config paths in an agent
 * config's `config` value, however they are spelled. The provider's check and the policy
 * pack both call it, so they can never disagree; the emulator follows the same written
 * rule (docs/config-paths.md) with its own code, and both run one table of cases
 * (test/shared/configPathCases.ts).
 *
 * The rule, in short: a key is split into segments at `.`, `[` and `]` (quotes at a
 * segment's ends, blanks and empty segments dropped); segments compare without regard
 * to letter case, `_`, `-` or blanks; a key is found when its path is at or below a blocked
 * path (`{"gateway.auth.mode": "none"}`, `{gateway: {"auth.mode": "none"}}`), or when it
 * replaces an ancestor of one with something that is not an object (`{gateway: null}` in a
 * merge patch removes `gateway.auth`). Arrays keep their parent's path. It also reports
 * keys that could pollute a prototype (`__proto__`, `constructor`, `prototype`), `$include`
 * directives (which could pull blocked settings in from elsewhere), and fails closed: a
 * string that is not JSON is itself a finding, never "nothing found".
 *
 * @example
 * ```ts
 * findBlockedPaths({ gateway: { "controlUi.dangerouslyDisableDeviceAuth": true } });
 * // → [{ kind: "blocked", path: "gateway.controlUi.dangerouslyDisableDeviceAuth",
 * //      at: 'gateway["controlUi.dangerouslyDisableDeviceAuth"]', ... }]
 * ```
 */

/** The config paths the service rejects on write (API reference, agent config). */
export const BLOCKED_CONFIG_PATHS = [
    "gateway.auth",
    "gateway.controlUi.dangerouslyDisableDeviceAuth",
    "tools.exec.host",
    "sandbox.mode",
    "hooks.allowUnsafeExternalContent",
] as const;
export type BlockedConfigPath = (typeof BLOCKED_CONFIG_PATHS)[number];

/** Keys that would reach an object's prototype if merged naively. */
export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"] as const;

export type ConfigFinding =
    | { kind: "blocked"; path: BlockedConfigPath; at: string; message: string }
    | { kind: "prototype-pollution"; key: string; at: string; message: string }
    | { kind: "include"; at: string; message: string }
    /** A string config that is not JSON: nothing in it can be checked, so it is refused. */
    | { kind: "unparsable"; at: string; message: string };

/**
 * Splits one key as written into path segments: `.`, `[` and `]` separate; blanks and a
 * quote at either end of a segment are dropped, and so are empty segments.
 *
 * @example
 * ```ts
 * keySegments(`gateway["auth"] . mode`); // ["gateway", "auth", "mode"]
 * ```
 */
export function keySegments(key: string): string[] {
    return key
        .split(/[.[\]]/)
        .map((s) => s.trim().replace(/^["']|["']$/g, "").trim())
        .filter((s) => s !== "");
}

/**
 * One segment as the matcher compares it: lower case, without `_`, `-` or blanks, so
 * `control_ui`, `control-ui` and `ControlUI` all name `controlUi`.
 *
 * @example
 * ```ts
 * foldSegment("Allow_Unsafe-External Content"); // "allowunsafeexternalcontent"
 * ```
 */
export function foldSegment(segment: string): string {
    return segment.toLowerCase().replace(/[\s_-]/g, "");
}

const BLOCKED_SEGMENTS = BLOCKED_CONFIG_PATHS.map((p) => keySegments(p).map(foldSegment));

/** Renders a location as spelled, e.g. `gateway["controlUi.x"][0].auth`. */
function render(at: string, key: string | number): string {
    if (typeof key === "number") return `${at}[${key}]`;
    if (/^[A-Za-z_$][\w$]*$/.test(key)) return at ? `${at}.${key}` : key;
    return `${at}[${JSON.stringify(key)}]`;
}

/**
 * Every blocked path, prototype-polluting key and `$include` in `config`. A string is
 * parsed as JSON first (JSON5 and other syntaxes are the caller's to parse); one that is not
 * JSON is an `unparsable` finding. Messages name paths only, never config values.
 *
 * @example
 * ```ts
 * findBlockedPaths({ gateway: { "auth.mode": "none" } })[0].path; // "gateway.auth"
 * findBlockedPaths("{oops")[0].kind;                              // "unparsable"
 * ```
 */
export function findBlockedPaths(config: unknown): ConfigFinding[] {
    let root = config;
    if (typeof root === "string") {
        try {
            root = JSON.parse(root);
        } catch {
            // Fail closed: what cannot be read cannot be cleared. The parser's message quotes
            // the text, so it is not passed on.
            return [{ kind: "unparsable", at: "", message: "is a string that is not valid JSON, so its paths cannot be checked; give an object" }];
        }
    }
    const findings: ConfigFinding[] = [];
    const seen = new Set<string>();
    const add = (f: ConfigFinding) => {
        const id = `${f.kind}|${f.at}|${"path" in f ? f.path : ""}|${"key" in f ? f.key : ""}`;
        if (!seen.has(id)) {
            seen.add(id);
            findings.push(f);
        }
    };

    // `path`: folded logical segments so far; `at`: the location as spelled.
    const walk = (value: unknown, path: string[], at: string, depth: number) => {
        if (depth > 64) {
            // A config this deep is not a config; stop rather than overflow, and fail closed.
            add({ kind: "unparsable", at, message: `nests deeper than 64 levels, so its paths cannot be checked (at ${at})` });
            return;
        }
        // Value reached at a blocked path or below it (however the segments were split
        // between nesting and dots), or a parent of one replaced by a non-object.
        let atOrBelow = false;
        BLOCKED_SEGMENTS.forEach((blocked, i) => {
            const canonical = BLOCKED_CONFIG_PATHS[i] as BlockedConfigPath;
            const n = blocked.length;
            if (path.length >= n && blocked.every((s, j) => s === path[j])) {
                atOrBelow = true;
                add({ kind: "blocked", path: canonical, at, message: `sets blocked config path ${canonical} (at ${at})` });
            } else if (
                path.length > 0 &&
                path.length < n &&
                blocked.slice(0, path.length).every((s, j) => s === path[j]) &&
                (value === null || typeof value !== "object" || Array.isArray(value))
            ) {
                add({
                    kind: "blocked",
                    path: canonical,
                    at,
                    message: `replaces a parent of blocked config path ${canonical} wholesale (at ${at})`,
                });
            }
        });
        // The whole subtree is refused; one finding for it is enough.
        if (atOrBelow) return;
        if (value === null || typeof value !== "object") return;
        if (Array.isArray(value)) {
            value.forEach((v, i) => walk(v, path, render(at, i), depth + 1));
            return;
        }
        for (const key of Object.keys(value)) {
            const child = (value as Record<string, unknown>)[key];
            const where = render(at, key);
            const segs = keySegments(key);
            for (const s of segs) {
                if ((PROTOTYPE_KEYS as readonly string[]).includes(s)) {
                    add({ kind: "prototype-pollution", key: s, at: where, message: `key ${JSON.stringify(s)} could pollute an object prototype (at ${where})` });
                }
                if (s === "$include") add({ kind: "include", at: where, message: `$include pulls config from elsewhere, where blocked paths cannot be checked (at ${where})` });
            }
            walk(child, [...path, ...segs.map(foldSegment)], where, depth + 1);
        }
    };
    walk(root, [], "", 0);
    return findings;
}
