import { z } from "zod";
import { anyId } from "./common";
import { SkillAssignment } from "./skillAssignment.generated";

export * from "./skillAssignment.generated";

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
