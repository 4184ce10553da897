import type { ClawClient } from "../../sdk";

/**
 * What this provider process has learnt of mentors' agent configs from bindings' answers.
 *
 * A binding's answer embeds the mentor's agent config (with its id), and an AgentConfig
 * resource normally follows its binding in the same run. Remembering that id lets the
 * AgentConfig's create PATCH the config directly instead of paging through the whole
 * `agent-configs/` list (which has no mentor filter) for every mentor: the scan grew faster
 * than the number of mentors (issue 14). Anything not learnt here falls back to the scan.
 *
 * @example
 * ```ts
 * rememberAgentConfig(client, binding);            // after a binding's create, get or update
 * const id = knownAgentConfig(client, binding.mentor); // "17", or undefined
 * ```
 */
const known = new Map<string, string>();

function key(client: ClawClient, mentor: string): string {
    // Same org and origin only; UUIDs compare without case or hyphens, as the sdk's lookups do.
    return `${client.urlOf("")}|${mentor.replace(/-/g, "").toLowerCase()}`;
}

/** Notes the agent config a binding's answer names. */
export function rememberAgentConfig(client: ClawClient, binding: Record<string, unknown>): void {
    const cfg = binding.agent_config as { id?: unknown } | null | undefined;
    if (typeof binding.mentor !== "string" || cfg?.id === undefined || cfg.id === null) return;
    known.set(key(client, binding.mentor), String(cfg.id));
}

/** The mentor's agent config id, if a binding's answer named it in this process. */
export function knownAgentConfig(client: ClawClient, mentor: string): string | undefined {
    return known.get(key(client, mentor));
}
