/**
 * The one config-path matcher: finds the blocked OpenClaw config paths in an agent
 * config's `config` value, however they are spelled. The provider's check and the policy
 * pack both call it, so they can never disagree.
 *
 * Spellings covered: nested objects (`{gateway: {auth: ...}}`), dotted keys
 * (`{"gateway.auth": ...}`), any mix (`{gateway: {"controlUi.dangerouslyDisableDeviceAuth": true}}`),
 * arrays along the way, keys in any letter case or with stray spaces around dots, deeper
 * paths (`gateway.auth.token`), and a parent replaced or deleted wholesale
 * (`{gateway: null}` in a merge patch removes `gateway.auth`). It also reports keys that
 * could pollute a prototype (`__proto__`, `constructor`, `prototype`) and `$include`
 * directives, which could pull blocked settings in from elsewhere.
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
    | { kind: "include"; at: string; message: string };

const BLOCKED_SEGMENTS = BLOCKED_CONFIG_PATHS.map((p) => p.toLowerCase().split("."));

/** Splits a key into path segments: dots separate, spaces around them and empty parts drop. */
function segmentsOf(key: string): string[] {
    return key
        .split(".")
        .map((s) => s.trim())
        .filter((s) => s !== "");
}

/** Renders a location as spelled, e.g. `gateway["controlUi.x"][0].auth`. */
function render(at: string, key: string | number): string {
    if (typeof key === "number") return `${at}[${key}]`;
    if (/^[A-Za-z_$][\w$]*$/.test(key)) return at ? `${at}.${key}` : key;
    return `${at}[${JSON.stringify(key)}]`;
}

/**
 * Every blocked path, prototype-polluting key and `$include` in `config`. A string is
 * parsed as JSON first (JSON5 and other syntaxes are the caller's to parse). Messages name
 * paths only, never config values.
 */
export function findBlockedPaths(config: unknown): ConfigFinding[] {
    let root = config;
    if (typeof root === "string") {
        try {
            root = JSON.parse(root);
        } catch {
            return [];
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

    // `path`: lower-cased logical segments so far; `at`: the location as spelled.
    const walk = (value: unknown, path: string[], at: string, depth: number) => {
        if (depth > 64) return; // a config this deep is not a config; stop rather than overflow
        // Value reached at a blocked path or below it.
        for (const blocked of BLOCKED_SEGMENTS) {
            const n = blocked.length;
            if (path.length === n && blocked.every((s, i) => s === path[i])) {
                // The whole subtree is refused; one finding for it is enough.
                const canonical = BLOCKED_CONFIG_PATHS[BLOCKED_SEGMENTS.indexOf(blocked)];
                add({ kind: "blocked", path: canonical, at, message: `sets blocked config path ${canonical} (at ${at})` });
                return;
            } else if (
                path.length > 0 &&
                path.length < n &&
                blocked.slice(0, path.length).every((s, i) => s === path[i]) &&
                (value === null || typeof value !== "object" || Array.isArray(value))
            ) {
                // A parent of a blocked path replaced by a non-object (or deleted with null).
                const canonical = BLOCKED_CONFIG_PATHS[BLOCKED_SEGMENTS.indexOf(blocked)];
                add({
                    kind: "blocked",
                    path: canonical,
                    at,
                    message: `replaces ${path.join(".")} wholesale, which would change blocked config path ${canonical} (at ${at})`,
                });
            }
        }
        if (value === null || typeof value !== "object") return;
        if (Array.isArray(value)) {
            value.forEach((v, i) => walk(v, path, render(at, i), depth + 1));
            return;
        }
        for (const key of Object.keys(value)) {
            const child = (value as Record<string, unknown>)[key];
            const where = render(at, key);
            const segs = segmentsOf(key);
            for (const s of segs) {
                if ((PROTOTYPE_KEYS as readonly string[]).includes(s)) {
                    add({ kind: "prototype-pollution", key: s, at: where, message: `key ${JSON.stringify(s)} could pollute an object prototype (at ${where})` });
                }
                if (s === "$include") add({ kind: "include", at: where, message: `$include pulls config from elsewhere, where blocked paths cannot be checked (at ${where})` });
            }
            walk(child, [...path, ...segs.map((s) => s.toLowerCase())], where, depth + 1);
        }
    };
    walk(root, [], "", 0);
    return findings;
}
