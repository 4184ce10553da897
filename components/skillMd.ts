/**
 * SKILL.md as published OpenClaw skills write it: YAML front matter between `---` lines
 * (name, description, metadata as a one-line JSON object, sometimes version and more),
 * then the instruction. Parsed with the `yaml` package (YAML 1.2, a superset of the JSON
 * that `metadata` holds).
 */
import { isScalar, parseDocument } from "yaml";
import { SkillMdError } from "./errors";

/** A parsed SKILL.md. */
export interface SkillMd {
    name?: string;
    description?: string;
    version?: string;
    /** The front matter's `metadata` (e.g. `{ openclaw: { requires: { bins: ["curl"] } } }`). */
    metadata?: unknown;
    /** The body: the skill's instruction. */
    instruction: string;
    /** Front-matter keys the API has no field for (e.g. `homepage`, `user-invocable`). */
    otherKeys: string[];
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const KNOWN = new Set(["name", "description", "version", "metadata"]);

/**
 * Splits and parses a SKILL.md. A file without front matter is all instruction.
 *
 * @example
 * ```ts
 * parseSkillMd('---\nname: weather\nmetadata: {"openclaw": {"emoji": "🌤"}}\n---\nRun curl wttr.in.\n');
 * // { name: "weather", metadata: { openclaw: { emoji: "🌤" } }, instruction: "Run curl wttr.in.\n", otherKeys: [] }
 * ```
 */
export function parseSkillMd(text: string): SkillMd {
    const src = text.replace(/^\uFEFF/, "");
    const m = FENCE.exec(src);
    if (!m) {
        if (/^---[ \t]*\r?\n/.test(src)) throw new SkillMdError("front matter opened with --- is never closed");
        return { instruction: src, otherKeys: [] };
    }
    const doc = parseDocument(m[1]);
    if (doc.errors.length) throw new SkillMdError(`front matter is not valid YAML: ${doc.errors[0].message.split("\n")[0]}`);
    const fm: unknown = doc.toJS() ?? {};
    if (typeof fm !== "object" || fm === null || Array.isArray(fm)) throw new SkillMdError("front matter must be a mapping (key: value lines)");
    const o = fm as Record<string, unknown>;
    const str = (k: string): string | undefined => {
        const node = doc.get(k, true);
        if (node === undefined || node === null) return undefined;
        // A version written 1.10 must stay "1.10", not become the number 1.1: take the source text.
        if (isScalar(node) && (typeof node.value === "string" || typeof node.value === "number")) return typeof node.value === "number" && node.source ? String(node.source) : String(node.value);
        if (isScalar(node) && node.value === null) return undefined;
        throw new SkillMdError(`front matter ${k} must be a string`);
    };
    let metadata = o.metadata;
    // Some skills quote the one-line JSON; take it as JSON then.
    if (typeof metadata === "string") {
        try {
            metadata = JSON.parse(metadata);
        } catch {
            throw new SkillMdError("front matter metadata must be a JSON object (one line)");
        }
    }
    return {
        name: str("name"),
        description: str("description"),
        version: str("version"),
        metadata: metadata ?? undefined,
        instruction: src.slice(m[0].length),
        otherKeys: Object.keys(o).filter((k) => !KNOWN.has(k)),
    };
}
