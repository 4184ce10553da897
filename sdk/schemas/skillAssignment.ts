import { z } from "zod";
import { MentorId, ObjectRef, anyId, roString } from "./common";

/**
 * Body of `POST mentor-skill-assignments/`: gives a mentor a skill (once per mentor).
 *
 * @example
 * ```ts
 * SkillAssignmentCreate.parse({ mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", skill: 9, enabled: true });
 * ```
 */
export const SkillAssignmentCreate = z.strictObject({
    mentor: MentorId,
    skill: ObjectRef,
    enabled: z.boolean().optional(),
});
export type SkillAssignmentCreate = z.input<typeof SkillAssignmentCreate>;

/**
 * Body of `PATCH mentor-skill-assignments/{id}/`.
 *
 * @example
 * ```ts
 * SkillAssignmentUpdate.parse({ enabled: false });
 * ```
 */
export const SkillAssignmentUpdate = SkillAssignmentCreate.partial();
export type SkillAssignmentUpdate = z.input<typeof SkillAssignmentUpdate>;

/**
 * A skill assignment as the service returns it.
 *
 * @example
 * ```ts
 * const a: SkillAssignment = await client.skillAssignments.get(11);
 * console.log(a.skill_name, a.enabled);
 * ```
 */
export const SkillAssignment = z.looseObject({
    id: anyId,
    mentor: z.string(),
    skill: anyId,
    skill_name: roString,
    enabled: z.boolean().nullish(),
    created_at: roString,
    updated_at: roString,
});
export type SkillAssignment = z.output<typeof SkillAssignment>;

/**
 * Body of `POST mentors/{mentor}/skills/` (the current guide): the skill named by its
 * `unique_id` (a UUID), the mentor from the path.
 *
 * @example
 * ```ts
 * MentorSkillCreate.parse({ skill: "9b2e4c1a-7d3f-4e8a-b6c5-1f0e2d3c4b5a", enabled: true });
 * ```
 */
export const MentorSkillCreate = z.strictObject({
    skill: z.guid("must be the skill's unique_id (a UUID; the Skill's uniqueId output)"),
    enabled: z.boolean().optional(),
});
export type MentorSkillCreate = z.input<typeof MentorSkillCreate>;

/**
 * Body of `PATCH mentors/{mentor}/skills/{id}/`.
 *
 * @example
 * ```ts
 * MentorSkillUpdate.parse({ enabled: false });
 * ```
 */
export const MentorSkillUpdate = MentorSkillCreate.partial();
export type MentorSkillUpdate = z.input<typeof MentorSkillUpdate>;

/**
 * A mentor's skill as `mentors/{mentor}/skills/` returns it: the skill may be named by its
 * numeric id or its `unique_id`, and the mentor may be left out (it is in the path).
 *
 * @example
 * ```ts
 * const [first] = await client.mentorScoped(mentor).skills.listAll();
 * ```
 */
export const MentorSkill = SkillAssignment.extend({
    mentor: z.string().nullish(),
    skill: anyId.nullish(),
});
export type MentorSkill = z.output<typeof MentorSkill>;

/**
 * List filters of `GET mentor-skill-assignments/`.
 *
 * @example
 * ```ts
 * const mine = await client.skillAssignments.listAll({ mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", enabled: true });
 * ```
 */
export interface SkillAssignmentListQuery {
    enabled?: boolean;
    skill?: number | string;
    mentor?: string;
}
