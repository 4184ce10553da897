import type * as pulumi from "@pulumi/pulumi";
import { type CatalogModel, ModelProviderCreate, type ModelsMode } from "../../sdk";
import { type ResourceFacts, entityOps } from "../engine/facts";
import type { InstanceRef, ModelProviderId } from "../ids";
import { ClawApiResource, type IdentityArgs, shapeOf } from "../engine/resource";

/** The facts of `claw/model-providers/` for the shared engine. */
export const modelProviderFacts: ResourceFacts = {
    type: "ModelProvider",
    fields: {
        server: { api: "server", kind: "ref", replaceOnChange: true },
        name: { api: "name" },
        baseUrl: { api: "base_url" },
        apiType: { api: "api_type" },
        credentialName: { api: "credential_name" },
        credentialKey: { api: "credential_key" },
        modelCatalog: { api: "model_catalog" },
        enabled: { api: "enabled" },
        modelsMode: { api: "models_mode" },
    },
    outputs: {
        providerId: "id",
        serverName: "server_name",
        lastProviderPush: "last_provider_push",
        lastProviderPushStatus: "last_provider_push_status",
        credentialResolved: "credential_resolved",
    },
    createSchema: ModelProviderCreate,
    find: { naturalKey: ["server", "name"], match: ["server", "name"] },
    delivered: (o) => ({
        name: o.name,
        base_url: o.base_url,
        api_type: o.api_type,
        credential_name: o.credential_name,
        credential_key: o.credential_key,
        model_catalog: o.model_catalog,
        enabled: o.enabled,
        models_mode: o.models_mode,
    }),
    ops: (client) => entityOps(client.modelProviders),
};

/** Inputs of {@link ModelProvider}. */
export interface ModelProviderArgs extends IdentityArgs {
    /** The claw instance (its id). A change replaces. */
    server: pulumi.Input<InstanceRef>;
    /** The provider's id in the claw config, e.g. `openrouter`; at most 100 characters. */
    name: pulumi.Input<string>;
    /** The LLM provider's API URL, e.g. `https://openrouter.ai/api/v1`. */
    baseUrl: pulumi.Input<string>;
    /** e.g. `openai-completions`, `anthropic-messages`. */
    apiType: pulumi.Input<string>;
    /** Names an LLM credential stored on the platform. */
    credentialName: pulumi.Input<string>;
    /** JSON key inside that credential's value. */
    credentialKey?: pulumi.Input<string>;
    modelCatalog?: pulumi.Input<pulumi.Input<CatalogModel>[]>;
    enabled?: pulumi.Input<boolean>;
    /** `merge` or `replace` the server's own model list. */
    modelsMode?: pulumi.Input<ModelsMode>;
}

/**
 * An LLM provider in a claw server's config: `claw/model-providers/`. Delivered to the
 * server by a {@link ProviderPush}; `contentHash` is its trigger.
 *
 * @example
 * ```ts
 * const openrouter = new ModelProvider("openrouter", {
 *     server: server.id, name: "openrouter", baseUrl: "https://openrouter.ai/api/v1",
 *     apiType: "openai-completions", credentialName: "openrouter",
 *     modelCatalog: [{ id: "anthropic/claude-sonnet-4-6", name: "Claude Sonnet" }],
 * });
 * ```
 */
export class ModelProvider extends ClawApiResource {
    /** This ModelProvider's id, typed so it only goes where a ModelProvider is meant. */
    declare readonly id: pulumi.Output<ModelProviderId>;
    declare readonly server: pulumi.Output<InstanceRef>;
    declare readonly name: pulumi.Output<string>;
    declare readonly baseUrl: pulumi.Output<string>;
    declare readonly apiType: pulumi.Output<string>;
    declare readonly credentialName: pulumi.Output<string>;
    declare readonly credentialKey: pulumi.Output<string | undefined>;
    declare readonly modelCatalog: pulumi.Output<CatalogModel[] | undefined>;
    declare readonly enabled: pulumi.Output<boolean>;
    declare readonly modelsMode: pulumi.Output<string | undefined>;
    declare readonly providerId: pulumi.Output<number | string>;
    declare readonly serverName: pulumi.Output<string>;
    declare readonly lastProviderPush: pulumi.Output<string | null>;
    declare readonly lastProviderPushStatus: pulumi.Output<string | null>;
    /** Whether a credential of that name exists on the platform. */
    declare readonly credentialResolved: pulumi.Output<boolean | null>;
    /** SHA-256 of what a provider push delivers: a ProviderPush trigger. */
    declare readonly contentHash: pulumi.Output<string>;

    constructor(name: string, args: ModelProviderArgs, opts?: pulumi.CustomResourceOptions) {
        super(shapeOf(modelProviderFacts, { outputs: ["contentHash"] }), name, args, opts);
    }
}
