import type { ExportedResource } from "../provider/recovery/pending";

/**
 * Reading a stack's exported state: which URNs make one placement unit (for `pulumi state
 * move`), and what is left pending. Pure functions over `stack export`, so they are tested
 * without an engine.
 */

/** A unit key's component: the ClawAgent of a mentor, the AgentSet of a set. */
export function unitComponent(unit: string, nameOf: (unit: string) => string): { type: string; name: string } {
    if (unit.startsWith("set:")) return { type: "iblai:index:AgentSet", name: nameOf(unit) };
    return { type: "iblai:index:ClawAgent", name: nameOf(unit) };
}

/**
 * The URNs of a component and all its descendants (children, grandchildren, ...) in an
 * exported state: what `pulumi state move` must take so that the unit lands whole.
 *
 * @example
 * ```ts
 * unitUrns(resources, { type: "iblai:index:ClawAgent", name: "ada" }); // [component urn, binding urn, config urn, ...]
 * ```
 */
export function unitUrns(resources: readonly ExportedResource[], component: { type: string; name: string }): string[] {
    const root = resources.find((r) => r.type === component.type && r.urn.endsWith(`::${component.name}`));
    if (!root) return [];
    const urns = [root.urn];
    const held = new Set(urns);
    // Parents come before their children in a snapshot, so one pass finds every descendant.
    for (const r of resources) {
        const parent = r.parent;
        if (typeof parent === "string" && held.has(parent) && !held.has(r.urn)) {
            held.add(r.urn);
            urns.push(r.urn);
        }
    }
    return urns;
}

/** Pending operations of an exported deployment (a killed run leaves them). */
export function pendingOperations(deployment: { pending_operations?: unknown[] } | undefined): number {
    return deployment?.pending_operations?.length ?? 0;
}
