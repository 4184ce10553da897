/**
 * The emulator's own matcher for the config paths the service refuses to write. It is
 * written from the API reference independently of the sdk's matcher on purpose: the sdk
 * rejects at preview, the emulator rejects on write, and tests of each catch the other's
 * blind spots.
 *
 * A config can spell a path many ways: nested objects (`{"gateway": {"auth": …}}`), dotted
 * keys (`{"gateway.auth": …}`), both mixed (`{"gateway.controlUi": {"dangerouslyDisableDeviceAuth": true}}`),
 * other letter case, `_`/`-` separators, brackets, stray blanks or empty segments. All of
 * them are treated as the same key, so all of them are refused: the rule is written in
 * docs/config-paths.md, which the sdk's matcher follows too, and both run the cases of
 * test/shared/configPathCases.ts.
 */

/**
 * The five paths the reference lists as blocked, in their canonical spelling.
 *
 * @example
 * ```ts
 * BLOCKED_CONFIG_PATHS.includes("sandbox.mode"); // true
 * ```
 */
export const BLOCKED_CONFIG_PATHS = [
    "gateway.auth",
    "gateway.controlUi.dangerouslyDisableDeviceAuth",
    "tools.exec.host",
    "sandbox.mode",
    "hooks.allowUnsafeExternalContent",
] as const;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Splits one key as written into path segments (dots and brackets separate; quotes, blanks and empties dropped). */
export function keySegments(key: string): string[] {
    return key
        .split(/[.[\]]/)
        .map((s) => s.trim().replace(/^["']|["']$/g, "").trim())
        .filter((s) => s !== "");
}

/** One segment reduced to what tells keys apart on the server: letters and digits, lower case. */
const fold = (segment: string): string => segment.toLowerCase().replace(/[\s_-]/g, "");

const BLOCKED = BLOCKED_CONFIG_PATHS.map((p) => ({ canonical: p, folded: keySegments(p).map(fold) }));

/** Every node a config writes, as (path, value): nested objects and dotted keys expanded. */
export function configNodes(config: unknown, prefix: string[] = []): Array<{ path: string[]; value: unknown }> {
    const out: Array<{ path: string[]; value: unknown }> = [];
    if (!isPlainObject(config)) return out;
    for (const [key, value] of Object.entries(config)) {
        const path = [...prefix, ...keySegments(key)];
        // A key of only dots or blanks adds no segment: what it holds sits at the parent's
        // path (docs/config-paths.md), so it is looked into, never skipped.
        if (path.length > prefix.length) out.push({ path, value });
        if (isPlainObject(value)) out.push(...configNodes(value, path));
    }
    return out;
}

const startsWith = (a: string[], b: string[]): boolean => b.length <= a.length && b.every((s, i) => a[i] === s);

/**
 * The blocked paths (canonical spelling, each once) that a config would write: at or
 * under a blocked path, or replacing one of its ancestors with something other than an
 * object (`{"gateway": null}` removes `gateway.auth` too).
 *
 * @example
 * ```ts
 * blockedPathsIn({ "Gateway.controlUi": { dangerously_disable_device_auth: true } });
 * // → ["gateway.controlUi.dangerouslyDisableDeviceAuth"]
 * ```
 */
export function blockedPathsIn(config: unknown): string[] {
    const hits = new Set<string>();
    for (const { path, value } of configNodes(config)) {
        const folded = path.map(fold);
        for (const b of BLOCKED) {
            if (startsWith(folded, b.folded) || (startsWith(b.folded, folded) && !isPlainObject(value))) hits.add(b.canonical);
        }
    }
    return BLOCKED_CONFIG_PATHS.filter((p) => hits.has(p));
}

/** The DRF messages for a config field that writes blocked paths (none when it is clean). */
export function blockedPathErrors(config: unknown): string[] | undefined {
    const hits = blockedPathsIn(config);
    if (hits.length === 0) return undefined;
    return hits.map((p) => `Config path "${p}" is blocked and cannot be set through the API.`);
}

/**
 * The config in nested form: dotted keys expanded and merged into their objects, the
 * shape the server applies as a patch. Letter case is kept (only matching is case-blind).
 *
 * @example
 * ```ts
 * expandConfig({ "agents.defaults": { heartbeat: { every: "30m" } } });
 * // → { agents: { defaults: { heartbeat: { every: "30m" } } } }
 * ```
 */
export function expandConfig(config: unknown): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (!isPlainObject(config)) return out;
    for (const [key, value] of Object.entries(config)) {
        const path = keySegments(key);
        if (path.length === 0) continue;
        let node = out;
        for (const seg of path.slice(0, -1)) {
            if (!isPlainObject(node[seg])) node[seg] = {};
            node = node[seg] as Record<string, unknown>;
        }
        const last = path[path.length - 1] as string;
        const v = isPlainObject(value) ? expandConfig(value) : structuredClone(value);
        node[last] = isPlainObject(v) && isPlainObject(node[last]) ? deepMerge(node[last] as Record<string, unknown>, v) : v;
    }
    return out;
}

/** Merges `b` into a copy of `a`; objects merge key by key, anything else in `b` wins. */
export function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = { ...a };
    for (const [k, v] of Object.entries(b)) {
        const cur = out[k];
        out[k] = isPlainObject(cur) && isPlainObject(v) ? deepMerge(cur, v) : v;
    }
    return out;
}
