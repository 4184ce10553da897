import { z } from "zod";
import { anyId, roString } from "./common";

/*
 * Mentors are made through the platform's mentor API, not the claw API (API reference, "The
 * platform as it is in 2026"): `POST users/<user>/mentor-with-settings/`, then
 * `PUT users/<user>/mentors/<unique_id>/settings/` with `enable_claw: true`, as the
 * platform's own `seed_claw_mentor.py` does (iblai/iblai-claw-setup, scripts/). Field names
 * are the generated client's (iblai/iblai-python-sdk, docs/AiMentorApi.md,
 * docs/MentorSettingsRequest.md, docs/Mentor.md); `enable_claw` is not in that client
 * (4.202.2), only in the script and the guide.
 */

/**
 * Who may see a mentor (the generated client's MentorVisibilityEnum).
 *
 * @example
 * ```ts
 * MentorVisibility.parse("viewable_by_tenant_admins");
 * ```
 */
export const MentorVisibility = z.enum(["viewable_by_tenant_admins", "viewable_by_tenant_students", "viewable_by_anyone"], {
    error: "must be viewable_by_tenant_admins, viewable_by_tenant_students or viewable_by_anyone",
});
export type MentorVisibility = z.output<typeof MentorVisibility>;

/** The template every claw mentor is made from (the platform's scripts use it). */
export const MENTOR_TEMPLATE = "ai-mentor";

/**
 * The settings a user edits, as both bodies take them (the create passes them on to the
 * settings): one definition, so a rule cannot differ between create and update. Only the
 * description's name differs, `description` at create and `mentor_description` in the
 * settings.
 */
function settingsFields<D extends "description" | "mentor_description">(description: D) {
    return {
        display_name: z.string().max(255).optional(),
        ...({ [description]: z.string().optional() } as Record<D, z.ZodOptional<z.ZodString>>),
        mentor_visibility: MentorVisibility.optional(),
        enable_claw: z.boolean().optional(),
        allow_anonymous: z.boolean().optional(),
    };
}

/**
 * What makes a mentor, in one body: the sdk sends its mentor fields to
 * `mentor-with-settings/` and its settings (`enable_claw`, default true; `allow_anonymous`;
 * the description) to `settings/`. `new_mentor_name` is the mentor's natural key.
 *
 * @example
 * ```ts
 * MentorCreate.parse({ new_mentor_name: "ada", display_name: "Ada", mentor_visibility: "viewable_by_tenant_students" });
 * ```
 */
export const MentorCreate = z.strictObject({
    new_mentor_name: z.string().trim().min(1, "must not be empty").max(255),
    ...settingsFields("description"),
});
export type MentorCreate = z.input<typeof MentorCreate>;

/**
 * Body of `PUT users/<user>/mentors/<unique_id>/settings/`: the fields a user edits.
 * The generated client documents the PUT with every field optional; only the given ones are sent.
 *
 * @example
 * ```ts
 * MentorSettingsUpdate.parse({ enable_claw: false });
 * ```
 */
export const MentorSettingsUpdate = z.strictObject(settingsFields("mentor_description"));
export type MentorSettingsUpdate = z.input<typeof MentorSettingsUpdate>;

/**
 * A mentor as the sdk returns it: the mentor's answer and its settings' answer in one
 * object (both lenient), with `unique_id` (its UUID) always set, `name` from the mentor or
 * the settings' `mentor_name`, and `mentor_description` from the settings or the mentor's
 * `description`.
 *
 * @example
 * ```ts
 * const m: Mentor = await client.mentors.get("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10");
 * console.log(m.name, m.display_name, m.enable_claw);
 * ```
 */
export const Mentor = z.looseObject({
    unique_id: z.string(),
    id: anyId.optional(),
    name: roString,
    slug: roString,
    display_name: roString,
    mentor_description: roString,
    mentor_visibility: roString,
    enable_claw: z.boolean().nullish(),
    allow_anonymous: z.boolean().nullish(),
    created_at: roString,
    updated_at: roString,
});
export type Mentor = z.output<typeof Mentor>;

/**
 * One answer of the mentor API (a mentor, or its settings), read leniently: `unique_id`
 * may be missing from a settings answer.
 *
 * @example
 * ```ts
 * MentorAnswer.parse({ mentor_name: "ada", display_name: "Ada" });
 * ```
 */
export const MentorAnswer = z.looseObject({
    unique_id: roString,
    name: roString,
    mentor_name: roString,
    description: roString,
    mentor_description: roString,
});
export type MentorAnswer = z.output<typeof MentorAnswer>;

/**
 * One user of the org, as the platform's user list (`GET /api/core/platform/users/`) gives
 * it; the guide picks an entry with `is_admin` to make mentors with.
 *
 * @example
 * ```ts
 * PlatformUser.parse({ username: "admin", is_admin: true });
 * ```
 */
export const PlatformUser = z.looseObject({
    username: roString,
    user_name: roString,
    is_admin: z.boolean().nullish(),
});
export type PlatformUser = z.output<typeof PlatformUser>;

/**
 * A page of that user list: the generated client documents `{count, next_page,
 * previous_page, results}` (CoreApi.md, UserPlatformManagementListViewGetResponse.md);
 * a bare array and a `data` array are read as well.
 *
 * @example
 * ```ts
 * PlatformUserPage.parse([{ username: "admin", is_admin: true }]); // → { results: [...] }
 * ```
 */
export const PlatformUserPage = z.preprocess(
    (v) => (Array.isArray(v) ? { results: v } : v),
    z.looseObject({
        results: z.array(PlatformUser).optional(),
        data: z.array(PlatformUser).optional(),
        next_page: z.union([z.number(), z.string()]).nullish(),
        next: z.string().nullish(),
    }),
);
export type PlatformUserPage = z.output<typeof PlatformUserPage>;
