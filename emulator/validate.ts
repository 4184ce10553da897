/**
 * Django REST Framework-style field validation, written from the API reference (not from
 * the sdk's schemas, so that each checks the other). Messages are DRF's own wording.
 */

export type FieldErrors = Record<string, string[]>;

interface Common {
    required?: boolean;
    /** Accepted on write, never returned. */
    writeOnly?: boolean;
    nullable?: boolean;
    default?: unknown;
}
export type FieldSpec = Common &
    (
        | { kind: "string"; maxLength?: number; allowBlank?: boolean }
        | { kind: "choice"; choices: readonly string[] }
        | { kind: "url"; maxLength: number }
        | { kind: "int" }
        | { kind: "bool" }
        | { kind: "uuid" }
        | { kind: "dictOfStrings" }
        | { kind: "object" }
        | { kind: "json" }
    );

export interface EntitySpec {
    fields: Record<string, FieldSpec>;
    /** Server-set fields: silently ignored on write, like DRF's read_only fields. */
    readOnly: readonly string[];
}

export type Mode = "create" | "put" | "patch";

const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

function typeName(v: unknown): string {
    if (v === null) return "NoneType";
    if (Array.isArray(v)) return "list";
    return { string: "str", number: Number.isInteger(v) ? "int" : "float", boolean: "bool", object: "dict" }[typeof v as string] ?? typeof v;
}

function isUrl(v: string): boolean {
    try {
        const u = new URL(v);
        return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
    } catch {
        return false;
    }
}

/** Validates one value; returns the cleaned value or the error messages. */
function validateField(spec: FieldSpec, v: unknown): { value?: unknown; errors?: string[] } {
    if (v === null) return spec.nullable ? { value: null } : { errors: ["This field may not be null."] };
    switch (spec.kind) {
        case "string":
        case "url":
        case "choice":
        case "uuid": {
            if (typeof v !== "string" && typeof v !== "number") return { errors: ["Not a valid string."] };
            const s = String(v);
            if (spec.kind === "choice") {
                return spec.choices.includes(s) ? { value: s } : { errors: [`"${s}" is not a valid choice.`] };
            }
            if (spec.kind === "uuid") {
                return UUID_RE.test(s) ? { value: s.toLowerCase() } : { errors: ["Must be a valid UUID."] };
            }
            const errs: string[] = [];
            if (s.trim() === "" && !(spec.kind === "string" && spec.allowBlank)) errs.push("This field may not be blank.");
            const max = spec.maxLength;
            if (max !== undefined && s.length > max) errs.push(`Ensure this field has no more than ${max} characters.`);
            if (spec.kind === "url" && s.trim() !== "" && !isUrl(s)) errs.push("Enter a valid URL.");
            return errs.length ? { errors: errs } : { value: s };
        }
        case "int": {
            const n = typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v;
            return typeof n === "number" && Number.isInteger(n) ? { value: n } : { errors: ["A valid integer is required."] };
        }
        case "bool": {
            if (typeof v === "boolean") return { value: v };
            if (v === "true" || v === "True" || v === 1 || v === "1") return { value: true };
            if (v === "false" || v === "False" || v === 0 || v === "0") return { value: false };
            return { errors: ["Must be a valid boolean."] };
        }
        case "dictOfStrings": {
            if (typeof v !== "object" || Array.isArray(v)) return { errors: [`Expected a dictionary of items but got type "${typeName(v)}".`] };
            const bad = Object.entries(v as object).find(([, x]) => typeof x !== "string");
            return bad ? { errors: [`${bad[0]}: Not a valid string.`] } : { value: { ...(v as object) } };
        }
        case "object": {
            if (typeof v !== "object" || Array.isArray(v)) return { errors: [`Expected a dictionary of items but got type "${typeName(v)}".`] };
            return { value: structuredClone(v) };
        }
        case "json":
            return { value: structuredClone(v) };
    }
}

/**
 * Validates a request body against an entity spec. `create` and `put` need every required
 * field; `patch` checks only what is sent. Read-only fields and unknown keys are ignored,
 * as DRF does.
 */
export function validateBody(
    spec: EntitySpec,
    body: unknown,
    mode: Mode,
): { ok: true; values: Record<string, unknown> } | { ok: false; errors: FieldErrors } {
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
        return { ok: false, errors: { non_field_errors: [`Invalid data. Expected a dictionary, but got ${typeName(body)}.`] } };
    }
    const input = body as Record<string, unknown>;
    const values: Record<string, unknown> = {};
    const errors: FieldErrors = {};
    for (const [name, fs] of Object.entries(spec.fields)) {
        if (spec.readOnly.includes(name)) continue;
        if (!(name in input) || input[name] === undefined) {
            if (mode !== "patch" && fs.required) errors[name] = ["This field is required."];
            else if (mode !== "patch" && fs.default !== undefined) values[name] = structuredClone(fs.default);
            continue;
        }
        const r = validateField(fs, input[name]);
        if (r.errors) errors[name] = r.errors;
        else values[name] = r.value;
    }
    return Object.keys(errors).length ? { ok: false, errors } : { ok: true, values };
}

/** The row as the API shows it: write-only fields removed. */
export function present(spec: EntitySpec, row: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) {
        if (k.startsWith("_")) continue; // emulator-internal bookkeeping
        if (spec.fields[k]?.writeOnly) continue;
        out[k] = v;
    }
    return out;
}
