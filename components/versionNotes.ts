/**
 * Preview's version notes (issue 21): when the target OpenClaw version moves an agent-config
 * text (2026.9: `tools` into a `## Tools` section of AGENTS.md, `heartbeat` into the heartbeat
 * job's monitor scratch), the program says so once per run of the program, that is once per
 * stack's preview or up, not once per agent: every ClawAgent (and so every agent of an
 * AgentSet) asks, and only the first ask of each line is said.
 */
import * as pulumi from "@pulumi/pulumi";
import { type AgentTextField, layoutChanges, workspaceLayoutFor } from "../openclaw/workspace";
import { OPENCLAW_SCHEMA_CHECK_OFF } from "../sdk/openclawSchema";

/**
 * The stack's target OpenClaw version, as the provider reads it: `iblai:openclawVersion`,
 * else `IBLAI_OPENCLAW_VERSION`; undefined when neither is set.
 *
 * @example
 * ```ts
 * // pulumi config set iblai:openclawVersion 2026.9.6
 * configuredOpenclawVersion(); // "2026.9.6"
 * ```
 */
export function configuredOpenclawVersion(): string | undefined {
    const v = new pulumi.Config("iblai").get("openclawVersion") ?? process.env.IBLAI_OPENCLAW_VERSION;
    return v === undefined || v.trim() === "" ? undefined : v.trim();
}

/**
 * What the target version does with the given texts, one line per text it moves or drops
 * (from `layoutChanges` of openclaw/workspace.ts), plus a line when the version is past
 * every layout we checked. Empty when nothing moves. `none` (no schema check) and no
 * version both mean the newest layout, as the delivery assumes without a `claw_version`.
 *
 * @example
 * ```ts
 * versionNotes("2026.9.6", ["tools", "soul"]);
 * // ["OpenClaw 2026.9 (iblai:openclawVersion 2026.9.6): tools lands in the `## Tools` section of AGENTS.md (TOOLS.md is retired in OpenClaw 2026.9); a server's own claw_version, when known, decides at push"]
 * ```
 */
export function versionNotes(version: string | undefined, fields: Iterable<AgentTextField>): string[] {
    const v = version === OPENCLAW_SCHEMA_CHECK_OFF ? undefined : version;
    const { layout, note } = workspaceLayoutFor(v);
    const used = new Set(fields);
    const target = v ? `iblai:openclawVersion ${v}` : "the newest layout; iblai:openclawVersion is not set";
    const lines = layoutChanges(layout)
        .filter((line) => used.has(line.slice(0, line.indexOf(":")) as AgentTextField))
        .map((line) => `OpenClaw ${layout.name} (${target}): ${line.replace(/^(\w+): /, "$1 ")}; a server's own claw_version, when known, decides at push`);
    return lines.length && note ? [note, ...lines] : lines;
}

const SAID_KEY = Symbol.for("pulumi-iblai-claw.versionNotes.said");
/** Lines said in this process; on globalThis, because two copies of this package can be loaded in one program. */
function said(): Set<string> {
    const g = globalThis as { [SAID_KEY]?: Set<string> };
    g[SAID_KEY] ??= new Set();
    return g[SAID_KEY];
}

/**
 * Says each line once per process (a Pulumi program runs once per preview or up): as an
 * info message of the stack, not of one resource. Returns the lines said now.
 *
 * @example
 * ```ts
 * sayOnce(versionNotes(configuredOpenclawVersion(), ["tools", "heartbeat"])); // said
 * sayOnce(versionNotes(configuredOpenclawVersion(), ["tools"]));              // [] : said already
 * ```
 */
export function sayOnce(lines: readonly string[], say: (line: string) => void = (l) => void pulumi.log.info(l)): string[] {
    const seen = said();
    const now = lines.filter((l) => !seen.has(l));
    for (const l of now) {
        seen.add(l);
        say(l);
    }
    return now;
}
