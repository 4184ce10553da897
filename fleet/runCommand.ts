import { parseArgs } from "node:util";
import { redactText } from "../sdk";
import { loadFleet } from "./declaration";
import { parseShardSelector, planFleet, selectPart, stackSlice } from "./plan";
import { FleetRunError } from "./runErrors";
import { type FleetOperation, runFleet } from "./runner";

/** `iblai-claw fleet preview|up|refresh|destroy` usage. */
export const RUN_USAGE = `  iblai-claw fleet preview|up|refresh|destroy -f fleet.yaml [--parallel P] [--shard i/n]
                   [--wait[=SECONDS]] [--all] [--checkpoints] [--yes]

    -f, --file F     the fleet declaration (YAML, or a module exporting it)
    --parallel P     stacks at once (default: the declaration's parallel, else 4)
    --shard i/n      run part i of n (servers split deterministically; for CI matrices)
    --wait[=S]       wait for a locked stack (default 600 s) instead of refusing at once
    --all            also run stacks whose last up finished with this declaration
    --checkpoints    let the engines checkpoint after every step (default: at the end of
                     each update; the provider's journal makes a killed run converge)
    --yes            required by up and destroy (they change the service)`;

/**
 * Runs one fleet operation from its command line; resolves to the exit code (0 when
 * every stack succeeded or was skipped, 1 when any failed or was refused, 2 for bad usage,
 * 130 when cancelled by SIGINT/SIGTERM).
 *
 * @example
 * ```ts
 * process.exitCode = await runFleetOperation("up", ["-f", "fleet.yaml", "--yes", "--parallel", "3"]);
 * ```
 */
export async function runFleetOperation(op: FleetOperation, argv: string[]): Promise<number> {
    // `--wait` alone or `--wait=SECONDS`: node's parseArgs wants one or the other, so split it first.
    let waitSeconds: number | undefined;
    const args = argv.filter((a) => {
        const m = /^--wait(?:=(.*))?$/.exec(a);
        if (!m) return true;
        waitSeconds = m[1] === undefined ? 600 : Number(m[1]);
        return false;
    });
    const { values } = parseArgs({
        args,
        options: { file: { type: "string", short: "f" }, parallel: { type: "string" }, shard: { type: "string" }, all: { type: "boolean" }, checkpoints: { type: "boolean" }, yes: { type: "boolean", short: "y" } },
        strict: true,
    });
    if (!values.file) throw new FleetRunError("bad-argument", `fleet ${op} needs the declaration: -f fleet.yaml`, { hint: RUN_USAGE });
    if ((op === "up" || op === "destroy") && !values.yes) throw new FleetRunError("bad-argument", `fleet ${op} changes the service: add --yes (run fleet preview first to see what it does)`);
    if (waitSeconds !== undefined && !(Number.isFinite(waitSeconds) && waitSeconds >= 0)) throw new FleetRunError("bad-argument", "--wait takes a number of seconds, e.g. --wait=300");
    const parallel = values.parallel === undefined ? undefined : Number(values.parallel);
    if (parallel !== undefined && !(Number.isInteger(parallel) && parallel >= 1)) throw new FleetRunError("bad-argument", `--parallel must be a whole number ≥ 1, not ${values.parallel}`);
    const part = values.shard === undefined ? undefined : parseShardSelector(values.shard);

    const loaded = await loadFleet(values.file);
    const controller = new AbortController();
    // Let the running engines stop gracefully (they get SIGINT and release their locks); a second signal is the user's to give.
    const stop = () => controller.abort();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    try {
        return await runFleet(
            op,
            { declaration: loaded.declaration, dir: loaded.dir, plan: (current) => planFleet(loaded, current), slice: (plan, stack) => stackSlice(loaded, plan, stack) },
            { parallel, waitSeconds, all: values.all, checkpoints: values.checkpoints, select: part ? (plan) => selectPart(plan, part) : undefined, signal: controller.signal },
        );
    } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
    }
}

/**
 * A fleet error for the terminal: its message, redacted of the environment's API token.
 *
 * @example
 * ```ts
 * console.error(fleetErrorText(e));
 * ```
 */
export function fleetErrorText(e: unknown): string {
    const err = e as { code?: unknown; message?: unknown; stack?: unknown } | undefined;
    const known = err?.code !== undefined && typeof err.message === "string";
    return redactText(known ? String(err.message) : String(err?.stack ?? e), [process.env.IBLAI_API_TOKEN]);
}
