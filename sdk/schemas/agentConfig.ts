import { z } from "zod";
import { findBlockedPaths } from "../configPaths";
import { MentorId, anyId, roString } from "./common";

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

const text = z.string().optional();

/**
 * The writable fields of an agent config (all but `mentor`), strict: the service silently
 * drops a key it does not know (a PATCH with `user` instead of `user_context` answers 200
 * and loses the text), so an unknown key is refused here, before any request, with a
 * did-you-mean. `allowed_models` (model ids) is in the platform's newer docs.
 */
const agentConfigFields = {
    identity: text,
    soul: text,
    user_context: text,
    tools: text,
    agents: text,
    bootstrap: text,
    heartbeat: text,
    memory: text,
    model: z.string().max(200).optional(),
    config: AgentConfigPatch.optional(),
    allowed_models: z.array(z.string().min(1, "must not be empty").max(200)).optional(),
};

/**
 * Body of `PATCH mentors/{mentor}/agent-config/` (the mentor comes from the path), and the
 * `agent_config` a binding's create may carry.
 *
 * @example
 * ```ts
 * AgentConfigFields.parse({ soul: "Curious, kind, exact.", allowed_models: ["anthropic/claude-sonnet-4-6"] });
 * AgentConfigFields.safeParse({ user: "..." }).success; // false: the service would drop it; the key is user_context
 * ```
 */
export const AgentConfigFields = z.strictObject(agentConfigFields);
export type AgentConfigFields = z.input<typeof AgentConfigFields>;

/**
 * Body of `POST agent-configs/`. A mentor has at most one; binding a mentor creates it, so
 * prefer `client.agentConfigs.upsertForMentor`, which adopts an existing one.
 *
 * @example
 * ```ts
 * AgentConfigCreate.parse({
 *   mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10",
 *   identity: "# Ada\nA patient tutor.", model: "anthropic/claude-sonnet-4-6",
 *   config: { agents: { defaults: { heartbeat: { every: "30m" } } } },
 * });
 * ```
 */
export const AgentConfigCreate = z.strictObject({ mentor: MentorId, ...agentConfigFields });
export type AgentConfigCreate = z.input<typeof AgentConfigCreate>;

/**
 * Body of `PATCH agent-configs/{id}/`.
 *
 * @example
 * ```ts
 * AgentConfigUpdate.parse({ soul: "Curious, kind, exact." });
 * ```
 */
export const AgentConfigUpdate = AgentConfigCreate.partial();
export type AgentConfigUpdate = z.input<typeof AgentConfigUpdate>;

/**
 * An agent config as the service returns it.
 *
 * @example
 * ```ts
 * const cfg: AgentConfig = await client.agentConfigs.get(3);
 * console.log(cfg.model, Object.keys(cfg.config ?? {}));
 * ```
 */
export const AgentConfig = z.looseObject({
    id: anyId,
    // Mentor-scoped answers may leave it out: the mentor is in the path.
    mentor: anyId.nullish(),
    identity: z.string().nullish(),
    soul: z.string().nullish(),
    user_context: z.string().nullish(),
    tools: z.string().nullish(),
    agents: z.string().nullish(),
    bootstrap: z.string().nullish(),
    heartbeat: z.string().nullish(),
    memory: z.string().nullish(),
    model: z.string().nullish(),
    config: z.record(z.string(), z.unknown()).nullish(),
    allowed_models: z.array(z.string()).nullish(),
    created_at: roString,
    updated_at: roString,
});
export type AgentConfig = z.output<typeof AgentConfig>;

/**
 * List filters of `GET agent-configs/`: none are documented (only limit/offset). `mentor`
 * is matched on the client while scanning the pages.
 *
 * @example
 * ```ts
 * const [cfg] = await client.agentConfigs.listAll({ mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10" });
 * ```
 */
export interface AgentConfigListQuery {
    mentor?: string;
}
