import { z } from "zod";
import { anyId, roString } from "./common";

/**
 * Body of `POST agent-skills/`: a skill of the platform (a SKILL.md: front matter in
 * `metadata`, body in `instruction`). The slug is unique per platform.
 *
 * @example
 * ```ts
 * SkillCreate.parse({
 *   name: "Weather", slug: "weather", instruction: "Use curl wttr.in/<city>.",
 *   metadata: { openclaw: { requires: { bins: ["curl"] } } },
 * });
 * ```
 */
export const SkillCreate = z.strictObject({
    name: z.string().min(1, "must not be empty").max(255),
    // The slug names the skill's folder on the server (skills/<slug>/SKILL.md) and is a
    // Django SlugField on the service: letters, digits, `_` and `-` (a space fails only at up).
    slug: z
        .string()
        .min(1, "must not be empty")
        .max(255)
        .regex(/^[-a-zA-Z0-9_]+$/, "must be letters, digits, _ or - (it names the skill's folder), e.g. web-search"),
    description: z.string().optional(),
    version: z.string().max(50).optional(),
    instruction: z.string().optional(),
    // The SKILL.md front matter's `metadata`: an object (a string or a list could only fail on the server).
    metadata: z.record(z.string(), z.unknown(), { error: 'must be an object (the SKILL.md front matter\'s metadata), e.g. {"openclaw": {"requires": {"bins": ["curl"]}}}' }).nullable().optional(),
    enabled: z.boolean().optional(),
});
export type SkillCreate = z.input<typeof SkillCreate>;

/**
 * Body of `PATCH agent-skills/{id}/`.
 *
 * @example
 * ```ts
 * SkillUpdate.parse({ version: "1.1.0", enabled: true });
 * ```
 */
export const SkillUpdate = SkillCreate.partial();
export type SkillUpdate = z.input<typeof SkillUpdate>;

/**
 * A skill as the service returns it.
 *
 * @example
 * ```ts
 * const s: Skill = await client.skills.get(9);
 * console.log(s.slug, s.version);
 * ```
 */
export const Skill = z.looseObject({
    id: anyId,
    /** A UUID beside the numeric id; mentor-scoped skill assignments name it. */
    unique_id: z.string().nullish(),
    name: z.string(),
    slug: z.string(),
    description: z.string().nullish(),
    version: z.string().nullish(),
    instruction: z.string().nullish(),
    metadata: z.unknown().optional(),
    enabled: z.boolean().nullish(),
    platform_key: roString,
    created_at: roString,
    updated_at: roString,
});
export type Skill = z.output<typeof Skill>;

/**
 * List filters of `GET agent-skills/`.
 *
 * @example
 * ```ts
 * const enabled = await client.skills.listAll({ enabled: true, search: "weather" });
 * ```
 */
export interface SkillListQuery {
    enabled?: boolean;
    search?: string;
}
