import type * as pulumi from "@pulumi/pulumi";
import { type ClawClient, ConfigError, type Id, MentorId, SkillAssignmentCreate, sameValue } from "../../sdk";
import { type EntityOps, type ResourceFacts, entityOps } from "../engine/facts";
import type { SkillAssignmentId, SkillRef } from "../ids";
import { ClawApiResource, type IdentityArgs, shapeOf } from "../engine/resource";
import { Skill } from "./skill";

type Obj = Record<string, unknown> & { id: number | string };

/** The facts of `mentor-skill-assignments/` (or `mentors/<mentor>/skills/`) for the shared engine. */
export const skillAssignmentFacts: ResourceFacts = {
    type: "SkillAssignment",
    fields: {
        mentor: { api: "mentor", replaceOnChange: true },
        skill: { api: "skill", kind: "ref", replaceOnChange: true },
        enabled: { api: "enabled" },
    },
    outputs: { assignmentId: "id", skillName: "skill_name", skillUniqueId: "skill_unique_id", createdAt: "created_at", updatedAt: "updated_at" },
    createSchema: SkillAssignmentCreate,
    find: { naturalKey: ["mentor", "skill"], match: ["mentor", "skill"], query: (b) => ({ mentor: String(b.mentor), skill: b.skill as number | string }) },
    delivered: (o) => ({ mentor: o.mentor, skill: o.skill, enabled: o.enabled }),
    routed: true,
    ops: (client, ctx) => {
        const given = { skill: ctx.props.skill as Id | undefined, uniqueId: ctx.props.skillUniqueId as string | undefined };
        return ctx.routes === "mentor" ? byMentor(client, String(ctx.props.mentor), given) : collectionOps(client, given);
    },
};

/** The skill as the program named it, and its unique_id when known (state's `skillUniqueId`). */
interface SkillNames {
    skill?: Id;
    uniqueId?: string;
}

const isUuid = (v: unknown): v is string => typeof v === "string" && MentorId.safeParse(v).success;

/**
 * An answer with its `skill` in the program's form: the service may name the skill by its
 * id or its unique_id, the program by either; the same skill is no drift (no diff on refresh).
 */
function inProgramForm(o: Obj, names: SkillNames, mentor?: string): Obj {
    const named = o.skill;
    const same = named === undefined || named === null || sameValue(named, names.skill) || (names.uniqueId !== undefined && sameValue(named, names.uniqueId));
    return { ...o, ...(mentor && typeof o.mentor !== "string" ? { mentor } : {}), ...(same && names.skill !== undefined ? { skill: names.skill } : {}), skill_unique_id: o.skill_unique_id ?? names.uniqueId ?? null };
}

/** A skill's unique_id from its id or unique_id (a request only when given the numeric id). */
async function uniqueIdOf(client: ClawClient, ref: Id): Promise<string> {
    if (isUuid(ref)) return ref;
    const skill = await client.skills.resolve(ref);
    if (typeof skill.unique_id !== "string" || !skill.unique_id) {
        throw new ConfigError(`skill: skill ${String(ref)} has no unique_id, which the mentor routes need`, { hint: "pass the skill's unique_id, or use the collection routes: pulumi config set iblai:apiRoutes collection" });
    }
    return skill.unique_id;
}

/**
 * The current guide's `mentors/<mentor>/skills/`: the skill named by its unique_id (the
 * program may give the Skill, its id or its unique_id; resolved here at apply), the mentor
 * from the path.
 */
function byMentor(client: ClawClient, mentor: string, names: SkillNames): EntityOps {
    const api = (m: string) => client.mentorScoped(m).skills;
    return {
        create: async (b) => {
            const uniqueId = await uniqueIdOf(client, b.skill as Id);
            const body: Record<string, unknown> = { skill: uniqueId };
            if (b.enabled !== undefined) body.enabled = b.enabled;
            const o = (await api(String(b.mentor)).create(body as never)) as Obj;
            return inProgramForm(o, { skill: b.skill as Id, uniqueId }, String(b.mentor));
        },
        get: async (id) => inProgramForm((await api(mentor).get(id)) as Obj, names, mentor),
        update: async (id, b) => {
            const { mentor: _m, skill: _s, ...body } = b;
            return inProgramForm((await api(mentor).update(id, body as never)) as Obj, names, mentor);
        },
        delete: (id) => api(mentor).delete(id),
        list: (query) => listed(api(String(query.mentor ?? mentor)).list(), names, mentor),
    };
}

async function* listed(items: AsyncIterable<unknown>, names: SkillNames, mentor: string): AsyncGenerator<Obj> {
    for await (const o of items) yield inProgramForm(o as Obj, names, mentor);
}

/** The older guide's `mentor-skill-assignments/`: the skill named by its id (a unique_id is resolved to it). */
function collectionOps(client: ClawClient, names: SkillNames): EntityOps {
    const ops = entityOps(client.skillAssignments);
    const idOf = async (ref: Id): Promise<Id> => (isUuid(ref) ? (await client.skills.resolve(ref)).id : ref);
    return {
        ...ops,
        create: async (b) => inProgramForm(await ops.create({ ...b, skill: await idOf(b.skill as Id) }), { ...names, skill: b.skill as Id }),
        get: async (id) => inProgramForm(await ops.get(id), names),
        update: async (id, b) => inProgramForm(await ops.update(id, b), names),
    };
}

/** Inputs of {@link SkillAssignment}. */
export interface SkillAssignmentArgs extends IdentityArgs {
    /** The mentor's UUID. A change replaces. */
    mentor: pulumi.Input<string>;
    /**
     * The skill: the {@link Skill} resource, its id or its `uniqueId`; the provider sends what
     * the routes need (the id on the collection routes, the unique_id on the mentor routes).
     * A change replaces.
     */
    skill: pulumi.Input<SkillRef> | Skill;
    /** Enabled assignments are pushed as `skills.entries`. */
    enabled?: pulumi.Input<boolean>;
}

/**
 * Gives a mentor a skill: `mentor-skill-assignments/`, or `mentors/<mentor>/skills/` on the
 * mentor routes (once per mentor and skill). `contentHash` is a ConfigPush trigger.
 *
 * @example
 * ```ts
 * new SkillAssignment("ada-weather", { mentor: adaId, skill: weather });
 * ```
 */
export class SkillAssignment extends ClawApiResource {
    /** This SkillAssignment's id, typed so it only goes where a SkillAssignment is meant. */
    declare readonly id: pulumi.Output<SkillAssignmentId>;
    declare readonly mentor: pulumi.Output<string>;
    declare readonly skill: pulumi.Output<SkillRef>;
    declare readonly enabled: pulumi.Output<boolean>;
    declare readonly assignmentId: pulumi.Output<number | string>;
    declare readonly skillName: pulumi.Output<string>;
    /** The skill's unique_id, as the mentor routes named it (null on the collection routes). */
    declare readonly skillUniqueId: pulumi.Output<string | null>;
    /** The route generation this assignment was made on (`mentor` or `collection`; absent: collection). */
    declare readonly apiRoutes: pulumi.Output<string | undefined>;
    declare readonly createdAt: pulumi.Output<string>;
    declare readonly updatedAt: pulumi.Output<string>;
    /** SHA-256 of mentor, skill and enabled: a ConfigPush trigger. */
    declare readonly contentHash: pulumi.Output<string>;

    constructor(name: string, args: SkillAssignmentArgs, opts?: pulumi.CustomResourceOptions) {
        // A Skill given whole stands for its id (resource references do not reach a dynamic provider as such).
        const skill = args.skill instanceof Skill ? args.skill.id : args.skill;
        super(shapeOf(skillAssignmentFacts, { outputs: ["contentHash", "apiRoutes"] }), name, { ...args, skill }, opts);
    }
}
