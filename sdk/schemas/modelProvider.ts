export * from "./catalogModel";
export * from "./modelProvider.generated";

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
