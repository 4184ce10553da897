import { AGENT_CONFIGS, BINDINGS, INSTANCES } from "../collections";
import { agentConfigOf } from "../delivery";
import { ApiFault, type Ctx, type EntityDef } from "../entity";
import { boolFilter } from "../filters";
import { show } from "../handler";
import { type FieldErrors, present, validateBody } from "../validate";
import { autoPushMentor } from "../autoPush";
import { AGENT_ID_PATTERN } from "../placement";
import { agentConfigs } from "./agentConfigs";

const AGENT_ID_MESSAGE = "Enter a valid OpenClaw agent id: lower-case letters, digits, _ and -, starting with a letter, digit or _ (at most 64).";

/** The agent-config fields a binding's nested `agent_config` may set (its mentor is the binding's). */
const nestedSpec = { fields: { ...agentConfigs.spec.fields, mentor: { kind: "uuid" as const } }, readOnly: ["id", "mentor", "created_at", "updated_at"] };

/**
 * Gives the mentor an agent config when it has none, then applies the nested `agent_config`
 * values, if any; a nested write is an agent-config write, so `auto_push` pushes it.
 */
function ensureAgentConfig(ctx: Ctx, mentor: unknown, nested: Record<string, unknown> | undefined): void {
    const existing = agentConfigOf(ctx.store, ctx.org, mentor);
    const v = validateBody(nestedSpec, nested ?? {}, existing ? "patch" : "create");
    if (!v.ok) throw ApiFault.fields({ agent_config: v.errors }); // checked in validate(); cannot happen
    const now = ctx.now();
    if (!existing) ctx.store.insert(ctx.org, AGENT_CONFIGS, { ...v.values, mentor, created_at: now, updated_at: now });
    else if (nested && Object.keys(v.values).length) ctx.store.put(ctx.org, AGENT_CONFIGS, { ...existing, ...v.values, updated_at: now });
    if (nested && Object.keys(nested).length) autoPushMentor(ctx, mentor);
}

/**
 * `claw/mentor-configs/`: binds a mentor to a claw instance, one binding per mentor and
 * server. Creating one creates the mentor's agent config when it has none. The mentor's
 * agent config is embedded as `agent_config` (`{}` when it has been deleted); an object
 * sent as `agent_config` updates it, with the same rules as `agent-configs/`.
 *
 * `push-config` answers 202 and pushes in the background; a disabled binding is refused.
 * `agent_id` (2026 routes) names the OpenClaw agent the push lands in; `auto_push` is acted
 * on (autoPush.ts). The mentor-scoped routes (mentorScoped.ts) serve the same rows.
 */
export const mentorConfigs: EntityDef = {
    collection: BINDINGS,
    verboseName: "mentor claw config",
    spec: {
        fields: {
            mentor: { kind: "uuid", required: true },
            server: { kind: "ref", to: INSTANCES, required: true },
            agent_config: { kind: "object" },
            enabled: { kind: "bool", default: true },
            auto_push: { kind: "bool", default: false },
            // The OpenClaw agent the mentor's push lands in (2026 routes; "main" by default there).
            // Stored only when given, so older bindings keep their derived `mentor-<uuid>` agent.
            agent_id: { kind: "string", maxLength: 64, pattern: { re: AGENT_ID_PATTERN, message: AGENT_ID_MESSAGE } },
        },
        readOnly: ["id", "server_name", "last_config_push", "last_config_push_status", "last_push_warnings", "created_at", "updated_at"],
    },
    unique: [["mentor", "server"]],
    filters: { enabled: boolFilter("enabled") },
    initial: () => ({ last_config_push: null, last_config_push_status: null, last_push_warnings: [] }),
    validate: (_ctx, merged): FieldErrors | undefined => {
        if (merged.agent_config === undefined) return undefined;
        const v = validateBody(nestedSpec, merged.agent_config, "patch");
        return v.ok ? undefined : { agent_config: v.errors };
    },
    toRow: (_ctx, values) => {
        const { agent_config: _nested, ...rest } = values;
        return rest;
    },
    afterWrite: (ctx, row, values) => ensureAgentConfig(ctx, row.mentor, values.agent_config as Record<string, unknown> | undefined),
    present: (ctx, row) => {
        const cfg = agentConfigOf(ctx.store, ctx.org, row.mentor);
        return {
            ...present(mentorConfigs.spec, row),
            server_name: ctx.store.get(ctx.org, INSTANCES, Number(row.server))?.name ?? null,
            agent_config: cfg ? show(agentConfigs, ctx, cfg) : {},
        };
    },
    actions: {
        "push-config": (ctx, row) => {
            if (row.enabled !== true) throw ApiFault.detail(400, "This mentor binding is disabled; enable it before pushing its config.");
            ctx.pushes.queueConfigPush(ctx.org, row.id, ctx.faults.slowPushMs(ctx.method, ctx.route) ?? ctx.settings.pushDelayMs);
            return { status: 202, body: { queued: true, message: "Config push queued." } };
        },
    },
};
