import type { ClawClient } from "../client";
import { Skill, SkillCreate, type SkillListQuery, SkillUpdate } from "../schemas/skill";
import { EntityApi } from "./entity";

/**
 * `agent-skills/`: the platform's skills (SKILL.md: `metadata` is the front matter,
 * `instruction` the body). Natural key: slug, unique per platform.
 *
 * @example
 * ```ts
 * const s = await client.skills.create({
 *   name: "Weather", slug: "weather", instruction: "Use `curl wttr.in/<city>`.",
 *   metadata: { openclaw: { requires: { bins: ["curl"] } } }, enabled: true,
 * });
 * for await (const k of client.skills.list({ enabled: true })) console.log(k.slug);
 * ```
 */
export class SkillsApi extends EntityApi<typeof Skill, typeof SkillCreate, typeof SkillUpdate, SkillListQuery> {
    constructor(client: ClawClient) {
        super(client, {
            collection: "agent-skills/",
            object: Skill,
            create: SkillCreate,
            update: SkillUpdate,
            writeOnly: [],
            naturalKey: (b) => ({ slug: b.slug }),
            // `search` is fuzzy (which fields it reads is not documented), so it never narrows a lookup.
            exactFilters: ["enabled"],
        });
    }

    /**
     * The skill with this slug, if any.
     *
     * @example
     * ```ts
     * const s = await client.skills.findBySlug("weather");
     * ```
     */
    async findBySlug(slug: string): Promise<Skill | undefined> {
        return this.findOne({ slug });
    }
}
