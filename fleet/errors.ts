/**
 * The fleet's errors, in one file. Each has a stable `code` and a marker field checked by a
 * static `isInstance` (two copies of this package can be loaded in one process).
 */
import { ProblemsError, hasMarker } from "../components/errorBase";
import type { SourceSpot } from "./types";

/** One thing wrong with a fleet declaration: where, which field, what, and how to fix it. */
export interface FleetProblem {
    /** The line (and column) of the field, when the source says it. */
    spot?: SourceSpot;
    /** The field in the declaration's own names, e.g. `servers[1].mentors[0].soul`. */
    path: string;
    message: string;
    hint?: string;
}

/** `servers[1].name` from `["servers", 1, "name"]`. */
export function pathText(path: readonly (string | number)[]): string {
    let out = "";
    for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : out === "" ? seg : `.${seg}`;
    return out || "(top)";
}

/** `fleet.yaml:12:5`, or the file alone when no line is known. */
export function spotText(spot: SourceSpot): string {
    return spot.line > 0 ? `${spot.file}:${spot.line}${spot.column ? `:${spot.column}` : ""}` : spot.file;
}

/** One line per problem: `fleet.yaml:12:5 servers[1].name: ...  hint: ...`. */
export function formatProblem(p: FleetProblem, file: string): string {
    return `${p.spot ? spotText(p.spot) : file} ${p.path}: ${p.message}${p.hint ? `  hint: ${p.hint}` : ""}`;
}

/**
 * A fleet declaration that cannot run, with every problem found (not only the first), each
 * naming its line. Thrown by `loadFleet` before any stack runs.
 *
 * @example
 * ```ts
 * try { await loadFleet("fleet.yaml"); }
 * catch (e) { if (FleetDeclarationError.isInstance(e)) for (const p of e.problems) console.log(p.spot?.line, p.path, p.message); }
 * ```
 */
export class FleetDeclarationError extends ProblemsError<FleetProblem, "FLEET_DECLARATION_INVALID"> {
    readonly __fleetDeclarationError = true;
    constructor(
        /** The declaration's file, as the user named it. */
        readonly file: string,
        problems: readonly FleetProblem[],
    ) {
        const n = problems.length;
        super("FleetDeclarationError", "FLEET_DECLARATION_INVALID", problems, `fleet declaration ${file}: ${n} problem${n === 1 ? "" : "s"}; no stack was run\n${problems.map((p) => `  ${formatProblem(p, file)}`).join("\n")}`);
    }
    static isInstance(e: unknown): e is FleetDeclarationError {
        return hasMarker(e, "__fleetDeclarationError");
    }
}

/**
 * A command-line value of the fleet that cannot be used (`--shard 3/2`, an unknown
 * `--target`), naming the option and the form it takes.
 *
 * @example
 * ```ts
 * try { parseShardSelector("0/3"); }
 * catch (e) { if (FleetUsageError.isInstance(e)) console.log(e.option); } // "--shard"
 * ```
 */
export class FleetUsageError extends Error {
    readonly code = "FLEET_USAGE";
    readonly __fleetUsageError = true;
    constructor(
        /** The option at fault, e.g. `--shard`. */
        readonly option: string,
        message: string,
        readonly hint?: string,
    ) {
        super(`${option}: ${message}${hint ? `\n  hint: ${hint}` : ""}`);
        this.name = "FleetUsageError";
    }
    static isInstance(e: unknown): e is FleetUsageError {
        return hasMarker(e, "__fleetUsageError");
    }
}
