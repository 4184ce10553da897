import * as crypto from "node:crypto";
import { SKILL_ASSIGNMENTS, SKILL_RESOURCES, SKILLS } from "../collections";
import type { EntityDef } from "../entity";
import { boolFilter, searchFilter } from "../filters";
import type { Row } from "../store";
import { present } from "../validate";

/**
 * A skill's `unique_id`. Skills stored by an emulator older than the field (a `--data` file
 * from before 2026's routes) get a stable one derived from their org and id, so that the
 * mentor-scoped routes can name them without rewriting the state.
 *
 * @example
 * ```ts
 * skillUniqueId("acme", { id: 3 }); // the same UUID on every call
 * ```
 */
export function skillUniqueId(org: string, row: Row): string {
    if (typeof row.unique_id === "string") return row.unique_id;
    const h = crypto.createHash("sha256").update(`${org}\u0000agent-skill\u0000${row.id}`).digest("hex");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * `agent-skills/`: a skill of the platform (the org), its SKILL.md as `instruction` and
 * front matter as `metadata`. The slug is unique per org and checked like a Django
 * SlugField (it names the skill's folder on the server). Deleting a skill deletes its
 * resources and its assignments to mentors. Each skill gets a `unique_id` (UUID) beside its
 * numeric id at create; the mentor-scoped assignment route names skills by it.
 */
export const skills: EntityDef = {
    collection: SKILLS,
    verboseName: "agent skill",
    spec: {
        fields: {
            name: { kind: "string", maxLength: 255, required: true },
            slug: {
                kind: "string",
                maxLength: 255,
                required: true,
                pattern: { re: /^[-a-zA-Z0-9_]+$/, message: "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens." },
            },
            description: { kind: "string", allowBlank: true, default: "" },
            version: { kind: "string", maxLength: 50, allowBlank: true, default: "" },
            instruction: { kind: "string", allowBlank: true, default: "" },
            metadata: { kind: "json", default: {} },
            enabled: { kind: "bool", default: true },
        },
        readOnly: ["id", "unique_id", "platform_key", "created_at", "updated_at"],
    },
    unique: [["slug"]],
    filters: {
        enabled: boolFilter("enabled"),
        search: searchFilter(["name", "slug", "description"]),
    },
    initial: (ctx) => ({ unique_id: crypto.randomUUID(), platform_key: ctx.org }),
    present: (ctx, row) => ({ ...present(skills.spec, row), unique_id: skillUniqueId(ctx.org, row) }),
    beforeDelete: (ctx, row) => {
        for (const col of [SKILL_RESOURCES, SKILL_ASSIGNMENTS]) {
            for (const r of ctx.store.list(ctx.org, col)) if (r.skill === row.id) ctx.store.remove(ctx.org, col, r.id);
        }
    },
};
