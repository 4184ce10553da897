import { z } from "zod";

/**
 * Shared schema pieces. Requests are strict (unknown keys are an error, so a typo fails
 * before anything is sent); responses are lenient (unknown keys kept, optional fields may
 * be missing or null), because the reference is thin and the service may add fields.
 */

/**
 * A page of a DRF list: the `{count, next, previous, results}` envelope of the generated
 * client, or a bare JSON array as the current guide's example shows (issue 20), taken as
 * one last page holding every result.
 *
 * @example
 * ```ts
 * const p = page(Skill).parse(await res.json()); // Page<Skill>
 * page(Skill).parse([]); // { count: 0, next: null, previous: null, results: [] }
 * ```
 */
export const page = <T extends z.ZodType>(item: T) =>
    z.preprocess(
        (v) => (Array.isArray(v) ? { count: v.length, next: null, previous: null, results: v } : v),
        z.looseObject({
            count: z.number().int().nonnegative(),
            next: z.string().nullish(),
            previous: z.string().nullish(),
            results: z.array(item),
        }),
    );

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
 * A reference to another object by its id (an instance, a skill). Ids are opaque: the
 * platform's generated client types them as integers, its newer docs show strings
 * (API reference, Corrections). A positive integer, or a string id (letters, digits,
 * `.`, `_`, `:`, `-`); a digit string goes on the wire as the number it spells, as the
 * integer-id service expects, and any other string as is.
 *
 * @example
 * ```ts
 * ObjectRef.parse("42"); // → 42
 * ObjectRef.parse("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10"); // → the same string
 * ```
 */
export const ObjectRef = z.union([
    z.number().int().positive("must be an object id (a positive integer or an id string)"),
    z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,254}$/, "must be an object id (a positive integer or an id string)")
        .transform((v) => (/^\d+$/.test(v) && Number.isSafeInteger(Number(v)) && Number(v) > 0 ? Number(v) : v)),
], { error: "must be an object id (a positive integer or an id string)" });

/**
 * An id the service types as an integer and nothing else (a deployment backend): a positive
 * integer, or the digit string of one (sent as the number). Unlike {@link ObjectRef}, an id
 * string such as `"abc"` is refused before anything is sent.
 *
 * @example
 * ```ts
 * IntegerId.parse("3"); // → 3
 * IntegerId.safeParse("abc").success; // false
 * ```
 */
export const IntegerId = z.union(
    [
        z.number().int().positive(),
        z
            .string()
            .regex(/^\d+$/)
            .transform(Number)
            .refine((n) => Number.isSafeInteger(n) && n > 0),
    ],
    { error: "must be an integer id (a positive whole number), e.g. 3" },
);

/**
 * An id or mentor UUID as the service returns it, number or string: kept as given.
 * Compare ids with `sameId`, never with `===`.
 *
 * @example
 * ```ts
 * anyId.parse(42); anyId.parse("42");
 * ```
 */
export const anyId = z.union([z.number(), z.string()]);

/**
 * True when two ids name the same object: ids are compared as strings, so `42` and
 * `"42"` are one id.
 *
 * @example
 * ```ts
 * sameId(42, "42"); // true
 * ```
 */
export function sameId(a: unknown, b: unknown): boolean {
    const ok = (v: unknown) => typeof v === "string" || typeof v === "number";
    return ok(a) && ok(b) && String(a) === String(b);
}

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
