import { entity } from "./entity";
import { bool, json, objectId, str } from "./fieldTypes";

/**
 * The declaration of `agent-skills/`: the source of the Skill's sdk schemas, facts, types
 * and docs rows (`npm run generate`).
 *
 * @example
 * ```ts
 * skill.fields.slug.api; // "slug"
 * ```
 */
export const skill = entity({
    type: "Skill",
    file: "skill",
    sdk: "skills",
    collection: "agent-skills/",
    doc: "A skill (a SKILL.md with its files): `agent-skills/`. Give it to mentors with SkillAssignment; `contentHash` is a ConfigPush trigger.",
    idType: "SkillId",
    fields: {
        name: { api: "name", type: str().nonEmpty().max(255), required: true, delivered: true },
        slug: {
            api: "slug",
            type: str()
                .nonEmpty()
                .max(255)
                .pattern(/^[-a-zA-Z0-9_]+$/, "must be letters, digits, _ or - (it names the skill's folder), e.g. web-search"),
            required: true,
            delivered: true,
            doc: "Unique per platform.",
            why: "The slug names the skill's folder on the server (skills/<slug>/SKILL.md) and is a Django SlugField on the service: letters, digits, `_` and `-` (a space fails only at up).",
        },
        description: { api: "description", type: str(), delivered: true },
        version: { api: "version", type: str().max(50), delivered: true },
        instruction: { api: "instruction", type: str(), delivered: true, doc: "The SKILL.md body." },
        metadata: {
            api: "metadata",
            type: json('must be an object (the SKILL.md front matter\'s metadata), e.g. {"openclaw": {"requires": {"bins": ["curl"]}}}').nullable(),
            delivered: true,
            doc: "The SKILL.md front matter, e.g. `{ openclaw: { requires: { bins: [\"curl\"] } } }`.",
            why: "The SKILL.md front matter's `metadata`: an object (a string or a list could only fail on the server).",
        },
        enabled: { api: "enabled", type: bool(), delivered: true },
    },
    outputs: {
        skillId: { api: "id", type: objectId() },
        uniqueId: {
            api: "unique_id",
            type: str().nullable(),
            doc: "The skill's `unique_id` (a UUID beside its id; null where the service has none): what mentor-scoped assignments name.",
        },
        platformKey: { api: "platform_key", type: str() },
        createdAt: { api: "created_at", type: str() },
        updatedAt: { api: "updated_at", type: str() },
    },
    find: { naturalKey: ["slug"], match: ["slug"] },
    examples: {
        create: { name: "Weather", slug: "weather", instruction: "Use curl wttr.in/<city>.", metadata: { openclaw: { requires: { bins: ["curl"] } } } },
        update: { version: "1.1.0", enabled: true },
        program: 'const weather = new Skill("weather", { name: "Weather", slug: "weather", instruction: "Use curl wttr.in/<city>?format=3." });',
    },
});
