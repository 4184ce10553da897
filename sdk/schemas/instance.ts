import { z } from "zod";
import { httpUrl, roString } from "./common";

/** Claw flavours; NemoClaw hosts register as `openclaw` (same gateway protocol). */
export const CLAW_TYPES = ["openclaw", "ironclaw"] as const;
export type ClawType = (typeof CLAW_TYPES)[number];

/** Fields the service accepts but never returns. */
export const INSTANCE_WRITE_ONLY = ["gateway_token", "auth_headers", "connection_params"] as const;

/**
 * Body of `POST claw/instances/`.
 *
 * @example
 * ```ts
 * InstanceCreate.parse({ name: "prod", server_url: "https://claw.acme.dev", gateway_token: "t0k3n" });
 * ```
 */
export const InstanceCreate = z.strictObject({
    name: z.string().min(1, "must not be empty").max(255),
    claw_type: z.enum(CLAW_TYPES).optional(),
    server_url: httpUrl(200),
    gateway_token: z.string().min(1, "must not be empty"),
    deployment_backend: z.number().int().nullable().optional(),
    auth_headers: z.record(z.string(), z.string()).optional(),
    connection_params: z.record(z.string(), z.unknown()).optional(),
});
export type InstanceCreate = z.input<typeof InstanceCreate>;

/** Body of `PATCH claw/instances/{id}/`: any subset of the writable fields. */
export const InstanceUpdate = InstanceCreate.partial();
export type InstanceUpdate = z.input<typeof InstanceUpdate>;

/** A claw instance as the service returns it. */
export const Instance = z.looseObject({
    id: z.number().int(),
    name: z.string(),
    claw_type: z.string().nullish(),
    provision_mode: roString,
    server_url: z.string(),
    deployment_backend: z.number().int().nullish(),
    status: roString,
    deploy_state: roString,
    platform_key: roString,
    last_health_check: roString,
    last_health_status: roString,
    claw_version: roString,
    created_at: roString,
    updated_at: roString,
});
export type Instance = z.output<typeof Instance>;

/** List filters of `GET claw/instances/`. */
export interface InstanceListQuery {
    status?: "active" | "inactive" | "error";
    search?: string;
}
