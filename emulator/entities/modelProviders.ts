import { INSTANCES, MODEL_PROVIDERS } from "../collections";
import { credentialResolved } from "../delivery";
import type { EntityDef } from "../entity";
import { present } from "../validate";

/**
 * `claw/model-providers/`: an LLM provider entry of one instance's claw config. Its
 * `name` is the provider's id in that config, so it is unique per server (a natural key
 * the reference implies but does not state). `credential_resolved` is computed on every
 * read from the platform's credential names (see the admin API's credentials route).
 */
export const modelProviders: EntityDef = {
    collection: MODEL_PROVIDERS,
    verboseName: "claw model provider",
    spec: {
        fields: {
            server: { kind: "ref", to: INSTANCES, required: true },
            name: { kind: "string", maxLength: 100, required: true },
            // ≤200 is Django's URLField default, so the service most likely checks it as a URL.
            base_url: { kind: "url", maxLength: 200, required: true },
            api_type: { kind: "string", maxLength: 50, required: true },
            credential_name: { kind: "string", maxLength: 255, required: true },
            credential_key: { kind: "string", maxLength: 100, allowBlank: true, default: "" },
            model_catalog: {
                kind: "list",
                item: { id: { kind: "string", required: true }, name: { kind: "string", allowBlank: true } },
                default: [],
            },
            enabled: { kind: "bool", default: true },
            models_mode: { kind: "choice", choices: ["merge", "replace"], default: "merge" },
        },
        readOnly: ["id", "server_name", "last_provider_push", "last_provider_push_status", "credential_resolved", "created_at", "updated_at"],
    },
    unique: [["server", "name"]],
    initial: () => ({ last_provider_push: null, last_provider_push_status: null }),
    present: (ctx, row) => ({
        ...present(modelProviders.spec, row),
        server_name: ctx.store.get(ctx.org, INSTANCES, Number(row.server))?.name ?? null,
        credential_resolved: credentialResolved(ctx.store, ctx.org, row.credential_name),
    }),
};
