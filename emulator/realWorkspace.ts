/**
 * An agent's texts written into a real OpenClaw gateway, per the server's workspace layout
 * (openclaw/workspace.ts): whole files with `agents.files.set`; a section (2026.9's
 * `## Tools` of AGENTS.md) merged into the file's current text, read first with
 * `agents.files.get` when the push has no text of its own for that file; and 2026.9's
 * heartbeat text into the heartbeat job's monitor scratch.
 *
 * The heartbeat job is the cron job OpenClaw keeps per agent with a `heartbeat` block
 * (`declarationKey: "heartbeat:<agentId>"`, listed by `cron.list`); its scratch is read
 * with `cron.scratch.get` (content and `currentRevision`) and written with
 * `cron.scratch.set {id, content, expectedRevision}`, which answers
 * `{ok: false, reason: "revision-conflict"}` when another writer moved the revision:
 * we read again and retry once. Checked on the real 2026.9.6 gateway.
 */
import { sectionOnlyFiles, workspaceLayoutFor } from "../openclaw/workspace";
import type { ConfigPushContent, WrittenWorkspace } from "./delivery";
import { writtenWorkspace } from "./delivery";
import { type GatewaySession, PushFailure } from "./openclawGateway";

/** The current text of a workspace file (`agents.files.get`), or undefined when missing. */
async function currentFile(s: GatewaySession, agentId: string, name: string): Promise<string | undefined> {
    const r = await s.request<{ file?: { missing?: boolean; content?: string } }>("agents.files.get", { agentId, name });
    return r.file?.missing ? undefined : r.file?.content;
}

/**
 * The plan of a push's workspace writes for a version, with the current text of the files
 * that only receive a section. Fails (nothing written) when a text cannot be placed.
 *
 * @example
 * ```ts
 * await planWorkspace(session, content, "2026.9.6"); // { layout: "2026.9", files: { "AGENTS.md": "# Team\n\n## Tools\n…" }, heartbeat_scratch: "…", … }
 * ```
 */
export async function planWorkspace(s: GatewaySession, content: ConfigPushContent, version: string | null): Promise<WrittenWorkspace> {
    const first = writtenWorkspace(content.texts, version, {}, content.blank_fields);
    if (!first.ok) throw new PushFailure(first.error);
    const sectionOnly = sectionOnlyFiles(content.texts, workspaceLayoutFor(version).layout);
    if (sectionOnly.length === 0) return first.written;
    const current: Record<string, string | undefined> = {};
    for (const name of sectionOnly) current[name] = await currentFile(s, content.agent_id, name);
    const merged = writtenWorkspace(content.texts, version, current, content.blank_fields);
    if (!merged.ok) throw new PushFailure(merged.error);
    return merged.written;
}

/**
 * Writes the planned files; answers each file's hash as the gateway reports it.
 *
 * @example
 * ```ts
 * await writeFiles(session, "mentor-6f1c…", { "IDENTITY.md": "# Ada" }); // { "IDENTITY.md": "sha256:…" }
 * ```
 */
export async function writeFiles(s: GatewaySession, agentId: string, files: Record<string, string>): Promise<Record<string, string>> {
    const hashes: Record<string, string> = {};
    for (const [name, text] of Object.entries(files)) {
        const r = await s.request<{ file?: { hash?: string } }>("agents.files.set", { agentId, name, content: text });
        hashes[name] = String(r.file?.hash ?? "");
    }
    return hashes;
}

interface ScratchState {
    scratch?: { content?: string; revision?: number } | null;
    currentRevision?: number;
}

/**
 * Writes the heartbeat job's monitor scratch (compare-and-swap on its revision, one retry on
 * a conflict). Unchanged text is not written again.
 *
 * @example
 * ```ts
 * await writeHeartbeatScratch(session, "mentor-6f1c…", "Check the docket."); // { job: "5e97…", revision: 1, changed: true }
 * ```
 */
export async function writeHeartbeatScratch(s: GatewaySession, agentId: string, content: string): Promise<{ job: string; revision: number; changed: boolean }> {
    const jobs = await s.request<{ jobs?: Array<{ id?: string; declarationKey?: string; agentId?: string; payload?: { kind?: string } }> }>("cron.list", { includeDisabled: true });
    const job = (jobs.jobs ?? []).find((j) => j.declarationKey === `heartbeat:${agentId}` || (j.agentId === agentId && j.payload?.kind === "heartbeat"));
    if (!job?.id) {
        throw new PushFailure(
            `heartbeat: the agent ${agentId} has no heartbeat job on the server, whose monitor scratch holds the heartbeat text in OpenClaw 2026.9; ` +
                `give the agent config a heartbeat schedule (config \`heartbeat.every\`, e.g. "30m")`,
        );
    }
    for (let attempt = 0; ; attempt++) {
        const state = await s.request<ScratchState>("cron.scratch.get", { id: job.id });
        const revision = Number(state.currentRevision ?? 0);
        if (state.scratch?.content === content) return { job: job.id, revision, changed: false };
        const r = await s.request<ScratchState & { ok?: boolean; reason?: string }>("cron.scratch.set", { id: job.id, content, expectedRevision: revision });
        if (r.ok !== false) return { job: job.id, revision: Number(r.currentRevision ?? revision + 1), changed: true };
        if (attempt > 0) {
            throw new PushFailure(`cron.scratch.set: the heartbeat scratch of ${agentId} changed while it was written (${r.reason ?? "conflict"}, revision ${String(r.currentRevision)}), twice; push again`);
        }
    }
}
