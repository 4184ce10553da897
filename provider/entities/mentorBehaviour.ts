import type { ClawClient } from "../../sdk/client";
import { settingsFor } from "../../sdk/resources/mentors";
import { MentorId } from "../../sdk/schemas/common";
import type { Mentor as MentorObject, MentorCreate } from "../../sdk/schemas/mentor";
import { ADOPT, isUnknown } from "../engine/crud";
import type { EntityOps } from "../engine/facts";
import { noticeFor } from "../engine/progress";
import type { EntityBehaviour } from "./entity";

// The Mentor's behaviour: the platform's mentor API as the engine's operations (destroy
// disables claw and keeps the mentor), and the check of an adoptId.

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

/**
 * What the Mentor's declaration refers to: everything a mentor does beyond its data.
 *
 * @example
 * ```ts
 * const ops = mentorBehaviour.ops!(client, { routes: "collection", props: {} });
 * ```
 */
export const mentorBehaviour: EntityBehaviour = {
    findQuery: (b) => ({ new_mentor_name: String(b.new_mentor_name) }),
    ops: mentorOps,
    checkInputs: (inputs) => {
        const adopt = inputs[ADOPT];
        if (adopt === undefined || isUnknown(adopt) || MentorId.safeParse(adopt).success) return [];
        return [{ property: ADOPT, reason: `${ADOPT}: must be the mentor's UUID (its unique_id), e.g. 3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10` }];
    },
    afterDelete: async (_client, state) => noticeFor(typeof state.__urn === "string" ? state.__urn : undefined, `iblai:Mentor: ${MENTOR_KEPT}`),
};
