import { entity } from "./entity";
import { bool, custom, objectId, ref, str } from "./fieldTypes";
import { mentorBindingBehaviour } from "./mentorBindingBehaviour";

const mentorId = custom({ request: "MentorId", response: "z.string()", ts: "string", docs: "mentor UUID", checks: [] });

/**
 * The declaration of `claw/mentor-configs/` (or `mentors/<mentor>/claw-config/`): the source
 * of the MentorBinding's sdk schemas (both generations), facts, types and docs rows.
 *
 * @example
 * ```ts
 * mentorBinding.fields.agentId.routes; // "mentor"
 * ```
 */
export const mentorBinding = entity({
    type: "MentorBinding",
    file: "mentorBinding",
    sdk: "mentorBindings",
    collection: "claw/mentor-configs/",
    mentorSchemas: {
        name: "MentorClawConfig",
        route: "mentors/{mentor}/claw-config/",
        doc: "the bind; the mentor comes from the path. As the platform's own scripts send them: the OpenClaw agent's name (`agent_id`, default `main` on the service; a push creates that agent when it is missing) and the initial `agent_config` fields (strict, as for the agent config).",
        example: { server: 42, enabled: true, agent_id: "patient-navigator", agent_config: { identity: "# Nav" } },
    },
    doc: "Binds a mentor to a claw server: `claw/mentor-configs/`. Binding a mentor creates its agent config on the service when it has none (AgentConfig adopts it). Deliver the mentor's config with a ConfigPush.",
    idType: "BindingId",
    routed: true,
    fields: {
        mentor: { api: "mentor", type: mentorId, required: true, replaceOnChange: true, onlyOn: "collection", doc: "The mentor's UUID." },
        server: { api: "server", type: ref("InstanceRef", "instance"), required: true, replaceOnChange: true, doc: "The claw instance (its id)." },
        enabled: { api: "enabled", type: bool() },
        autoPush: {
            api: "auto_push",
            type: bool(),
            doc: "Default false (sent at create): with it on, the current service pushes on every agent-config write and an empty field blanks its file; preview says so.",
        },
        // As the platform's own scripts send them (seed_claw_mentor.py): the OpenClaw agent's
        // name (read back as agent_id), and the agent config at bind time, which is not read
        // back as sent (the answer embeds the whole config): diffed against the last inputs.
        agentId: {
            api: "agent_id",
            type: str().trim().nonEmpty().max(255),
            onlyOn: "mentor",
            routes: "mentor",
            response: "roString",
            doc: "Mentor routes: the OpenClaw agent's name (the service's default is `main`; a push creates a missing one). On the collection routes the service names the agent itself: recorded in state, not sent, never a diff, and a warning says it is not applied.",
        },
        initialAgentConfig: {
            api: "agent_config",
            type: custom({ request: "AgentConfigFields", response: "z.unknown()", ts: "Record<string, unknown>", docs: "object", checks: [] }),
            onlyOn: "mentor",
            writeOnly: true,
            doc: "Mentor routes: agent-config fields sent with the bind, by their API names as the platform's scripts send them (`identity`, `soul`, `user_context`, ...); unknown keys fail at preview. Sent with the bind (and again when changed); manage the config with AgentConfig.",
        },
    },
    outputs: {
        // The API's id of the binding; on the mentor routes the resource's id is its mentor.
        bindingId: { api: "binding_id", type: objectId(), byOps: true, doc: "The API's id (on the mentor routes the resource's `id` is the mentor's UUID)." },
        serverName: { api: "server_name", type: str() },
        agentConfig: {
            api: "agent_config",
            type: custom({ request: "z.unknown()", response: "z.unknown()", ts: "Record<string, unknown> | null", docs: "object", checks: [] }),
            doc: "The mentor's agent config as embedded by the service.",
        },
        lastConfigPush: { api: "last_config_push", type: str().nullable() },
        lastConfigPushStatus: { api: "last_config_push_status", type: str().nullable() },
        lastPushWarnings: {
            api: "last_push_warnings",
            type: custom({ request: "z.array(z.unknown())", response: "z.array(z.unknown())", ts: "unknown[] | null", docs: "list", checks: [] }),
            doc: "Security warnings of the last push's baseline check.",
        },
    },
    responseOnly: { created_at: "roString", updated_at: "roString" },
    engineOutputs: {
        createdAgentConfigId: {
            ts: "number | null",
            doc: "The agent config the service made when this binding was created (null when the mentor had one before): deleted with the binding unless another binding of the mentor remains.",
        },
    },
    find: { naturalKey: ["mentor", "server"], match: ["mentor", "server"] },
    behaviour: mentorBindingBehaviour,
    examples: {
        create: { mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", server: 42, enabled: true },
        update: { enabled: false },
        program: 'const binding = new MentorBinding("ada-on-prod", { mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", server: server.id });',
    },
});
