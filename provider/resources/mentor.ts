import type * as pulumi from "@pulumi/pulumi";
import { type ClawClient, type Mentor as MentorObject, MentorCreate, MentorId, settingsFor } from "../../sdk";
import { ADOPT, isUnknown } from "../engine/crud";
import type { EntityOps, ResourceFacts } from "../engine/facts";
import { noticeFor } from "../engine/progress";
import { ClawApiResource, type IdentityArgs, shapeOf } from "../engine/resource";
import type { MentorUuid } from "../ids";

type Obj = Record<string, unknown> & { id: number | string };

/** What destroy says, once per mentor: the API has no DELETE of a mentor. */
export const MENTOR_KEPT =
    "the mentor itself is kept (the platform's API has no DELETE of a mentor): claw is disabled on it (enable_claw false) and its bindings are gone; delete it in the platform's UI if it is no longer wanted";

/**
 * The sdk's mentor as the engine sees it: id = the UUID, and the create body's names
 * (`new_mentor_name`, `description`) for what the service calls `name` and
 * `mentor_description`. A value the service did not give is left out, so the input stands.
 */
function asObject(m: MentorObject): Obj {
    const out: Obj = { ...m, id: m.unique_id };
    if (m.name !== null && m.name !== undefined) out.new_mentor_name = m.name;
    if (m.mentor_description !== null && m.mentor_description !== undefined) out.description = m.mentor_description;
    return out;
}

/**
 * The mentor API as the engine's operations. Delete disables claw on the mentor (the API has
 * no DELETE of a mentor; a PUT is safe to repeat); "list" is the lookup by name, the only
 * one the API offers, which is how a retried create finds the mentor an interrupted one made.
 */
function mentorOps(client: ClawClient): EntityOps {
    return {
        create: async (body) => asObject(await client.mentors.create(body as MentorCreate)),
        get: async (id) => asObject(await client.mentors.get(id)),
        update: async (id, body) => asObject(await client.mentors.update(id, settingsFor(body as Partial<MentorCreate>, false))),
        delete: async (id) => {
            await client.mentors.update(id, { enable_claw: false });
        },
        list: (query) =>
            (async function* () {
                const found = await client.mentors.findByName(String(query.new_mentor_name));
                if (found) yield asObject(found);
            })(),
    };
}

/** The facts of a mentor (the platform's mentor API) for the shared engine. */
export const mentorFacts: ResourceFacts = {
    type: "Mentor",
    fields: {
        // The natural key, fixed at create (the API's rename is not documented): a change replaces.
        name: { api: "new_mentor_name", replaceOnChange: true },
        displayName: { api: "display_name" },
        description: { api: "description" },
        visibility: { api: "mentor_visibility" },
        // Made for claw: a create, an adopt and a retried create all leave it on unless told otherwise.
        enableClaw: { api: "enable_claw", default: true },
        allowAnonymous: { api: "allow_anonymous" },
    },
    outputs: { uniqueId: "unique_id", slug: "slug", createdAt: "created_at" },
    createSchema: MentorCreate,
    find: { naturalKey: ["new_mentor_name"], match: ["new_mentor_name"], query: (b) => ({ new_mentor_name: String(b.new_mentor_name) }) },
    ops: mentorOps,
    checkInputs: (inputs) => {
        const adopt = inputs[ADOPT];
        if (adopt === undefined || isUnknown(adopt) || MentorId.safeParse(adopt).success) return [];
        return [{ property: ADOPT, reason: `${ADOPT}: must be the mentor's UUID (its unique_id), e.g. 3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10` }];
    },
    afterDelete: async (_client, state) => noticeFor(typeof state.__urn === "string" ? state.__urn : undefined, `iblai:Mentor: ${MENTOR_KEPT}`),
};

/** Inputs of {@link Mentor}. */
export interface MentorArgs extends IdentityArgs {
    /** The mentor's name (`new_mentor_name`), unique in the org: its natural key. A change replaces. */
    name: pulumi.Input<string>;
    /** The name users see; default: `name`. */
    displayName?: pulumi.Input<string>;
    description?: pulumi.Input<string>;
    /** `viewable_by_tenant_admins`, `viewable_by_tenant_students` or `viewable_by_anyone`; default: the platform's. */
    visibility?: pulumi.Input<"viewable_by_tenant_admins" | "viewable_by_tenant_students" | "viewable_by_anyone">;
    /** Whether the mentor runs on a claw server; default true. Destroy sets it false. */
    enableClaw?: pulumi.Input<boolean>;
    /** Whether anonymous users may chat with it; default: the platform's (the platform's scripts set true). */
    allowAnonymous?: pulumi.Input<boolean>;
}

/**
 * An ibl.ai mentor, made through the platform's mentor API by the org admin
 * (`iblai:adminUser`, or looked up): `users/<admin>/mentor-with-settings/` from the
 * `ai-mentor` template, then its settings with `enable_claw: true`. Its id (and `uniqueId`)
 * is the mentor's UUID, what {@link MentorBinding}, {@link AgentConfig} and
 * {@link SkillAssignment} take as `mentor`. Adopt an existing one with `adoptId: <uuid>`.
 * Destroy disables claw on the mentor and keeps it (the API has no DELETE of a mentor),
 * saying so in one warning.
 *
 * @example
 * ```ts
 * const ada = new Mentor("ada", { name: "ada", displayName: "Ada", description: "A patient maths tutor." });
 * new MentorBinding("ada-on-prod", { mentor: ada.id, server: server.id });
 * ```
 */
export class Mentor extends ClawApiResource {
    /** The mentor's UUID. */
    declare readonly id: pulumi.Output<MentorUuid>;
    declare readonly name: pulumi.Output<string>;
    declare readonly displayName: pulumi.Output<string>;
    declare readonly description: pulumi.Output<string | undefined>;
    declare readonly visibility: pulumi.Output<string | undefined>;
    declare readonly enableClaw: pulumi.Output<boolean>;
    declare readonly allowAnonymous: pulumi.Output<boolean | undefined>;
    /** The mentor's UUID (`unique_id`), the same as its id. */
    declare readonly uniqueId: pulumi.Output<MentorUuid>;
    declare readonly slug: pulumi.Output<string | null>;
    declare readonly createdAt: pulumi.Output<string | null>;

    constructor(name: string, args: MentorArgs, opts?: pulumi.CustomResourceOptions) {
        super(shapeOf(mentorFacts), name, args, opts);
    }
}
