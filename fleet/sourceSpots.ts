/**
 * Where a path of the declaration sits in its source file, so that every problem names its
 * line: exactly for YAML (the `yaml` package's document keeps each node's range), at best
 * for a TypeScript/JavaScript module (the line of a string value near the path).
 */
import { type Document, type LineCounter, isMap, isScalar, isSeq } from "yaml";
import type { SourceSpot } from "./types";

export type Path = readonly (string | number)[];
export type SpotFinder = (path: Path) => SourceSpot | undefined;

/**
 * Spots in a parsed YAML document. A path to a map's key points at the key (`name:`); a
 * path that goes further than the document (a missing field) points at the deepest node
 * that exists, i.e. the object that lacks it.
 *
 * @example
 * ```ts
 * const lc = new LineCounter();
 * const spotOf = yamlSpots(parseDocument(text, { lineCounter: lc }), lc, "fleet.yaml");
 * spotOf(["servers", 1, "name"]); // { file: "fleet.yaml", line: 12, column: 5 }
 * ```
 */
export function yamlSpots(doc: Document, lines: LineCounter, file: string): SpotFinder {
    const at = (offset: number | undefined): SourceSpot | undefined => {
        if (offset === undefined) return undefined;
        const { line, col } = lines.linePos(offset);
        return { file, line, column: col };
    };
    return (path) => {
        let node: unknown = doc.contents;
        let spot = at((node as { range?: number[] } | null)?.range?.[0]);
        for (const seg of path) {
            if (isMap(node)) {
                const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
                if (!pair) return spot;
                spot = at((pair.key as { range?: number[] } | null)?.range?.[0]) ?? spot;
                node = pair.value;
            } else if (isSeq(node) && typeof seg === "number" && node.items[seg] !== undefined) {
                node = node.items[seg];
                spot = at((node as { range?: number[] }).range?.[0]) ?? spot;
            } else return spot;
        }
        return spot;
    };
}

/** The strings that identify an object of the declaration, most telling first. */
const NAMING_KEYS = ["name", "mentor", "slug", "folder", "filename", "fleet"];

/**
 * Spots in a module's source text, at best: the line of the quoted string value at the path,
 * else of the naming field (`name`, `mentor`, `slug`, ...) of the nearest object on it; the
 * file alone (line 0) when neither is found once.
 *
 * @example
 * ```ts
 * moduleSpots(text, declaration, "fleet.ts")(["servers", 0, "name"]); // { file: "fleet.ts", line: 4 }
 * ```
 */
export function moduleSpots(text: string, value: unknown, file: string): SpotFinder {
    const lineOf = (s: string): number | undefined => {
        const found = [JSON.stringify(s), `'${s}'`, `\`${s}\``].map((q) => text.indexOf(q)).filter((i) => i >= 0);
        if (found.length === 0) return undefined;
        return text.slice(0, Math.min(...found)).split("\n").length;
    };
    return (path) => {
        const chain: unknown[] = [value];
        for (const seg of path) {
            const cur = chain[chain.length - 1];
            if (cur === null || typeof cur !== "object") break;
            chain.push((cur as Record<string | number, unknown>)[seg]);
        }
        for (let i = chain.length - 1; i >= 0; i--) {
            const v = chain[i];
            const candidates = typeof v === "string" ? [v] : v && typeof v === "object" ? NAMING_KEYS.map((k) => (v as Record<string, unknown>)[k]) : [];
            for (const c of candidates) {
                const line = typeof c === "string" && c.length >= 2 ? lineOf(c) : undefined;
                if (line !== undefined) return { file, line };
            }
        }
        return { file, line: 0 };
    };
}
