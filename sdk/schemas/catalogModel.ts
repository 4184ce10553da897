import { z } from "zod";

// A provider's catalog entry: hand-written, the generated sdk/schemas/modelProvider.generated.ts refers to it.

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
