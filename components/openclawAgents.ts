/**
 * The agents of a published OpenClaw set's `openclaw.json`, turned into what each mentor's
 * agent config carries. Pure: takes the parsed file, returns data and findings.
 *
 * Placement (docs/components.md): each mentor is its own OpenClaw agent, and a mentor's
 * `config` keys that OpenClaw allows on an agent entry land under that agent's entry. So
 * an agent's part of openclaw.json becomes its `config` at the top level, less the keys
 * that map to dedicated fields or are the server's business:
 * - `id` (the agent, mapped to a mentor), `name` (not pushed: the mentor has its own),
 *   `model` (the AgentConfig's `model`; an object's `fallbacks` stay in config `model`),
 *   `skills` (the allowlist: becomes the mentor's skill assignments);
 * - `workspace`, `agentDir`, `cwd` (paths on the server) and `default` (routing), dropped
 *   with a note.
 * `agents.defaults` is split by the target OpenClaw version's schema (schemaSplit.ts): what
 * OpenClaw accepts on an agent entry is deep-merged under each agent's own (the agent wins);
 * `model` and `skills` are fallbacks for the agent's own; what it accepts only under
 * `agents.defaults` (2026.9: `subagents.maxConcurrent`, `userTimezone`, ...) is delivered
 * once for the server, as config `agents.defaults.<path>` of one agent: the set's default
 * agent (`default: true`), else its first. An agent's own key that OpenClaw accepts only
 * under `agents.defaults` (2026.9: `subagents.maxSpawnDepth`) is not delivered for it (moving
 * it would widen it to every agent): a note names the agent, where the key is valid, and the
 * fix. Blocked paths and other schema refusals stop the preview.
 */
import { findBlockedPaths } from "../sdk/configPaths";
import { checkMentorConfig } from "../sdk/openclawConfig";
import { defaultOpenClawVersion, openclawNodeSchema } from "../sdk/openclawSchema";
import { type AgentFinding, agentsPhrase, groupFindings } from "./agentFindings";
import type { AgentSetProblem } from "./errors";
import { splitDefaults, validOnlyUnderDefaults } from "./schemaSplit";

/** Keys of an agent that are paths or routing on the server: never pushed. */
const SERVER_KEYS = new Set(["workspace", "agentDir", "cwd", "repoRoot", "default"]);

/** Keys whose values are secrets: dropped wherever they appear, with a note. */
const SECRET_KEY = /^(api[-_]?key|apikeys?|.*token|.*secret|password|passwd|.*credentials?|private[-_]?key)$/i;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** `over` deep-merged onto `base`: objects merge, anything else (arrays too) replaces. */
function mergeDeep(base: Obj, over: Obj): Obj {
    const out: Obj = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = isObj(v) && isObj(out[k]) ? mergeDeep(out[k] as Obj, v) : v;
    return out;
}

/** One agent of the set, as a mentor's agent config will carry it. */
export interface SetAgent {
    id: string;
    /** The agent's display name in openclaw.json (not pushed). */
    name?: string;
    /** Where the agent is declared, e.g. `agents.list[2]` or `agents.entries.dean`. */
    at: string;
    model?: string;
    /** The agent's config: its entry less the dedicated keys, merged with the set's defaults. */
    config: Obj;
    /** The skill allowlist (slugs); undefined: every skill of the set. */
    skills?: string[];
}

export interface AgentsOfSet {
    agents: SetAgent[];
    /** Notes on what was left out or moved, each naming where (per-agent ones grouped by key). */
    notes: AgentSetProblem[];
    /** What cannot be deployed as it is (per-agent ones grouped by key, naming the agents). */
    problems: AgentSetProblem[];
    /** The OpenClaw schema version the set was split and checked by. */
    version: string;
    /**
     * The part of `agents.defaults` OpenClaw accepts only there, delivered once for the
     * server by one agent's push (its config `agents.defaults`); undefined when there is none.
     */
    serverDefaults?: { agent: string; paths: string[] };
}

/** Options of {@link agentsOf}. */
export interface AgentsOfOptions {
    /** Config paths (dotted) to leave out of every agent's config and of `agents.defaults`, e.g. `sandbox.mode`. */
    omitConfig?: readonly string[];
    /** The file's name, for messages. */
    file?: string;
    /** The OpenClaw schema snapshot to split and check by (see `resolveOpenClawVersion`); default the newest. */
    version?: string;
    /** Check each agent's config against that schema, naming the agent (default true; false for `iblai:openclawVersion` none). */
    checkSchema?: boolean;
}

/** Removes secret-looking keys at any depth; returns the paths removed. */
function dropSecrets(v: unknown, at: string, removed: string[]): unknown {
    if (Array.isArray(v)) return v.map((x, i) => dropSecrets(x, `${at}[${i}]`, removed));
    if (!isObj(v)) return v;
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) {
        const path = at ? `${at}.${k}` : k;
        if (SECRET_KEY.test(k) && (typeof x === "string" || isObj(x))) removed.push(path);
        else out[k] = dropSecrets(x, path, removed);
    }
    return out;
}

/** Deletes a dotted path from a (copied) object; true when it was there. */
function omitPath(o: Obj, path: string): boolean {
    const parts = path.split(".");
    let cur: unknown = o;
    for (const p of parts.slice(0, -1)) {
        if (!isObj(cur)) return false;
        cur = cur[p];
    }
    const last = parts[parts.length - 1];
    if (!isObj(cur) || !(last in cur)) return false;
    delete cur[last];
    return true;
}

function modelOf(v: unknown): { model?: string; fallbacks?: unknown } {
    if (typeof v === "string") return { model: v };
    if (isObj(v)) return { model: typeof v.primary === "string" ? v.primary : undefined, fallbacks: v.fallbacks };
    return {};
}

/** The raw agent declarations: `agents.entries` when present (as the gateway does), else `agents.list[]`. */
function declarations(agents: Obj, file: string, notes: AgentSetProblem[], problems: AgentSetProblem[]): { id: string; at: string; entry: Obj }[] {
    const out: { id: string; at: string; entry: Obj }[] = [];
    if (isObj(agents.entries)) {
        if (agents.list !== undefined) notes.push({ file, at: "agents.list", message: "ignored: agents.entries is present, and the gateway drops agents.list then" });
        for (const [id, entry] of Object.entries(agents.entries)) {
            if (!isObj(entry)) problems.push({ file, at: `agents.entries.${id}`, message: "must be an object" });
            else out.push({ id, at: `agents.entries.${id}`, entry });
        }
    } else if (Array.isArray(agents.list)) {
        agents.list.forEach((entry, i) => {
            const at = `agents.list[${i}]`;
            if (!isObj(entry) || typeof entry.id !== "string" || entry.id === "") problems.push({ file, at, message: "an agent needs an id (a non-empty string)" });
            else out.push({ id: entry.id, at, entry });
        });
    } else {
        problems.push({ file, at: "agents", message: "no agents: expected agents.entries (OpenClaw ≥ 2026.8) or agents.list[]" });
    }
    const seen = new Set<string>();
    for (const d of out) {
        if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(d.id)) problems.push({ file, at: d.at, message: `agent id ${JSON.stringify(d.id)}: use letters, digits, '.', '_' and '-'` });
        if (seen.has(d.id)) problems.push({ file, at: d.at, message: `agent ${d.id} is declared twice` });
        seen.add(d.id);
    }
    return out;
}

/**
 * Each agent of a parsed openclaw.json with its config, model and skill allowlist, split
 * and checked by OpenClaw `version`'s schema (see the module comment).
 *
 * @example
 * ```ts
 * agentsOf({ agents: { defaults: { heartbeat: { every: "2h" } }, list: [{ id: "dean", model: "anthropic/claude-opus-4-6" }] } });
 * // { agents: [{ id: "dean", at: "agents.list[0]", model: "anthropic/claude-opus-4-6",
 * //              config: { heartbeat: { every: "2h" } }, skills: undefined }], notes: [], problems: [], version: "2026.9.6" }
 * ```
 */
export function agentsOf(root: unknown, options: AgentsOfOptions = {}): AgentsOfSet {
    const file = options.file ?? "openclaw.json";
    const version = options.version ?? defaultOpenClawVersion();
    const notes: AgentSetProblem[] = [];
    const problems: AgentSetProblem[] = [];
    if (!isObj(root) || !isObj(root.agents)) {
        return { agents: [], notes, problems: [{ file, at: "agents", message: "no agents section" }], version };
    }
    for (const k of Object.keys(root)) {
        if (k !== "agents" && k !== "$schema") notes.push({ file, at: k, message: "not deployed: root settings are the server's own (only agents are pushed, per mentor)" });
    }
    const defaults = isObj(root.agents.defaults) ? root.agents.defaults : {};
    const rest: Obj = {};
    for (const [k, v] of Object.entries(defaults)) {
        if (k === "model" || k === "skills") continue;
        if (SERVER_KEYS.has(k)) notes.push({ file, at: `agents.defaults.${k}`, message: "not pushed: a path on the server, the server's business" });
        else rest[k] = v;
    }
    const split = splitDefaults(rest, version);
    let serverOnly = split.serverOnly;
    const asWritten = structuredClone(serverOnly);
    for (const p of options.omitConfig ?? []) {
        if (omitPath(serverOnly, p)) notes.push({ file, at: `agents.defaults.${p}`, message: "left out (omitConfig)" });
    }
    const removedDefaults: string[] = [];
    serverOnly = withoutEmptied(dropSecrets(serverOnly, "", removedDefaults) as Obj, asWritten);
    for (const r of removedDefaults) notes.push({ file, at: `agents.defaults.${r}`, message: "not pushed: a secret" });

    const decls = declarations(root.agents, file, notes, problems);
    const carrier = Object.keys(serverOnly).length ? (decls.find((d) => d.entry.default === true) ?? decls[0]) : undefined;
    const noted: AgentFinding[] = [];
    const refused: AgentFinding[] = [];
    const agents: SetAgent[] = [];
    for (const { id, at, entry } of decls) {
        const own: Obj = {};
        for (const [k, v] of Object.entries(entry)) {
            if (k === "id" || k === "name" || k === "model" || k === "skills") continue;
            if (SERVER_KEYS.has(k)) noted.push({ file, key: k, agent: id, message: "not pushed: a path or routing on the server, the server's business" });
            else own[k] = v;
        }
        let config = mergeDeep(structuredClone(split.perAgent), own);
        const { model, fallbacks } = modelOf(entry.model ?? defaults.model);
        if (fallbacks !== undefined) config = mergeDeep(config, { model: { fallbacks } });
        if ((entry.model ?? defaults.model) !== undefined && model === undefined) refused.push({ file, key: entry.model !== undefined ? "model" : "agents.defaults.model", agent: id, message: "a model is a string or { primary, fallbacks }" });

        const removed: string[] = [];
        config = dropSecrets(config, "", removed) as Obj;
        for (const r of removed) noted.push({ file, key: r, agent: id, message: "not pushed: a secret" });
        for (const p of options.omitConfig ?? []) {
            if (omitPath(config, p)) noted.push({ file, key: p, agent: id, message: "left out (omitConfig)" });
        }
        if (options.checkSchema !== false) {
            // An agent's own key that the version accepts only under agents.defaults (a per-agent
            // subagents.maxSpawnDepth, written for older OpenClaw): not delivered for this agent,
            // and said, rather than stopping the preview or widening it to every agent.
            for (const { key, where } of validOnlyAsDefaults(config, version)) {
                if (omitPath(config, key)) noted.push({ file, key, agent: id, message: notDeliveredPerAgent(version, where, key) });
            }
        }
        if (carrier?.id === id) config = mergeDeep(config, { agents: { defaults: structuredClone(serverOnly) } });
        for (const f of refusalsOf(file, id, own, config, options.checkSchema === false ? undefined : version)) {
            // The server's part of agents.defaults is the set's, not this agent's (it only carries it).
            if (f.key.startsWith("agents.defaults.")) problems.push({ file, at: f.key, message: f.message });
            else refused.push(f);
        }

        const skills = entry.skills ?? defaults.skills;
        if (skills !== undefined && !(Array.isArray(skills) && skills.every((s) => typeof s === "string"))) {
            problems.push({ file, at: entry.skills !== undefined ? `skills; agent ${id}` : "agents.defaults.skills", message: "a skill allowlist is an array of skill names" });
        }
        agents.push({ id, at, name: typeof entry.name === "string" ? entry.name : undefined, model, config, skills: Array.isArray(skills) ? (skills as string[]) : undefined });
    }

    // Sub-agents are named by id; one missing from the set would be refused by the gateway.
    const ids = new Set(agents.map((a) => a.id));
    for (const a of agents) {
        const allow = (a.config.subagents as Obj | undefined)?.allowAgents;
        if (!Array.isArray(allow)) continue;
        for (const s of allow) {
            if (s !== "*" && !ids.has(String(s))) noted.push({ file, key: "subagents.allowAgents", agent: a.id, message: `names ${JSON.stringify(s)}, which is not an agent of this set` });
        }
    }
    notes.push(...groupFindings(noted));
    problems.push(...groupFindings(refused));
    let serverDefaults: AgentsOfSet["serverDefaults"];
    if (carrier) {
        const paths = leafPaths(serverOnly).filter((p) => !split.unknownPaths.includes(p));
        serverDefaults = { agent: carrier.id, paths };
        if (paths.length) {
            notes.push({
                file,
                at: `agents.defaults: ${paths.join(", ")}`,
                message: `valid only under agents.defaults in OpenClaw ${version}: not copied into the agents; delivered once for the server, with ${agentsPhrase([carrier.id])}'s push (its config's agents.defaults)`,
            });
        }
    }
    return { agents, notes, problems, version, serverDefaults };
}

/** An object less the objects that omitConfig or secrets emptied (an empty one written so is kept, to be checked). */
function withoutEmptied(o: Obj, asWritten: Obj): Obj {
    const out: Obj = {};
    for (const [k, v] of Object.entries(o)) {
        const before = asWritten[k];
        const x = isObj(v) && isObj(before) ? withoutEmptied(v, before) : v;
        if (!(isObj(x) && Object.keys(x).length === 0 && isObj(before) && Object.keys(before).length > 0)) out[k] = x;
    }
    return out;
}

/** Dotted paths of an object's leaves (arrays and non-objects are leaves). */
function leafPaths(o: Obj, at = ""): string[] {
    return Object.entries(o).flatMap(([k, v]) => (isObj(v) && Object.keys(v).length ? leafPaths(v, `${at}${k}.`) : [`${at}${k}`]));
}

/**
 * What cannot be pushed in one agent's config (`own`: the agent's part as written): blocked
 * paths, and, unless `version` is undefined (no schema check), its own keys OpenClaw accepts
 * only at the root, and whatever else that version's schema refuses.
 */
function refusalsOf(file: string, agent: string, own: Obj, config: Obj, version: string | undefined): AgentFinding[] {
    const out: AgentFinding[] = [];
    for (const f of findBlockedPaths(config)) {
        const key = "path" in f ? f.path : f.at;
        const from = f.kind === "blocked" && !(f.path.split(".")[0] in own) ? ", from agents.defaults" : "";
        out.push({ file, key, agent, message: `${f.message}${from}. Remove it from the folder, or leave it out with omitConfig: [${JSON.stringify(key)}]` });
    }
    if (version === undefined) return out;
    // An agent's own key OpenClaw accepts only at the root would land there, for every agent
    // on the server (the placement rule): refused rather than widened (k-12's per-agent `session`).
    const rootOnly = Object.keys(own).filter((k) => k in config && !openclawNodeSchema(version, "agent", [k]) && openclawNodeSchema(version, "root", [k]));
    for (const k of rootOnly) {
        out.push({
            file,
            key: k,
            agent,
            message: `not valid on an agent in OpenClaw ${version}: \`${k}\` is valid only at the root in ${version}, where it applies to every agent on the server. Leave it out with omitConfig: [${JSON.stringify(k)}], or set it on the server itself`,
        });
    }
    return [...out, ...schemaFindings(file, agent, config, version).filter((f) => !rootOnly.includes(f.key.split(".")[0] as string))];
}

/** The keys of an agent's config that `version` accepts only under `agents.defaults`, with where. */
function validOnlyAsDefaults(config: Obj, version: string): { key: string; where: string }[] {
    const out: { key: string; where: string }[] = [];
    for (const p of checkMentorConfig(config, { version })) {
        const key = p.path.replace(/^config\.?/, "");
        if (p.code !== "unknown-key" || !/^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*)*$/.test(key)) continue;
        const where = validOnlyUnderDefaults(key.split("."), version);
        if (where) out.push({ key, where });
    }
    return out;
}

/** The note for such a key: where it is valid, and how to apply it or silence the note. */
function notDeliveredPerAgent(version: string, where: string, key: string): string {
    return (
        `not delivered for this agent: valid only under \`${where}\` in OpenClaw ${version}. ` +
        `Move it to ${where} in openclaw.json to apply it to every agent on the server, or leave it out with omitConfig: [${JSON.stringify(key)}]`
    );
}

/**
 * An agent's config checked against OpenClaw `version`'s schema, each problem naming the key
 * as written in the set, where it is valid instead, and the option that resolves it.
 */
function schemaFindings(file: string, agent: string, config: Obj, version: string): AgentFinding[] {
    const out: AgentFinding[] = [];
    for (const p of checkMentorConfig(config, { version })) {
        const key = p.path.replace(/^config\.?/, "");
        const segs = /^[A-Za-z_$][\w$-]*(\.[A-Za-z_$][\w$-]*)*$/.test(key) ? key.split(".") : undefined;
        if (segs?.[0] === "agents" && segs[1] === "defaults") {
            // The server's part of the set's agents.defaults, carried by this agent.
            const rel = segs.slice(2).join(".");
            out.push({ file, key, agent, message: `${p.reason} (OpenClaw ${version}). Fix it in openclaw.json, or leave it out with omitConfig: [${JSON.stringify(rel)}]` });
            continue;
        }
        const where = p.code === "unknown-key" && segs ? validOnlyUnderDefaults(segs, version) : undefined;
        out.push({
            file,
            key,
            agent,
            message: where
                ? `not valid on an agent in OpenClaw ${version}: valid under \`${where}\` in ${version}. Leave it out with omitConfig: [${JSON.stringify(key)}], or move it to ${where} in openclaw.json (it then applies to every agent on the server)`
                : `${p.reason} (OpenClaw ${version}). Fix it in openclaw.json, or leave it out with omitConfig: [${JSON.stringify(key)}]`,
        });
    }
    return out;
}

/**
 * The agents with the set's agent ids in `subagents.allowAgents` replaced by `rename(id)`
 * (the id the server gives that agent's mentor); `*` and ids outside the set stay as written.
 *
 * @example
 * ```ts
 * renameSubagents([{ id: "dean", at: "agents.list[0]", config: { subagents: { allowAgents: ["tutor", "*"] } } },
 *                  { id: "tutor", at: "agents.list[1]", config: {} }], (id) => `mentor-${id}`)[0].config;
 * // { subagents: { allowAgents: ["mentor-tutor", "*"] } }
 * ```
 */
export function renameSubagents<A extends Pick<SetAgent, "id" | "config">>(agents: readonly A[], rename: (agentId: string) => string): A[] {
    const ids = new Set(agents.map((a) => a.id));
    return agents.map((a) => {
        const sub = a.config.subagents;
        if (!isObj(sub) || !Array.isArray(sub.allowAgents)) return a;
        const allowAgents = sub.allowAgents.map((s) => (typeof s === "string" && ids.has(s) ? rename(s) : s));
        return { ...a, config: { ...a.config, subagents: { ...sub, allowAgents } } };
    });
}
