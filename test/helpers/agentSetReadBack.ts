/**
 * Everything a real OpenClaw gateway holds for the agents of a loaded agent set, read back
 * as text: the six accepted workspace files, the heartbeat job's monitor scratch, and every
 * file of every skill of the set in each agent's workspace (images as base64). Two reads
 * compared key by key show exactly what a push changed.
 */
import type { LoadedAgentSet, LoadedSkillFile } from "../../components/agentSetLoader";
import type { OpenClawGateway } from "./openclaw";

/** The six files OpenClaw 2026.9 accepts in a workspace. */
export const ACCEPTED_FILES = ["IDENTITY.md", "SOUL.md", "USER.md", "AGENTS.md", "BOOTSTRAP.md", "MEMORY.md"] as const;

const FOLDER: Record<LoadedSkillFile["fileType"], string> = { script: "scripts", reference: "references", asset: "assets" };

/** A skill file's path inside its folder. */
export const skillFilePath = (r: LoadedSkillFile): string => `${FOLDER[r.fileType]}/${r.filename}`;

/**
 * Reads it all; keys are `<set agent id>/<file>`, `<id>/heartbeat scratch`, `<id>/skills/<slug>/<path>`.
 *
 * @example
 * ```ts
 * const before = await readBack(oc(), set, (id) => agentIdOf(MENTORS[id]));
 * ```
 */
export async function readBack(gw: OpenClawGateway, set: Pick<LoadedAgentSet, "agents" | "skills">, serverAgentOf: (setAgentId: string) => string): Promise<Record<string, string | undefined>> {
    const out: Record<string, string | undefined> = {};
    for (const a of set.agents) {
        const id = serverAgentOf(a.id);
        for (const f of ACCEPTED_FILES) out[`${a.id}/${f}`] = await gw.agentFile(id, f);
        out[`${a.id}/heartbeat scratch`] = (await gw.heartbeatScratch(id))?.content;
        for (const s of set.skills) {
            for (const rel of ["SKILL.md", ...s.resources.map(skillFilePath)]) {
                const v = await gw.workspaceFile(id, `skills/${s.slug}/${rel}`);
                out[`${a.id}/skills/${s.slug}/${rel}`] = Buffer.isBuffer(v) ? v.toString("base64") : v;
            }
        }
    }
    return out;
}

/** The keys whose values differ between two reads. */
export const changedKeys = (a: Record<string, string | undefined>, b: Record<string, string | undefined>): string[] =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();

/** The skills installed in an agent's own workspace, as `skills.status` lists them. */
export async function workspaceSkills(gw: OpenClawGateway, agentId: string): Promise<Array<{ name: string; blockedByAgentFilter: boolean }>> {
    const st = await gw.rpc<{ skills: Array<{ name: string; source: string; blockedByAgentFilter: boolean }> }>("skills.status", { agentId });
    return st.skills.filter((s) => s.source === "openclaw-workspace").map((s) => ({ name: s.name, blockedByAgentFilter: s.blockedByAgentFilter }));
}
