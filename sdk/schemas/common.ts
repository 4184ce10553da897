import { z } from "zod";

/**
 * Shared schema pieces. Requests are strict (unknown keys are an error, so a typo fails
 * before anything is sent); responses are lenient (unknown keys kept, optional fields may
 * be missing or null), because the reference is thin and the service may add fields.
 */

/**
 * A page of a DRF list: `{count, next, previous, results}`.
 *
 * @example
 * ```ts
 * const p = page(Skill).parse(await res.json()); // Page<Skill>
 * ```
 */
export const page = <T extends z.ZodType>(item: T) =>
    z.looseObject({
        count: z.number().int().nonnegative(),
        next: z.string().nullish(),
        previous: z.string().nullish(),
        results: z.array(item),
    });

/**
 * One page of a list, typed.
 *
 * @example
 * ```ts
 * const p: Page<Skill> = await client.skills.listPage({ limit: 10 });
 * ```
 */
export type Page<T> = { count: number; next?: string | null; previous?: string | null; results: T[] };

/**
 * An http(s) URL of at most `max` characters.
 *
 * @example
 * ```ts
 * httpUrl(200).parse("https://claw.example.com");
 * ```
 */
export const httpUrl = (max: number) =>
    z
        .string()
        .max(max)
        .refine((v) => {
            try {
                const u = new URL(v);
                return u.protocol === "https:" || u.protocol === "http:";
            } catch {
                return false;
            }
        }, "must be an http(s) URL, e.g. https://claw.example.com");

/**
 * Server timestamps and other read-only strings: any string, null or missing.
 *
 * @example
 * ```ts
 * roString.parse(null); // null
 * ```
 */
export const roString = z.string().nullish();

/**
 * Limit/offset for one page.
 *
 * @example
 * ```ts
 * await client.skills.listPage({ limit: 50, offset: 100 });
 * ```
 */
export interface PageQuery {
    limit?: number;
    offset?: number;
}

/**
 * A mentor id: a UUID in its usual 8-4-4-4-12 hex spelling. Any version and variant is
 * accepted (the platform's ids are not promised to be v4).
 *
 * @example
 * ```ts
 * MentorId.parse("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10");
 * ```
 */
export const MentorId = z.guid("must be a mentor UUID, e.g. 3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10");

/**
 * A reference to another object by its integer id (an instance, a skill). Numeric strings
 * are accepted and turned into numbers, because Pulumi ids are strings.
 *
 * @example
 * ```ts
 * ObjectRef.parse("42"); // → 42
 * ```
 */
export const ObjectRef = z.union([z.number(), z.string().regex(/^\d+$/, "must be an object id").transform(Number)]).pipe(
    z.number().int().positive("must be an object id (a positive integer)"),
);

/**
 * An id or mentor UUID as the service returns it: kept as given.
 *
 * @example
 * ```ts
 * anyId.parse(42); anyId.parse("42");
 * ```
 */
export const anyId = z.union([z.number(), z.string()]);

/**
 * The answer of every queued action (push-config, push-providers): `202 {"queued": true, "message": ...}`.
 *
 * @example
 * ```ts
 * const q: PushQueued = await client.mentorBindings.pushConfig(7); // { queued: true, message: "Config push queued." }
 * ```
 */
export const PushQueued = z.looseObject({
    queued: z.boolean().optional(),
    message: z.string().nullish(),
});
export type PushQueued = z.output<typeof PushQueued>;

/**
 * Wraps the schema of an action whose answer is not documented: an empty body counts as
 * `{}` and a plain-text body as `{message}`, so a well-formed but unexpected answer never
 * fails the call.
 *
 * @example
 * ```ts
 * lenientAnswer(z.looseObject({ claw_version: z.string().nullish() })).parse(undefined); // → {}
 * ```
 */
export const lenientAnswer = <T extends z.ZodType>(schema: T) =>
    z.preprocess((v) => (v === undefined || v === null || v === "" ? {} : typeof v === "string" ? { message: v } : v), schema);
