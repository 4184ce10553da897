import { entity } from "./entity";
import { enumOf, file, objectId, ref, str } from "./fieldTypes";

/**
 * The declaration of `agent-skill-resources/`: the source of the SkillResource's sdk
 * schemas, facts, types and docs rows (`npm run generate`).
 *
 * @example
 * ```ts
 * skillResource.fields.source.api; // "file"
 * ```
 */
export const skillResource = entity({
    type: "SkillResource",
    file: "skillResource",
    sdk: "skillResources",
    collection: "agent-skill-resources/",
    doc: "A file of a skill: `agent-skill-resources/`. Scripts and references carry text; assets are uploaded from a local file (multipart). `contentHash` is a ConfigPush trigger.",
    idType: "SkillResourceId",
    fields: {
        skill: { api: "skill", type: ref("SkillRef", "skill"), required: true, replaceOnChange: true, delivered: true, doc: "The skill (its id)." },
        fileType: {
            api: "file_type",
            type: enumOf("SKILL_FILE_TYPES", "SkillFileType", ["script", "reference", "asset"]),
            required: true,
            replaceOnChange: true,
            delivered: true,
        },
        filename: { api: "filename", type: str().nonEmpty().max(255), required: true, delivered: true },
        content: { api: "content", type: str(), delivered: true, doc: "Text of a script or reference." },
        source: {
            api: "file",
            type: file("fileData"),
            delivered: true,
            response: "z.unknown().optional()",
            doc: "An asset's local file, relative to the program's folder; uploaded as multipart. Its SHA-256 (`sourceHash`) is compared, so editing the file updates the resource.",
        },
    },
    outputs: {
        resourceId: { api: "id", type: objectId() },
        createdAt: { api: "created_at", type: str() },
        updatedAt: { api: "updated_at", type: str() },
    },
    engineOutputs: { sourceHash: { ts: "string | undefined", doc: "SHA-256 of the asset file's bytes." } },
    // No unique key on the service: equal on every readable field sent, within the skill.
    find: { match: ["skill", "file_type", "filename", "content"] },
    requestRules: { name: "fileRules", from: "./skillFiles" },
    behaviour: { findQuery: (b) => ({ skill: Number(b.skill), file_type: String(b.file_type) }) },
    examples: {
        create: { skill: 9, file_type: "script", filename: "fetch.sh", content: "#!/bin/sh\ncurl wttr.in" },
        update: { content: "#!/bin/sh\ncurl -s wttr.in" },
        program: 'new SkillResource("wttr", { skill: weather.id, fileType: "script", filename: "wttr.sh", content: "#!/bin/sh\\ncurl -s wttr.in/$1\\n" });',
    },
});
