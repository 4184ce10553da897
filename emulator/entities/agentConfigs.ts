import { autoPushMentor } from "../autoPush";
import { AGENT_CONFIGS } from "../collections";
import { blockedPathErrors } from "../configPaths";
import type { EntityDef } from "../entity";
import type { FieldSpec } from "../validate";

const text = (): FieldSpec => ({ kind: "string", allowBlank: true, default: "" });

/**
 * `agent-configs/`: a mentor's agent identity, one per mentor. The texts become the
 * workspace files of a config push; `model` and `config` become its config patch.
 * `config` may not write any of the five blocked paths, however they are spelled.
 * Only limit/offset are documented for the list, so there are no filters (a `mentor`
 * parameter is ignored, as DRF ignores unknown ones). Unknown keys are dropped silently
 * (a `user` instead of `user_context` answers 200 and loses the text), as the 2026 guide
 * warns. `allowed_models` is the newer docs' list of model ids. With `auto_push` on a
 * binding of the mentor, every write pushes (autoPush.ts).
 */
export const agentConfigs: EntityDef = {
    collection: AGENT_CONFIGS,
    verboseName: "agent config",
    spec: {
        fields: {
            mentor: { kind: "uuid", required: true },
            identity: text(),
            soul: text(),
            user_context: text(),
            tools: text(),
            agents: text(),
            bootstrap: text(),
            heartbeat: text(),
            memory: text(),
            model: { kind: "string", maxLength: 200, allowBlank: true, default: "" },
            config: { kind: "object", default: {}, check: blockedPathErrors },
            allowed_models: { kind: "stringList", default: [] },
        },
        readOnly: ["id", "created_at", "updated_at"],
    },
    unique: [["mentor"]],
    afterWrite: (ctx, row) => void autoPushMentor(ctx, row.mentor),
};
