/**
 * A tiny builder of field types for the entity declarations (provider/entities/). Each type
 * knows how to become the sdk's zod request and response schemas, the TypeScript type of an
 * input or output, and the cell of the docs table — as source text, written by
 * scripts/generate.ts. Not zod itself: a zod schema cannot be turned back into source,
 * types and docs reliably.
 *
 * @example
 * ```ts
 * str().nonEmpty().max(255).zodRequest; // 'z.string().min(1, "must not be empty").max(255)'
 * str().max(50).docs;                   // "string ≤50"
 * ```
 */
export class FieldType {
    constructor(private readonly spec: TypeSpec) {}

    /** At least `n` (characters of a string, or the value of an integer). */
    min(n: number, message?: string): FieldType {
        return this.with({ checks: [...this.spec.checks, msg(`.min(${n}`, message)] , min: n });
    }
    /** Leading and trailing spaces are dropped before the other checks. */
    trim(): FieldType {
        return this.with({ checks: [...this.spec.checks, ".trim()"] });
    }
    /** `.min(1, "must not be empty")`: the usual rule of a required name. */
    nonEmpty(): FieldType {
        return this.min(1, "must not be empty");
    }
    /** At most `n` (characters of a string, or the value of an integer). */
    max(n: number, message?: string): FieldType {
        return this.with({ checks: [...this.spec.checks, msg(`.max(${n}`, message)], max: n });
    }
    /** Must match `re`; `message` says what is allowed, with an example. */
    pattern(re: RegExp, message: string): FieldType {
        return this.with({ checks: [...this.spec.checks, msg(`.regex(${re.toString()}`, message)] });
    }
    /** Null is a value of its own (sent as null, e.g. to clear a reference). */
    nullable(): FieldType {
        return this.with({ nullable: true });
    }

    /** Zod source of the request schema (without `.optional()`). */
    get zodRequest(): string {
        return `${this.spec.request}${this.spec.checks.join("")}${this.spec.nullable ? ".nullable()" : ""}`;
    }
    /** Zod source of the response schema of a field the service always returns. */
    get zodResponse(): string {
        return this.spec.response;
    }
    /** The TypeScript type of the value in a program. */
    get ts(): string {
        return this.spec.nullable ? `${this.spec.ts} | null` : this.spec.ts;
    }
    /** The TypeScript type of the value in state (an output), where it differs from the input's. */
    get outputTs(): string {
        const t = this.spec.outputTs ?? this.spec.ts;
        return this.spec.nullable ? `${t} | null` : t;
    }
    /** A const array and its type the generated sdk file defines (an enum's values), with their doc. */
    get defines(): { values: string; tsType: string; names: readonly string[]; doc: string } | undefined {
        return this.spec.defines;
    }
    /** The docs table's type cell. */
    get docs(): string {
        const bound = this.spec.max !== undefined ? ` ≤${this.spec.max}` : "";
        return `${this.spec.docs}${bound}${this.spec.nullable ? " \\| null" : ""}`;
    }
    /** How the engine treats the value (facts.ts FieldFact.kind). */
    get kind(): "ref" | "file" | undefined {
        return this.spec.kind;
    }

    private with(change: Partial<TypeSpec>): FieldType {
        return new FieldType({ ...this.spec, ...change });
    }
}

/** What a FieldType is made of; `custom()` takes one whole. */
export interface TypeSpec {
    /** Zod source of the base request schema. */
    request: string;
    /** Zod source of the response schema. */
    response: string;
    ts: string;
    /** The type of the output, where it differs from the input's (e.g. no nested Inputs). */
    outputTs?: string;
    docs: string;
    checks: readonly string[];
    defines?: { values: string; tsType: string; names: readonly string[]; doc: string };
    nullable?: boolean;
    kind?: "ref" | "file";
    min?: number;
    max?: number;
}

const msg = (head: string, message: string | undefined) => `${head}${message === undefined ? "" : `, ${JSON.stringify(message)}`})`;

/**
 * A string.
 *
 * @example
 * ```ts
 * str().max(50)
 * ```
 */
export const str = () => new FieldType({ request: "z.string()", response: "z.string()", ts: "string", docs: "string", checks: [] });

/**
 * A boolean.
 *
 * @example
 * ```ts
 * bool()
 * ```
 */
export const bool = (error?: string) =>
    new FieldType({ request: error === undefined ? "z.boolean()" : `z.boolean({ error: ${JSON.stringify(error)} })`, response: "z.boolean()", ts: "boolean", docs: "boolean", checks: [] });

/**
 * A whole number.
 *
 * @example
 * ```ts
 * int().min(1)
 * ```
 */
export const int = () => new FieldType({ request: "z.number().int()", response: "z.number()", ts: "number", docs: "integer", checks: [] });

/**
 * A JSON object (`{string: any}`); `error` is the message when it is not one.
 *
 * @example
 * ```ts
 * json("must be an object, e.g. {\"a\": 1}")
 * ```
 */
export const json = (error?: string) =>
    new FieldType({
        request: `z.record(z.string(), z.unknown()${error === undefined ? "" : `, { error: ${JSON.stringify(error)} }`})`,
        response: "z.unknown()",
        ts: "Record<string, unknown>",
        docs: "object",
        checks: [],
    });

/**
 * One of a fixed list of strings, held by the const array `values` (exported from the sdk)
 * and typed by `tsType`. With `doc`, the generated sdk file defines the array and its type;
 * without, they are hand-written in sdk/schemas.
 *
 * @example
 * ```ts
 * enumOf("MODELS_MODES", "ModelsMode", ["merge", "replace"], "How a catalog combines with the server's own.")
 * ```
 */
export const enumOf = (values: string, tsType: string, names: readonly string[], doc?: string) =>
    new FieldType({
        request: `z.enum(${values})`,
        response: "z.string()",
        ts: tsType,
        outputTs: "string",
        docs: names.map((n) => `\`${n}\``).join(" \\| "),
        checks: [],
        defines: doc === undefined ? undefined : { values, tsType, names, doc },
    });

/**
 * The id of another object (of the type `tsRef` from provider/ids.ts, e.g. `SkillRef`):
 * a positive integer or an id string, compared as strings.
 *
 * @example
 * ```ts
 * ref("SkillRef", "skill")
 * ```
 */
export const ref = (tsRef: string, what: string) =>
    new FieldType({ request: "ObjectRef", response: "anyId", ts: tsRef, docs: `${what} id`, checks: [], kind: "ref" });

/**
 * A local file whose bytes are sent (`zod` is the request schema of the bytes); in a
 * program it is a path, relative to the program's folder.
 *
 * @example
 * ```ts
 * file("fileData")
 * ```
 */
export const file = (zod: string) => new FieldType({ request: zod, response: "z.unknown()", ts: "string", docs: "file path", checks: [], kind: "file" });

/**
 * The id the service gives an object: a number or a string.
 *
 * @example
 * ```ts
 * outputs: { skillId: { api: "id", type: objectId() } }
 * ```
 */
export const objectId = () => new FieldType({ request: "anyId", response: "anyId", ts: "number | string", docs: "id", checks: [] });

/**
 * A type written out whole, for the few schemas that are behaviour (e.g. an http(s) URL
 * check from sdk/schemas/common.ts).
 *
 * @example
 * ```ts
 * custom({ request: "httpUrl(200)", response: "z.string()", ts: "string", docs: "http(s) URL", checks: [] })
 * ```
 */
export const custom = (spec: TypeSpec) => new FieldType(spec);
