import * as path from "node:path";

/**
 * What `@pulumi/pulumi` records as a resource's `sourcePosition` and `stackTrace` (both kept
 * in state, for every resource, and rewritten with the whole state at every checkpoint).
 *
 * It reads them from `new Error().stack` with no frame limit and skips its own constructor
 * frames, so for our resources the "source position" was a line inside this package
 * (engine/resource.js) and the trace held ~17 frames: this package's classes, then the
 * program, then ts-node's and Pulumi's runner. At N = 50 mentors that was 217 KB of a
 * 1.05 MB state (docs/performance.md), written ~500 times per `up`, and each frame went
 * through ts-node's source maps first.
 *
 * While one of our resources registers, this formatter hands on only Pulumi's own leading
 * frames (which it skips) and then the program's frames: this package's frames and the
 * runtime's (Node internals, ts-node, Pulumi's runner) are left out. The position in state
 * then names the program's line (`index.ts#38,5`), and a component's children name the line
 * that made the component. Formatting itself is left to the formatter that was installed
 * (ts-node's source maps), or V8's format when there is none.
 *
 * @example
 * ```ts
 * const restore = trimRegistrationStacks();
 * try { super(provider, name, props, opts); } finally { restore(); }
 * ```
 */
export function trimRegistrationStacks(): () => void {
    const previous = Error.prepareStackTrace;
    Error.prepareStackTrace = (error, frames) => {
        const kept = programFrames(frames.map((f) => ({ site: f, file: f.getFileName() ?? undefined }))).map((f) => f.site);
        return previous ? previous(error, kept) : formatV8(error, kept);
    };
    return () => {
        Error.prepareStackTrace = previous;
    };
}

/** A frame and the file it runs in (undefined for native frames). */
export interface Frame<S = NodeJS.CallSite> {
    site: S;
    file: string | undefined;
}

/** This package's code: `<root>/{provider,components,sdk,fleet,generate}/` (source or dist/). */
const PACKAGE_ROOT = path.resolve(__dirname, "..", "..");
const OWN_DIRS = ["provider", "components", "sdk", "fleet", "generate"].map((d) => path.join(PACKAGE_ROOT, d) + path.sep);
const PULUMI = `${path.sep}node_modules${path.sep}@pulumi${path.sep}pulumi${path.sep}`;
const RUNTIME = [PULUMI, `${path.sep}node_modules${path.sep}ts-node${path.sep}`, `${path.sep}node_modules${path.sep}source-map-support${path.sep}`];

/** Whether a file is this package's own code. */
export function isOwnFile(file: string): boolean {
    return OWN_DIRS.some((d) => file.startsWith(d));
}

/**
 * Pulumi's leading frames (its `callsites`, `stackTrace` and resource constructors, which it
 * skips by count), then the frames of the program: none of this package's, none of the
 * runtime's, none without a file.
 *
 * @example
 * ```ts
 * programFrames([{ site, file: "/p/node_modules/@pulumi/pulumi/resource.js" }, { site, file: "/p/index.ts" }]);
 * ```
 */
export function programFrames<S>(frames: readonly Frame<S>[]): Frame<S>[] {
    let lead = 0;
    while (lead < frames.length && frames[lead].file?.includes(PULUMI)) lead++;
    const rest = frames.slice(lead).filter((f) => f.file !== undefined && !f.file.startsWith("node:") && !isOwnFile(f.file) && !RUNTIME.some((r) => f.file!.includes(r)));
    return [...frames.slice(0, lead), ...rest];
}

/** V8's own format (Node's when no formatter is installed). */
function formatV8(error: Error, frames: NodeJS.CallSite[]): string {
    const head = error.message ? `${error.name}: ${error.message}` : error.name;
    return [head, ...frames.map((f) => `    at ${f.toString()}`)].join("\n");
}
