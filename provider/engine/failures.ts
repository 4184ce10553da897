import type * as pulumi from "@pulumi/pulumi";
import { UNKNOWN } from "./crud";

/**
 * The input under which a resource class passes the names of read-only outputs that a
 * program gave as inputs (e.g. `status`): check refuses them by name instead of dropping them.
 */
export const READ_ONLY_GIVEN = "__readOnlyGiven";

/** What stands in for an input value that a check failure's reason would otherwise quote. */
export const HIDDEN = "[value hidden]";

/**
 * Makes check failures safe to print. The engine prints a failure that names a property
 * with that property's value beside it (`property apiKey value {sk-live-…} has a problem`),
 * whatever the value is: a mistyped secret input, a token pasted into the wrong field. So
 * every failure is sent without a property (the engine then prints the reason alone), its
 * reason starts with the input's name, and any input string (8+ characters) quoted in a
 * reason is hidden. Applied once, to every resource type's check (runtime.ts).
 *
 * @example
 * ```ts
 * quietFailures([{ property: "apiKey", reason: "unknown input" }], { apiKey: "sk-live-123456" });
 * // → [{ property: "", reason: "apiKey: unknown input" }]
 * ```
 */
export function quietFailures(failures: readonly pulumi.dynamic.CheckFailure[], inputs: Record<string, unknown>): pulumi.dynamic.CheckFailure[] {
    const values = new Set<string>();
    const walk = (v: unknown, depth: number) => {
        if (typeof v === "string") {
            if (v.length >= 8 && v !== UNKNOWN) values.add(v);
        } else if (v && typeof v === "object" && depth < 32) Object.values(v).forEach((x) => walk(x, depth + 1));
    };
    for (const [k, v] of Object.entries(inputs)) if (k !== "__provider") walk(v, 0);
    // A value that is also an input's name (`config: ["heartbeat"]`) would hide that name in every reason.
    for (const k of Object.keys(inputs)) values.delete(k);
    const byLength = [...values].sort((a, b) => b.length - a.length);
    return failures.map((f) => {
        let reason = f.property && !f.reason.startsWith(`${f.property}:`) && !f.reason.startsWith(`${f.property} `) ? `${f.property}: ${f.reason}` : f.reason;
        for (const v of byLength) reason = reason.split(v).join(HIDDEN);
        return { property: "", reason };
    });
}

/**
 * A provider's methods with their check's failures made safe to print ({@link quietFailures}).
 *
 * @example
 * ```ts
 * const methods = withQuietCheck(apiMethods(facts, conn));
 * ```
 */
export function withQuietCheck<M extends { check: (olds: Record<string, unknown>, news: Record<string, unknown>) => Promise<pulumi.dynamic.CheckResult> }>(methods: M): M {
    const check = methods.check;
    return {
        ...methods,
        check: async (olds: Record<string, unknown>, news: Record<string, unknown>) => {
            const { [READ_ONLY_GIVEN]: readOnly, ...inputs } = news;
            let r: pulumi.dynamic.CheckResult;
            try {
                r = await check(olds, inputs);
            } catch (e) {
                // No input may break a check (issue 20): what it could not judge is a failure, not an error.
                r = { inputs, failures: [{ property: "", reason: `the inputs could not be checked (${String((e as Error)?.message ?? e)}); check each input's type against the resource's documentation` }] };
            }
            const failures = [
                ...(r.failures ?? []),
                ...(Array.isArray(readOnly) ? readOnly : []).map((k) => ({ property: "", reason: `${String(k)}: read-only (the service sets it; read it as an output): remove it from the inputs` })),
            ];
            return failures.length ? { ...r, failures: quietFailures(failures, inputs) } : r;
        },
    };
}

/**
 * A partial failure (an error carrying `id` and `properties`: the object exists, a
 * follow-up failed) becomes the resource's state as is, and Pulumi's dynamic-provider host
 * adds the serialized provider (`__provider`) only to successful results. Without it the
 * next `read`/`delete` of that resource fails with "code must be a string, not undefined";
 * so the provider is put back here, once, for every type's create and update.
 *
 * @example
 * ```ts
 * const methods = withProviderKept(pushMethods(facts, conn));
 * ```
 */
export function withProviderKept<
    M extends {
        create: (news: Record<string, unknown>) => Promise<unknown>;
        update: (id: string, olds: Record<string, unknown>, news: Record<string, unknown>) => Promise<unknown>;
    },
>(methods: M): M {
    const keep = (e: unknown, news: Record<string, unknown>): unknown => {
        const props = (e as { properties?: unknown } | null)?.properties;
        if (props && typeof props === "object" && !("__provider" in props) && news.__provider !== undefined) {
            (props as Record<string, unknown>).__provider = news.__provider;
        }
        return e;
    };
    return {
        ...methods,
        create: async (news: Record<string, unknown>) => {
            try {
                return await methods.create(news);
            } catch (e) {
                throw keep(e, news);
            }
        },
        update: async (id: string, olds: Record<string, unknown>, news: Record<string, unknown>) => {
            try {
                return await methods.update(id, olds, news);
            } catch (e) {
                throw keep(e, news);
            }
        },
    };
}
