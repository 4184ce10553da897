/**
 * The 2026 guide's mentor-scoped routes, over the same store as the collection routes (so
 * in `both` mode an object made through one generation reads through the other):
 *
 * | route | methods |
 * |---|---|
 * | `mentors/<mentor>/claw-config/` | POST (bind), GET, PATCH, DELETE: one binding per mentor |
 * | `mentors/<mentor>/claw-config/push-config/` | POST → 202 |
 * | `mentors/<mentor>/agent-config/` | GET, PATCH (made by the bind) |
 * | `mentors/<mentor>/skills/` | GET (filter `enabled`), POST `{"skill": "<unique_id>", "enabled"}` |
 * | `mentors/<mentor>/skills/<id>/` | GET, PATCH, DELETE |
 *
 * `<mentor>` must be a UUID naming a mentor of the org (else `404 {"detail": "Not found."}`).
 * Everything else goes through the one entity handler (handler.ts), so validation, cascades,
 * `auto_push` and pushes behave exactly as on the collection routes.
 */
import { AGENT_CONFIGS, BINDINGS, SKILL_ASSIGNMENTS, SKILLS } from "./collections";
import { ApiFault, type Ctx, type Reply } from "./entity";
import { agentConfigs } from "./entities/agentConfigs";
import { mentorConfigs } from "./entities/mentorConfigs";
import { skillAssignments } from "./entities/skillAssignments";
import { skillUniqueId } from "./entities/skills";
import { handleEntity, listReply, show } from "./handler";
import { mentorByUuid } from "./mentors";
import type { Row } from "./store";

const NOT_FOUND: Reply = { status: 404, body: { detail: "Not found." } };
const notAllowed = (method: string): Reply => ({ status: 405, body: { detail: `Method "${method}" not allowed.` } });
/** The agent a mentor-route bind targets when the body names none (the platform's scripts: `main`). */
export const DEFAULT_AGENT_ID = "main";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The body with `mentor` taken from the path (a `mentor` in the body is ignored). */
function withMentor(body: unknown, mentor: unknown, extra: Record<string, unknown> = {}): unknown {
    if (!isObject(body)) return body; // the handler answers DRF's "Expected a dictionary"
    const { mentor: _ignored, ...rest } = body;
    return { ...extra, ...rest, mentor };
}

/** The mentor's binding (the first by id when the collection routes made several). */
export function bindingOf(ctx: Ctx, mentor: unknown): Row | undefined {
    for (const b of ctx.store.rows(ctx.org, BINDINGS)) if (b.mentor === mentor) return b;
    return undefined;
}

/** An assignment as the mentor route shows it: its skill named by `unique_id` (in and out). */
function byUniqueId(ctx: Ctx, shown: Record<string, unknown>): Record<string, unknown> {
    const skill = ctx.store.get(ctx.org, SKILLS, Number(shown.skill));
    return { ...shown, skill: skill ? skillUniqueId(ctx.org, skill) : null };
}

/** The handler's answer for an assignment, its skill named by `unique_id`. */
async function assignmentReply(ctx: Ctx, reply: Promise<Reply>): Promise<Reply> {
    const r = await reply;
    return isObject(r.body) && r.status < 300 ? { ...r, body: byUniqueId(ctx, r.body) } : r;
}

/** A body's `skill` (a `unique_id`) as the numeric id the store keeps. */
function withSkillId(ctx: Ctx, raw: unknown): unknown {
    return isObject(raw) && "skill" in raw ? { ...raw, skill: skillByUniqueId(ctx, raw.skill) } : raw;
}

/** The skill's numeric id for a `unique_id`, or the field error DRF's SlugRelatedField answers. */
function skillByUniqueId(ctx: Ctx, value: unknown): number {
    for (const s of ctx.store.rows(ctx.org, SKILLS)) if (typeof value === "string" && skillUniqueId(ctx.org, s) === value.toLowerCase()) return s.id;
    if (value === null) throw ApiFault.fields({ skill: ["This field may not be null."] });
    throw ApiFault.fields({ skill: [`Object with unique_id=${String(value)} does not exist.`] });
}

/**
 * Serves one mentor-scoped request. `rest` is the path after `mentors/`
 * (`[mentor, "claw-config"]`, `[mentor, "skills", id]`, …).
 */
export async function handleMentorScoped(ctx: Ctx, rest: readonly string[], url: URL, body: () => unknown): Promise<Reply> {
    const [ref = "", what, a, b] = rest;
    const mentor = mentorByUuid(ctx.store, ctx.org, ref);
    if (!mentor) return NOT_FOUND;
    const uuid = mentor.unique_id;
    const { method } = ctx;

    if (what === "claw-config") {
        const binding = bindingOf(ctx, uuid);
        if (a === "push-config" && b === undefined) {
            if (!binding) throw ApiFault.detail(404, "Claw config not found");
            return handleEntity(mentorConfigs, ctx, [String(binding.id), "push-config"], url, body);
        }
        if (a !== undefined) return NOT_FOUND;
        if (method === "POST") {
            // One binding per mentor: a second bind is refused (change it with PATCH).
            if (binding) throw ApiFault.fields({ non_field_errors: ["This mentor already has a claw config; change it with PATCH or remove it with DELETE first."] });
            return handleEntity(mentorConfigs, ctx, [], url, () => withMentor(body(), uuid, { agent_id: DEFAULT_AGENT_ID }));
        }
        if (method !== "GET" && method !== "PATCH" && method !== "PUT" && method !== "DELETE") return notAllowed(method);
        if (!binding) throw ApiFault.detail(404, "Claw config not found");
        return handleEntity(mentorConfigs, ctx, [String(binding.id)], url, () => withMentor(body(), uuid));
    }

    if (what === "agent-config" && a === undefined) {
        if (method !== "GET" && method !== "PATCH") return notAllowed(method);
        const cfg = ctx.store.list(ctx.org, AGENT_CONFIGS).find((c) => c.mentor === uuid);
        if (!cfg) throw ApiFault.detail(404, "Agent config not found");
        return handleEntity(agentConfigs, ctx, [String(cfg.id)], url, () => withMentor(body(), uuid));
    }

    if (what === "skills" && b === undefined) {
        if (a === undefined) {
            if (method === "GET") {
                const enabled = { true: true, "1": true, false: false, "0": false }[String(url.searchParams.get("enabled")).toLowerCase()];
                const rows = ctx.store.list(ctx.org, SKILL_ASSIGNMENTS).filter((r) => r.mentor === uuid && (enabled === undefined || r.enabled === enabled));
                return listReply(ctx, rows, url, (r) => byUniqueId(ctx, show(skillAssignments, ctx, r)));
            }
            if (method !== "POST") return notAllowed(method);
            const input = withSkillId(ctx, body());
            return assignmentReply(ctx, handleEntity(skillAssignments, ctx, [], url, () => withMentor(input, uuid)));
        }
        const row = /^\d+$/.test(a) ? ctx.store.get(ctx.org, SKILL_ASSIGNMENTS, Number(a)) : undefined;
        if (!row || row.mentor !== uuid) return NOT_FOUND;
        if (method !== "GET" && method !== "PATCH" && method !== "PUT" && method !== "DELETE") return notAllowed(method);
        const input = method === "GET" || method === "DELETE" ? {} : withSkillId(ctx, body());
        return assignmentReply(ctx, handleEntity(skillAssignments, ctx, [a], url, () => withMentor(input, uuid)));
    }
    return NOT_FOUND;
}
