import type { Transport } from "../transport";
import { ModelProvider, ModelProviderCreate, type ModelProviderListQuery, ModelProviderUpdate } from "../schemas/modelProvider";
import { EntityApi, type Id } from "./entity";

/**
 * `claw/model-providers/`: the LLM providers written into a claw server's config by
 * `client.instances.pushProvidersAndWait`. Natural key: server + name. No list filter is
 * documented; `server` is matched on the client (and sent, in case the service has it).
 *
 * @example
 * ```ts
 * const p = await client.modelProviders.create({
 *   server: 42, name: "openrouter", base_url: "https://openrouter.ai/api/v1",
 *   api_type: "openai-completions", credential_name: "openrouter", enabled: true,
 * });
 * const mine = await client.modelProviders.listAll({ server: 42 });
 * ```
 */
export class ModelProvidersApi extends EntityApi<typeof ModelProvider, typeof ModelProviderCreate, typeof ModelProviderUpdate, ModelProviderListQuery> {
    constructor(client: Transport) {
        super(client, {
            collection: "claw/model-providers/",
            object: ModelProvider,
            create: ModelProviderCreate,
            update: ModelProviderUpdate,
            writeOnly: [],
            naturalKey: (b) => ({ server: b.server, name: b.name }),
            clientFilters: ["server"],
        });
    }

    /**
     * The provider of a server by its name (its id in the claw config), if any.
     *
     * @example
     * ```ts
     * const p = await client.modelProviders.findByName(42, "openrouter");
     * ```
     */
    async findByName(server: Id, name: string): Promise<ModelProvider | undefined> {
        return this.findOne({ server, name });
    }
}
