import type { Transport } from "../transport";
import { Skill, SkillCreate, type SkillListQuery, SkillUpdate } from "../schemas/skill";
import { MentorId } from "../schemas/common";
import { EntityApi, type Id } from "./entity";

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
    constructor(client: Transport) {
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

    /**
     * The skill `ref` names: its numeric id (one GET) or its `unique_id` UUID (a scan of the
     * skills). Mentor-scoped assignments need the `unique_id`, the older collection the id;
     * a NotFoundError when there is no such skill.
     *
     * @example
     * ```ts
     * const { id, unique_id } = await client.skills.resolve("9b2e4c1a-7d3f-4e8a-b6c5-1f0e2d3c4b5a");
     * ```
     */
    async resolve(ref: Id): Promise<Skill> {
        if (!MentorId.safeParse(String(ref)).success) return this.get(ref);
        const found = await this.findOne({ unique_id: String(ref) });
        if (found) return found;
        // An id string that looks like a UUID may still be the skill's id on a string-id service.
        return this.get(ref);
    }
}
