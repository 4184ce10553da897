/**
 * A skill as a real delivery uploads it: its folder's files (SKILL.md at the root, then its
 * resources, text and binary), the content hash that decides whether the server's copy is
 * current, and the zip archive OpenClaw's `skills.upload.*` takes.
 *
 * The archive carries one file of ours, {@link SKILL_MARKER}, holding that hash: the server
 * keeps it in the installed folder (`<workspace>/skills/<slug>/`), so a later push reads it
 * back (`agents.workspace.get`) and uploads nothing when the hash is unchanged.
 */
import * as crypto from "node:crypto";
import { zipArchive } from "./zip";

/**
 * The file in an installed skill folder that names what was delivered.
 *
 * @example
 * ```ts
 * `skills/${slug}/${SKILL_MARKER}`; // read back with agents.workspace.get
 * ```
 */
export const SKILL_MARKER = ".iblai-skill.json";

/** One skill's files, ready to archive. */
export interface SkillBundle {
    slug: string;
    /** Relative path (`SKILL.md`, `scripts/x.sh`, `assets/logo.png`) → bytes. */
    files: ReadonlyArray<{ path: string; data: Buffer }>;
    /** SHA-256 over the sorted paths and their bytes (not over the zip, whose framing could change). */
    sha256: string;
}

/**
 * Makes a bundle and its content hash.
 *
 * @example
 * ```ts
 * skillBundle("web", [{ path: "SKILL.md", data: Buffer.from("---\nname: web\n---\nUse curl.") }]).sha256; // "9c1e…"
 * ```
 */
export function skillBundle(slug: string, files: ReadonlyArray<{ path: string; data: Buffer }>): SkillBundle {
    const sorted = [...files].sort((a, b) => (a.path === "SKILL.md" ? -1 : b.path === "SKILL.md" ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const h = crypto.createHash("sha256");
    for (const f of sorted) h.update(`${f.path}\0${crypto.createHash("sha256").update(f.data).digest("hex")}\n`);
    return { slug, files: sorted, sha256: h.digest("hex") };
}

/**
 * The marker's content for a bundle.
 *
 * @example
 * ```ts
 * skillMarker(bundle); // '{"slug":"web","sha256":"9c1e…","deliveredBy":"ibl.ai"}\n'
 * ```
 */
export function skillMarker(bundle: SkillBundle): string {
    return `${JSON.stringify({ slug: bundle.slug, sha256: bundle.sha256, deliveredBy: "ibl.ai" })}\n`;
}

/**
 * The hash an installed marker names, or undefined when the text is not one of ours.
 *
 * @example
 * ```ts
 * markerHash(skillMarker(bundle)) === bundle.sha256; // true
 * ```
 */
export function markerHash(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    try {
        const v = JSON.parse(text) as { sha256?: unknown };
        return typeof v.sha256 === "string" ? v.sha256 : undefined;
    } catch {
        return undefined;
    }
}

/**
 * The zip archive of a bundle: SKILL.md first, at the root, then the resources, then the marker.
 *
 * @example
 * ```ts
 * const zip = skillArchive(bundle); // Buffer, for skills.upload.begin/chunk/commit
 * ```
 */
export function skillArchive(bundle: SkillBundle): Buffer {
    return zipArchive([...bundle.files, { path: SKILL_MARKER, data: Buffer.from(skillMarker(bundle)) }]);
}
