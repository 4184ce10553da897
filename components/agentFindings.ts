/**
 * Findings about a set's agents, grouped: one line per key and message, naming the agents
 * it affects by id (issue 21: a published set of 13 agents printed 140 warnings, one per
 * agent and key, each naming `agents.list[N]`).
 */
import type { AgentSetProblem } from "./errors";

/** One finding about one agent, before grouping. */
export interface AgentFinding {
    file: string;
    /** The key or path it is about, as written in the set (e.g. `subagents.maxSpawnDepth`). */
    key: string;
    /** The agent's id. */
    agent: string;
    message: string;
}

/**
 * `agent dean` or `agents dean, tutor-math` (in the order first seen).
 *
 * @example
 * ```ts
 * agentsPhrase(["dean"]);               // "agent dean"
 * agentsPhrase(["dean", "tutor-math"]); // "agents dean, tutor-math"
 * ```
 */
export function agentsPhrase(ids: readonly string[]): string {
    return ids.length === 1 ? `agent ${ids[0]}` : `agents ${ids.join(", ")}`;
}

/**
 * Groups findings: one problem per file, key and message, its `at` naming the key and the
 * agents (`subagents.maxSpawnDepth; agent dean`), in the order first seen.
 *
 * @example
 * ```ts
 * groupFindings([
 *     { file: "openclaw.json", key: "workspace", agent: "dean", message: "not pushed" },
 *     { file: "openclaw.json", key: "workspace", agent: "tutor", message: "not pushed" },
 * ]);
 * // [{ file: "openclaw.json", at: "workspace; agents dean, tutor", message: "not pushed" }]
 * ```
 */
export function groupFindings(findings: readonly AgentFinding[]): AgentSetProblem[] {
    const groups = new Map<string, { f: AgentFinding; agents: string[] }>();
    for (const f of findings) {
        const id = JSON.stringify([f.file, f.key, f.message]);
        const g = groups.get(id);
        if (!g) groups.set(id, { f, agents: [f.agent] });
        else if (!g.agents.includes(f.agent)) g.agents.push(f.agent);
    }
    return [...groups.values()].map(({ f, agents }) => ({ file: f.file, at: `${f.key}; ${agentsPhrase(agents)}`, message: f.message }));
}
