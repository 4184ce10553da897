/**
 * Where a mentor's push lands in an OpenClaw config, so that several mentors can share one
 * server without overwriting each other (issue 9, item 5). Each mentor is its own agent,
 * `agents.entries.<agentId>`, with its own workspace (the gateway's default
 * `<state>/workspace-<agentId>`):
 *
 * - the agent config's `model` → `agents.entries.<agentId>.model.primary` (never `agents.defaults`);
 * - the enabled skill assignments → the agent's own allowlist `agents.entries.<agentId>.skills`
 *   (replaced as a whole: `replacePaths`), plus `skills.entries.<slug>.enabled = true`;
 * - each top-level key of the mentor's `config` that OpenClaw allows on an agent entry goes
 *   under the mentor's agent ("agent first", e.g. `heartbeat`, `tools`, `sandbox`); other keys
 *   go to the root (e.g. `session.dmScope`). One exception: `skills` given as an object
 *   (skill toggles, `{entries: …}`) is the root's `skills`; the agent's `skills` is a list;
 * - `agents.list` and another agent's `agents.entries.<id>` are refused (they would replace
 *   other mentors' agents); `agents.defaults` stays server-wide, as written;
 * - `agents.ownership: "explicit"` is always set: OpenClaw 2026.9 refuses a roster of more
 *   than one agent without it ("multi-agent rosters require agents.ownership=explicit").
 *
 * Checked against a real OpenClaw 2026.9.6 gateway (test/integration/openclaw-*.test.ts).
 */
import { deepMerge, expandConfig } from "./configPaths";

/**
 * Keys OpenClaw 2026.9.6's schema allows on an agent entry (`agents.entries.<id>`), read
 * from `openclaw config schema`. Any other top-level key of a mentor's config belongs at
 * the root.
 */
export const AGENT_ENTRY_KEYS: ReadonlySet<string> = new Set([
    "name", "description", "workspace", "cwd", "agentDir", "model", "utilityModel", "decisionModel", "models", "modelPolicy",
    "thinkingDefault", "verboseDefault", "toolProgressDetail", "reasoningDefault", "fastModeDefault", "contextInjection",
    "bootstrapMaxChars", "bootstrapTotalMaxChars", "experimental", "skills", "subagents", "embeddedAgent", "params", "runtime",
    "memory", "humanDelay", "typingMode", "tts", "skillsLimits", "contextLimits", "heartbeat", "identity", "groupChat",
    "sandbox", "tools", "default",
]);

/** OpenClaw's agent id pattern (`agents.entries` property names). */
export const AGENT_ID_PATTERN = /^[a-z0-9_][a-z0-9_-]{0,63}$/;

/**
 * The OpenClaw agent id of a mentor: `mentor-` and its UUID in lower case (43 characters,
 * within the schema's `^[a-z0-9_][a-z0-9_-]{0,63}$`). Other characters become `-`.
 *
 * @example
 * ```ts
 * agentIdOf("3F1C2A9E-0B6D-4C1E-9A57-2F8D6B3E4C10"); // "mentor-3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10"
 * ```
 */
export function agentIdOf(mentor: unknown): string {
    return `mentor-${String(mentor).toLowerCase().replace(/[^a-z0-9_-]/g, "-")}`.slice(0, 64);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A mentor's push, placed: the config patch, the paths it replaces wholesale, or why it cannot be placed. */
export interface Placement {
    agentId: string;
    patch: Record<string, unknown>;
    /** For `config.patch`'s `replacePaths`: arrays replaced as a whole. */
    replacePaths: string[];
    /** Refusals, each led by the mentor's config path. Empty when the push can go ahead. */
    errors: string[];
}

/**
 * Places one mentor's agent config on a shared server, under its own agent: `agentId` when
 * its binding names one (the 2026 routes' `agent_id`), else the one derived from the mentor.
 *
 * @example
 * ```ts
 * placeMentor("3f1c…", { heartbeat: { every: "30m" }, "session.dmScope": "per-peer" }, "anthropic/claude-sonnet-4-6", ["web"]).patch;
 * // { agents: { ownership: "explicit", entries: { "mentor-3f1c…": { heartbeat: {every: "30m"}, model: {primary: "anthropic/…"}, skills: ["web"] } } },
 * //   session: { dmScope: "per-peer" }, skills: { entries: { web: { enabled: true } } } }
 * ```
 */
export function placeMentor(mentor: unknown, config: unknown, model: unknown, skillSlugs: readonly string[], agentId: string = agentIdOf(mentor)): Placement {
    const errors: string[] = [];
    let agent: Record<string, unknown> = {};
    let root: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(expandConfig(config ?? {}))) {
        if (key === "agents" && isPlainObject(value)) {
            for (const [sub, v] of Object.entries(value)) {
                if (sub === "list") errors.push(`agents.list: a mentor's config may not set agents.list (it would replace every agent on the server); put the mentor's own settings at the top level of its config`);
                else if (sub === "entries" && isPlainObject(v)) {
                    for (const [id, entry] of Object.entries(v)) {
                        if (id !== agentId) errors.push(`agents.entries.${id}: a mentor's config may only configure its own agent (${agentId})`);
                        else if (isPlainObject(entry)) agent = deepMerge(agent, entry);
                    }
                } else root = deepMerge(root, { agents: { [sub]: v } });
            }
        } else if (AGENT_ENTRY_KEYS.has(key) && !(key === "skills" && isPlainObject(value))) {
            agent = deepMerge(agent, { [key]: value });
        } else {
            root = deepMerge(root, { [key]: value });
        }
    }
    if (typeof model === "string" && model !== "") {
        agent.model = isPlainObject(agent.model) ? { ...agent.model, primary: model } : { primary: model };
    }
    agent.skills = [...skillSlugs];
    const patch = deepMerge(root, { agents: { ownership: "explicit", entries: { [agentId]: agent } } });
    if (skillSlugs.length) {
        patch.skills = deepMerge(isPlainObject(patch.skills) ? patch.skills : {}, { entries: Object.fromEntries(skillSlugs.map((s) => [s, { enabled: true }])) });
    }
    return { agentId, patch, replacePaths: [`agents.entries.${agentId}.skills`], errors };
}
