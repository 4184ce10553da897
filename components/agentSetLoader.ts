/**
 * Reads a published OpenClaw agent set from its folder, as is:
 *
 * ```
 * openclaw.json                      agents.entries (or the older agents.list[]), agents.defaults
 * agents/<id>/agent/*.md             IDENTITY.md, SOUL.md, TOOLS.md, AGENTS.md, USER.md, ...
 * agents/<id>/agent/auth-profiles.json   secrets: never pushed
 * skills/<slug>/SKILL.md             YAML front matter + instruction
 * skills/<slug>/{scripts,references,assets}/**   the skill's files
 * ```
 *
 * Everything is checked against the API's limits here, so a folder that cannot be
 * deployed fails `pulumi preview` with every problem, each naming its file. Anything the
 * loader does not deploy (unknown files, secrets, root settings) is reported as a note.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import JSON5 from "json5";
import type { z } from "zod";
import { AGENT_FILES, AgentConfigCreate, MentorId, SkillCreate, SkillResourceCreate, defaultOpenClawVersion, resolveOpenClawVersion } from "../sdk";
import { agentsPhrase } from "./agentFindings";
import { SKILL_FOLDERS, type SkillFileKind } from "./derive";
import { AgentSetError, type AgentSetProblem, SkillMdError } from "./errors";
import { type SetAgent, agentsOf } from "./openclawAgents";
import { parseSkillMd } from "./skillMd";

/** An AgentConfig text input (identity, soul, userContext, ...). */
export type AgentFileInput = "identity" | "soul" | "userContext" | "tools" | "agents" | "bootstrap" | "heartbeat" | "memory";

/** One agent of a loaded set. */
export interface LoadedAgent extends SetAgent {
    /** The workspace files, by AgentConfig input (from `agents/<id>/agent/*.md`). */
    files: Partial<Record<AgentFileInput, string>>;
}

/** One file of a loaded skill. */
export interface LoadedSkillFile {
    fileType: SkillFileKind;
    /** The path inside its folder (`scripts/`, ...), e.g. `format.py` or `api/notes.md`. */
    filename: string;
    /** Text of a script or reference. */
    content?: string;
    /** An asset's absolute path. */
    source?: string;
}

/** One skill of a loaded set. */
export interface LoadedSkill {
    slug: string;
    name: string;
    description?: string;
    version?: string;
    instruction: string;
    metadata?: unknown;
    resources: LoadedSkillFile[];
}

/** A loaded agent set. */
export interface LoadedAgentSet {
    folder: string;
    agents: LoadedAgent[];
    /** Every skill in `skills/`, by slug order. */
    skills: LoadedSkill[];
    /** What is not deployed, and why (unknown files, secrets, root settings, ...); per-agent ones grouped by key. */
    notes: string[];
    /** The OpenClaw schema version the set was split and checked by. */
    openclawVersion: string;
    /** The part of `agents.defaults` OpenClaw accepts only there, and the agent whose push delivers it once for the server. */
    serverDefaults?: { agent: string; paths: string[] };
}

/** Options of {@link loadAgentSet}. */
export interface LoadAgentSetOptions {
    /**
     * Config paths to leave out of every agent's config and of `agents.defaults`, e.g.
     * `["sandbox.mode"]` (ibl.ai refuses it) or `["subagents.maxSpawnDepth"]` (OpenClaw 2026.9
     * refuses it on an agent; without it, it is left out anyway, with a warning).
     */
    omitConfig?: readonly string[];
    /**
     * The OpenClaw version the servers run, whose config schema splits `agents.defaults` and
     * checks each agent (a snapshot version, see docs/openclaw-config.md; `"none"`: split by
     * the newest, check nothing). Default: the newest snapshot. `AgentSet` passes
     * `iblai:openclawVersion` when this is not given.
     */
    openclawVersion?: string;
}

/**
 * Files of the published layouts (iblai/<segment>-agents, the older iblai/claws) that are no
 * workspace file, and why each is not deployed (docs/components.md, "Layouts checked").
 */
const KNOWN_OTHER_FILES: ReadonlyMap<string, string> = new Map([
    [".config-hash", "not deployed: the sha256 of openclaw.json that a copy-installed gateway checks; a push through the API needs none"],
    [".gitkeep", "not deployed: an empty placeholder"],
    ["README.md", "not deployed: the set's documentation"],
    ["models.json", "not read: a per-agent model registry (it may hold provider keys); declare model providers with ClawServer's modelProviders"],
    ["MODEL.md", "not deployed: a file of the retired iblai/claws layout that OpenClaw never reads; give the agent's model in openclaw.json"],
    ["CONFIG.json", "not deployed: a file of the retired iblai/claws layout that OpenClaw never reads; put the agent's settings in its openclaw.json entry"],
    ["DATA.md", "not deployed: a file of the retired iblai/claws layout that OpenClaw never reads; move its text into TOOLS.md or AGENTS.md"],
    ["SECURITY.md", "not deployed: a file of the retired iblai/claws layout that OpenClaw never reads; move its text into SOUL.md or AGENTS.md"],
]);

/** File names that hold secrets: never read, never pushed. */
const SECRET_FILE = /^(auth-profiles\.json|\.env(\..*)?|.*\.(pem|key|p12|pfx)|(secrets?|credentials?)(\..*)?|id_(rsa|ecdsa|ed25519)(\.pub)?)$/i;

/** Workspace file name (upper case) → AgentConfig input, from the sdk's AGENT_FILES. */
const AGENT_FILE_INPUTS: ReadonlyMap<string, AgentFileInput> = new Map(
    Object.entries(AGENT_FILES).map(([api, file]) => [file.toUpperCase(), api.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) as AgentFileInput]),
);

const utf8 = new TextDecoder("utf-8", { fatal: true });
/** A file's text, or undefined when it is not UTF-8 text. */
function textOf(bytes: Buffer): string | undefined {
    if (bytes.includes(0)) return undefined;
    try {
        return utf8.decode(bytes);
    } catch {
        return undefined;
    }
}

/**
 * Every regular file under `root/dir`, as paths relative to `dir` (sorted, `/`-separated).
 * Symbolic links are not followed (one could reach a secret outside the set); each is noted.
 */
function filesUnder(root: string, dir: string, notes: AgentSetProblem[]): string[] {
    const out: string[] = [];
    const walk = (rel: string) => {
        for (const e of fs.readdirSync(path.join(root, dir, rel), { withFileTypes: true })) {
            const r = rel ? `${rel}/${e.name}` : e.name;
            if (e.isDirectory()) walk(r);
            else if (e.isFile()) out.push(r);
            else notes.push({ file: `${dir}/${r}`, message: "not deployed: not a regular file (symbolic links are not followed)" });
        }
    };
    walk("");
    return out.sort();
}

/** Maps the sdk schema's issues to problems of one file. */
function schemaProblems(schema: z.ZodType, body: unknown, fileOf: (field: string) => { file: string; at?: string }): AgentSetProblem[] {
    const r = schema.safeParse(body);
    if (r.success) return [];
    return r.error.issues.map((i) => {
        const field = String(i.path[0] ?? "");
        return { ...fileOf(field), message: `${field || "value"}: ${i.message}` };
    });
}

// A syntactically valid mentor, so that the schema checks everything but the mentor (mapped later).
const SOME_MENTOR = "00000000-0000-4000-8000-000000000000";

function loadSkill(root: string, slug: string, problems: AgentSetProblem[], notes: AgentSetProblem[]): LoadedSkill | undefined {
    const dir = `skills/${slug}`;
    const files = filesUnder(root, dir, notes);
    if (!files.includes("SKILL.md")) {
        notes.push({ file: `${dir}/`, message: "not deployed: a skill folder needs a SKILL.md" });
        return undefined;
    }
    let md;
    try {
        md = parseSkillMd(fs.readFileSync(path.join(root, dir, "SKILL.md"), "utf8"));
    } catch (e) {
        if (!(e instanceof SkillMdError)) throw e;
        problems.push({ file: `${dir}/SKILL.md`, message: e.message });
        return undefined;
    }
    for (const k of md.otherKeys) notes.push({ file: `${dir}/SKILL.md`, at: k, message: "front-matter key not carried: the API's skills have no field for it" });
    const skill: LoadedSkill = {
        slug,
        name: md.name ?? slug,
        description: md.description,
        version: md.version,
        instruction: md.instruction,
        metadata: md.metadata,
        resources: [],
    };
    const { resources: _, ...body } = skill;
    problems.push(...schemaProblems(SkillCreate, body, (f) => (f === "slug" ? { file: `${dir}/`, at: "folder name" } : { file: `${dir}/SKILL.md` })));

    const kinds = Object.entries(SKILL_FOLDERS).map(([k, folder]) => [k as SkillFileKind, `${folder}/`] as const);
    for (const rel of files) {
        if (rel === "SKILL.md") continue;
        const file = `${dir}/${rel}`;
        if (SECRET_FILE.test(path.basename(rel))) {
            notes.push({ file, message: "not pushed: a secret" });
            continue;
        }
        const kind = kinds.find(([, prefix]) => rel.startsWith(prefix));
        if (!kind) {
            notes.push({ file, message: "not deployed: unknown file (a skill's files go under scripts/, references/ or assets/)" });
            continue;
        }
        const [fileType, prefix] = kind;
        const filename = rel.slice(prefix.length);
        const abs = path.join(root, file);
        const bytes = fs.readFileSync(abs);
        let entry: LoadedSkillFile;
        if (fileType === "asset") {
            entry = { fileType, filename, source: abs };
        } else {
            const content = textOf(bytes);
            if (content === undefined) {
                problems.push({ file, message: `not UTF-8 text: a ${fileType} is sent as text; move binary files to assets/` });
                continue;
            }
            entry = { fileType, filename, content };
        }
        problems.push(
            ...schemaProblems(
                SkillResourceCreate,
                { skill: 1, file_type: fileType, filename, ...(fileType === "asset" ? { file: bytes } : { content: entry.content }) },
                () => ({ file }),
            ),
        );
        skill.resources.push(entry);
    }
    return skill;
}

function loadAgentFiles(root: string, agent: SetAgent, problems: AgentSetProblem[], notes: AgentSetProblem[]): LoadedAgent["files"] {
    const files: LoadedAgent["files"] = {};
    const dir = `agents/${agent.id}`;
    if (!fs.existsSync(path.join(root, dir))) return files;
    for (const rel of filesUnder(root, dir, notes)) {
        const file = `${dir}/${rel}`;
        if (SECRET_FILE.test(path.basename(rel))) {
            notes.push({ file, message: "not pushed: a secret (provider keys stay on the server or in the platform's credentials)" });
            continue;
        }
        const input = rel.startsWith("agent/") && !rel.slice(6).includes("/") ? AGENT_FILE_INPUTS.get(rel.slice(6).toUpperCase()) : undefined;
        if (!input) {
            const known = KNOWN_OTHER_FILES.get(path.basename(rel));
            notes.push({ file, message: known ?? `not deployed: unknown file (an agent's workspace files are agent/${Object.values(AGENT_FILES).join(", ")})` });
            continue;
        }
        const text = textOf(fs.readFileSync(path.join(root, file)));
        if (text === undefined) problems.push({ file, message: "not UTF-8 text" });
        else files[input] = text;
    }
    return files;
}

/**
 * Reads an OpenClaw agent-set folder. Throws an {@link AgentSetError} naming every file
 * that cannot be deployed as it is (over an API limit, a blocked config path, a broken
 * SKILL.md); returns the agents, the skills and notes on everything left out.
 *
 * @example
 * ```ts
 * const set = loadAgentSet("agents/academy", { omitConfig: ["sandbox.mode"] });
 * set.agents.map((a) => a.id); // ["dean", "tutor-math", ...]
 * set.notes;                   // ["agents/dean/agent/auth-profiles.json: not pushed: a secret ...", ...]
 * ```
 */
export function loadAgentSet(folder: string, options: LoadAgentSetOptions = {}): LoadedAgentSet {
    const root = path.resolve(folder);
    const problems: AgentSetProblem[] = [];
    const notes: AgentSetProblem[] = [];
    if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new AgentSetError(folder, [{ file: ".", message: "no such folder" }]);
    const configFile = path.join(root, "openclaw.json");
    if (!fs.existsSync(configFile)) throw new AgentSetError(folder, [{ file: "openclaw.json", message: `missing: an agent set has an openclaw.json at its top${retiredLayoutHint(root)}` }]);
    const chosen = resolveOpenClawVersion(options.openclawVersion);
    let parsed: unknown;
    try {
        parsed = JSON5.parse(fs.readFileSync(configFile, "utf8"));
    } catch (e) {
        throw new AgentSetError(folder, [{ file: "openclaw.json", message: `not JSON5: ${(e as Error).message}` }]);
    }
    const declared = agentsOf(parsed, { omitConfig: options.omitConfig, version: chosen ?? defaultOpenClawVersion(), checkSchema: chosen !== undefined });
    problems.push(...declared.problems);
    notes.push(...declared.notes);

    const skills: LoadedSkill[] = [];
    const skillsDir = path.join(root, "skills");
    if (fs.existsSync(skillsDir)) {
        for (const e of fs.readdirSync(skillsDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            if (!e.isDirectory()) notes.push({ file: `skills/${e.name}`, message: "not deployed: unknown file (skills are folders with a SKILL.md)" });
            else {
                const s = loadSkill(root, e.name, problems, notes);
                if (s) skills.push(s);
            }
        }
    }

    const agents: LoadedAgent[] = declared.agents.map((a) => {
        const files = loadAgentFiles(root, a, problems, notes);
        // The sdk's own schema (limits, blocked paths); a blocked path agentsOf already
        // reported, with where it came from and how to leave it out, is not reported twice.
        const found = schemaProblems(AgentConfigCreate, { mentor: SOME_MENTOR, model: a.model, config: a.config }, (f) => ({ file: "openclaw.json", at: `${f || "config"}; agent ${a.id}` }));
        problems.push(...found.filter((p) => !problems.some((q) => q.message.includes(p.message.replace(/^config: /, "")))));
        return { ...a, files };
    });

    const ids = new Set(agents.map((a) => a.id));
    const agentsDir = path.join(root, "agents");
    if (fs.existsSync(agentsDir)) {
        for (const e of fs.readdirSync(agentsDir, { withFileTypes: true })) {
            if (!ids.has(e.name)) notes.push({ file: `agents/${e.name}${e.isDirectory() ? "/" : ""}`, message: "not deployed: no agent of that id in openclaw.json" });
        }
    }
    for (const e of fs.readdirSync(root, { withFileTypes: true })) {
        if (["openclaw.json", "agents", "skills"].includes(e.name)) continue;
        const file = `${e.name}${e.isDirectory() ? "/" : ""}`;
        const why = SECRET_FILE.test(e.name)
            ? "not pushed: a secret"
            : e.name === "workspace" && e.isDirectory()
              ? "not deployed: the shared workspace of a copy-installed gateway; the server makes each mentor's own"
              : (KNOWN_OTHER_FILES.get(e.name) ?? "not deployed: unknown file");
        notes.push({ file, message: why });
    }

    if (problems.length) throw new AgentSetError(folder, problems);
    return {
        folder: root,
        agents,
        skills,
        notes: notes.map((n) => `${n.file}${n.at ? ` (${n.at})` : ""}: ${n.message}`),
        openclawVersion: declared.version,
        serverDefaults: declared.serverDefaults,
    };
}

/**
 * Why a folder without openclaw.json may be a published set all the same: the older layout of
 * iblai/claws (`<agent>/IDENTITY.md`, `MODEL.md`, `CONFIG.json` per agent, no openclaw.json),
 * which ibl.ai replaced by one repository per segment with an openclaw.json.
 */
function retiredLayoutHint(root: string): string {
    // Workspace files straight in an agent's folder, not in its agent/ subfolder as published sets have them.
    const perAgent = (dir: string) => path.basename(dir) !== "agent" && ["IDENTITY.md", "SOUL.md", "MODEL.md"].some((f) => fs.existsSync(path.join(dir, f)));
    const dirs = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name)) : []);
    const candidates = [...dirs(root), ...dirs(path.join(root, "agents")), ...dirs(path.join(root, "agents")).flatMap(dirs)];
    if (!candidates.some(perAgent)) return "";
    return (
        ". This folder looks like the retired per-agent layout of iblai/claws (<agent>/IDENTITY.md, MODEL.md, CONFIG.json and no openclaw.json), " +
        "which OpenClaw cannot load either: deploy the segment's current repository (iblai/<segment>-agents, with an openclaw.json), " +
        "or write an openclaw.json whose agents.list names each agent folder"
    );
}

/** Which skills each agent of a set gets, and what cannot be assigned. */
export interface SkillPlan {
    /** Per agent id: each skill by name, from the folder (`set`) or given by id (`existing`). */
    agents: Record<string, { slug: string; from: "set" | "existing" }[]>;
    /** Slugs of the folder's skills that some agent uses (the ones to create). */
    used: string[];
    notes: string[];
}

/**
 * Plans the skills of a loaded set: an agent gets its allowlist (or the defaults'; a name there
 * is a skill's folder or its SKILL.md name), or every
 * skill of the folder when it has none (OpenClaw's rule: no allowlist, no restriction). A
 * name that is neither in the folder nor in `existing` is reported and left out; a skill of
 * the folder no agent uses is reported and not created.
 *
 * @example
 * ```ts
 * planSkills(loadAgentSet("academy"), ["github"]).agents.dean; // [{ slug: "grading-rubric", from: "set" }, ...]
 * ```
 */
export function planSkills(set: Pick<LoadedAgentSet, "agents" | "skills">, existing: readonly string[] = []): SkillPlan {
    const inFolder = set.skills.map((s) => s.slug);
    const plan: SkillPlan = { agents: {}, used: [], notes: [] };
    const used = new Set<string>();
    const missing: { skill: string; agent: string }[] = [];
    for (const a of set.agents) {
        plan.agents[a.id] = [];
        for (const wanted of a.skills ?? inFolder) {
            // OpenClaw's allowlists name a skill by its SKILL.md name, which is usually its folder's.
            const slug = (set.skills.find((s) => s.slug === wanted) ?? set.skills.find((s) => s.name === wanted))?.slug;
            if (slug !== undefined) {
                plan.agents[a.id].push({ slug, from: "set" });
                used.add(slug);
            } else if (existing.includes(wanted)) plan.agents[a.id].push({ slug: wanted, from: "existing" });
            else missing.push({ skill: wanted, agent: a.id });
        }
    }
    // One line per set of agents, naming every missing skill they share (a set's defaults
    // allowlist of 11 tools, 10 of them bundled, gave 130 lines before: issue 21).
    const byAgents = new Map<string, string[]>();
    for (const skill of new Set(missing.map((m) => m.skill))) {
        const who = agentsPhrase(missing.filter((m) => m.skill === skill).map((m) => m.agent));
        byAgents.set(who, [...(byAgents.get(who) ?? []), JSON.stringify(skill)]);
    }
    for (const [who, names] of byAgents) {
        const one = names.length === 1;
        plan.notes.push(
            `openclaw.json (skills; ${who}): skill${one ? "" : "s"} ${names.join(", ")} ${one ? "is" : "are"} not in the folder (bundled?): not assigned; give ${one ? "its id" : "their ids"} in existingSkills to assign ${one ? "it" : "them"}`,
        );
    }
    plan.used = inFolder.filter((s) => used.has(s));
    for (const s of inFolder) if (!used.has(s)) plan.notes.push(`skills/${s}/: not deployed: no agent's skills allowlist names it`);
    return plan;
}

/**
 * The problems of a mentors table (agent id → mentor UUID) for a loaded set: every mentor
 * that is not a UUID, naming the agent. An agent left out of the table is no problem: it
 * gets its own mentor (AgentSet). With `serverAgentId`, every agent needs a UUID (the
 * server's agent name is derived from it while the program runs).
 *
 * @example
 * ```ts
 * mentorProblems(set.agents, { dean: "dean@acme" });
 * // [{ file: "openclaw.json", message: 'agent dean: mentors["dean"] must be a mentor UUID, ...' }]
 * ```
 */
export function mentorProblems(agents: readonly Pick<LoadedAgent, "id">[], mentors: Record<string, unknown>, needEvery = false): AgentSetProblem[] {
    const out: AgentSetProblem[] = [];
    for (const a of agents) {
        const m = mentors[a.id];
        if (m === undefined || m === null || m === "") {
            if (needEvery) {
                out.push({
                    file: "openclaw.json",
                    message: `agent ${a.id} has no mentor UUID, which serverAgentId needs: add it to the mentors table (e.g. pulumi config set --path 'mentors["${a.id}"]' <mentor-uuid>), or leave serverAgentId out`,
                });
            }
        } else if (!MentorId.safeParse(m).success) {
            out.push({ file: "openclaw.json", message: `agent ${a.id}: mentors["${a.id}"] must be a mentor UUID, e.g. 3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10 (or leave the agent out: it gets its own mentor)` });
        }
    }
    return out;
}
