/**
 * Reading resource properties without tripping on values unknown at preview.
 *
 * @pulumi/policy hands a policy its properties through a proxy that throws an
 * `UnknownValueError` (keeping the property path) the moment an unknown value is read; the
 * pack's server turns that error into an advisory "can't run policy ... during preview" note.
 * That is right for a value we need whole, but a config object with one unknown leaf would
 * then go unchecked entirely. So {@link snapshot} copies what is known, records where the
 * unknowns are, and keeps the first error so the policy can rethrow it after reporting what
 * it did find: the known parts are checked now, the unknown parts are named as unchecked, and
 * the provider's own check rejects them at `up` (issue 6, point 4).
 *
 * Secret values arrive here decrypted (the policy SDK unwraps them). Nothing in this file,
 * nor any caller, puts a value into a message.
 */

/**
 * Stands in for a value unknown at preview inside a {@link snapshot}.
 *
 * @example
 * ```ts
 * if (snapshot(args.props, "serverUrl").value === UNKNOWN) { ... }
 * ```
 */
export const UNKNOWN: unique symbol = Symbol("unknown at preview");

/**
 * A plain copy of a property value, unknowns replaced by {@link UNKNOWN}.
 *
 * @example
 * ```ts
 * const s: Snapshot = snapshot(args.props, "config"); // { value, unknownAt, error? }
 * ```
 */
export interface Snapshot {
    value: unknown;
    /** Where the unknowns were, as property paths from the property read, e.g. `["config", "gateway"]`. */
    unknownAt: string[][];
    /** The policy SDK's own error for the first unknown; rethrow it to get its advisory note. */
    error?: Error;
}

/**
 * True for @pulumi/policy's UnknownValueError (matched by shape: the class is internal).
 *
 * @example
 * ```ts
 * try { return props.config; } catch (e) { if (!isUnknownValueError(e)) throw e; }
 * ```
 */
export function isUnknownValueError(e: unknown): e is Error & { props: unknown[] } {
    return e instanceof Error && Array.isArray((e as { props?: unknown }).props) && "unknownTypeSentinel" in e;
}

/**
 * Reads `key` of `props` (a policy's proxied properties) and copies the value deeply,
 * replacing unknown values by {@link UNKNOWN} instead of throwing.
 *
 * @example
 * ```ts
 * const s = snapshot(args.props, "config");
 * // s.value: { gateway: UNKNOWN, tools: {...} }, s.unknownAt: [["config", "gateway"]]
 * if (s.error) throw s.error; // after reporting what the known parts show
 * ```
 */
export function snapshot(props: Record<string, unknown>, key: string): Snapshot {
    const out: Snapshot = { value: undefined, unknownAt: [] };
    const read = (holder: Record<string | number, unknown>, k: string | number, path: string[]): unknown => {
        try {
            return copy(holder[k], path);
        } catch (e) {
            if (!isUnknownValueError(e)) throw e;
            out.unknownAt.push(path);
            out.error ??= e;
            return UNKNOWN;
        }
    };
    const copy = (v: unknown, path: string[]): unknown => {
        if (v === null || typeof v !== "object") return v;
        if (Array.isArray(v)) return Array.from({ length: v.length }, (_, i) => read(v as Record<number, unknown>, i, [...path, String(i)]));
        const o: Record<string, unknown> = {};
        for (const k of Object.keys(v)) {
            // defineProperty, not assignment: a `__proto__` key must stay a key (and be reported).
            Object.defineProperty(o, k, { value: read(v as Record<string, unknown>, k, [...path, k]), enumerable: true, writable: true, configurable: true });
        }
        return o;
    };
    out.value = read(props, key, [key]);
    return out;
}

/**
 * A copy of `value` with every {@link UNKNOWN} replaced by `replacement` (the same object
 * each time; callers pass an empty object so that a key set to an unknown still counts as set).
 *
 * @example
 * ```ts
 * replaceUnknowns({ gateway: { auth: UNKNOWN } }, {}); // { gateway: { auth: {} } }
 * ```
 */
export function replaceUnknowns(value: unknown, replacement: unknown): unknown {
    if (value === UNKNOWN) return replacement;
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((v) => replaceUnknowns(v, replacement));
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
        Object.defineProperty(o, k, { value: replaceUnknowns(v, replacement), enumerable: true, writable: true, configurable: true });
    }
    return o;
}

/**
 * Reads one top-level property as a known value, or undefined when it is absent or unknown;
 * `unknown` says which. For flat inputs (URLs, names, flags).
 *
 * @example
 * ```ts
 * const url = scalar(args.props, "serverUrl");
 * if (url.unknown) throw url.unknown; // the SDK's advisory note: checked at apply time
 * ```
 */
export function scalar(props: Record<string, unknown>, key: string): { value: unknown; unknown?: Error } {
    const s = snapshot(props, key);
    return s.error ? { value: undefined, unknown: s.error } : { value: s.value };
}
