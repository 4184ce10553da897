import type { Faults } from "./faults";
import type { Row, Store } from "./store";
import type { EntitySpec, FieldErrors } from "./validate";

/**
 * Emulator-wide settings that entity rules read (changeable at run time through the admin API).
 *
 * @example
 * ```ts
 * emu.settings.requireDeviceApproval = true; // next pushes with a new device key fail with PAIRING_REQUIRED
 * ```
 */
export interface Settings {
    /** New device keys wait for approval (PAIRING_REQUIRED) instead of being paired on first use. */
    requireDeviceApproval: boolean;
    /** How long a push stays pending before it completes, ms (a slow-push fault overrides it). */
    pushDelayMs: number;
    /** Timeout of each probe of a claw server (connect, TLS, GET /), ms. */
    probeTimeoutMs: number;
    /** Extra CA certificates (PEM) trusted when probing https server URLs, e.g. the gateway stand-in's. */
    probeCa?: string;
    /** How pushes reach OpenClaw servers: modelled (`standin`, default), on a real gateway (`real`), or detected (`auto`). */
    deliver?: "standin" | "real" | "auto";
    /** Per-request timeout of real gateway deliveries, ms (default 30000). */
    gatewayTimeoutMs?: number;
    /** Which route generations are served (see {@link RouteGeneration}); default `both`. */
    routes?: RouteGeneration;
    /** Lists answer a bare JSON array instead of DRF's `{count, next, previous, results}` envelope. */
    bareLists?: boolean;
}

/**
 * The route generations of the service: the older guide's collection routes
 * (`claw/mentor-configs/`, `agent-configs/`, `mentor-skill-assignments/`), the 2026 guide's
 * mentor-scoped ones (`mentors/<mentor>/claw-config/`, …), or both over one store.
 *
 * @example
 * ```ts
 * const routes: RouteGeneration = "mentor"; // a hosted service of 2026: no collection routes for bindings
 * ```
 */
export type RouteGeneration = "both" | "collection" | "mentor";
export const ROUTE_GENERATIONS: readonly RouteGeneration[] = ["both", "collection", "mentor"];

/** Background work an entity can start: the async pushes. */
export interface PushQueue {
    /** Marks the binding's push pending and completes it in the background. */
    queueConfigPush(org: string, bindingId: number, delayMs: number): void;
    /** Marks the instance's enabled providers pending and completes their push in the background. */
    queueProviderPush(org: string, instanceId: number, delayMs: number): void;
}

/** What an entity handler sees of a request. */
export interface Ctx {
    org: string;
    store: Store;
    now: () => string;
    /** Origin the client used (`http://host:port`), for absolute links. */
    origin: string;
    method: string;
    /** The request-log route pattern, e.g. `claw/mentor-configs/{id}/push-config/`. */
    route: string;
    settings: Settings;
    pushes: PushQueue;
    faults: Faults;
}

/** A DRF-shaped HTTP answer. */
export interface Reply {
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
}

/** Thrown by entity rules to answer with a DRF error. */
export class ApiFault extends Error {
    constructor(
        readonly status: number,
        readonly body: unknown,
    ) {
        super(`HTTP ${status}: ${JSON.stringify(body)}`);
    }
    /** A 400 with field errors, e.g. `ApiFault.fields({ slug: ["…"] })`. */
    static fields(errors: FieldErrors): ApiFault {
        return new ApiFault(400, errors);
    }
    /** A `{"detail": …}` answer. */
    static detail(status: number, detail: string): ApiFault {
        return new ApiFault(status, { detail });
    }
}

/** A list filter: turns the query value into a row predicate, or into DRF errors for a bad value. */
export type ListFilter = (ctx: Ctx, value: string) => { match: (row: Row) => boolean } | { errors: string[] };

/** A POST `{id}/{name}/` action. The handler commits whatever it changed before answering. */
export type Action = (ctx: Ctx, row: Row) => Promise<Reply> | Reply;

/**
 * One API entity of the emulator: its collection, field spec, list filters and rules.
 * The generic handler (handler.ts) does list/create/retrieve/update/destroy; the rules add
 * what is particular to the entity (uniqueness, references, cascades, actions).
 *
 * @example
 * ```ts
 * const notes: EntityDef = {
 *     collection: "notes",
 *     verboseName: "note",
 *     spec: { fields: { text: { kind: "string", required: true } }, readOnly: ["id"] },
 * };
 * ```
 */
export interface EntityDef {
    /** Collection path relative to the org base, e.g. `claw/instances`. */
    collection: string;
    /** Django's verbose name, used in uniqueness messages ("agent skill with this slug already exists."). */
    verboseName: string;
    spec: EntitySpec;
    /** Query parameters that filter the list (the documented ones only: DRF ignores others). */
    filters?: Record<string, ListFilter>;
    /** Field sets unique within an org; one field → a field error, several → `non_field_errors`. */
    unique?: ReadonlyArray<readonly string[]>;
    /** Server-set fields of a new row. */
    initial?: (ctx: Ctx, values: Record<string, unknown>) => Record<string, unknown>;
    /** Cross-field rules on the row as it would be (`existing` set on update); return errors to refuse. */
    validate?: (ctx: Ctx, merged: Record<string, unknown>, existing?: Row) => FieldErrors | undefined;
    /** Turns validated values into stored fields (e.g. an upload into bookkeeping fields). */
    toRow?: (ctx: Ctx, values: Record<string, unknown>, existing?: Row) => Record<string, unknown>;
    /** Follow-up changes in the same transaction, after the row is stored; `values` are the validated input. */
    afterWrite?: (ctx: Ctx, row: Row, values: Record<string, unknown>, existing?: Row) => void;
    /** Cascades in the same transaction, before the row goes; throw ApiFault to refuse. */
    beforeDelete?: (ctx: Ctx, row: Row) => void;
    /** The row as the API shows it (default: write-only and `_` fields removed). */
    present?: (ctx: Ctx, row: Row) => Record<string, unknown>;
    actions?: Record<string, Action>;
}
