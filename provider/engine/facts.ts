import type { z } from "zod";
import type { ClawClient } from "../../sdk";
import type { Connection } from "./connection";
import type { ApiRoutes } from "./routes";

/** What the engine must know of one input field. */
export interface FieldFact {
    /** The API's (snake_case) name; empty for an input the service never sees (derived). */
    api: string;
    /**
     * `ref`: an id of another object. Ids are opaque (numbers or strings): check turns a
     * digit string into the number the integer-id API expects, and diff compares ids as
     * strings, so `42` and `"42"` are never a change.
     * `file`: a local file path; check adds `<name>Hash` (its SHA-256), so a change of the
     * file's content is a diff, and the file's bytes are sent.
     */
    kind?: "ref" | "file";
    /**
     * For an input the service never sees (`api` empty, e.g. verifyConnectivity): what it
     * must be, checked at preview like the sent ones.
     */
    local?: z.ZodType;
    /** Accepted by the service but never returned: drift cannot be read, so diff against last inputs. */
    writeOnly?: boolean;
    /** Secret in inputs, outputs and state. */
    secret?: boolean;
    /** The service cannot change it in place: a change replaces the resource. */
    replaceOnChange?: boolean;
    /**
     * The value check fills in when the program leaves the input out: kept in state like a
     * given value, so a create, an adopt and a retried create all make the object so (e.g. a
     * Mentor's `enableClaw`, true).
     */
    default?: unknown;
    /**
     * Sent when the input is removed from the program. Without it, a removed input is
     * "no opinion" and the service's value stands.
     */
    resetTo?: unknown;
    /**
     * Of a route-dependent resource: the only generation whose service takes this field
     * (e.g. a binding's `agent_id`, mentor routes only). On the other generation it is
     * recorded in state but never sent, and never a diff there (so adding it to an existing
     * program changes nothing); the resource's facts say so to the user.
     */
    routes?: ApiRoutes;
}

/**
 * What an operation is told besides its client: the route generation it runs on (decided
 * once at create, then the one in state, routes.ts) and the resource's properties (its
 * inputs at create, its state afterwards), e.g. the mentor a mentor-scoped route needs.
 */
export interface OpsContext {
    routes: ApiRoutes;
    props: Record<string, unknown>;
}

/** The context of an operation on a resource whose routes do not depend on a generation. */
export const COLLECTION_CONTEXT: OpsContext = { routes: "collection", props: {} };

/** The API operations the engine needs, bound to one client. */
export interface EntityOps {
    create(body: Record<string, unknown>): Promise<Record<string, unknown> & { id: number | string }>;
    get(id: string): Promise<Record<string, unknown> & { id: number | string }>;
    update(id: string, body: Record<string, unknown>): Promise<Record<string, unknown> & { id: number | string }>;
    delete(id: string): Promise<void>;
    /** Pages through the collection (documented filters only): how a half-made object is found again. */
    list?(query: Record<string, string | number | boolean>): AsyncIterable<Record<string, unknown> & { id: number | string }>;
}

/**
 * How a create that a kill interrupted finds its own object again (docs/operations.md).
 * A candidate must equal the create body on every `match` field and, where the service
 * returns `created_at`, be younger than the provider's journal intent; and the journal
 * must hold an open intent for this very URN. A natural-key match alone is never proof.
 */
export interface FindFacts {
    /** API fields the service keeps unique together (a natural key); absent when it has none. */
    naturalKey?: readonly string[];
    /** API fields a candidate must equal; the natural key when there is one, else every readable field sent. */
    match: readonly string[];
    /** Documented list filters that narrow the scan, from the create body. */
    query?: (body: Record<string, unknown>) => Record<string, string | number | boolean>;
}

/**
 * A resource, as a table of facts fed to the one shared CRUD engine (crud.ts).
 * Each resource file holds one of these plus its `dynamic.Resource` subclass.
 */
export interface ResourceFacts {
    /** The type name; the token is `pulumi-nodejs:dynamic/iblai:<type>`. */
    type: string;
    /** Inputs, by their camelCase names. */
    fields: Record<string, FieldFact>;
    /** Read-only outputs: camelCase name → API field. */
    outputs: Record<string, string>;
    /** The sdk's request schemas: check validates with exactly what the client sends. */
    createSchema: z.ZodType;
    /**
     * The part of the API object that a push delivers; its SHA-256 becomes the
     * `contentHash` output, meant as a ConfigPush/ProviderPush trigger.
     */
    delivered?: (obj: Record<string, unknown>) => unknown;
    ops(client: ClawClient, ctx: OpsContext): EntityOps;
    /**
     * Its routes depend on the generation (MentorBinding, AgentConfig, SkillAssignment): the
     * engine decides it at create (routes.ts) and records it in state as `apiRoutes`.
     */
    routed?: boolean;
    /**
     * Whether a replacement must delete the old object first (from its state): e.g. a
     * binding on the mentor routes, where a mentor holds one binding, so the new one cannot
     * be made beside it. Default: create the new one first.
     */
    deleteBeforeReplace?: (olds: Record<string, unknown>) => boolean;
    /**
     * A note for the user about the resource as the program and state describe it (e.g. a
     * binding with auto_push on), shown once per resource by preview and up; no request.
     */
    notice?: (news: Record<string, unknown>, olds: Record<string, unknown> | undefined) => string | undefined;
    /**
     * More checks of the (camelCase) inputs at preview, beyond the sdk's schema, e.g. an agent
     * config against OpenClaw's own config schema. No requests.
     */
    checkInputs?: (inputs: Record<string, unknown>, conn: Connection) => { property: string; reason: string }[];
    /**
     * Runs after a successful create or update (e.g. a connectivity test). Returns extra
     * outputs; throwing fails the deployment but keeps the object (a partial failure), and
     * an output `needsRetry: true` makes the next `up` run it again.
     */
    afterWrite?: (client: ClawClient, obj: Record<string, unknown> & { id: number | string }, inputs: Record<string, unknown>) => Promise<Record<string, unknown>>;
    /**
     * How a retried create recognises the object an interrupted one made. Without it (the
     * pushes, AgentConfig, whose create adopts the mentor's one config anyway) a create
     * keeps no journal.
     */
    find?: FindFacts;
    /**
     * Outputs recorded once, at create (kept by updates), from the new object and the moment
     * before the POST (ISO time): e.g. which side object the service made because of this one.
     */
    createdOutputs?: {
        keys: readonly string[];
        of: (client: ClawClient, obj: Record<string, unknown>, since: string) => Promise<Record<string, unknown>>;
    };
    /** Runs after the object is deleted (or found gone), with its state: removes what it caused to exist. */
    afterDelete?: (client: ClawClient, state: Record<string, unknown>) => Promise<void>;
}

/** The API operations of a plain sdk entity (create, get, PATCH, delete), as the engine wants them. */
export function entityOps(api: {
    create(body: never): Promise<unknown>;
    get(id: string): Promise<unknown>;
    update(id: string, body: never): Promise<unknown>;
    delete(id: string): Promise<void>;
    list?(query: never): AsyncIterable<unknown>;
}): EntityOps {
    type Obj = Record<string, unknown> & { id: number | string };
    return {
        create: async (body) => (await api.create(body as never)) as Obj,
        get: async (id) => (await api.get(id)) as Obj,
        update: async (id, body) => (await api.update(id, body as never)) as Obj,
        delete: (id) => api.delete(id),
        list: api.list ? (query) => api.list?.(query as never) as AsyncIterable<Obj> : undefined,
    };
}
