import { z } from "zod";
import { ObjectRef, anyId, roString } from "./common";

/**
 * How a provider's model catalog combines with the server's own: `merge` or `replace`.
 *
 * @example
 * ```ts
 * const mode: ModelsMode = "merge";
 * ```
 */
export const MODELS_MODES = ["merge", "replace"] as const;
export type ModelsMode = (typeof MODELS_MODES)[number];

/**
 * One entry of a provider's `model_catalog`. Extra keys (context window, costs) pass through.
 *
 * @example
 * ```ts
 * const m: CatalogModel = { id: "anthropic/claude-sonnet-4-6", name: "Claude Sonnet" };
 * ```
 */
export const CatalogModel = z.looseObject({
    id: z.string().min(1, "must not be empty"),
    name: z.string().optional(),
});
export type CatalogModel = z.input<typeof CatalogModel>;

/**
 * Body of `POST claw/model-providers/`: one LLM provider in a claw server's config.
 *
 * @example
 * ```ts
 * ModelProviderCreate.parse({
 *   server: 42, name: "openrouter", base_url: "https://openrouter.ai/api/v1",
 *   api_type: "openai-completions", credential_name: "openrouter",
 *   model_catalog: [{ id: "anthropic/claude-sonnet-4-6", name: "Claude Sonnet" }],
 * });
 * ```
 */
export const ModelProviderCreate = z.strictObject({
    server: ObjectRef,
    name: z.string().min(1, "must not be empty").max(100),
    base_url: z.string().min(1, "must not be empty").max(200),
    api_type: z.string().min(1, "must not be empty").max(50),
    credential_name: z.string().min(1, "must not be empty").max(255),
    credential_key: z.string().max(100).optional(),
    model_catalog: z.array(CatalogModel).optional(),
    enabled: z.boolean().optional(),
    models_mode: z.enum(MODELS_MODES).optional(),
});
export type ModelProviderCreate = z.input<typeof ModelProviderCreate>;

/**
 * Body of `PATCH claw/model-providers/{id}/`: any subset of the writable fields.
 *
 * @example
 * ```ts
 * ModelProviderUpdate.parse({ enabled: false });
 * ```
 */
export const ModelProviderUpdate = ModelProviderCreate.partial();
export type ModelProviderUpdate = z.input<typeof ModelProviderUpdate>;

/**
 * A model provider as the service returns it. `last_provider_push*` tell the outcome of
 * the instance's last push-providers.
 *
 * @example
 * ```ts
 * const p: ModelProvider = await client.modelProviders.get(5);
 * if (!p.credential_resolved) console.warn(`no credential named ${p.credential_name}`);
 * ```
 */
export const ModelProvider = z.looseObject({
    id: anyId,
    server: anyId,
    server_name: roString,
    name: z.string(),
    base_url: z.string().nullish(),
    api_type: z.string().nullish(),
    credential_name: z.string().nullish(),
    credential_key: z.string().nullish(),
    model_catalog: z.array(z.looseObject({ id: z.string().nullish(), name: z.string().nullish() })).nullish(),
    enabled: z.boolean().nullish(),
    models_mode: z.string().nullish(),
    last_provider_push: roString,
    last_provider_push_status: roString,
    credential_resolved: z.boolean().nullish(),
    created_at: roString,
    updated_at: roString,
});
export type ModelProvider = z.output<typeof ModelProvider>;

/**
 * List filters of `GET claw/model-providers/`. None are documented; `server` is sent (a
 * DRF service ignores unknown filters) and also applied on the client, so it is exact
 * either way.
 *
 * @example
 * ```ts
 * for await (const p of client.modelProviders.list({ server: 42 })) console.log(p.name);
 * ```
 */
export interface ModelProviderListQuery {
    server?: number | string;
}
