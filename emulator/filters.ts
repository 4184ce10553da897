/**
 * List filters as django-filter and DRF's SearchFilter behave: a bad choice, number or
 * UUID is a 400 naming the parameter; a boolean it cannot read filters nothing.
 */
import type { ListFilter } from "./entity";
import type { Row } from "./store";

const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** `?field=true|false` (also `1`/`0`, any case); other values are ignored, as django-filter's BooleanWidget does. */
export const boolFilter =
    (field: string): ListFilter =>
    (_ctx, value) => {
        const b = { true: true, "1": true, false: false, "0": false }[value.toLowerCase()];
        return { match: b === undefined ? () => true : (row: Row) => row[field] === b };
    };

/** `?field=<one of choices>`. */
export const choiceFilter =
    (field: string, choices: readonly string[]): ListFilter =>
    (_ctx, value) =>
        choices.includes(value)
            ? { match: (row: Row) => row[field] === value }
            : { errors: [`Select a valid choice. ${value} is not one of the available choices.`] };

/** `?field=<pk>` of a related object that must exist in the org (django-filter's ModelChoiceFilter). */
export const refFilter =
    (field: string, collection: string): ListFilter =>
    (ctx, value) => {
        const id = /^\d+$/.test(value) ? Number(value) : NaN;
        if (!Number.isSafeInteger(id) || !ctx.store.get(ctx.org, collection, id)) {
            return { errors: ["Select a valid choice. That choice is not one of the available choices."] };
        }
        return { match: (row: Row) => row[field] === id };
    };

/** `?field=<uuid>`, any spelling of the UUID. */
export const uuidFilter =
    (field: string): ListFilter =>
    (_ctx, value) => {
        if (!UUID_RE.test(value)) return { errors: ["Enter a valid UUID."] };
        const h = value.replace(/-/g, "").toLowerCase();
        return { match: (row: Row) => String(row[field]).replace(/-/g, "") === h };
    };

/** `?search=words`: every word must occur (case-blind) in one of the fields, as DRF's SearchFilter does. */
export const searchFilter =
    (fields: readonly string[]): ListFilter =>
    (_ctx, value) => {
        const words = value
            .split(/[\s,]+/)
            .map((w) => w.toLowerCase())
            .filter((w) => w !== "");
        return {
            match: (row: Row) => words.every((w) => fields.some((f) => String(row[f] ?? "").toLowerCase().includes(w))),
        };
    };
