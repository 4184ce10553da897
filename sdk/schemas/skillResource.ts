import { z } from "zod";
import { ObjectRef, anyId, roString } from "./common";

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

const fileData = z.custom<FileData>(isFileData, "must be a Blob, Buffer, typed array or ArrayBuffer");

const base = z.strictObject({
    skill: ObjectRef,
    file_type: z.enum(SKILL_FILE_TYPES),
    filename: z.string().min(1, "must not be empty").max(255),
    /** Text of a script or reference. */
    content: z.string().optional(),
    /** Bytes of an asset; sent as the multipart form field `file`. */
    file: fileData.optional(),
});

type Draft = { file_type?: SkillFileType; file?: unknown; content?: unknown };

/** Rules across fields; `creating` requires the file of an asset. */
const fileRules = (creating: boolean) => (v: Draft, ctx: z.RefinementCtx) => {
    if (v.file !== undefined && v.file_type !== undefined && v.file_type !== "asset") {
        ctx.addIssue({ code: "custom", path: ["file"], message: `only asset resources take a file; send a ${v.file_type}'s text as content` });
    }
    if (creating && v.file_type === "asset" && v.file === undefined) {
        ctx.addIssue({ code: "custom", path: ["file"], message: "an asset needs its bytes in file (a Blob, Buffer or Uint8Array)" });
    }
};

/**
 * Body of `POST agent-skill-resources/`. Scripts and references carry `content` (JSON);
 * an asset carries `file`, which the client uploads as a multipart form.
 *
 * @example
 * ```ts
 * SkillResourceCreate.parse({ skill: 9, file_type: "script", filename: "fetch.sh", content: "#!/bin/sh\ncurl wttr.in" });
 * SkillResourceCreate.parse({ skill: 9, file_type: "asset", filename: "logo.png", file: await fs.promises.readFile("logo.png") });
 * ```
 */
export const SkillResourceCreate = base.superRefine(fileRules(true));
export type SkillResourceCreate = z.input<typeof SkillResourceCreate>;

/**
 * Body of `PATCH agent-skill-resources/{id}/`; a `file` is uploaded as multipart.
 *
 * @example
 * ```ts
 * SkillResourceUpdate.parse({ content: "#!/bin/sh\ncurl -s wttr.in" });
 * ```
 */
export const SkillResourceUpdate = base.partial().superRefine(fileRules(false));
export type SkillResourceUpdate = z.input<typeof SkillResourceUpdate>;

/**
 * A skill resource as the service returns it; an asset's `file` is usually its URL.
 *
 * @example
 * ```ts
 * const r: SkillResource = await client.skillResources.get(21);
 * console.log(r.file_type, r.filename);
 * ```
 */
export const SkillResource = z.looseObject({
    id: anyId,
    skill: anyId,
    file_type: z.string(),
    filename: z.string(),
    content: z.string().nullish(),
    file: z.unknown().optional(),
    created_at: roString,
    updated_at: roString,
});
export type SkillResource = z.output<typeof SkillResource>;

/**
 * List filters of `GET agent-skill-resources/`.
 *
 * @example
 * ```ts
 * const scripts = await client.skillResources.listAll({ skill: 9, file_type: "script" });
 * ```
 */
export interface SkillResourceListQuery {
    file_type?: SkillFileType;
    skill?: number | string;
}
