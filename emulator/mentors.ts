/**
 * Mentors and the org's users, as the 2026 guide and the platform's own scripts use them
 * (API reference, "The platform as it is in 2026"; the generated client's `AiMentorApi`):
 *
 * - `POST users/<user>/mentor-with-settings/` creates a mentor from a template and answers
 *   with its `unique_id`;
 * - `GET` (and `PATCH`/`PUT`, seen in the platform's web client) `users/<user>/mentors/<mentor>/`;
 * - `GET`/`PUT`/`PATCH users/<user>/mentors/<mentor>/settings/` (`enable_claw`, `allow_anonymous`, ...);
 * - `GET /api/core/platform/users/?platform_key=<org>&platform_org=<org>`: the admin lookup.
 *
 * No DELETE of a mentor is documented, so there is none (405). `<user>` must be a user of
 * the org (the emulator's users: one admin per org); `<mentor>` is the mentor's `unique_id`,
 * its slug or its name. A mentor's name is unique per org (our reading of the scripts' "use unique
 * names to avoid conflicts"). Assumptions are listed in docs/emulator.md.
 */
import * as crypto from "node:crypto";
import { MENTORS } from "./collections";
import { ApiFault, type Ctx, type Reply } from "./entity";
import type { Row } from "./store";
import { canonicalUuid, type EntitySpec, type FieldSpec, validateBody } from "./validate";

const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const NOT_FOUND: Reply = { status: 404, body: { detail: "Not found." } };
const notAllowed = (method: string): Reply => ({ status: 405, body: { detail: `Method "${method}" not allowed.` } });

const text = (): FieldSpec => ({ kind: "string", allowBlank: true });

/** What `mentor-with-settings` reads; other keys are ignored, as DRF does. */
const CREATE_SPEC: EntitySpec = {
    fields: {
        template_name: { kind: "string", maxLength: 255, required: true },
        new_mentor_name: { kind: "string", maxLength: 255, required: true },
        display_name: { kind: "string", maxLength: 255, allowBlank: true },
        mentor_visibility: { kind: "string", maxLength: 100 },
        description: text(),
        system_prompt: text(),
        llm_provider: { kind: "string", maxLength: 255, allowBlank: true },
        llm_name: { kind: "string", maxLength: 255, allowBlank: true },
        metadata: { kind: "object" },
    },
    readOnly: [],
};

/** The mentor fields a PATCH/PUT of `users/<user>/mentors/<mentor>/` may change. */
const MENTOR_SPEC: EntitySpec = {
    fields: {
        name: { kind: "string", maxLength: 255 },
        description: text(),
        allow_anonymous: { kind: "bool" },
        metadata: { kind: "object" },
        system_prompt: text(),
    },
    readOnly: ["unique_id", "slug", "platform", "created_by", "created_at", "updated_at"],
};

/** The settings a PUT/PATCH of `settings/` may change (MentorSettings, plus what the scripts send). */
const SETTINGS_SPEC: EntitySpec = {
    fields: {
        display_name: { kind: "string", maxLength: 255, allowBlank: true },
        mentor_visibility: { kind: "string", maxLength: 100 },
        allow_anonymous: { kind: "bool" },
        enable_claw: { kind: "bool" },
        mentor_description: text(),
        initial_message: text(),
        suggested_message: text(),
        profile_image: text(),
        theme: { kind: "string", maxLength: 50 },
        custom_css: text(),
        enable_image_generation: { kind: "bool" },
        enable_web_browsing: { kind: "bool" },
        enable_code_interpreter: { kind: "bool" },
        llm_provider: { kind: "string", maxLength: 255, allowBlank: true },
        llm_name: { kind: "string", maxLength: 255, allowBlank: true },
    },
    readOnly: ["mentor", "mentor_slug", "mentor_unique_id", "metadata"],
};

/** The mentor's slug: its name in lower case, runs of other characters as `-`. */
export function mentorSlug(name: string): string {
    return name.toLowerCase().replace(/[^a-z0-9_]+/g, "-").replace(/^-+|-+$/g, "") || "mentor";
}

/**
 * A mentor of the org by `unique_id` (any UUID spelling), slug or name (the generated client's
 * retrieve takes "slug or name"; a name arrives percent-encoded in the path).
 *
 * @example
 * ```ts
 * findMentor(ctx.store, "acme", "6F1C2A4E-9B0D-4C1E-8F3A-2B5D7E9A1C3F"); // the row, or undefined
 * ```
 */
export function findMentor(store: Ctx["store"], org: string, ref: string): Row | undefined {
    const uuid = UUID_RE.test(ref) ? canonicalUuid(ref) : undefined;
    let name = ref;
    try {
        name = decodeURIComponent(ref);
    } catch {
        // Not percent-encoded: the text as sent.
    }
    for (const m of store.rows(org, MENTORS)) if ((uuid !== undefined && m.unique_id === uuid) || m.slug === ref || m.name === name) return m;
    return undefined;
}

/** Whether `ref` is a UUID that names a mentor of the org (what the mentor-scoped routes need). */
export function mentorByUuid(store: Ctx["store"], org: string, ref: string): Row | undefined {
    return UUID_RE.test(ref) ? findMentor(store, org, ref) : undefined;
}

function mentorView(m: Row): Record<string, unknown> {
    return {
        id: m.id,
        unique_id: m.unique_id,
        name: m.name,
        slug: m.slug,
        display_name: m.display_name,
        description: m.description,
        platform: m.platform,
        mentor_visibility: m.mentor_visibility,
        allow_anonymous: m.allow_anonymous,
        enable_claw: m.enable_claw,
        metadata: m.metadata,
        system_prompt: m.system_prompt,
        llm_provider: m.llm_provider,
        llm_name: m.llm_name,
        created_by: m.created_by,
        created_at: m.created_at,
        updated_at: m.updated_at,
    };
}

function settingsView(m: Row): Record<string, unknown> {
    const out: Record<string, unknown> = { id: m.id };
    for (const k of Object.keys(SETTINGS_SPEC.fields)) out[k] = k === "mentor_description" ? m.description : m[k];
    return { ...out, mentor: m.name, mentor_slug: m.slug, mentor_unique_id: m.unique_id, metadata: m.metadata };
}

function nameTaken(ctx: Ctx, name: string, except?: number): boolean {
    for (const m of ctx.store.rows(ctx.org, MENTORS)) if (m.id !== except && m.name === name) return true;
    return false;
}

/** Stores a new mentor (also the admin API's seeding route); refuses a name the org already has. */
export function createMentor(ctx: Pick<Ctx, "store" | "org" | "now">, fields: { name: string; unique_id?: string; created_by: string } & Record<string, unknown>): Row {
    const now = ctx.now();
    const { name, unique_id, ...rest } = fields;
    return ctx.store.insert(ctx.org, MENTORS, {
        display_name: name,
        description: "",
        mentor_visibility: "viewable_by_anyone",
        allow_anonymous: false,
        enable_claw: false,
        metadata: {},
        system_prompt: "",
        llm_provider: "",
        llm_name: "",
        ...rest,
        name,
        slug: mentorSlug(name),
        unique_id: unique_id ?? crypto.randomUUID(),
        platform: ctx.org,
        created_at: now,
        updated_at: now,
    });
}

/**
 * Serves `users/<user>/…` for an org whose users are `users`. `rest` is the path after
 * `users/` (`[user, "mentor-with-settings"]`, `[user, "mentors", mentor]`, `[user, "mentors", mentor, "settings"]`).
 */
export function handleUsers(ctx: Ctx, users: readonly string[], rest: readonly string[], body: () => unknown): Reply {
    const [user = "", what, mentorRef, sub] = rest;
    if (!users.includes(user)) return NOT_FOUND;
    const { method, store, org } = ctx;
    if (what === "mentor-with-settings" && rest.length === 2) {
        if (method !== "POST") return notAllowed(method);
        const v = validateBody(CREATE_SPEC, body(), "create");
        if (!v.ok) throw ApiFault.fields(v.errors);
        const name = String(v.values.new_mentor_name);
        if (nameTaken(ctx, name)) throw ApiFault.fields({ new_mentor_name: ["A mentor with this name already exists."] });
        const { template_name, new_mentor_name: _n, ...rest2 } = v.values;
        const m = createMentor(ctx, { ...rest2, name, display_name: v.values.display_name ?? name, template_name, created_by: user });
        return { status: 201, body: { ...mentorView(m), settings: settingsView(m) } };
    }
    if (what !== "mentors" || mentorRef === undefined || rest.length > 4 || (rest.length === 4 && sub !== "settings")) return NOT_FOUND;
    const m = findMentor(store, org, mentorRef);
    if (!m) return NOT_FOUND;
    const spec = sub === "settings" ? SETTINGS_SPEC : MENTOR_SPEC;
    const view = sub === "settings" ? settingsView : mentorView;
    if (method === "GET") return { status: 200, body: view(m) };
    if (method !== "PUT" && method !== "PATCH") return notAllowed(method);
    // PUT is partial here: the platform's scripts PUT two or three settings and expect 200.
    const v = validateBody(spec, body(), "patch");
    if (!v.ok) throw ApiFault.fields(v.errors);
    const { mentor_description, ...values } = v.values;
    if (mentor_description !== undefined) values.description = mentor_description;
    if (typeof values.name === "string") {
        if (nameTaken(ctx, values.name, m.id)) throw ApiFault.fields({ name: ["A mentor with this name already exists."] });
        values.slug = mentorSlug(values.name);
    }
    const updated: Row = { ...m, ...values, id: m.id, updated_at: ctx.now() };
    store.put(org, MENTORS, updated);
    return { status: 200, body: view(updated) };
}

/**
 * `GET /api/core/platform/users/?platform_key=<org>&platform_org=<org>[&page=&page_size=]`:
 * the org's users with `username` and `is_admin`, in the envelope the guide reads (`results`),
 * also when lists are bare (the guide's own snippet reads `['results']`).
 */
export function handlePlatformUsers(ctx: Ctx, users: readonly string[], url: URL): Reply {
    if (ctx.method !== "GET") return notAllowed(ctx.method);
    const key = url.searchParams.get("platform_key");
    if (!key) throw ApiFault.fields({ platform_key: ["This field is required."] });
    const all = users.map((username, i) => ({ id: i + 1, username, email: `${username}@${ctx.org}.example`, is_admin: i === 0, platform_key: ctx.org }));
    const size = Math.max(1, Math.min(Number(url.searchParams.get("page_size")) || 20, 100));
    const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
    const link = (p: number) => {
        const u = new URL(url);
        u.searchParams.set("page", String(p));
        return u.toString();
    };
    return {
        status: 200,
        body: {
            count: all.length,
            next: page * size < all.length ? link(page + 1) : null,
            previous: page > 1 ? link(page - 1) : null,
            results: all.slice((page - 1) * size, page * size),
        },
    };
}
