import type { z } from "zod";
import type { ClawClient } from "../../sdk";

/** What the engine must know of one input field. */
export interface FieldFact {
    /** The API's (snake_case) name. */
    api: string;
    /** Accepted by the service but never returned: drift cannot be read, so diff against last inputs. */
    writeOnly?: boolean;
    /** Secret in inputs, outputs and state. */
    secret?: boolean;
    /** The service cannot change it in place: a change replaces the resource. */
    replaceOnChange?: boolean;
    /**
     * Sent when the input is removed from the program. Without it, a removed input is
     * "no opinion" and the service's value stands.
     */
    resetTo?: unknown;
}

/** The API operations the engine needs, bound to one client. */
export interface EntityOps {
    create(body: Record<string, unknown>): Promise<Record<string, unknown> & { id: number | string }>;
    get(id: string): Promise<Record<string, unknown> & { id: number | string }>;
    update(id: string, body: Record<string, unknown>): Promise<Record<string, unknown> & { id: number | string }>;
    delete(id: string): Promise<void>;
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
    ops(client: ClawClient): EntityOps;
}
