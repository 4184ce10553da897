import type { ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";

/**
 * A policy's config with its defaults filled in. The engine fills schema defaults before it
 * calls the pack, but a policy must not depend on that: the pack may be configured by an
 * older engine or driven by a test harness.
 *
 * @example
 * ```ts
 * const { maxBytes } = settings(args, { maxBytes: 262_144 });
 * ```
 */
export function settings<T extends object>(args: ResourceValidationArgs | StackValidationArgs, defaults: T): T {
    const given = args.getConfig<Partial<T>>() ?? {};
    const out = { ...defaults };
    for (const k of Object.keys(defaults) as (keyof T)[]) {
        if (given[k] !== undefined && given[k] !== null) out[k] = given[k] as T[keyof T];
    }
    return out;
}
