/**
 * What a push sends to a claw server, built from the platform's state at the moment the
 * push runs (as a background task reading the database would): the workspace files and
 * config patch of a config push, the `models` patch of a provider push.
 */
import { AGENT_TEXT_FIELDS, type AgentTextField, workspaceLayoutFor, workspaceWrites } from "../openclaw/workspace";
import { baselineWarnings } from "./baseline";
import { AGENT_CONFIGS, CREDENTIALS, SKILL_ASSIGNMENTS, SKILL_RESOURCES, SKILLS } from "./collections";
import { expandConfig } from "./configPaths";
import { placeMentor } from "./placement";
import { type SkillBundle, skillBundle } from "./skillArchive";
import type { Row, Store } from "./store";

/** A mentor's agent config (at most one per mentor). */
export function agentConfigOf(store: Store, org: string, mentor: unknown): Row | undefined {
    return store.list(org, AGENT_CONFIGS).find((c) => c.mentor === mentor);
}

/** A delivered skill: its SKILL.md and resource files, as laid out in the skill's folder. */
export interface DeliveredSkill {
    slug: string;
    files: Record<string, string | { bytes: number; sha256: string; content_type: string }>;
    /** The content hash of the skill's folder (skillArchive.ts): a real delivery replaces the server's copy when it differs. */
    sha256: string;
}

/** The content of a config push. */
export interface ConfigPushContent {
    /**
     * The agent config's non-empty texts by field. Where each lands (a file, a section of
     * AGENTS.md, the heartbeat scratch) depends on the server's OpenClaw version: see
     * {@link writtenWorkspace} and openclaw/workspace.ts.
     */
    texts: Partial<Record<AgentTextField, string>>;
    /**
     * The text fields to empty on the server: with `auto_push` on (2026 guide), an empty text
     * field blanks what it becomes instead of being skipped. Empty without `auto_push`.
     */
    blank_fields: AgentTextField[];
    /** The mentor's OpenClaw agent (`agents.entries.<agent_id>`; see placement.ts). */
    agent_id: string;
    /** The config patch in nested form, placed per mentor (see placement.ts). */
    config_patch: Record<string, unknown>;
    /** Arrays the patch replaces as a whole (`config.patch`'s `replacePaths`). */
    replace_paths: string[];
    /** Why the patch cannot be applied (another agent's entry, `agents.list`); empty when it can. */
    placement_errors: string[];
    skills: DeliveredSkill[];
    /** The same skills' files as bytes, for a real delivery's upload (never recorded). */
    skill_bundles: SkillBundle[];
    /** The baseline check's findings (the binding's `last_push_warnings`). */
    warnings: string[];
}

function skillMd(skill: Row): string {
    // Front matter as published agent sets write it: metadata as a one-line JSON object.
    const lines = ["---", `name: ${JSON.stringify(skill.slug)}`];
    if (skill.description) lines.push(`description: ${JSON.stringify(skill.description)}`);
    if (skill.metadata !== undefined && skill.metadata !== null) lines.push(`metadata: ${JSON.stringify(skill.metadata)}`);
    lines.push("---", "");
    return lines.join("\n") + String(skill.instruction ?? "");
}

const FOLDERS: Record<string, string> = { script: "scripts", reference: "references", asset: "assets" };

function deliveredSkill(store: Store, org: string, skill: Row): { delivered: DeliveredSkill; bundle: SkillBundle } {
    const md = skillMd(skill);
    const files: DeliveredSkill["files"] = { "SKILL.md": md };
    const data = [{ path: "SKILL.md", data: Buffer.from(md, "utf8") }];
    for (const r of store.list(org, SKILL_RESOURCES)) {
        if (r.skill !== skill.id) continue;
        const path = `${FOLDERS[String(r.file_type)] ?? "files"}/${String(r.filename)}`;
        if (r.file_type === "asset") {
            files[path] = { bytes: Number(r._file_size ?? 0), sha256: String(r._file_sha256 ?? ""), content_type: String(r._file_type ?? "") };
            data.push({ path, data: Buffer.from(String(r._file_b64 ?? ""), "base64") });
        } else {
            files[path] = String(r.content ?? "");
            data.push({ path, data: Buffer.from(String(r.content ?? ""), "utf8") });
        }
    }
    const bundle = skillBundle(String(skill.slug), data);
    return { delivered: { slug: bundle.slug, files, sha256: bundle.sha256 }, bundle };
}

/**
 * What a config push for `binding` delivers: the mentor's agent config as workspace
 * files (and, with `auto_push` on, the files its empty fields blank), and a config patch placing its `config`, its `model` and its enabled skills
 * (enabled assignments of enabled skills) under the mentor's own agent (placement.ts).
 */
export function configPushContent(store: Store, org: string, binding: Row): ConfigPushContent {
    const cfg = agentConfigOf(store, org, binding.mentor);
    const texts: ConfigPushContent["texts"] = {};
    const blank_fields: AgentTextField[] = [];
    for (const field of AGENT_TEXT_FIELDS) {
        const text = cfg?.[field];
        if (typeof text === "string" && text !== "") texts[field] = text;
        else if (binding.auto_push === true) blank_fields.push(field);
    }
    const warnings = baselineWarnings(expandConfig(cfg?.config ?? {}));
    const skills: DeliveredSkill[] = [];
    const bundles: SkillBundle[] = [];
    for (const a of store.list(org, SKILL_ASSIGNMENTS)) {
        if (a.mentor !== binding.mentor || a.enabled !== true) continue;
        const skill = store.get(org, SKILLS, Number(a.skill));
        if (!skill || skill.enabled !== true) continue;
        const { delivered, bundle } = deliveredSkill(store, org, skill);
        skills.push(delivered);
        bundles.push(bundle);
    }
    const agentId = typeof binding.agent_id === "string" && binding.agent_id !== "" ? binding.agent_id : undefined;
    const placed = placeMentor(binding.mentor, cfg?.config, cfg?.model, skills.map((s) => s.slug), agentId);
    return {
        texts,
        blank_fields,
        agent_id: placed.agentId,
        config_patch: placed.patch,
        replace_paths: placed.replacePaths,
        placement_errors: placed.errors,
        skills,
        skill_bundles: bundles,
        warnings,
    };
}

/** What a config push wrote into the agent's workspace, as a delivery records it. */
export interface WrittenWorkspace {
    /** The OpenClaw version the layout was chosen for (the gateway's, else the instance's `claw_version`), or null. */
    openclaw_version: string | null;
    /** The layout's name (openclaw/workspace.ts), e.g. "2026.9". */
    layout: string;
    /** Set when the version is newer than any layout we know (the newest was used) or unreadable. */
    layout_note?: string;
    /** Whole files written with `agents.files.set` (a blanked one as ""). */
    files: Record<string, string>;
    /** With `auto_push` on: the files that empty text fields blanked. */
    blank_files: string[];
    /** The heartbeat job's monitor scratch, when the layout puts the heartbeat there. */
    heartbeat_scratch?: string;
}

/**
 * Where a push's texts land for an OpenClaw version, through the one table in
 * openclaw/workspace.ts: the stand-in's whole delivery, and the plan of a real one (which
 * passes the server's current text of files that only receive a section). Fails, naming
 * the field, when a text cannot be placed (a heartbeat over the scratch's cap).
 *
 * @example
 * ```ts
 * writtenWorkspace(content.texts, "2026.9.6"); // { ok: true, written: { layout: "2026.9", files: { "AGENTS.md": "## Tools\n…" }, heartbeat_scratch: "…", … } }
 * ```
 */
export function writtenWorkspace(
    texts: ConfigPushContent["texts"],
    version: string | null | undefined,
    current: Readonly<Record<string, string | undefined>> = {},
    blank: readonly AgentTextField[] = [],
): { ok: true; written: WrittenWorkspace } | { ok: false; error: string } {
    const { layout, note } = workspaceLayoutFor(version);
    const w = workspaceWrites(texts, layout, current);
    if (w.errors.length) return { ok: false, error: `workspace refused: ${w.errors.join("; ")}` };
    // auto_push blanks the files of empty fields; a section or the scratch is left as it is.
    const blank_files: string[] = [];
    for (const f of blank) {
        const p = layout.fields[f];
        if (p.kind === "file" && w.files[p.file] === undefined) blank_files.push(p.file);
    }
    return {
        ok: true,
        written: {
            openclaw_version: version || null,
            layout: layout.name,
            ...(note ? { layout_note: note } : {}),
            files: { ...w.files, ...Object.fromEntries(blank_files.map((f) => [f, ""])) },
            blank_files,
            ...(w.heartbeatScratch !== undefined ? { heartbeat_scratch: w.heartbeatScratch } : {}),
        },
    };
}

/** Whether the platform holds an LLM credential of that name (every name resolves until the org has a list). */
export function credentialResolved(store: Store, org: string, name: unknown): boolean {
    const list = store.get(org, CREDENTIALS, 1)?.names;
    return !Array.isArray(list) || list.includes(name);
}

/**
 * The `models` config patch of a provider push, in OpenClaw's shape. API keys are never
 * delivered as text here: the emulator writes a reference to the platform credential.
 */
export function providerPatch(providers: readonly Row[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of providers) {
        out[String(p.name)] = {
            baseUrl: p.base_url,
            api: p.api_type,
            apiKey: `credential:${String(p.credential_name)}${p.credential_key ? `#${String(p.credential_key)}` : ""}`,
            models: p.model_catalog ?? [],
        };
    }
    const mode = providers.some((p) => p.models_mode === "replace") ? "replace" : "merge";
    return { models: { mode, providers: out } };
}
