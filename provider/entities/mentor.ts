import { entity } from "./entity";
import { bool, custom, str } from "./fieldTypes";
import { mentorBehaviour } from "./mentorBehaviour";

/**
 * The declaration of a mentor (the platform's mentor API): the source of the Mentor's facts,
 * types and docs rows. Its sdk schemas stay hand-written (sdk/schemas/mentor.ts): a create
 * body and a settings PUT whose names differ from the answer's.
 *
 * @example
 * ```ts
 * mentor.fields.enableClaw.default; // true
 * ```
 */
export const mentor = entity({
    type: "Mentor",
    file: "mentor",
    sdk: "mentors",
    sdkSchemas: false,
    collection: "users/<admin>/mentor-with-settings/",
    doc: "An ibl.ai mentor, made through the platform's mentor API by the org admin (`iblai:adminUser`, or looked up): `users/<admin>/mentor-with-settings/` from the `ai-mentor` template, then its settings with `enable_claw: true`. Its id (and `uniqueId`) is the mentor's UUID, what MentorBinding, AgentConfig and SkillAssignment take as `mentor`. Adopt an existing one with `adoptId: <uuid>`. Destroy disables claw on the mentor and keeps it (the API has no DELETE of a mentor), saying so in one warning.",
    idType: "MentorUuid",
    idDoc: "The mentor's UUID.",
    fields: {
        // The natural key, fixed at create (the API's rename is not documented): a change replaces.
        name: {
            api: "new_mentor_name",
            type: str().trim().nonEmpty().max(255),
            required: true,
            replaceOnChange: true,
            doc: "The mentor's name (`new_mentor_name`), unique in the org: its natural key; `displayName` is what users see.",
        },
        displayName: { api: "display_name", type: str().max(255), doc: "The name users see; default: `name`." },
        description: { api: "description", type: str(), doc: "Sent as `description` at create and `mentor_description` in the settings." },
        visibility: {
            api: "mentor_visibility",
            type: custom({
                request: "MentorVisibility",
                response: "z.string()",
                ts: '"viewable_by_tenant_admins" | "viewable_by_tenant_students" | "viewable_by_anyone"',
                outputTs: "string",
                docs: "`viewable_by_tenant_admins` \\| `viewable_by_tenant_students` \\| `viewable_by_anyone`",
                checks: [],
            }),
            doc: "Default: the platform's.",
        },
        // Made for claw: a create, an adopt and a retried create all leave it on unless told otherwise.
        enableClaw: { api: "enable_claw", type: bool(), default: true, doc: "Whether the mentor runs on a claw server; default true. Destroy sets it false." },
        allowAnonymous: {
            api: "allow_anonymous",
            type: bool(),
            doc: "Whether anonymous users may chat with it; default: the platform's (the platform's scripts set true; we do not, since it opens the mentor to anyone).",
        },
    },
    outputs: {
        uniqueId: { api: "unique_id", type: custom({ request: "z.string()", response: "z.string()", ts: "MentorUuid", docs: "UUID", checks: [] }), doc: "The mentor's UUID (`unique_id`), the same as its id." },
        slug: { api: "slug", type: str().nullable() },
        createdAt: { api: "created_at", type: str().nullable() },
    },
    find: { naturalKey: ["new_mentor_name"], match: ["new_mentor_name"] },
    behaviour: mentorBehaviour,
    examples: {
        create: { new_mentor_name: "ada", display_name: "Ada" },
        update: { display_name: "Ada L." },
        program: 'const ada = new Mentor("ada", { name: "ada", displayName: "Ada", description: "A patient maths tutor." });\nnew MentorBinding("ada-on-prod", { mentor: ada.id, server: server.id });',
    },
});
