import type * as pulumi from "@pulumi/pulumi";
import { SkillAssignmentCreate } from "../../sdk";
import { type ResourceFacts, entityOps } from "../engine/facts";
import type { SkillAssignmentId, SkillRef } from "../ids";
import { ClawApiResource, type IdentityArgs, shapeOf } from "../engine/resource";

/** The facts of `mentor-skill-assignments/` for the shared engine. */
export const skillAssignmentFacts: ResourceFacts = {
    type: "SkillAssignment",
    fields: {
        mentor: { api: "mentor", replaceOnChange: true },
        skill: { api: "skill", kind: "ref", replaceOnChange: true },
        enabled: { api: "enabled" },
    },
    outputs: { assignmentId: "id", skillName: "skill_name", createdAt: "created_at", updatedAt: "updated_at" },
    createSchema: SkillAssignmentCreate,
    find: { naturalKey: ["mentor", "skill"], match: ["mentor", "skill"], query: (b) => ({ mentor: String(b.mentor), skill: Number(b.skill) }) },
    delivered: (o) => ({ mentor: o.mentor, skill: o.skill, enabled: o.enabled }),
    ops: (client) => entityOps(client.skillAssignments),
};

/** Inputs of {@link SkillAssignment}. */
export interface SkillAssignmentArgs extends IdentityArgs {
    /** The mentor's UUID. A change replaces. */
    mentor: pulumi.Input<string>;
    /** The skill (its id). A change replaces. */
    skill: pulumi.Input<SkillRef>;
    /** Enabled assignments are pushed as `skills.entries`. */
    enabled?: pulumi.Input<boolean>;
}

/**
 * Gives a mentor a skill: `mentor-skill-assignments/` (once per mentor and skill).
 * `contentHash` is a ConfigPush trigger.
 *
 * @example
 * ```ts
 * new SkillAssignment("ada-weather", { mentor: adaId, skill: weather.id });
 * ```
 */
export class SkillAssignment extends ClawApiResource {
    /** This SkillAssignment's id, typed so it only goes where a SkillAssignment is meant. */
    declare readonly id: pulumi.Output<SkillAssignmentId>;
    declare readonly mentor: pulumi.Output<string>;
    declare readonly skill: pulumi.Output<SkillRef>;
    declare readonly enabled: pulumi.Output<boolean>;
    declare readonly assignmentId: pulumi.Output<number | string>;
    declare readonly skillName: pulumi.Output<string>;
    declare readonly createdAt: pulumi.Output<string>;
    declare readonly updatedAt: pulumi.Output<string>;
    /** SHA-256 of mentor, skill and enabled: a ConfigPush trigger. */
    declare readonly contentHash: pulumi.Output<string>;

    constructor(name: string, args: SkillAssignmentArgs, opts?: pulumi.CustomResourceOptions) {
        super(shapeOf(skillAssignmentFacts, { outputs: ["contentHash"] }), name, args, opts);
    }
}
