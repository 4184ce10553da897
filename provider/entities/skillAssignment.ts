import { entity } from "./entity";
import { bool, custom, objectId, ref, str } from "./fieldTypes";
import { skillAssignmentOps } from "./skillAssignmentBehaviour";

/**
 * The declaration of `mentor-skill-assignments/` (or `mentors/<mentor>/skills/`): the source
 * of the SkillAssignment's sdk schemas, facts, types and docs rows (`npm run generate`).
 *
 * @example
 * ```ts
 * skillAssignment.routed; // true
 * ```
 */
export const skillAssignment = entity({
    type: "SkillAssignment",
    file: "skillAssignment",
    sdk: "skillAssignments",
    collection: "mentor-skill-assignments/",
    doc: "Gives a mentor a skill: `mentor-skill-assignments/`, or `mentors/<mentor>/skills/` on the mentor routes (once per mentor and skill). `contentHash` is a ConfigPush trigger.",
    idType: "SkillAssignmentId",
    routed: true,
    fields: {
        mentor: {
            api: "mentor",
            type: custom({ request: "MentorId", response: "z.string()", ts: "string", docs: "mentor UUID", checks: [] }),
            required: true,
            replaceOnChange: true,
            delivered: true,
            doc: "The mentor's UUID.",
        },
        skill: {
            api: "skill",
            type: ref("SkillRef", "skill"),
            required: true,
            replaceOnChange: true,
            delivered: true,
            acceptsResource: "Skill",
            doc: "The skill: the Skill resource, its id or its `uniqueId`; the provider sends what the routes need (the id on the collection routes, the unique_id on the mentor routes).",
        },
        enabled: { api: "enabled", type: bool(), delivered: true, doc: "Enabled assignments are pushed as `skills.entries`." },
    },
    outputs: {
        assignmentId: { api: "id", type: objectId() },
        skillName: { api: "skill_name", type: str() },
        skillUniqueId: { api: "skill_unique_id", type: str().nullable(), byOps: true, doc: "The skill's unique_id, as the mentor routes named it (null on the collection routes)." },
        createdAt: { api: "created_at", type: str() },
        updatedAt: { api: "updated_at", type: str() },
    },
    find: { naturalKey: ["mentor", "skill"], match: ["mentor", "skill"] },
    behaviour: {
        findQuery: (b) => ({ mentor: String(b.mentor), skill: b.skill as number | string }),
        ops: skillAssignmentOps,
    },
    examples: {
        create: { mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", skill: 9, enabled: true },
        update: { enabled: false },
        program: 'new SkillAssignment("ada-weather", { mentor: adaId, skill: weather });',
    },
});
