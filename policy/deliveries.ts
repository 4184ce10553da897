import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { TOKENS, describe } from "./tokens";
import { scalar } from "./values";

/**
 * Keys naming what reference property `prop` of `r` points at among `candidates`: the URN of a
 * candidate it depends on through that property (the program passed `binding.id`), or whose
 * id output (`idOutput`, or one of several) equals its value (the program passed a literal id); otherwise
 * `id:<value>` for an object outside the stack. Unknown values at preview fall back to the
 * dependency graph, which is always known.
 *
 * @example
 * ```ts
 * referenceKeys(push, "binding", bindings, "bindingId"); // Set { "urn:pulumi:dev::app::...MentorBinding::ada" }
 * ```
 */
export function referenceKeys(r: PolicyResource, prop: string, candidates: PolicyResource[], idOutput: string | readonly string[]): Set<string> {
    const idOutputs = typeof idOutput === "string" ? [idOutput] : idOutput;
    const keys = new Set<string>();
    const viaProp = r.propertyDependencies?.[prop] ?? [];
    for (const d of viaProp) if (candidates.some((c) => c.urn === d.urn)) keys.add(d.urn);
    const value = scalar(r.props, prop);
    if (value.value !== undefined && value.value !== null) {
        const s = String(value.value);
        const match = candidates.find((c) =>
            idOutputs.some((o) => {
                const id = scalar(c.props, o).value;
                return id !== undefined && id !== null && String(id) === s;
            }),
        );
        keys.add(match ? match.urn : `id:${s}`);
    } else if (keys.size === 0 && value.unknown) {
        for (const d of r.dependencies ?? []) if (candidates.some((c) => c.urn === d.urn)) keys.add(d.urn);
    }
    return keys;
}

/** False only for an explicit, known `enabled: false`. */
function enabled(r: PolicyResource): boolean {
    return scalar(r.props, "enabled").value !== false;
}

const ofType = (resources: PolicyResource[], token: string) => resources.filter((r) => r.type === token);

/**
 * Advisory by default: every enabled MentorBinding in the stack has a ConfigPush that
 * references it. Without one, the agent config, skills and assignments are stored on the
 * platform but never delivered to the claw server.
 *
 * @example
 * ```ts
 * new ConfigPush("ada-push", { binding: binding.id, triggers: [agent.contentHash] });
 * ```
 */
export const bindingHasConfigPush: StackValidationPolicy = {
    name: "claw-binding-has-config-push",
    description: "Every enabled MentorBinding must have a ConfigPush in the same stack, or its config is never delivered.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateStack: (args, report) => {
        const bindings = ofType(args.resources, TOKENS.MentorBinding).filter(enabled);
        if (bindings.length === 0) return;
        const pushed = new Set<string>();
        for (const p of ofType(args.resources, TOKENS.ConfigPush)) {
            // On the mentor routes a binding's id is its mentor (issue 20); a numeric id never equals a UUID.
            for (const k of referenceKeys(p, "binding", bindings, ["bindingId", "mentor"])) pushed.add(k);
        }
        for (const b of bindings) {
            if (!pushed.has(b.urn)) {
                report(`${describe(b.type, b.name)} has no ConfigPush in this stack: its agent config and skills are never delivered to the server`, b.urn);
            }
        }
    },
};

/**
 * Advisory by default: every ClawInstance that enabled ModelProviders point at has a
 * ProviderPush in the stack. Without one, the providers are stored on the platform but the
 * server never receives them. Providers of an instance outside the stack (a literal id) need
 * a ProviderPush with the same id.
 *
 * @example
 * ```ts
 * new ProviderPush("prod-providers", { server: server.id, triggers: [openrouter.contentHash] });
 * ```
 */
export const instanceHasProviderPush: StackValidationPolicy = {
    name: "claw-instance-has-provider-push",
    description: "Every ClawInstance with ModelProviders must have a ProviderPush in the same stack, or its providers are never delivered.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateStack: (args, report) => {
        const instances = ofType(args.resources, TOKENS.ClawInstance);
        const providersOf = new Map<string, PolicyResource[]>();
        for (const mp of ofType(args.resources, TOKENS.ModelProvider).filter(enabled)) {
            for (const k of referenceKeys(mp, "server", instances, "instanceId")) providersOf.set(k, [...(providersOf.get(k) ?? []), mp]);
        }
        if (providersOf.size === 0) return;
        const pushed = new Set<string>();
        for (const p of ofType(args.resources, TOKENS.ProviderPush)) {
            // `server` is its name now; `instance` is the deprecated one older programs still give.
            for (const prop of ["server", "instance"]) for (const k of referenceKeys(p, prop, instances, "instanceId")) pushed.add(k);
        }
        for (const [key, providers] of providersOf) {
            if (pushed.has(key)) continue;
            const names = providers.map((p) => JSON.stringify(p.name)).join(", ");
            const instance = instances.find((i) => i.urn === key);
            if (instance) {
                report(`${describe(instance.type, instance.name)} has model providers (${names}) but no ProviderPush in this stack: they are never delivered to the server`, instance.urn);
            } else {
                const first = providers[0];
                report(`${describe(first.type, first.name)} points at an instance outside this stack that has no ProviderPush here: model providers ${names} are never delivered`, first.urn);
            }
        }
    },
};
