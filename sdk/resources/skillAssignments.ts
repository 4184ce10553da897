import type { Transport } from "../transport";
import { MentorSkill, MentorSkillCreate, MentorSkillUpdate, SkillAssignment, SkillAssignmentCreate, type SkillAssignmentListQuery, SkillAssignmentUpdate } from "../schemas/skillAssignment";
import { EntityApi, type Id } from "./entity";

/**
 * `mentor-skill-assignments/`: which mentor holds which skill (once per mentor). A
 * config push sends the mentor's enabled assignments as `skills.entries`. Natural key:
 * mentor + skill, both documented filters, so a lookup reads one short page.
 *
 * @example
 * ```ts
 * const a = await client.skillAssignments.create({ mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", skill: 9, enabled: true });
 * const held = await client.skillAssignments.listAll({ mentor: a.mentor, enabled: true });
 * ```
 */
export class SkillAssignmentsApi extends EntityApi<typeof SkillAssignment, typeof SkillAssignmentCreate, typeof SkillAssignmentUpdate, SkillAssignmentListQuery> {
    constructor(client: Transport) {
        super(client, {
            collection: "mentor-skill-assignments/",
            object: SkillAssignment,
            create: SkillAssignmentCreate,
            update: SkillAssignmentUpdate,
            writeOnly: [],
            naturalKey: (b) => ({ mentor: b.mentor, skill: b.skill }),
            exactFilters: ["mentor", "skill", "enabled"],
        });
    }

    /**
     * The assignment of a skill to a mentor, if any.
     *
     * @example
     * ```ts
     * const a = await client.skillAssignments.findFor("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", 9);
     * ```
     */
    async findFor(mentor: string, skill: Id): Promise<SkillAssignment | undefined> {
        return this.findOne({ mentor, skill });
    }
}

/**
 * `mentors/{mentor}/skills/`: the current guide's skill assignments of one mentor. A create
 * names the skill by its `unique_id` (`client.skills.resolve(ref)` finds it from a numeric
 * id); the mentor comes from the path. Natural key: the skill. Reached through
 * `client.mentorScoped(mentor).skills`.
 *
 * @example
 * ```ts
 * const skill = await client.skills.resolve(9);
 * await client.mentorScoped(mentor).skills.create({ skill: String(skill.unique_id), enabled: true });
 * ```
 */
export class MentorSkillsApi extends EntityApi<typeof MentorSkill, typeof MentorSkillCreate, typeof MentorSkillUpdate, { enabled?: boolean }> {
    constructor(client: Transport, mentor: string) {
        super(client, {
            collection: `mentors/${encodeURIComponent(mentor)}/skills/`,
            object: MentorSkill,
            create: MentorSkillCreate,
            update: MentorSkillUpdate,
            writeOnly: [],
            naturalKey: (b) => ({ skill: b.skill }),
            // Not documented as a filter of this route: sent, and matched on the client.
            clientFilters: ["enabled"],
        });
    }
}
