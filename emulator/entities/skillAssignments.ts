import { SKILL_ASSIGNMENTS, SKILLS } from "../collections";
import type { EntityDef } from "../entity";
import { boolFilter, refFilter, uuidFilter } from "../filters";
import { present } from "../validate";

/**
 * `mentor-skill-assignments/`: gives a mentor a skill, at most once. A config push
 * sends the mentor's enabled assignments (of enabled skills) as `skills.entries`.
 */
export const skillAssignments: EntityDef = {
    collection: SKILL_ASSIGNMENTS,
    verboseName: "mentor skill assignment",
    spec: {
        fields: {
            mentor: { kind: "uuid", required: true },
            skill: { kind: "ref", to: SKILLS, required: true },
            enabled: { kind: "bool", default: true },
        },
        readOnly: ["id", "skill_name", "created_at", "updated_at"],
    },
    unique: [["mentor", "skill"]],
    filters: {
        enabled: boolFilter("enabled"),
        skill: refFilter("skill", SKILLS),
        mentor: uuidFilter("mentor"),
    },
    present: (ctx, row) => ({
        ...present(skillAssignments.spec, row),
        skill_name: ctx.store.get(ctx.org, SKILLS, Number(row.skill))?.name ?? null,
    }),
};
