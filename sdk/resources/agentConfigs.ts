import type { Transport } from "../transport";
import { AgentConfig, AgentConfigCreate, AgentConfigFields, type AgentConfigListQuery, AgentConfigUpdate } from "../schemas/agentConfig";
import { EntityApi, SingletonApi } from "./entity";

/**
 * `agent-configs/`: a mentor's workspace files (IDENTITY.md, SOUL.md, ...) and config
 * patch. A mentor has one, created by the service when the mentor is first bound, so
 * `upsertForMentor` adopts it rather than making a second. Natural key: mentor. The list
 * has no mentor filter, so lookups scan the pages (the `mentor` filter here is matched on
 * the client). A `config` that touches a blocked path is refused before any request.
 *
 * @example
 * ```ts
 * const cfg = await client.agentConfigs.upsertForMentor("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", {
 *   identity: "# Ada\nA patient tutor.", model: "anthropic/claude-sonnet-4-6",
 * });
 * ```
 */
export class AgentConfigsApi extends EntityApi<typeof AgentConfig, typeof AgentConfigCreate, typeof AgentConfigUpdate, AgentConfigListQuery> {
    constructor(client: Transport) {
        super(client, {
            collection: "agent-configs/",
            object: AgentConfig,
            create: AgentConfigCreate,
            update: AgentConfigUpdate,
            writeOnly: [],
            naturalKey: (b) => ({ mentor: b.mentor }),
            clientFilters: ["mentor"],
        });
    }

    /**
     * The mentor's agent config, if it has one (scans the pages).
     *
     * @example
     * ```ts
     * const cfg = await client.agentConfigs.findByMentor("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10");
     * ```
     */
    async findByMentor(mentor: string): Promise<AgentConfig | undefined> {
        return this.findOne({ mentor });
    }

    /**
     * Sets the mentor's agent config: PATCHes the existing one with `fields`, or creates
     * it. The fields are validated before any request.
     *
     * @example
     * ```ts
     * await client.agentConfigs.upsertForMentor(mentor, { soul: "Curious, kind, exact.", config: { agents: { defaults: { heartbeat: { every: "30m" } } } } });
     * ```
     */
    async upsertForMentor(mentor: string, fields: Omit<AgentConfigUpdate, "mentor"> = {}): Promise<AgentConfig> {
        this.validate(AgentConfigCreate, { ...fields, mentor }, "POST", "agent-configs/"); // fail on a bad field before looking anything up
        const existing = await this.findByMentor(mentor);
        return existing ? this.update(existing.id, fields) : this.create({ ...fields, mentor });
    }
}

/**
 * `mentors/{mentor}/agent-config/`: the current guide's agent config of one mentor (GET and
 * PATCH; the bind makes it, there is no create or delete at this route). Unknown keys are
 * refused before any request with a did-you-mean (the service drops them silently). Reached
 * through `client.mentorScoped(mentor).agentConfig`.
 *
 * @example
 * ```ts
 * await client.mentorScoped(mentor).agentConfig.update({ identity: "# Ada", allowed_models: ["anthropic/claude-sonnet-4-6"] });
 * ```
 */
export class MentorAgentConfigApi extends SingletonApi<typeof AgentConfig, typeof AgentConfigFields> {
    constructor(client: Transport, mentor: string) {
        super(client, { route: `mentors/${encodeURIComponent(mentor)}/agent-config/`, object: AgentConfig, update: AgentConfigFields, writeOnly: [] });
    }
}
