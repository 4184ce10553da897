/**
 * A mentor's skills delivered to a real OpenClaw gateway over its protocol (OpenClaw 2026.9:
 * docs/gateway/protocol/operator-methods.md in the `openclaw` package): each assigned skill
 * is uploaded as a zip (`skills.upload.begin/chunk/commit`, sha256-checked), then installed
 * into the mentor's own agent workspace (`skills.install {source: "upload", uploadId, slug,
 * agentId}` → `<workspace>/skills/<slug>`), replacing the folder there. The folder keeps our
 * marker (skillArchive.ts) with the content hash: when it matches, nothing is uploaded.
 *
 * Skills no longer assigned: OpenClaw has no protocol method that deletes a workspace skill,
 * and ibl.ai's platform, without its `iblai-openclaw-extensions` plugin, disables unassigned
 * skills rather than deleting them. So do we: the config patch drops them from the agent's
 * allowlist (`agents.entries.<id>.skills`, replaced whole), and {@link unassignedSkills}
 * also sets `skills.entries.<slug>.enabled: false` unless another agent on the server still
 * lists that skill (the toggle is server-wide). The folder stays on the server.
 */
import * as crypto from "node:crypto";
import { SKILL_UPLOAD_SETTING } from "../openclaw/workspace";
import { GatewayRpcError, type GatewaySession, PushFailure } from "./openclawGateway";
import { markerHash, SKILL_MARKER, type SkillBundle, skillArchive } from "./skillArchive";

/** Bytes per `skills.upload.chunk` (OpenClaw 2026.9 accepts up to 4 MiB). */
const CHUNK_BYTES = 1024 * 1024;

/** What the skills part of a push did, by slug. */
export interface SkillsOutcome {
    installed: string[];
    replaced: string[];
    unchanged: string[];
    /** Dropped from the agent's allowlist (and disabled server-wide when no other agent lists them). */
    unassigned: string[];
    /** Set when the gateway cannot take skills over its protocol (older OpenClaw): nothing was uploaded. */
    note?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/**
 * The skills this agent listed before that it no longer has, and which of them no other
 * agent on the server lists (those get `skills.entries.<slug>.enabled: false`).
 *
 * @example
 * ```ts
 * unassignedSkills({ agents: { entries: { a: { skills: ["web", "mail"] }, b: { skills: ["mail"] } } } }, "a", ["x"]);
 * // { unassigned: ["web", "mail"], disable: ["web"] }
 * ```
 */
export function unassignedSkills(config: unknown, agentId: string, assigned: readonly string[]): { unassigned: string[]; disable: string[] } {
    const entries = isObject(config) && isObject(config.agents) && isObject(config.agents.entries) ? config.agents.entries : {};
    const before = listOf(isObject(entries[agentId]) ? entries[agentId].skills : undefined);
    const unassigned = before.filter((s) => !assigned.includes(s));
    const listedElsewhere = (slug: string) => Object.entries(entries).some(([id, e]) => id !== agentId && isObject(e) && listOf(e.skills).includes(slug));
    return { unassigned, disable: unassigned.filter((s) => !listedElsewhere(s)) };
}

/**
 * A text file of the agent's workspace (`agents.workspace.get`), or undefined when it is not there.
 *
 * @example
 * ```ts
 * await workspaceText(session, "mentor-6f1c…", "skills/web/.iblai-skill.json"); // '{"slug":"web",…}' or undefined
 * ```
 */
export async function workspaceText(s: GatewaySession, agentId: string, path: string): Promise<string | undefined> {
    try {
        const r = await s.request<{ file?: { encoding?: string; content?: string } }>("agents.workspace.get", { agentId, path });
        return r.file?.encoding === "utf8" ? r.file.content : undefined;
    } catch (e) {
        if (GatewayRpcError.isInstance(e) && (e.details?.type === "workspace_file_not_found" || /not found/i.test(e.message))) return undefined;
        throw e;
    }
}

async function upload(s: GatewaySession, agentId: string, bundle: SkillBundle): Promise<void> {
    const zip = skillArchive(bundle);
    const sha256 = crypto.createHash("sha256").update(zip).digest("hex");
    let begun: { uploadId?: string };
    try {
        begun = await s.request("skills.upload.begin", { kind: "skill-archive", slug: bundle.slug, sizeBytes: zip.length, sha256, force: true });
    } catch (e) {
        if (GatewayRpcError.isInstance(e) && e.message.includes(SKILL_UPLOAD_SETTING)) {
            throw new PushFailure(`skills.upload.begin: ${e.message} (skill "${bundle.slug}"); set ${SKILL_UPLOAD_SETTING}: true in the server's openclaw.json (\`openclaw config set ${SKILL_UPLOAD_SETTING} true\`; ClawServer's openclawConfig output holds it)`);
        }
        throw e;
    }
    const uploadId = String(begun.uploadId ?? "");
    for (let offset = 0; offset < zip.length; offset += CHUNK_BYTES) {
        await s.request("skills.upload.chunk", { uploadId, offset, dataBase64: zip.subarray(offset, offset + CHUNK_BYTES).toString("base64") });
    }
    await s.request("skills.upload.commit", { uploadId, sha256 });
    await s.request("skills.install", { source: "upload", uploadId, slug: bundle.slug, agentId, force: true, sha256 });
}

/**
 * Uploads and installs each bundle whose installed marker names another hash (or none).
 *
 * @example
 * ```ts
 * await deliverSkillsReal(session, "mentor-6f1c…", content.skill_bundles, ["old-skill"]);
 * // { installed: ["web"], replaced: [], unchanged: [], unassigned: ["old-skill"] }
 * ```
 */
export async function deliverSkillsReal(s: GatewaySession, agentId: string, bundles: readonly SkillBundle[], unassigned: string[]): Promise<SkillsOutcome> {
    const out: SkillsOutcome = { installed: [], replaced: [], unchanged: [], unassigned };
    if (bundles.length === 0) return out;
    if (s.hello.methods.length > 0 && !s.hello.methods.includes("skills.upload.begin")) {
        return { ...out, note: `OpenClaw ${s.hello.serverVersion || "(unknown version)"} offers no skills.upload.*: skills were not delivered (only allowlisted)` };
    }
    for (const bundle of bundles) {
        const installed = markerHash(await workspaceText(s, agentId, `skills/${bundle.slug}/${SKILL_MARKER}`));
        if (installed === bundle.sha256) {
            out.unchanged.push(bundle.slug);
            continue;
        }
        await upload(s, agentId, bundle);
        (installed === undefined ? out.installed : out.replaced).push(bundle.slug);
    }
    return out;
}
