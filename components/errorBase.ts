/**
 * What the package's own error classes share (components/errors.ts, fleet/errors.ts,
 * fleet/runErrors.ts). Not exported from the package: the classes built on it are.
 */

/**
 * Whether `e` carries the marker field `field` set to true: the class check of the errors
 * here, since `instanceof` fails when two copies of this package are loaded in one program.
 *
 * @example
 * ```ts
 * static isInstance(e: unknown): e is AgentSetError { return hasMarker(e, "__agentSetError"); }
 * ```
 */
export function hasMarker(e: unknown, field: string): boolean {
    return typeof e === "object" && e !== null && (e as Record<string, unknown>)[field] === true;
}

/**
 * Base of an error that reports every problem found in one source (an agent-set folder, a
 * fleet declaration) instead of the first, so one run shows the user all there is to fix.
 *
 * @example
 * ```ts
 * class SetError extends ProblemsError<{ file: string; message: string }, "SET_INVALID"> {
 *     constructor(problems: readonly { file: string; message: string }[]) {
 *         super("SetError", "SET_INVALID", problems, problems.map((p) => `${p.file}: ${p.message}`).join("\n"));
 *     }
 * }
 * ```
 */
export abstract class ProblemsError<P, Code extends string> extends Error {
    protected constructor(
        name: string,
        /** A stable code to match on. */
        readonly code: Code,
        readonly problems: readonly P[],
        message: string,
    ) {
        super(message);
        this.name = name;
    }
}
