import { entity } from "./entity";
import { bool, custom, enumOf, objectId, ref, str } from "./fieldTypes";

/** A string the service always returns but may send as null. */
const lenient = "z.string().nullish()";

/**
 * The declaration of `claw/model-providers/`: the source of the ModelProvider's sdk
 * schemas, facts, types and docs rows (`npm run generate`).
 *
 * @example
 * ```ts
 * modelProvider.fields.baseUrl.api; // "base_url"
 * ```
 */
export const modelProvider = entity({
    type: "ModelProvider",
    file: "modelProvider",
    sdk: "modelProviders",
    collection: "claw/model-providers/",
    doc: "An LLM provider in a claw server's config: `claw/model-providers/`. Delivered to the server by a ProviderPush; `contentHash` is its trigger.",
    idType: "ModelProviderId",
    pushedBy: "ProviderPush",
    fields: {
        server: { api: "server", type: ref("InstanceRef", "instance"), required: true, replaceOnChange: true, doc: "The claw instance (its id)." },
        name: { api: "name", type: str().nonEmpty().max(100), required: true, delivered: true, doc: "The provider's id in the claw config, e.g. `openrouter`." },
        baseUrl: {
            api: "base_url",
            type: str().nonEmpty().max(200),
            required: true,
            delivered: true,
            response: lenient,
            doc: "The LLM provider's API URL, e.g. `https://openrouter.ai/api/v1` (not the API's: that is `apiBaseUrl`).",
        },
        apiType: { api: "api_type", type: str().nonEmpty().max(50), required: true, delivered: true, response: lenient, doc: "e.g. `openai-completions`, `anthropic-messages`." },
        credentialName: { api: "credential_name", type: str().nonEmpty().max(255), required: true, delivered: true, response: lenient, doc: "Names an LLM credential stored on the platform." },
        credentialKey: { api: "credential_key", type: str().max(100), delivered: true, doc: "JSON key inside that credential's value." },
        modelCatalog: {
            api: "model_catalog",
            type: custom({
                request: "z.array(CatalogModel)",
                response: "z.array(z.looseObject({ id: z.string().nullish(), name: z.string().nullish() }))",
                ts: "pulumi.Input<CatalogModel>[]",
                outputTs: "CatalogModel[]",
                docs: "`[{id, name}]`",
                checks: [],
            }),
            delivered: true,
        },
        enabled: { api: "enabled", type: bool(), delivered: true },
        modelsMode: {
            api: "models_mode",
            type: enumOf("MODELS_MODES", "ModelsMode", ["merge", "replace"], "How a provider's model catalog combines with the server's own: `merge` or `replace`."),
            delivered: true,
            doc: "`merge` or `replace` the server's own model list.",
        },
    },
    outputs: {
        providerId: { api: "id", type: objectId() },
        serverName: { api: "server_name", type: str() },
        lastProviderPush: { api: "last_provider_push", type: str().nullable() },
        lastProviderPushStatus: { api: "last_provider_push_status", type: str().nullable() },
        credentialResolved: { api: "credential_resolved", type: bool().nullable(), doc: "Whether a credential of that name exists on the platform." },
    },
    responseOnly: { created_at: "roString", updated_at: "roString" },
    find: { naturalKey: ["server", "name"], match: ["server", "name"] },
    examples: {
        create: { server: 42, name: "openrouter", base_url: "https://openrouter.ai/api/v1", api_type: "openai-completions", credential_name: "openrouter" },
        update: { enabled: false },
        program: `const openrouter = new ModelProvider("openrouter", {
    server: server.id, name: "openrouter", baseUrl: "https://openrouter.ai/api/v1",
    apiType: "openai-completions", credentialName: "openrouter",
    modelCatalog: [{ id: "anthropic/claude-sonnet-4-6", name: "Claude Sonnet" }],
});`,
    },
});
