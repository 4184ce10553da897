import { RUN_USAGE, fleetErrorText, runFleetOperation } from "./runCommand";

/** `iblai-claw fleet <command>`: the table of subcommands. */
const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
    preview: (a) => runFleetOperation("preview", a),
    up: (a) => runFleetOperation("up", a),
    refresh: (a) => runFleetOperation("refresh", a),
    destroy: (a) => runFleetOperation("destroy", a),
};

export const FLEET_USAGE = `usage:\n${RUN_USAGE}\n\nSee docs/fleet.md.`;

/**
 * Runs `iblai-claw fleet ...`; resolves to the exit code.
 *
 * @example
 * ```ts
 * process.exitCode = await runFleetCommand(["up", "-f", "fleet.yaml", "--yes"]);
 * ```
 */
export async function runFleetCommand(argv: string[]): Promise<number> {
    const [command, ...rest] = argv;
    const run = command === undefined ? undefined : COMMANDS[command];
    if (!run) {
        console.error(command === undefined || command === "--help" ? FLEET_USAGE : `iblai-claw fleet: unknown command ${JSON.stringify(command)}\n${FLEET_USAGE}`);
        return command === "--help" ? 0 : 2;
    }
    try {
        return await run(rest);
    } catch (e) {
        console.error(`iblai-claw fleet ${command}: ${fleetErrorText(e)}`);
        const code = (e as { code?: string }).code;
        return code === "bad-argument" || code === "FLEET_USAGE" || code?.startsWith("ERR_PARSE_ARGS") ? 2 : 1;
    }
}
