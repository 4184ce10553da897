import { z } from "zod";
import { findBlockedPaths } from "../configPaths";

// The hand-written parts of an agent config's schemas: the generated
// sdk/schemas/agentConfig.generated.ts refers to them.

/**
 * The config patch of an agent config, refused client-side when it touches a blocked
 * path (however spelled), holds a prototype-polluting key or an `$include` — the same
 * check the provider and the policy pack run (`findBlockedPaths`). Messages name paths,
 * never values.
 *
 * @example
 * ```ts
 * AgentConfigPatch.safeParse({ gateway: { auth: { mode: "none" } } }).success; // false
 * ```
 */
export const AgentConfigPatch = z
    .unknown()
    // Checked on the raw value: parsing into a record drops a `__proto__` key silently,
    // which would hide exactly the key we must report.
    .superRefine((config, ctx) => {
        for (const f of findBlockedPaths(config)) ctx.addIssue({ code: "custom", message: f.message });
    })
    .pipe(z.record(z.string(), z.unknown()));

/**
 * The text fields of an agent config and the workspace file each is named after (what it
 * becomes before OpenClaw 2026.9; from 2026.9 `tools` is the `## Tools` section of AGENTS.md
 * and `heartbeat` the heartbeat job's monitor scratch: openclaw/workspace.ts). Agent-set
 * folders name their files this way.
 *
 * @example
 * ```ts
 * AGENT_FILES.user_context; // "USER.md"
 * ```
 */
export const AGENT_FILES = {
    identity: "IDENTITY.md",
    soul: "SOUL.md",
    user_context: "USER.md",
    tools: "TOOLS.md",
    agents: "AGENTS.md",
    bootstrap: "BOOTSTRAP.md",
    heartbeat: "HEARTBEAT.md",
    memory: "MEMORY.md",
} as const;
export type AgentFileField = keyof typeof AGENT_FILES;
