import type * as pulumi from "@pulumi/pulumi";
import { SkillResourceCreate, type SkillFileType } from "../../sdk";
import { type ResourceFacts, entityOps } from "../engine/facts";
import type { SkillRef, SkillResourceId } from "../ids";
import { ClawApiResource, type IdentityArgs, shapeOf } from "../engine/resource";

/** The facts of `agent-skill-resources/` for the shared engine. */
export const skillResourceFacts: ResourceFacts = {
    type: "SkillResource",
    fields: {
        skill: { api: "skill", kind: "ref", replaceOnChange: true },
        fileType: { api: "file_type", replaceOnChange: true },
        filename: { api: "filename" },
        content: { api: "content" },
        // An asset's bytes come from a local file; its hash (sourceHash) drives updates.
        source: { api: "file", kind: "file" },
    },
    outputs: { resourceId: "id", createdAt: "created_at", updatedAt: "updated_at" },
    createSchema: SkillResourceCreate,
    // No unique key on the service: equal on every readable field sent, within the skill.
    find: { match: ["skill", "file_type", "filename", "content"], query: (b) => ({ skill: Number(b.skill), file_type: String(b.file_type) }) },
    delivered: (o) => ({ skill: o.skill, file_type: o.file_type, filename: o.filename, content: o.content, file: o.file }),
    ops: (client) => entityOps(client.skillResources),
};

/** Inputs of {@link SkillResource}. */
export interface SkillResourceArgs extends IdentityArgs {
    /** The skill (its id). A change replaces. */
    skill: pulumi.Input<SkillRef>;
    /** `script`, `reference` or `asset`. A change replaces. */
    fileType: pulumi.Input<SkillFileType>;
    filename: pulumi.Input<string>;
    /** Text of a script or reference. */
    content?: pulumi.Input<string>;
    /**
     * An asset's local file, relative to the program's folder; uploaded as multipart. Its
     * SHA-256 (`sourceHash`) is compared, so editing the file updates the resource.
     */
    source?: pulumi.Input<string>;
}

/**
 * A file of a skill: `agent-skill-resources/`. Scripts and references carry text; assets
 * are uploaded from a local file. `contentHash` is a ConfigPush trigger.
 *
 * @example
 * ```ts
 * new SkillResource("weather-script", { skill: weather.id, fileType: "script", filename: "wttr.sh", content: "#!/bin/sh\ncurl -s wttr.in/$1?format=3\n" });
 * new SkillResource("weather-logo", { skill: weather.id, fileType: "asset", filename: "logo.png", source: "assets/logo.png" });
 * ```
 */
export class SkillResource extends ClawApiResource {
    /** This SkillResource's id, typed so it only goes where a SkillResource is meant. */
    declare readonly id: pulumi.Output<SkillResourceId>;
    declare readonly skill: pulumi.Output<SkillRef>;
    declare readonly fileType: pulumi.Output<string>;
    declare readonly filename: pulumi.Output<string>;
    declare readonly content: pulumi.Output<string | undefined>;
    declare readonly source: pulumi.Output<string | undefined>;
    /** SHA-256 of the asset file's bytes. */
    declare readonly sourceHash: pulumi.Output<string | undefined>;
    declare readonly resourceId: pulumi.Output<number | string>;
    declare readonly createdAt: pulumi.Output<string>;
    declare readonly updatedAt: pulumi.Output<string>;
    /** SHA-256 of what a push delivers of the file: a ConfigPush trigger. */
    declare readonly contentHash: pulumi.Output<string>;

    constructor(name: string, args: SkillResourceArgs, opts?: pulumi.CustomResourceOptions) {
        super(shapeOf(skillResourceFacts, { outputs: ["contentHash", "sourceHash"] }), name, args, opts);
    }
}
