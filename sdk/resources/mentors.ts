import type { Transport } from "../transport";
import { ConfigError, NotFoundError, ResponseError, ValidationError } from "../errors";
import { MentorId } from "../schemas/common";
import {
    MENTOR_TEMPLATE,
    Mentor,
    MentorAnswer,
    MentorCreate,
    MentorSettingsUpdate,
    type PlatformUser,
    PlatformUserPage,
} from "../schemas/mentor";
import { validateBody } from "./entity";

/** The platform's user list, outside the org base (same base URL, `/dm` prefix included). */
const USERS_ROUTE = "/api/core/platform/users/";
/** Pages of the user list read before giving up on finding an admin. */
const MAX_USER_PAGES = 50;

/**
 * The settings a create body implies: `enable_claw` true unless it says otherwise, and the
 * description under the settings' name (`mentor_description`), as the platform's
 * `seed_claw_mentor.py` sends them. Also what an update of those create fields becomes.
 *
 * @example
 * ```ts
 * settingsFor({ new_mentor_name: "ada", description: "Maths tutor" }); // { enable_claw: true, mentor_description: "Maths tutor" }
 * settingsFor({ display_name: "Ada" }, false); // { display_name: "Ada" }
 * ```
 */
export function settingsFor(body: Partial<MentorCreate>, atCreate = true): MentorSettingsUpdate {
    const out: MentorSettingsUpdate = {};
    if (atCreate || body.enable_claw !== undefined) out.enable_claw = body.enable_claw ?? true;
    if (!atCreate && body.display_name !== undefined) out.display_name = body.display_name;
    if (body.description !== undefined) out.mentor_description = body.description;
    if (!atCreate && body.mentor_visibility !== undefined) out.mentor_visibility = body.mentor_visibility;
    if (body.allow_anonymous !== undefined) out.allow_anonymous = body.allow_anonymous;
    return out;
}

/** One mentor from the answers that describe it (mentor, settings), normalised. */
function detailOf(uniqueId: string | undefined, ...answers: unknown[]): Mentor {
    const merged: Record<string, unknown> = {};
    for (const a of answers) if (a && typeof a === "object") Object.assign(merged, a);
    const m = MentorAnswer.parse(merged);
    return Mentor.parse({
        ...merged,
        unique_id: uniqueId ?? m.unique_id,
        name: m.name ?? m.mentor_name ?? null,
        mentor_description: m.mentor_description ?? m.description ?? null,
    });
}

/**
 * Mentors, through the platform's mentor API: made by an org admin
 * (`users/<user>/mentor-with-settings/`, then `settings/` with `enable_claw: true`), read
 * (`users/<user>/mentors/<uuid>/` and its `settings/`), edited through `settings/`. The
 * API documents no DELETE of a mentor. The admin's user name is the client's `adminUser`
 * option, or looked up once per client as the guide does (`GET /api/core/platform/users/
 * ?platform_key=<org>&platform_org=<org>`, the first entry with `is_admin`). The name
 * (`new_mentor_name`) is the natural key: a create whose answer was lost looks the mentor
 * up by name (`users/<user>/mentors/<name>/`, which takes a slug or name) before sending again.
 *
 * @example
 * ```ts
 * const ada = await client.mentors.create({ new_mentor_name: "ada", display_name: "Ada" });
 * await client.mentorBindings.create({ mentor: ada.unique_id, server: 42 });
 * ```
 */
export class MentorsApi {
    #admin?: Promise<string>;

    constructor(
        private readonly client: Transport,
        private readonly adminUserOption?: string,
    ) {}

    /**
     * The org admin's user name that mentors are made with: the `adminUser` option, or the
     * first admin of the org's user list (looked up once per client).
     *
     * @example
     * ```ts
     * const user = await client.mentors.adminUser(); // "admin"
     * ```
     */
    adminUser(): Promise<string> {
        if (this.adminUserOption) return Promise.resolve(this.adminUserOption);
        this.#admin ??= this.lookUpAdmin();
        // A failed lookup is not kept: the next call asks again.
        this.#admin.catch(() => {
            this.#admin = undefined;
        });
        return this.#admin;
    }

    private async lookUpAdmin(): Promise<string> {
        const org = this.client.org;
        for (let page = 1; page <= MAX_USER_PAGES; page++) {
            const p = (await this.client.request("GET", USERS_ROUTE, {
                query: { platform_key: org, platform_org: org, page, page_size: 100 },
                schema: PlatformUserPage,
            })) as PlatformUserPage;
            const users: PlatformUser[] = [...(p.results ?? []), ...(p.data ?? [])];
            const admin = users.find((u) => u.is_admin === true && (u.username || u.user_name));
            if (admin) return String(admin.username || admin.user_name);
            const more = p.next_page !== undefined && p.next_page !== null ? true : Boolean(p.next);
            if (!more || users.length === 0) break;
        }
        throw new ConfigError(`no admin of org ${JSON.stringify(org)} in the platform's user list`, {
            method: "GET",
            route: USERS_ROUTE,
            hint: "name the org admin that makes mentors: pulumi config set iblai:adminUser <username> (or IBLAI_ADMIN_USER)",
        });
    }

    private async userRoute(rest: string): Promise<string> {
        return `users/${encodeURIComponent(await this.adminUser())}/${rest}`;
    }

    private checkedId(uniqueId: string, method: string, route: string): string {
        const r = MentorId.safeParse(uniqueId);
        if (!r.success) throw new ValidationError("invalid mentor id, not sent", { method, route, fieldErrors: { mentor: [r.error.issues[0]?.message ?? "must be a UUID"] } });
        return r.data;
    }

    /**
     * Makes a mentor from the `ai-mentor` template and enables claw on it (or not, with
     * `enable_claw: false`). The body is validated first (strict). If the create's answer is
     * lost, the mentor is looked up by its name before anything is sent again.
     *
     * @example
     * ```ts
     * const m = await client.mentors.create({ new_mentor_name: "ada", display_name: "Ada", description: "Maths tutor" });
     * console.log(m.unique_id);
     * ```
     */
    async create(body: MentorCreate): Promise<Mentor> {
        const route = await this.userRoute("mentor-with-settings/");
        const valid = validateBody(MentorCreate, body, "POST", route, []) as MentorCreate;
        const post: Record<string, unknown> = {
            template_name: MENTOR_TEMPLATE,
            new_mentor_name: valid.new_mentor_name,
            display_name: valid.display_name ?? valid.new_mentor_name,
        };
        if (valid.mentor_visibility !== undefined) post.mentor_visibility = valid.mentor_visibility;
        if (valid.description !== undefined) post.description = valid.description;
        const made = (await this.client.request("POST", route, {
            body: post,
            schema: MentorAnswer,
            recover: () => this.findByName(valid.new_mentor_name),
        })) as MentorAnswer;
        const uniqueId = made.unique_id;
        if (!uniqueId) throw new ResponseError("the mentor's answer has no unique_id", { method: "POST", route, hint: "the service answered without the mentor's UUID; find it in the platform and adopt it (adoptId)" });
        const settings = await this.putSettings(uniqueId, settingsFor(valid));
        return detailOf(uniqueId, made, settings);
    }

    /**
     * A mentor by its UUID: the mentor and its settings, read together. A missing one throws NotFoundError.
     *
     * @example
     * ```ts
     * const m = await client.mentors.get("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10");
     * ```
     */
    async get(uniqueId: string): Promise<Mentor> {
        const route = await this.userRoute(`mentors/${uniqueId}/`);
        const id = this.checkedId(uniqueId, "GET", route);
        const [mentor, settings] = await Promise.all([
            this.client.request("GET", route, { schema: MentorAnswer }),
            this.client.request("GET", `${route}settings/`, { schema: MentorAnswer }),
        ]);
        return detailOf(id, mentor, settings);
    }

    /**
     * The mentor with this name (or slug), if any: `users/<user>/mentors/<name>/`. Used to
     * find a mentor whose create's answer was lost; a 404 is "none".
     *
     * @example
     * ```ts
     * const m = await client.mentors.findByName("ada");
     * ```
     */
    async findByName(name: string): Promise<Mentor | undefined> {
        const route = await this.userRoute(`mentors/${encodeURIComponent(name)}/`);
        let found: MentorAnswer;
        try {
            found = (await this.client.request("GET", route, { schema: MentorAnswer })) as MentorAnswer;
        } catch (e) {
            if (NotFoundError.isInstance(e)) return undefined;
            throw e;
        }
        if (!found.unique_id || (found.name ?? found.mentor_name) !== name) return undefined;
        return this.get(found.unique_id);
    }

    /**
     * Changes the fields a user edits (display name, description, visibility, `enable_claw`,
     * `allow_anonymous`) through `PUT .../settings/`; only the given fields are sent.
     *
     * @example
     * ```ts
     * await client.mentors.update("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", { display_name: "Ada L." });
     * ```
     */
    async update(uniqueId: string, body: MentorSettingsUpdate): Promise<Mentor> {
        return detailOf(uniqueId, await this.putSettings(uniqueId, body));
    }

    private async putSettings(uniqueId: string, body: MentorSettingsUpdate): Promise<MentorAnswer> {
        const route = await this.userRoute(`mentors/${uniqueId}/settings/`);
        this.checkedId(uniqueId, "PUT", route);
        const valid = validateBody(MentorSettingsUpdate, body, "PUT", route, []);
        return (await this.client.request("PUT", route, { body: valid, schema: MentorAnswer })) as MentorAnswer;
    }
}
