import type * as pulumi from "@pulumi/pulumi";
import { SkillCreate } from "../../sdk";
import { type ResourceFacts, entityOps } from "../engine/facts";
import type { SkillId } from "../ids";
import { ClawApiResource, type IdentityArgs, shapeOf } from "../engine/resource";

/** The facts of `agent-skills/` for the shared engine. */
export const skillFacts: ResourceFacts = {
    type: "Skill",
    fields: {
        name: { api: "name" },
        slug: { api: "slug" },
        description: { api: "description" },
        version: { api: "version" },
        instruction: { api: "instruction" },
        metadata: { api: "metadata" },
        enabled: { api: "enabled" },
    },
    outputs: { skillId: "id", uniqueId: "unique_id", platformKey: "platform_key", createdAt: "created_at", updatedAt: "updated_at" },
    createSchema: SkillCreate,
    find: { naturalKey: ["slug"], match: ["slug"] },
    delivered: (o) => ({
        name: o.name,
        slug: o.slug,
        description: o.description,
        version: o.version,
        instruction: o.instruction,
        metadata: o.metadata,
        enabled: o.enabled,
    }),
    ops: (client) => entityOps(client.skills),
};

/** Inputs of {@link Skill}. */
export interface SkillArgs extends IdentityArgs {
    name: pulumi.Input<string>;
    /** Unique per platform. */
    slug: pulumi.Input<string>;
    description?: pulumi.Input<string>;
    version?: pulumi.Input<string>;
    /** The SKILL.md body. */
    instruction?: pulumi.Input<string>;
    /** The SKILL.md front matter, e.g. `{ openclaw: { requires: { bins: ["curl"] } } }`. */
    metadata?: pulumi.Input<Record<string, unknown>>;
    enabled?: pulumi.Input<boolean>;
}

/**
 * A skill (a SKILL.md with its files): `agent-skills/`. Give it to mentors with
 * {@link SkillAssignment}; `contentHash` is a ConfigPush trigger.
 *
 * @example
 * ```ts
 * const weather = new Skill("weather", {
 *     name: "Weather", slug: "weather", instruction: "Use curl wttr.in/<city>?format=3.",
 *     metadata: { openclaw: { requires: { bins: ["curl"] } } },
 * });
 * ```
 */
export class Skill extends ClawApiResource {
    /** This Skill's id, typed so it only goes where a Skill is meant. */
    declare readonly id: pulumi.Output<SkillId>;
    declare readonly name: pulumi.Output<string>;
    declare readonly slug: pulumi.Output<string>;
    declare readonly description: pulumi.Output<string | undefined>;
    declare readonly version: pulumi.Output<string | undefined>;
    declare readonly instruction: pulumi.Output<string | undefined>;
    declare readonly metadata: pulumi.Output<Record<string, unknown> | undefined>;
    declare readonly enabled: pulumi.Output<boolean>;
    declare readonly skillId: pulumi.Output<number | string>;
    /** The skill's `unique_id` (a UUID beside its id; null where the service has none): what mentor-scoped assignments name. */
    declare readonly uniqueId: pulumi.Output<string | null>;
    declare readonly platformKey: pulumi.Output<string>;
    declare readonly createdAt: pulumi.Output<string>;
    declare readonly updatedAt: pulumi.Output<string>;
    /** SHA-256 of what a push delivers of the skill: a ConfigPush trigger. */
    declare readonly contentHash: pulumi.Output<string>;

    constructor(name: string, args: SkillArgs, opts?: pulumi.CustomResourceOptions) {
        super(shapeOf(skillFacts, { outputs: ["contentHash"] }), name, args, opts);
    }
}
