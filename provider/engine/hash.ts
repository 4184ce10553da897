import { createHash } from "node:crypto";

/** JSON with object keys sorted at every level, so equal values hash equally. */
export function canonicalJson(v: unknown): string {
    if (v === null || typeof v !== "object") return JSON.stringify(v ?? null);
    if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(",")}}`;
}

/**
 * SHA-256 (hex) of a value's canonical JSON.
 *
 * @example
 * ```ts
 * contentHash({ b: 1, a: [2] }) === contentHash({ a: [2], b: 1 }); // true
 * ```
 */
export function contentHash(v: unknown): string {
    return createHash("sha256").update(canonicalJson(v)).digest("hex");
}

/** SHA-256 (hex) of bytes. */
export function bytesHash(b: Uint8Array): string {
    return createHash("sha256").update(b).digest("hex");
}
