/**
 * Django REST Framework-style field validation, written from the API reference (not from
 * the sdk's schemas, so that each checks the other). Messages are DRF's own wording, so
 * a client that shows them shows what the real service would say.
 */

/** DRF's error shape: a list of messages, or nested errors keyed by sub-field or index. */
export type ErrorDetail = string[] | { [key: string]: ErrorDetail };
/** The body of a DRF 400: field name (or `non_field_errors`) → messages. */
export type FieldErrors = Record<string, ErrorDetail>;

/** A file part of a multipart request (the only way the API takes binary content). */
export class UploadedFile {
    constructor(
        readonly filename: string,
        readonly contentType: string,
        readonly data: Buffer,
    ) {}
}

interface Common {
    required?: boolean;
    /** Accepted on write, never returned. */
    writeOnly?: boolean;
    nullable?: boolean;
    /** Applied on create when the field is absent (DRF leaves absent fields alone on update). */
    default?: unknown;
    /** Extra rules on a value that passed its type check; returns messages. */
    check?: (value: unknown) => ErrorDetail | undefined;
}

export type FieldSpec = Common &
    (
        | { kind: "string"; maxLength?: number; allowBlank?: boolean; pattern?: { re: RegExp; message: string } }
        | { kind: "choice"; choices: readonly string[] }
        | { kind: "url"; maxLength: number }
        | { kind: "int" }
        | { kind: "bool" }
        | { kind: "uuid" }
        | { kind: "dictOfStrings" }
        | { kind: "object" }
        | { kind: "json" }
        /** An integer primary key of `to`, which must exist in the same org. */
        | { kind: "ref"; to: string }
        /** A list of objects whose declared keys are checked; other keys are kept. */
        | { kind: "list"; item: Record<string, FieldSpec> }
        /** A list of strings (DRF's `ListField(child=CharField())`). */
        | { kind: "stringList" }
        | { kind: "file" }
    );

export interface EntitySpec {
    fields: Record<string, FieldSpec>;
    /** Server-set fields: silently ignored on write, like DRF's read_only fields. */
    readOnly: readonly string[];
}

export type Mode = "create" | "put" | "patch";

/** Looks up whether `id` exists in `collection` of the request's org. */
export type RefCheck = (collection: string, id: number) => boolean;

const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
// DRF BooleanField's accepted spellings.
const TRUE = new Set<unknown>(["t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "1", 1, true]);
const FALSE = new Set<unknown>(["f", "F", "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "0", 0, false]);

/** Python's name for a JSON value's type, as DRF puts it in messages. */
export function typeName(v: unknown): string {
    if (v === null) return "NoneType";
    if (Array.isArray(v)) return "list";
    if (v instanceof UploadedFile) return "InMemoryUploadedFile";
    return { string: "str", number: Number.isInteger(v) ? "int" : "float", boolean: "bool", object: "dict" }[typeof v as string] ?? typeof v;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof UploadedFile);

function isUrl(v: string): boolean {
    if (/\s/.test(v)) return false;
    try {
        const u = new URL(v);
        return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
    } catch {
        return false;
    }
}

/** Canonical UUID text: lower case, hyphenated (as Django returns it). */
export function canonicalUuid(s: string): string {
    const h = s.replace(/-/g, "").toLowerCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

type Result = { value: unknown; errors?: undefined } | { value?: undefined; errors: ErrorDetail };

function validateField(spec: FieldSpec, v: unknown, refs: RefCheck | undefined): Result {
    if (v === null) return spec.nullable ? { value: null } : { errors: ["This field may not be null."] };
    const r = validateType(spec, v, refs);
    if (r.errors || !spec.check) return r;
    const extra = spec.check(r.value);
    return extra && (Array.isArray(extra) ? extra.length > 0 : Object.keys(extra).length > 0) ? { errors: extra } : r;
}

function validateType(spec: FieldSpec, v: unknown, refs: RefCheck | undefined): Result {
    if (spec.kind !== "file" && v instanceof UploadedFile) return { errors: ["Not a valid string."] };
    switch (spec.kind) {
        case "string":
        case "url":
        case "choice":
        case "uuid": {
            // DRF's CharField takes numbers (and turns them into text), nothing else.
            if (typeof v !== "string" && typeof v !== "number") {
                return { errors: [spec.kind === "uuid" ? "Must be a valid UUID." : spec.kind === "choice" ? `"${String(v)}" is not a valid choice.` : "Not a valid string."] };
            }
            const s = String(v);
            if (spec.kind === "choice") return spec.choices.includes(s) ? { value: s } : { errors: [`"${s}" is not a valid choice.`] };
            if (spec.kind === "uuid") return UUID_RE.test(s) ? { value: canonicalUuid(s) } : { errors: ["Must be a valid UUID."] };
            // DRF trims before its blank check, so whitespace alone is blank too.
            if (s.trim() === "" && !(spec.kind === "string" && spec.allowBlank)) return { errors: ["This field may not be blank."] };
            const errs: string[] = [];
            const max = spec.maxLength;
            if (max !== undefined && s.length > max) errs.push(`Ensure this field has no more than ${max} characters.`);
            if (spec.kind === "url" && !isUrl(s)) errs.push("Enter a valid URL.");
            if (spec.kind === "string" && spec.pattern && s !== "" && !spec.pattern.re.test(s)) errs.push(spec.pattern.message);
            return errs.length ? { errors: errs } : { value: s };
        }
        case "int": {
            const n = typeof v === "string" && /^\s*-?\d+(\.0*)?\s*$/.test(v) ? Math.trunc(Number(v)) : v;
            return typeof n === "number" && Number.isSafeInteger(n) ? { value: n } : { errors: ["A valid integer is required."] };
        }
        case "ref": {
            const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v;
            if (typeof n !== "number" || !Number.isSafeInteger(n)) return { errors: [`Incorrect type. Expected pk value, received ${typeName(v)}.`] };
            if (refs && !refs(spec.to, n)) return { errors: [`Invalid pk "${n}" - object does not exist.`] };
            return { value: n };
        }
        case "bool":
            if (TRUE.has(v)) return { value: true };
            if (FALSE.has(v)) return { value: false };
            return { errors: ["Must be a valid boolean."] };
        case "dictOfStrings": {
            if (!isPlainObject(v)) return { errors: [`Expected a dictionary of items but got type "${typeName(v)}".`] };
            const nested: Record<string, ErrorDetail> = {};
            const out: Record<string, string> = {};
            for (const [k, x] of Object.entries(v)) {
                if (typeof x === "string" || typeof x === "number") out[k] = String(x);
                else nested[k] = [x === null ? "This field may not be null." : "Not a valid string."];
            }
            return Object.keys(nested).length ? { errors: nested } : { value: out };
        }
        case "object":
            return isPlainObject(v) ? { value: structuredClone(v) } : { errors: [`Expected a dictionary of items but got type "${typeName(v)}".`] };
        case "json":
            return { value: structuredClone(v) };
        case "list": {
            if (!Array.isArray(v)) return { errors: [`Expected a list of items but got type "${typeName(v)}".`] };
            const nested: Record<string, ErrorDetail> = {};
            const out = v.map((item, i) => {
                if (!isPlainObject(item)) {
                    nested[String(i)] = { non_field_errors: [`Invalid data. Expected a dictionary, but got ${typeName(item)}.`] };
                    return item;
                }
                const r = validateObject(spec.item, item, "create", refs);
                if (!r.ok) nested[String(i)] = r.errors;
                return { ...item, ...(r.ok ? r.values : {}) };
            });
            return Object.keys(nested).length ? { errors: nested } : { value: out };
        }
        case "stringList": {
            if (!Array.isArray(v)) return { errors: [`Expected a list of items but got type "${typeName(v)}".`] };
            const nested: Record<string, ErrorDetail> = {};
            v.forEach((x, i) => {
                if (typeof x !== "string" && typeof x !== "number") nested[String(i)] = ["Not a valid string."];
                else if (String(x).trim() === "") nested[String(i)] = ["This field may not be blank."];
            });
            return Object.keys(nested).length ? { errors: nested } : { value: v.map(String) };
        }
        case "file":
            if (!(v instanceof UploadedFile)) return { errors: ["The submitted data was not a file. Check the encoding type on the form."] };
            if (v.filename === "") return { errors: ["No filename could be determined."] };
            if (v.data.length === 0) return { errors: ["The submitted file is empty."] };
            return { value: v };
    }
}

function validateObject(
    fields: Record<string, FieldSpec>,
    input: Record<string, unknown>,
    mode: Mode,
    refs: RefCheck | undefined,
    readOnly: readonly string[] = [],
): { ok: true; values: Record<string, unknown> } | { ok: false; errors: FieldErrors } {
    const values: Record<string, unknown> = {};
    const errors: FieldErrors = {};
    for (const [name, fs] of Object.entries(fields)) {
        if (readOnly.includes(name)) continue;
        if (!(name in input) || input[name] === undefined) {
            if (mode !== "patch" && fs.required) errors[name] = ["This field is required."];
            else if (mode === "create" && fs.default !== undefined) values[name] = structuredClone(fs.default);
            continue;
        }
        const r = validateField(fs, input[name], refs);
        if (r.errors) errors[name] = r.errors;
        else values[name] = r.value;
    }
    return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values };
}

/**
 * Validates a request body against an entity spec. `create` and `put` need every required
 * field; only `create` fills defaults (DRF leaves absent optional fields alone on update);
 * `patch` checks only what is sent. Read-only fields and unknown keys are ignored, as DRF
 * does. References are checked with `refs` when given.
 *
 * @example
 * ```ts
 * validateBody({ fields: { name: { kind: "string", required: true } }, readOnly: [] }, {}, "create");
 * // → { ok: false, errors: { name: ["This field is required."] } }
 * ```
 */
export function validateBody(
    spec: EntitySpec,
    body: unknown,
    mode: Mode,
    refs?: RefCheck,
): { ok: true; values: Record<string, unknown> } | { ok: false; errors: FieldErrors } {
    if (!isPlainObject(body)) {
        return { ok: false, errors: { non_field_errors: [`Invalid data. Expected a dictionary, but got ${typeName(body)}.`] } };
    }
    return validateObject(spec.fields, body, mode, refs, spec.readOnly);
}

/**
 * The row as the API shows it: `id` first and the fields in spec order (as a DRF
 * serializer orders them), then the server-set ones; write-only fields and emulator
 * bookkeeping (`_…`) removed.
 */
export function present(spec: EntitySpec, row: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = { id: row.id };
    for (const k in spec.fields) {
        if (k in row && !spec.fields[k]?.writeOnly) out[k] = row[k];
    }
    for (const k in row) {
        if (k in out || k.charCodeAt(0) === 95 /* _ */ || spec.fields[k]?.writeOnly) continue;
        out[k] = row[k];
    }
    return out;
}
