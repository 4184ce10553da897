import type { Row, Store } from "./store";
import type { EntitySpec, FieldErrors } from "./validate";

/** What an entity handler sees of a request. */
export interface Ctx {
    org: string;
    store: Store;
    now: () => string;
}

/** A DRF-shaped HTTP answer. */
export interface Reply {
    status: number;
    body?: unknown;
}

/** Thrown by entity hooks to answer with a DRF error. */
export class ApiFault extends Error {
    constructor(
        readonly status: number,
        readonly body: unknown,
    ) {
        super(`HTTP ${status}`);
    }
    static field(errors: FieldErrors): ApiFault {
        return new ApiFault(400, errors);
    }
}

/**
 * One API entity of the emulator: its collection, field spec, list filters and hooks.
 * The generic handler (routes.ts) does list/create/retrieve/update/destroy; hooks add the
 * entity's own rules (uniqueness, references, cascades) and actions.
 */
export interface EntityDef {
    /** Collection path relative to the org base, e.g. `claw/instances`. */
    collection: string;
    spec: EntitySpec;
    /** Query parameters that filter the list, and how. */
    filters?: Record<string, (row: Row, value: string) => boolean>;
    /** Server-set fields for a new row. */
    initial?: (ctx: Ctx, values: Record<string, unknown>) => Record<string, unknown>;
    /** Cross-field and cross-object rules; throw ApiFault to refuse. `existing` is set on update. */
    beforeWrite?: (ctx: Ctx, values: Record<string, unknown>, existing?: Row) => void;
    afterCreate?: (ctx: Ctx, row: Row) => void;
    beforeDelete?: (ctx: Ctx, row: Row) => void;
    /** POST `{id}/{name}/` actions. */
    actions?: Record<string, (ctx: Ctx, row: Row) => Promise<Reply> | Reply>;
}
