/**
 * `iblai-claw fleet <subcommand>`: a small table of subcommands, each with its usage and its
 * run function. `generate/cli.ts` hands `fleet ...` here.
 */
import { parseArgs } from "node:util";
import { redactText } from "../sdk";
import { loadFleet } from "./declaration";
import { FleetDeclarationError, FleetUsageError } from "./errors";
import { MANIFEST_TARGETS, type ManifestTarget, fleetManifests } from "./manifests";
import { planFleet } from "./plan";
import { RUN_USAGE, fleetErrorText, runFleetOperation } from "./runCommand";

/** One subcommand: what `--help` says, and what it does (its exit code). */
export interface FleetSubcommand {
    usage: string;
    run(argv: string[]): Promise<number>;
}

async function manifests(argv: string[]): Promise<number> {
    const { values } = parseArgs({ args: argv, options: { target: { type: "string" }, file: { type: "string", short: "f" }, parts: { type: "string" } }, strict: true });
    const target = values.target;
    if (!target || !(MANIFEST_TARGETS as readonly string[]).includes(target)) throw new FleetUsageError("--target", target ? `unknown target ${JSON.stringify(target)}` : "required", `one of ${MANIFEST_TARGETS.join(", ")}`);
    const file = values.file ?? "fleet.yaml";
    const parts = values.parts === undefined ? undefined : Number(values.parts);
    const loaded = await loadFleet(file);
    // Planned as for a new backend: manifests name stacks, and a shard's name only grows with the fleet.
    const plan = planFleet(loaded, { shards: {}, existing: [] });
    process.stdout.write(fleetManifests(target as ManifestTarget, loaded, plan, { parts, file }));
    return 0;
}

const operation = (op: "preview" | "up" | "refresh" | "destroy"): FleetSubcommand => ({ usage: op === "preview" ? RUN_USAGE.trimStart() : "", run: (a) => runFleetOperation(op, a) });

/** The fleet's subcommands by name (preview, up, refresh and destroy share one usage). */
export const FLEET_COMMANDS: Record<string, FleetSubcommand> = {
    preview: operation("preview"),
    up: operation("up"),
    refresh: operation("refresh"),
    destroy: operation("destroy"),
    manifests: {
        usage: `iblai-claw fleet manifests --target ${MANIFEST_TARGETS.join("|")} [-f fleet.yaml] [--parts N]
    print what runs the fleet across machines: a GitHub Actions matrix of --shard i/N, one
    Kubernetes Operator Stack per planned stack, or each stack's Pulumi Deployments settings`,
        run: manifests,
    },
};

/** `iblai-claw fleet` with no or a wrong subcommand. */
export function fleetUsage(): string {
    return `usage:\n${Object.values(FLEET_COMMANDS)
        .filter((c) => c.usage !== "")
        .map((c) => `  ${c.usage}`)
        .join("\n")}\n\nThe declaration's format, sharding and running across machines: docs/fleet.md`;
}

/**
 * Runs `iblai-claw fleet <subcommand> ...`; returns the exit code (2 for usage, 1 for a
 * declaration that cannot run or a failed run). Messages never carry the API token.
 *
 * @example
 * ```ts
 * process.exitCode = await runFleetCommand(["manifests", "--target", "k8s-operator", "-f", "fleet.yaml"]);
 * ```
 */
export async function runFleetCommand(argv: string[]): Promise<number> {
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
        console.log(fleetUsage());
        return name === undefined ? 2 : 0;
    }
    const command = FLEET_COMMANDS[name];
    if (!command) {
        console.error(`iblai-claw fleet: unknown subcommand ${JSON.stringify(name)}\n${fleetUsage()}`);
        return 2;
    }
    try {
        return await command.run(rest);
    } catch (e) {
        const code = String((e as { code?: string }).code);
        const usage = FleetUsageError.isInstance(e) || code === "bad-argument" || code === "FLEET_USAGE" || code.startsWith("ERR_PARSE_ARGS");
        const text = FleetDeclarationError.isInstance(e) ? redactText((e as Error).message, [process.env.IBLAI_API_TOKEN]) : fleetErrorText(e);
        console.error(`iblai-claw fleet ${name}: ${text}`);
        return usage ? 2 : 1;
    }
}
