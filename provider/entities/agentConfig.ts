import { agentConfigBehaviour } from "./agentConfigBehaviour";
import { entity } from "./entity";
import { custom, objectId, str } from "./fieldTypes";

/** A text that becomes a workspace file on the server. */
const file = (name: string, more = "") => ({ type: str(), delivered: true, doc: `${name}${more}` });

/**
 * The declaration of `agent-configs/` (or `mentors/<mentor>/agent-config/`): the source of
 * the AgentConfig's sdk schemas (both generations), facts, types and docs rows.
 *
 * @example
 * ```ts
 * agentConfig.fields.userContext.api; // "user_context"
 * ```
 */
export const agentConfig = entity({
    type: "AgentConfig",
    file: "agentConfig",
    sdk: "agentConfigs",
    collection: "agent-configs/",
    mentorSchemas: {
        name: "AgentConfigFields",
        route: "mentors/{mentor}/agent-config/",
        single: true,
        doc: "the writable fields of an agent config (the mentor comes from the path), and the `agent_config` a binding's create may carry. Strict: the service silently drops a key it does not know (a PATCH with `user` instead of `user_context` answers 200 and loses the text), so an unknown key is refused here, before any request, with a did-you-mean.",
        example: { soul: "Curious, kind, exact.", allowed_models: ["anthropic/claude-sonnet-4-6"] },
    },
    doc: "A mentor's agent config: `agent-configs/`. Adopts the config the service made when the mentor was bound instead of creating a second. `contentHash` is a ConfigPush trigger.",
    idType: "AgentConfigId",
    routed: true,
    fields: {
        mentor: {
            api: "mentor",
            type: custom({ request: "MentorId", response: "anyId", ts: "string", docs: "mentor UUID", checks: [] }),
            required: true,
            replaceOnChange: true,
            onlyOn: "collection",
            // Mentor-scoped answers may leave it out: the mentor is in the path.
            response: "anyId.nullish()",
            doc: "The mentor's UUID.",
        },
        identity: { api: "identity", ...file("IDENTITY.md") },
        soul: { api: "soul", ...file("SOUL.md") },
        userContext: { api: "user_context", ...file("USER.md") },
        tools: { api: "tools", ...file("TOOLS.md", "; on OpenClaw 2026.9 and later the `## Tools` section of AGENTS.md (docs/real-server.md).") },
        agents: { api: "agents", ...file("AGENTS.md") },
        bootstrap: { api: "bootstrap", ...file("BOOTSTRAP.md", " (consumed by the server after its first run)") },
        heartbeat: {
            api: "heartbeat",
            ...file("HEARTBEAT.md", "; on OpenClaw 2026.9 and later the heartbeat job's monitor scratch (at most 256 KiB; the agent needs a heartbeat schedule, config `heartbeat.every`)."),
        },
        memory: { api: "memory", ...file("MEMORY.md") },
        model: { api: "model", type: str().max(200), delivered: true, doc: "The model, e.g. `anthropic/claude-sonnet-4-6` (part of the config patch)." },
        config: {
            api: "config",
            type: custom({ request: "AgentConfigPatch", response: "z.record(z.string(), z.unknown())", ts: "Record<string, unknown>", docs: "object", checks: [] }),
            delivered: true,
            doc: "The config patch (heartbeat schedule, session isolation, skill toggles, fallbacks). Blocked paths (gateway.auth, gateway.controlUi.dangerouslyDisableDeviceAuth, tools.exec.host, sandbox.mode, hooks.allowUnsafeExternalContent) fail check, and so does anything OpenClaw's schema refuses (`iblai:openclawVersion`). A top-level key OpenClaw allows on an agent (`heartbeat`, `sandbox`, `tools`, ...) lands on the mentor's own agent entry; others at the root (docs/openclaw-config.md).",
        },
        allowedModels: {
            api: "allowed_models",
            type: custom({
                request: 'z.array(z.string().min(1, "must not be empty").max(200))',
                response: "z.array(z.string())",
                ts: "pulumi.Input<string>[]",
                outputTs: "string[]",
                docs: "list of model ids",
                checks: [],
            }),
            delivered: true,
            doc: "The model ids the mentor may use (`allowed_models`, the platform's newer docs); part of `contentHash` only when set.",
        },
    },
    outputs: {
        agentConfigId: { api: "id", type: objectId() },
        createdAt: { api: "created_at", type: str() },
        updatedAt: { api: "updated_at", type: str() },
    },
    behaviour: agentConfigBehaviour,
    examples: {
        create: { mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", identity: "# Ada\nA patient tutor.", model: "anthropic/claude-sonnet-4-6" },
        update: { soul: "Curious, kind, exact." },
        program: `const ada = new AgentConfig("ada", {
    mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10",
    identity: "# Ada\\nA patient maths tutor.",
    model: "anthropic/claude-sonnet-4-6",
    config: { agents: { defaults: { heartbeat: { every: "30m" } } } },
}, { dependsOn: [binding] });`,
    },
});
