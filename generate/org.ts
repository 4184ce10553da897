/**
 * Reading an org for `iblai-claw generate`: every object the provider has a resource for,
 * through the sdk (list scans only; nothing is written), narrowed by the filters.
 */
import type { AgentConfig, ClawClient, Instance, MentorBinding, ModelProvider, Skill, SkillAssignment, SkillResource } from "../sdk";

/** What an org holds, as the API answered, each list sorted by id (so output is stable). */
export interface OrgSnapshot {
    org: string;
    baseUrl: string;
    instances: Instance[];
    modelProviders: ModelProvider[];
    bindings: MentorBinding[];
    agentConfigs: AgentConfig[];
    skills: Skill[];
    skillResources: SkillResource[];
    assignments: SkillAssignment[];
    /** Asset bytes by resource id, when they could be downloaded. */
    assets: Map<string, Buffer>;
    /** Assets that could not be downloaded: resource id → why. */
    assetErrors: Map<string, string>;
}

/** Which part of the org to generate: mentor UUIDs and instance ids (or names); empty = all. */
export interface OrgFilter {
    mentors?: readonly string[];
    instances?: readonly string[];
}

const byId = <T extends { id: unknown }>(xs: T[]): T[] => [...xs].sort((a, b) => Number(a.id) - Number(b.id) || String(a.id).localeCompare(String(b.id)));
/** Ids are opaque: `7` and `"7"` are the same object. */
export const sameId = (a: unknown, b: unknown): boolean => a !== undefined && a !== null && String(a) === String(b);
const sameMentor = (a: unknown, b: unknown): boolean => String(a).toLowerCase().replace(/-/g, "") === String(b).toLowerCase().replace(/-/g, "");

/**
 * Reads the whole org, then keeps what the filter selects and everything it refers to.
 *
 * @example
 * ```ts
 * const snap = await readOrg(client, { mentors: ["3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10"] });
 * console.log(snap.bindings.length);
 * ```
 */
export async function readOrg(client: ClawClient, filter: OrgFilter = {}): Promise<OrgSnapshot> {
    const [instances, modelProviders, bindings, agentConfigs, skills, skillResources, assignments] = await Promise.all([
        client.instances.listAll(),
        client.modelProviders.listAll(),
        client.mentorBindings.listAll(),
        client.agentConfigs.listAll(),
        client.skills.listAll(),
        client.skillResources.listAll(),
        client.skillAssignments.listAll(),
    ]);
    const snap = selectOrg(
        {
            org: client.org,
            baseUrl: client.baseUrl,
            instances: byId(instances),
            modelProviders: byId(modelProviders),
            bindings: byId(bindings),
            agentConfigs: byId(agentConfigs),
            skills: byId(skills),
            skillResources: byId(skillResources),
            assignments: byId(assignments),
            assets: new Map(),
            assetErrors: new Map(),
        },
        filter,
    );
    for (const r of snap.skillResources) {
        if (r.file_type !== "asset") continue;
        const url = (r as { file?: unknown }).file;
        if (typeof url !== "string" || url === "") {
            snap.assetErrors.set(String(r.id), "the service answered no file URL");
            continue;
        }
        try {
            snap.assets.set(String(r.id), await client.download(url));
        } catch (e) {
            snap.assetErrors.set(String(r.id), (e as Error).message.split("\n")[0] ?? "download failed");
        }
    }
    return snap;
}

/**
 * The part of a snapshot a filter selects (pure). `--instance`: those instances, their
 * model providers and bindings, and the bound mentors. `--mentor`: those mentors' bindings,
 * agent configs and assignments, and the instances they are bound to. Both: the bindings
 * that match both. Skills come with the assignments that need them (all skills when
 * nothing is filtered).
 *
 * @example
 * ```ts
 * const part = selectOrg(snapshot, { instances: ["prod"] });
 * ```
 */
export function selectOrg(all: OrgSnapshot, filter: OrgFilter): OrgSnapshot {
    const mentorsWanted = filter.mentors ?? [];
    const instancesWanted = filter.instances ?? [];
    if (mentorsWanted.length === 0 && instancesWanted.length === 0) return all;
    const instanceMatch = (i: Instance) => instancesWanted.length === 0 || instancesWanted.some((w) => sameId(i.id, w) || i.name === w);
    const mentorMatch = (m: unknown) => mentorsWanted.length === 0 || mentorsWanted.some((w) => sameMentor(m, w));
    const chosenInstances = all.instances.filter(instanceMatch);
    const bindings = all.bindings.filter((b) => mentorMatch(b.mentor) && chosenInstances.some((i) => sameId(i.id, b.server)));
    const mentors = new Set(bindings.map((b) => String(b.mentor).toLowerCase()));
    // A mentor named by --mentor keeps its config and skills even when it is bound nowhere.
    for (const m of mentorsWanted) if (instancesWanted.length === 0) mentors.add(m.toLowerCase());
    const isMentor = (m: unknown) => [...mentors].some((x) => sameMentor(x, m));
    const instances = all.instances.filter((i) => (instancesWanted.length ? instanceMatch(i) : bindings.some((b) => sameId(b.server, i.id))));
    const assignments = all.assignments.filter((a) => isMentor(a.mentor));
    const skills = all.skills.filter((s) => assignments.some((a) => sameId(a.skill, s.id)));
    return {
        ...all,
        instances,
        modelProviders: all.modelProviders.filter((p) => instances.some((i) => sameId(i.id, p.server))),
        bindings,
        agentConfigs: all.agentConfigs.filter((c) => isMentor(c.mentor)),
        skills,
        skillResources: all.skillResources.filter((r) => skills.some((s) => sameId(s.id, r.skill))),
        assignments,
    };
}
