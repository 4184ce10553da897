// Not from the sdk's index, which loads the generated schemas: scripts/generate.ts loads the
// declarations, so they must load without what it writes.
import type { ClawClient } from "../../sdk/client";
import { ConfigError } from "../../sdk/errors";
import { MentorId } from "../../sdk/schemas/common";
import { type Id, sameValue } from "../../sdk/resources/entity";
import { type EntityOps, type OpsContext, entityOps } from "../engine/facts";

// The SkillAssignment's operations: on either route generation the skill may be named by
// its id or its unique_id, and the answer is put back in the program's form.

type Obj = Record<string, unknown> & { id: number | string };

/**
 * The operations of a skill assignment on the routes of `ctx` (decided at create, routes.ts).
 *
 * @example
 * ```ts
 * const ops = skillAssignmentOps(client, { routes: "mentor", props: { mentor, skill: 9 } });
 * ```
 */
export function skillAssignmentOps(client: ClawClient, ctx: OpsContext): EntityOps {
    const given = { skill: ctx.props.skill as Id | undefined, uniqueId: ctx.props.skillUniqueId as string | undefined };
    return ctx.routes === "mentor" ? byMentor(client, String(ctx.props.mentor), given) : collectionOps(client, given);
}

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
