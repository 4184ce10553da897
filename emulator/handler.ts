/**
 * The one request machine every entity goes through: list (filters, limit/offset),
 * create, retrieve, PATCH/PUT, DELETE and actions, with DRF's validation order
 * (field errors first, then uniqueness of field sets, then cross-field rules).
 */
import { ApiFault, type Ctx, type EntityDef, type Reply } from "./entity";
import type { Row } from "./store";
import { type FieldErrors, type Mode, present, validateBody } from "./validate";

/** DRF's LimitOffsetPagination without PAGE_SIZE would not paginate; the service does, 100 is our guess. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

/** A positive integer query value, or undefined (DRF falls back to the default then). */
function positiveInt(v: string | null, strict: boolean): number | undefined {
    if (v === null || !/^\d+$/.test(v)) return undefined;
    const n = Number(v);
    return strict && n === 0 ? undefined : n;
}

/**
 * Pagination as DRF's LimitOffsetPagination does it, with absolute next/previous links.
 * Only the page's rows go through `show` (a long list costs no more than a short one).
 */
export function paginate<T>(rows: readonly T[], url: URL, show: (row: T) => unknown = (r) => r): Reply {
    const limit = Math.min(positiveInt(url.searchParams.get("limit"), true) ?? DEFAULT_LIMIT, MAX_LIMIT);
    const offset = positiveInt(url.searchParams.get("offset"), false) ?? 0;
    const link = (o: number | undefined) => {
        const u = new URL(url);
        u.searchParams.set("limit", String(limit));
        if (o === undefined) u.searchParams.delete("offset");
        else u.searchParams.set("offset", String(o));
        return u.toString();
    };
    return {
        status: 200,
        body: {
            count: rows.length,
            next: offset + limit < rows.length ? link(offset + limit) : null,
            previous: offset <= 0 ? null : offset - limit <= 0 ? link(undefined) : link(offset - limit),
            results: rows.slice(offset, offset + limit).map(show),
        },
    };
}

/**
 * A list answer: the paginated envelope, or (with the `bareLists` setting, as the 2026 guide's
 * examples show) every row as a bare JSON array, unpaginated.
 *
 * @example
 * ```ts
 * listReply(ctx, rows, url, (r) => show(def, ctx, r)); // {count, next, previous, results} or [...]
 * ```
 */
export function listReply<T>(ctx: Pick<Ctx, "settings">, rows: readonly T[], url: URL, view: (row: T) => unknown): Reply {
    return ctx.settings.bareLists ? { status: 200, body: rows.map(view) } : paginate(rows, url, view);
}

export function show(def: EntityDef, ctx: Ctx, row: Row): Record<string, unknown> {
    return def.present ? def.present(ctx, row) : present(def.spec, row);
}

const notAllowed = (method: string): Reply => ({ status: 405, body: { detail: `Method "${method}" not allowed.` } });
const NOT_FOUND: Reply = { status: 404, body: { detail: "Not found." } };

/** Field checks, then field-set uniqueness, then the entity's own rules; throws a 400 on the first stage that fails. */
function validate(def: EntityDef, ctx: Ctx, body: unknown, mode: Mode, existing?: Row): Record<string, unknown> {
    const v = validateBody(def.spec, body, mode, (col, id) => ctx.store.get(ctx.org, col, id) !== undefined);
    const errors: FieldErrors = v.ok ? {} : v.errors;
    const values = v.ok ? v.values : {};
    const merged: Record<string, unknown> = { ...existing, ...values };
    const clash = (same: (r: Row) => boolean) => {
        for (const r of ctx.store.rows(ctx.org, def.collection)) if (r.id !== existing?.id && same(r)) return true;
        return false;
    };
    // A single unique field is a field validator in DRF, reported with the other field errors.
    for (const fields of def.unique ?? []) {
        const [f] = fields;
        if (fields.length !== 1 || f === undefined || !(f in values) || f in errors) continue;
        if (clash((r) => r[f] === merged[f])) errors[f] = [`${def.verboseName} with this ${f.replace(/_/g, " ")} already exists.`];
    }
    if (Object.keys(errors).length) throw ApiFault.fields(errors);
    for (const fields of def.unique ?? []) {
        if (fields.length < 2) continue;
        if (clash((r) => fields.every((f) => r[f] === merged[f]))) {
            throw ApiFault.fields({ non_field_errors: [`The fields ${fields.join(", ")} must make a unique set.`] });
        }
    }
    const extra = def.validate?.(ctx, merged, existing);
    if (extra && Object.keys(extra).length) throw ApiFault.fields(extra);
    return values;
}

/**
 * Handles one request for an entity. `rest` is the path after the collection
 * (`[]`, `[id]` or `[id, action]`). The caller commits the store before answering.
 */
export async function handleEntity(def: EntityDef, ctx: Ctx, rest: readonly string[], url: URL, body: () => unknown): Promise<Reply> {
    const { store, org, method } = ctx;
    if (rest.length === 0) {
        if (method === "GET") {
            let rows = store.list(org, def.collection);
            const errors: FieldErrors = {};
            for (const [param, filter] of Object.entries(def.filters ?? {})) {
                const v = url.searchParams.get(param);
                if (v === null || v === "") continue;
                const f = filter(ctx, v);
                if ("errors" in f) errors[param] = f.errors;
                else rows = rows.filter(f.match);
            }
            if (Object.keys(errors).length) throw ApiFault.fields(errors);
            return listReply(ctx, rows, url, (r) => show(def, ctx, r));
        }
        if (method === "POST") {
            const values = validate(def, ctx, body(), "create");
            const now = ctx.now();
            const fields = def.toRow ? def.toRow(ctx, values) : values;
            const row = store.insert(org, def.collection, { ...def.initial?.(ctx, values), ...fields, created_at: now, updated_at: now });
            def.afterWrite?.(ctx, row, values);
            return { status: 201, body: show(def, ctx, row) };
        }
        return notAllowed(method);
    }
    const id = /^\d+$/.test(rest[0] ?? "") ? Number(rest[0]) : NaN;
    const row = Number.isSafeInteger(id) ? store.get(org, def.collection, id) : undefined;
    if (!row) return NOT_FOUND;
    if (rest.length === 2) {
        const action = def.actions?.[rest[1] as string];
        if (!action) return NOT_FOUND;
        if (method !== "POST") return notAllowed(method);
        return action(ctx, row);
    }
    if (rest.length !== 1) return NOT_FOUND;
    switch (method) {
        case "GET":
            return { status: 200, body: show(def, ctx, row) };
        case "PATCH":
        case "PUT": {
            const values = validate(def, ctx, body(), method === "PUT" ? "put" : "patch", row);
            const fields = def.toRow ? def.toRow(ctx, values, row) : values;
            const updated: Row = { ...row, ...fields, id: row.id, updated_at: ctx.now() };
            store.put(org, def.collection, updated);
            def.afterWrite?.(ctx, updated, values, row);
            return { status: 200, body: show(def, ctx, updated) };
        }
        case "DELETE":
            def.beforeDelete?.(ctx, row);
            store.remove(org, def.collection, row.id);
            return { status: 204 };
        default:
            return notAllowed(method);
    }
}
