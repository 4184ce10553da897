/**
 * What a push sends to a claw server, built from the platform's state at the moment the
 * push runs (as a background task reading the database would): the workspace files and
 * config patch of a config push, the `models` patch of a provider push.
 */
import { baselineWarnings } from "./baseline";
import { AGENT_CONFIGS, CREDENTIALS, SKILL_ASSIGNMENTS, SKILL_RESOURCES, SKILLS } from "./collections";
import { expandConfig } from "./configPaths";
import { placeMentor } from "./placement";
import type { Row, Store } from "./store";

/** Agent-config text fields and the workspace file each becomes. */
export const WORKSPACE_FILES: ReadonlyArray<readonly [field: string, file: string]> = [
    ["identity", "IDENTITY.md"],
    ["soul", "SOUL.md"],
    ["user_context", "USER.md"],
    ["tools", "TOOLS.md"],
    ["agents", "AGENTS.md"],
    ["bootstrap", "BOOTSTRAP.md"],
    ["heartbeat", "HEARTBEAT.md"],
    ["memory", "MEMORY.md"],
];

/** A mentor's agent config (at most one per mentor). */
export function agentConfigOf(store: Store, org: string, mentor: unknown): Row | undefined {
    return store.list(org, AGENT_CONFIGS).find((c) => c.mentor === mentor);
}

/** A delivered skill: its SKILL.md and resource files, as laid out in the skill's folder. */
export interface DeliveredSkill {
    slug: string;
    files: Record<string, string | { bytes: number; sha256: string; content_type: string }>;
}

/** The content of a config push. */
export interface ConfigPushContent {
    /** Workspace files by name; only the agent config's non-empty texts are written. */
    files: Record<string, string>;
    /**
     * Workspace files to empty on the server: with `auto_push` on (2026 guide), an empty text
     * field blanks its file instead of being skipped. Empty without `auto_push`.
     */
    blank_files: string[];
    /** The mentor's OpenClaw agent (`agents.entries.<agent_id>`; see placement.ts). */
    agent_id: string;
    /** The config patch in nested form, placed per mentor (see placement.ts). */
    config_patch: Record<string, unknown>;
    /** Arrays the patch replaces as a whole (`config.patch`'s `replacePaths`). */
    replace_paths: string[];
    /** Why the patch cannot be applied (another agent's entry, `agents.list`); empty when it can. */
    placement_errors: string[];
    skills: DeliveredSkill[];
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

function deliveredSkill(store: Store, org: string, skill: Row): DeliveredSkill {
    const files: DeliveredSkill["files"] = { "SKILL.md": skillMd(skill) };
    for (const r of store.list(org, SKILL_RESOURCES)) {
        if (r.skill !== skill.id) continue;
        const path = `${FOLDERS[String(r.file_type)] ?? "files"}/${String(r.filename)}`;
        files[path] = r.file_type === "asset" ? { bytes: Number(r._file_size ?? 0), sha256: String(r._file_sha256 ?? ""), content_type: String(r._file_type ?? "") } : String(r.content ?? "");
    }
    return { slug: String(skill.slug), files };
}

/**
 * What a config push for `binding` delivers: the mentor's agent config as workspace
 * files (and, with `auto_push` on, the files its empty fields blank), and a config patch placing its `config`, its `model` and its enabled skills
 * (enabled assignments of enabled skills) under the mentor's own agent (placement.ts).
 */
export function configPushContent(store: Store, org: string, binding: Row): ConfigPushContent {
    const cfg = agentConfigOf(store, org, binding.mentor);
    const files: Record<string, string> = {};
    const blank_files: string[] = [];
    for (const [field, file] of WORKSPACE_FILES) {
        const text = cfg?.[field];
        if (typeof text === "string" && text !== "") files[file] = text;
        else if (binding.auto_push === true) blank_files.push(file);
    }
    const warnings = baselineWarnings(expandConfig(cfg?.config ?? {}));
    const skills: DeliveredSkill[] = [];
    for (const a of store.list(org, SKILL_ASSIGNMENTS)) {
        if (a.mentor !== binding.mentor || a.enabled !== true) continue;
        const skill = store.get(org, SKILLS, Number(a.skill));
        if (!skill || skill.enabled !== true) continue;
        skills.push(deliveredSkill(store, org, skill));
    }
    const agentId = typeof binding.agent_id === "string" && binding.agent_id !== "" ? binding.agent_id : undefined;
    const placed = placeMentor(binding.mentor, cfg?.config, cfg?.model, skills.map((s) => s.slug), agentId);
    return { files, blank_files, agent_id: placed.agentId, config_patch: placed.patch, replace_paths: placed.replacePaths, placement_errors: placed.errors, skills, warnings };
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
