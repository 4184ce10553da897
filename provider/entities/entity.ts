import type { ClawClient } from "../../sdk";
import type { FindFacts, ResourceFacts } from "../engine/facts";
import type { ApiRoutes } from "../engine/routes";
import type { FieldType } from "./fieldTypes";

/**
 * One input of an entity: what the program gives, what the service calls it, and how the
 * engine treats it. scripts/generate.ts turns it into the sdk's request and response
 * schemas, the provider's facts, the `XArgs` type, the class's output and a docs row.
 *
 * @example
 * ```ts
 * const slug: FieldDecl = { api: "slug", type: str().max(255), required: true, doc: "Unique per platform." };
 * ```
 */
export interface FieldDecl {
    /** The API's (snake_case) name. */
    api: string;
    type: FieldType;
    /** Required in the create body (and in `XArgs`). */
    required?: boolean;
    /** Accepted by the service but never returned. */
    writeOnly?: boolean;
    /** Secret in inputs, outputs and state. */
    secret?: boolean;
    /** A change replaces the object. */
    replaceOnChange?: boolean;
    /** Part of what a push delivers (the `contentHash`). */
    delivered?: boolean;
    /** The doc sentence: the `XArgs` comment and the docs table's notes. */
    doc?: string;
    /** Overrides the response schema (zod source); by default the type's, nullish unless required. */
    response?: string;
    /** A comment kept above the field in the sdk's request schema: why a rule is what it is. */
    why?: string;
    /** What check fills in when the program leaves the input out (FieldFact.default). */
    default?: unknown;
    /** Sent when the input is removed from the program (FieldFact.resetTo). */
    resetTo?: unknown;
    /** The one route generation whose request schema has the field (e.g. the mentor, which the mentor routes take from the path). */
    onlyOn?: ApiRoutes;
    /** The one generation whose service takes it: recorded but never sent nor diffed on the other (FieldFact.routes). */
    routes?: ApiRoutes;
    /** A resource class (in provider/resources/) whose object the input also takes, standing for its id. */
    acceptsResource?: string;
}

/**
 * A read-only output: the service's name for it and its type.
 *
 * @example
 * ```ts
 * const createdAt: OutputDecl = { api: "created_at", type: str() };
 * ```
 */
export interface OutputDecl {
    api: string;
    type: FieldType;
    doc?: string;
    /** Filled by the entity's own operations, not returned by the service (so not in the sdk's response schema). */
    byOps?: boolean;
}

/**
 * The behaviour an entity adds to the shared engine, beyond its data: functions referred to
 * from the declaration, so the data stays the single source and the functions stay typed.
 *
 * @example
 * ```ts
 * const behaviour: EntityBehaviour = { findQuery: (b) => ({ skill: Number(b.skill) }) };
 * ```
 */
export type EntityBehaviour = Partial<Pick<ResourceFacts, "ops" | "delivered" | "checkInputs" | "afterWrite" | "notice" | "createdOutputs" | "deleteBeforeReplace" | "afterDelete">> & {
    /** Documented list filters that narrow the scan of a retried create (FindFacts.query). */
    findQuery?: FindFacts["query"];
};

/**
 * One declaration per API entity (provider/entities/<x>.ts): everything that is data about
 * it. `npm run generate` writes the rest from it.
 *
 * @example
 * ```ts
 * export const skill = entity({
 *     type: "Skill", file: "skill", sdk: "skills", collection: "agent-skills/",
 *     doc: "A skill (a SKILL.md with its files).",
 *     fields: { slug: { api: "slug", type: str().max(255), required: true } },
 *     outputs: { skillId: { api: "id", type: objectId() } },
 *     idType: "SkillId", find: { naturalKey: ["slug"], match: ["slug"] },
 *     examples: { create: { slug: "weather" }, update: { slug: "weather-2" }, program: 'new Skill("weather", { slug: "weather" });' },
 * });
 * ```
 */
export interface EntityDecl {
    /** The resource type (the token's last part) and class name. */
    type: string;
    /** The sdk's name of the entity (`Instance` for ClawInstance): of its schemas `<X>Create`, `<X>Update`, `<X>`. Default: `type`. */
    sdkName?: string;
    /** The push whose trigger its `contentHash` is. Default: ConfigPush. */
    pushedBy?: "ConfigPush" | "ProviderPush";
    /** The base name of its files: provider/entities/<file>.ts, provider/resources/<file>.ts. */
    file: string;
    /** The base name of its sdk schema files, sdk/schemas/<sdkFile>.ts, where it differs from `file`. */
    sdkFile?: string;
    /** The ClawClient property of its API: its plain CRUD operations unless `behaviour.ops` says otherwise. */
    sdk: keyof ClawClient;
    /** Its collection route (older generation), e.g. `agent-skills/`. */
    collection: string;
    /**
     * The request schemas of the current generation's routes (issue 20), where they differ:
     * `<name>Create`/`<name>Update` for `route`, of the fields not `onlyOn: "collection"`.
     */
    mentorSchemas?: {
        name: string;
        route: string;
        doc: string;
        example: Record<string, unknown>;
        /** One schema `<name>` (a route with PATCH only, e.g. AgentConfigFields) instead of `<name>Create`/`<name>Update`. */
        single?: boolean;
    };
    /** What it is, one or two sentences: the class's and the schemas' doc comment. */
    doc: string;
    fields: Record<string, FieldDecl>;
    outputs: Record<string, OutputDecl>;
    /** Outputs the engine adds that the service does not return (e.g. `sourceHash`), with their doc. */
    engineOutputs?: Record<string, { ts: string; doc: string }>;
    /** Fields the service returns that the resource does not output: API name → zod source of the response. */
    responseOnly?: Record<string, string>;
    /** Its id's type in provider/ids.ts. */
    idType: string;
    /** The doc of the class's `id`, where it is more than the typed id (e.g. the mentor's UUID). */
    idDoc?: string;
    /**
     * False where the sdk's schemas are not one entity's CRUD (the mentor API: a create body
     * and a settings PUT of other names): they stay hand-written, `<X>Create` is imported.
     */
    sdkSchemas?: false;
    /** Whether the engine decides its route generation at create (ResourceFacts.routed). */
    routed?: boolean;
    /** How a retried create finds its object; the query, being behaviour, is in `behaviour`. */
    find?: Omit<FindFacts, "query">;
    /** The name of a rule across fields of the request (exported from sdk/schemas), called with `creating`. */
    requestRules?: { name: string; from: string };
    behaviour?: EntityBehaviour;
    /** Examples for the doc comments: a create body, an update body, a program line. */
    examples: { create: Record<string, unknown>; update: Record<string, unknown>; program: string };
    /** Route generation a field belongs to only (FieldFact.routes), by input name. */
    fieldRoutes?: Record<string, ApiRoutes>;
}

/**
 * Declares an entity (type-checks the declaration; returns it as is).
 *
 * @example
 * ```ts
 * export const skill = entity({ type: "Skill", ... });
 * ```
 */
export function entity(decl: EntityDecl): EntityDecl {
    return decl;
}
