import * as pulumi from "@pulumi/pulumi";
import { Skill, type SkillArgs, SkillResource, type SkillResourceArgs } from "../provider";
import { type MovedFrom, type SkillFileKind, aliasesOf, childName, skillContentHash, skillFilePath } from "./derive";
import { ComponentInputError } from "./errors";

/** One file of a skill: a script or reference (text), or an asset (a local file). */
export interface ClawSkillFile {
    /** `script`, `reference` or `asset`. */
    fileType: SkillFileKind;
    /** The file's name inside its folder (`scripts/`, `references/`, `assets/`); may hold sub-folders. */
    filename: string;
    /** Text of a script or reference. */
    content?: SkillResourceArgs["content"];
    /** An asset's local file, relative to the program's folder (uploaded as multipart). */
    source?: SkillResourceArgs["source"];
    /** Adopt an existing file of the skill by id instead of creating it (see SkillResource's `adoptId`). */
    adoptId?: SkillResourceArgs["adoptId"];
}

/** Inputs of {@link ClawSkill}. */
export interface ClawSkillArgs extends Omit<SkillArgs, "slug" | "adoptId"> {
    /** Unique per platform; also names the component's children, so a plain string. */
    slug: string;
    /** The skill's files. */
    resources?: ClawSkillFile[];
    /**
     * Old names of resources this component now holds (hand-wired before): the skill, and
     * its files by path (`scripts/wttr.sh`). A string is a top-level resource's name.
     */
    movedFrom?: { skill?: MovedFrom; resources?: Record<string, MovedFrom> };
    /** Adopt an existing skill by id instead of creating one (see Skill's `adoptId`). */
    adoptId?: SkillArgs["adoptId"];
}

/**
 * A skill with its files (a SKILL.md folder): one {@link Skill} and a {@link SkillResource}
 * per file. `contentHash` covers the skill and every file, so a push that delivers the
 * skill re-pushes when any of them changes. Give it to {@link ClawAgent}s by reference to
 * share it; a ClawAgent also makes one for each new skill it is given inline.
 *
 * @example
 * ```ts
 * const weather = new ClawSkill("weather", {
 *     name: "Weather", slug: "weather", instruction: "Run scripts/wttr.sh <city>.",
 *     resources: [{ fileType: "script", filename: "wttr.sh", content: "#!/bin/sh\ncurl -s wttr.in/$1?format=3\n" }],
 * });
 * ```
 */
export class ClawSkill extends pulumi.ComponentResource {
    /** The slug, as given. */
    readonly slug: string;
    readonly skill: Skill;
    /** The skill's files by path in the skill's folder (`scripts/wttr.sh`). */
    readonly resources: Record<string, SkillResource>;
    /** The skill's id. */
    readonly skillId: Skill["id"];
    /** SHA-256 of the skill and all its files, as a push delivers them. */
    readonly contentHash: pulumi.Output<string>;

    constructor(name: string, args: ClawSkillArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("iblai:index:ClawSkill", name, {}, opts);
        const { resources = [], movedFrom = {}, ...skillArgs } = args;
        this.slug = args.slug;
        this.skill = new Skill(childName(name, "skill"), skillArgs, { parent: this, aliases: aliasesOf(movedFrom.skill) });
        this.skillId = this.skill.id;
        this.resources = {};
        for (const file of resources) {
            const path = skillFilePath(file.fileType, file.filename);
            if (path in this.resources) throw new ComponentInputError(`ClawSkill ${name}`, "resources", `${path} is listed twice`);
            this.resources[path] = new SkillResource(
                childName(name, path),
                { skill: this.skill.id, fileType: file.fileType, filename: file.filename, content: file.content, source: file.source, adoptId: file.adoptId, apiBaseUrl: args.apiBaseUrl, org: args.org },
                { parent: this, aliases: aliasesOf(movedFrom.resources?.[path]) },
            );
        }
        const files = Object.entries(this.resources);
        this.contentHash = pulumi
            .all([this.skill.contentHash, pulumi.all(files.map(([, r]) => r.contentHash))])
            .apply(([skill, hashes]) => skillContentHash(skill, Object.fromEntries(files.map(([p], i) => [p, hashes[i]]))));
        this.registerOutputs({ skillId: this.skillId, contentHash: this.contentHash });
    }
}
