import { Blob } from "node:buffer";
import { FormData } from "undici";
import type { Transport } from "../transport";
import { type FileData, SkillResource, SkillResourceCreate, type SkillResourceListQuery, SkillResourceUpdate, isFileData } from "../schemas/skillResource";
import { EntityApi, type Id } from "./entity";

/** Bytes of any accepted shape as a Blob, which undici's FormData sends as a file part. */
function toBlob(data: FileData, type = "application/octet-stream"): Blob {
    if (ArrayBuffer.isView(data)) return new Blob([new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength)], { type });
    if (Object.prototype.toString.call(data) === "[object ArrayBuffer]") return new Blob([data as ArrayBuffer], { type });
    return data as Blob;
}

/**
 * The wire form of a skill resource body: JSON, or — when it carries a `file` — a
 * multipart form with the bytes in the field `file` (named by `filename`) and every other
 * field as text.
 *
 * @example
 * ```ts
 * const form = encodeSkillResource({ skill: 9, file_type: "asset", filename: "logo.png", file: bytes }); // a FormData
 * ```
 */
export function encodeSkillResource(body: Record<string, unknown>): unknown {
    if (!isFileData(body.file)) return body;
    const form = new FormData();
    for (const [k, v] of Object.entries(body)) {
        if (k === "file" || v === undefined) continue;
        form.append(k, typeof v === "string" ? v : JSON.stringify(v));
    }
    const name = typeof body.filename === "string" ? body.filename : "file";
    form.append("file", toBlob(body.file), name);
    return form;
}

/**
 * `agent-skill-resources/`: the files of a skill's folder. Scripts and references carry
 * their text in `content` (JSON); an asset's bytes go up as the multipart field `file`.
 * Natural key: skill + filename (not documented as unique, but a folder holds one file
 * per name).
 *
 * @example
 * ```ts
 * await client.skillResources.create({ skill: 9, file_type: "script", filename: "fetch.sh", content: "#!/bin/sh\ncurl -s wttr.in" });
 * await client.skillResources.uploadAsset(9, "logo.png", await fs.promises.readFile("logo.png"), "image/png");
 * ```
 */
export class SkillResourcesApi extends EntityApi<typeof SkillResource, typeof SkillResourceCreate, typeof SkillResourceUpdate, SkillResourceListQuery> {
    constructor(client: Transport) {
        super(client, {
            collection: "agent-skill-resources/",
            object: SkillResource,
            create: SkillResourceCreate,
            update: SkillResourceUpdate,
            writeOnly: [],
            naturalKey: (b) => ({ skill: b.skill, filename: b.filename }),
            exactFilters: ["skill", "file_type"],
            encode: encodeSkillResource,
        });
    }

    /**
     * Uploads an asset (multipart) to a skill.
     *
     * @example
     * ```ts
     * const r = await client.skillResources.uploadAsset(9, "logo.png", await fs.promises.readFile("logo.png"), "image/png");
     * ```
     */
    async uploadAsset(skill: Id, filename: string, data: FileData, contentType?: string): Promise<SkillResource> {
        return this.create({ skill, file_type: "asset", filename, file: contentType ? toBlob(data, contentType) : data });
    }
}
