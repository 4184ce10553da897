import { z } from "zod";

// The hand-written parts of a skill resource's schemas (kinds of files, bytes, the rules
// across fields): the generated sdk/schemas/skillResource.generated.ts refers to them.

/**
 * Kinds of files a skill folder holds.
 *
 * @example
 * ```ts
 * const t: SkillFileType = "asset";
 * ```
 */
export const SKILL_FILE_TYPES = ["script", "reference", "asset"] as const;
export type SkillFileType = (typeof SKILL_FILE_TYPES)[number];

/**
 * The folder each kind of file lives in, inside its skill's folder (as OpenClaw lays it out).
 *
 * @example
 * ```ts
 * `${SKILL_FOLDERS.script}/wttr.sh`; // "scripts/wttr.sh"
 * ```
 */
export const SKILL_FOLDERS = { script: "scripts", reference: "references", asset: "assets" } as const satisfies Record<SkillFileType, string>;

/**
 * Bytes of an asset: a Blob/File, a Buffer or any typed array, or an ArrayBuffer.
 *
 * @example
 * ```ts
 * const data: FileData = await fs.promises.readFile("logo.png");
 * ```
 */
export type FileData = Blob | ArrayBufferView | ArrayBuffer;

/**
 * True for a Blob or bytes. Duck-typed on purpose: under jest (and across realms) a
 * Buffer is not `instanceof` the context's Uint8Array.
 *
 * @example
 * ```ts
 * isFileData(Buffer.from("x")); // true
 * isFileData("x"); // false
 * ```
 */
export function isFileData(v: unknown): v is FileData {
    if (ArrayBuffer.isView(v)) return true;
    if (Object.prototype.toString.call(v) === "[object ArrayBuffer]") return true;
    const b = v as { arrayBuffer?: unknown; size?: unknown; stream?: unknown } | null;
    return typeof b === "object" && b !== null && typeof b.arrayBuffer === "function" && typeof b.size === "number";
}

/**
 * The request schema of an asset's bytes.
 *
 * @example
 * ```ts
 * fileData.parse(Buffer.from("x"));
 * ```
 */
export const fileData = z.custom<FileData>(isFileData, "must be a Blob, Buffer, typed array or ArrayBuffer");

type Draft = { file_type?: SkillFileType; file?: unknown; content?: unknown };

/**
 * Rules across the fields of a skill resource body; `creating` requires the file of an asset.
 *
 * @example
 * ```ts
 * base.superRefine(fileRules(true));
 * ```
 */
export const fileRules = (creating: boolean) => (v: Draft, ctx: z.RefinementCtx) => {
    if (v.file !== undefined && v.file_type !== undefined && v.file_type !== "asset") {
        ctx.addIssue({ code: "custom", path: ["file"], message: `only asset resources take a file; send a ${v.file_type}'s text as content` });
    }
    if (creating && v.file_type === "asset" && v.file === undefined) {
        ctx.addIssue({ code: "custom", path: ["file"], message: "an asset needs its bytes in file (a Blob, Buffer or Uint8Array)" });
    }
};
