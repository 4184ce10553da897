import { z } from "zod";

/**
 * Shared schema pieces. Requests are strict (unknown keys are an error, so a typo fails
 * before anything is sent); responses are lenient (unknown keys kept, optional fields may
 * be missing or null), because the reference is thin and the service may add fields.
 */

/** A page of a DRF list: `{count, next, previous, results}`. */
export const page = <T extends z.ZodType>(item: T) =>
    z.looseObject({
        count: z.number().int().nonnegative(),
        next: z.string().nullish(),
        previous: z.string().nullish(),
        results: z.array(item),
    });

export type Page<T> = { count: number; next?: string | null; previous?: string | null; results: T[] };

/** An http(s) URL of at most `max` characters. */
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

/** Server timestamps and other read-only strings: any string or null. */
export const roString = z.string().nullish();

/** Limit/offset for one page. */
export interface PageQuery {
    limit?: number;
    offset?: number;
}
