import { z } from "zod";
import { AgentConfigFields } from "./agentConfig";
import { MentorId, ObjectRef, anyId, roString } from "./common";

/**
 * Body of `POST claw/mentor-configs/`: binds a mentor to a claw instance. The service
 * creates an agent config for the mentor if it has none.
 *
 * @example
 * ```ts
 * MentorBindingCreate.parse({ mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", server: 42, enabled: true });
 * ```
 */
export const MentorBindingCreate = z.strictObject({
    mentor: MentorId,
    server: ObjectRef,
    enabled: z.boolean().optional(),
    /** With it on, the current service pushes on every agent-config write (an empty field blanks its file). */
    auto_push: z.boolean().optional(),
});
export type MentorBindingCreate = z.input<typeof MentorBindingCreate>;

/**
 * Body of `POST mentors/{mentor}/claw-config/` (the current guide's bind; the mentor comes
 * from the path): the server, and as the platform's own scripts send them the OpenClaw
 * agent's name (`agent_id`, default `main` on the service; a push creates that agent when
 * it is missing) and the initial `agent_config` fields (strict, as for the agent config).
 *
 * @example
 * ```ts
 * MentorClawConfigCreate.parse({ server: 42, enabled: true, agent_id: "patient-navigator", agent_config: { identity: "# Nav" } });
 * ```
 */
export const MentorClawConfigCreate = z.strictObject({
    server: ObjectRef,
    enabled: z.boolean().optional(),
    auto_push: z.boolean().optional(),
    agent_id: z.string().trim().min(1, "must not be empty").max(255).optional(),
    agent_config: AgentConfigFields.optional(),
});
export type MentorClawConfigCreate = z.input<typeof MentorClawConfigCreate>;

/**
 * Body of `PATCH mentors/{mentor}/claw-config/`.
 *
 * @example
 * ```ts
 * MentorClawConfigUpdate.parse({ enabled: false });
 * ```
 */
export const MentorClawConfigUpdate = MentorClawConfigCreate.partial();
export type MentorClawConfigUpdate = z.input<typeof MentorClawConfigUpdate>;

/**
 * Body of `PATCH claw/mentor-configs/{id}/`.
 *
 * @example
 * ```ts
 * MentorBindingUpdate.parse({ enabled: false });
 * ```
 */
export const MentorBindingUpdate = MentorBindingCreate.partial();
export type MentorBindingUpdate = z.input<typeof MentorBindingUpdate>;

/**
 * A mentor binding as the service returns it, with the mentor's agent config embedded
 * and the outcome of the last config push.
 *
 * @example
 * ```ts
 * const b: MentorBinding = await client.mentorBindings.get(7);
 * console.log(b.last_config_push_status, b.last_push_warnings);
 * ```
 */
export const MentorBinding = z.looseObject({
    id: anyId,
    mentor: z.string(),
    server: anyId,
    server_name: roString,
    agent_id: roString,
    agent_config: z.unknown().optional(),
    enabled: z.boolean().nullish(),
    auto_push: z.boolean().nullish(),
    last_config_push: roString,
    last_config_push_status: roString,
    last_push_warnings: z.array(z.unknown()).nullish(),
    created_at: roString,
    updated_at: roString,
});
export type MentorBinding = z.output<typeof MentorBinding>;

/**
 * List filters of `GET claw/mentor-configs/`: only `enabled` is documented. `mentor` and
 * `server` are applied on the client (and sent, which a DRF service ignores if unknown).
 *
 * @example
 * ```ts
 * const live = await client.mentorBindings.listAll({ enabled: true });
 * ```
 */
export interface MentorBindingListQuery {
    enabled?: boolean;
    mentor?: string;
    server?: number | string;
}
