import * as crypto from "node:crypto";
import { SKILL_RESOURCES, SKILLS } from "../collections";
import type { EntityDef } from "../entity";
import { choiceFilter, refFilter } from "../filters";
import type { Row } from "../store";
import { type FieldErrors, present, UploadedFile } from "../validate";

export const FILE_TYPES = ["script", "reference", "asset"] as const;

/** Where the emulator serves an uploaded asset (as Django serves MEDIA_URL), relative to its origin. */
export const mediaPath = (row: Row): string => `/media/${SKILL_RESOURCES}/${row.id}/${encodeURIComponent(String(row._file_name))}`;

/**
 * `agent-skill-resources/`: a file of a skill's folder. Scripts and references carry
 * their text in `content` (JSON); an asset carries binary `file`, sent as a multipart form
 * field. The answer's `file` is the asset's absolute URL (as DRF's FileField shows it),
 * null for the other types; the bytes are served from that URL.
 */
export const skillResources: EntityDef = {
    collection: SKILL_RESOURCES,
    verboseName: "agent skill resource",
    spec: {
        fields: {
            skill: { kind: "ref", to: SKILLS, required: true },
            file_type: { kind: "choice", choices: FILE_TYPES, required: true },
            filename: { kind: "string", maxLength: 255, required: true },
            content: { kind: "string", allowBlank: true, default: "" },
            file: { kind: "file" },
        },
        readOnly: ["id", "created_at", "updated_at"],
    },
    filters: {
        file_type: choiceFilter("file_type", FILE_TYPES),
        skill: refFilter("skill", SKILLS),
    },
    validate: (_ctx, merged, existing): FieldErrors | undefined => {
        const upload = merged.file instanceof UploadedFile;
        if (merged.file_type === "asset" && !upload && !(existing?.file_type === "asset" && existing._file_b64)) {
            return { file: ["No file was submitted."] };
        }
        if (merged.file_type !== "asset" && upload) return { file: [`Only resources of file_type "asset" take a file; send a ${String(merged.file_type)}'s text as "content".`] };
        return undefined;
    },
    toRow: (_ctx, values) => {
        const { file, ...rest } = values;
        if (file instanceof UploadedFile) {
            return {
                ...rest,
                _file_b64: file.data.toString("base64"),
                _file_name: file.filename,
                _file_type: file.contentType,
                _file_size: file.data.length,
                _file_sha256: crypto.createHash("sha256").update(file.data).digest("hex"),
            };
        }
        if (rest.file_type !== undefined && rest.file_type !== "asset") {
            return { ...rest, _file_b64: undefined, _file_name: undefined, _file_type: undefined, _file_size: undefined, _file_sha256: undefined };
        }
        return rest;
    },
    present: (ctx, row) => ({
        ...present(skillResources.spec, row),
        file: row.file_type === "asset" && row._file_b64 ? ctx.origin + mediaPath(row) : null,
    }),
};
