import type { z } from "zod";
import type { Transport } from "../transport";
import { type FieldErrors, NotFoundError, ValidationError } from "../errors";
import { closestName } from "../openclawConfig";
import { page, type Page, type PageQuery } from "../schemas/common";

/**
 * A natural key: field → value.
 *
 * @example
 * ```ts
 * const key: NaturalKey = { mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", server: 42 };
 * ```
 */
export type NaturalKey = Record<string, string | number | boolean>;

/**
 * The facts of one API entity: where it lives and how its bodies look. Each file in
 * resources/ is one of these tables plus the entity's actions.
 *
 * @example
 * ```ts
 * const routes: EntityRoutes<typeof Skill, typeof SkillCreate, typeof SkillUpdate> = {
 *   collection: "agent-skills/", object: Skill, create: SkillCreate, update: SkillUpdate,
 *   writeOnly: [], naturalKey: (b) => ({ slug: b.slug }),
 * };
 * ```
 */
export interface EntityRoutes<Obj extends z.ZodType, Create extends z.ZodType, Update extends z.ZodType> {
    /** Collection route relative to the org base, ending with `/`. */
    collection: string;
    object: Obj;
    create: Create;
    update: Update;
    /** Request fields that are never returned; scrubbed from errors. */
    writeOnly: readonly string[];
    /**
     * The fields that identify an object besides its id. A create whose answer was lost
     * looks the object up by them before sending again, so a retry makes no duplicate.
     */
    naturalKey?: (body: z.output<Create>) => NaturalKey;
    /**
     * Documented list filters that match a field exactly. A natural-key lookup sends
     * those of its fields, so it reads one short page instead of the whole collection.
     */
    exactFilters?: readonly string[];
    /**
     * List filters that are not (or not reliably) applied by the service: they are still
     * sent (a DRF service ignores an unknown query parameter) and also matched on the
     * client, so the result is exact either way.
     */
    clientFilters?: readonly string[];
    /** What goes on the wire for a validated body; JSON of the body by default. */
    encode?: (body: Record<string, unknown>) => unknown;
}

/**
 * An object id: the API's integer, or its string form (Pulumi ids are strings).
 *
 * @example
 * ```ts
 * await client.skills.get("9"); // same as get(9)
 * ```
 */
export type Id = number | string;

const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/**
 * Field equality for lookups, lenient where the service may spell a value differently:
 * `5` equals `"5"`, and UUIDs compare without regard to letter case or hyphens.
 *
 * @example
 * ```ts
 * sameValue(5, "5"); // true
 * sameValue("3F1C2A9E-0B6D-4C1E-9A57-2F8D6B3E4C10", "3f1c2a9e0b6d4c1e9a572f8d6b3e4c10"); // true
 * ```
 */
export function sameValue(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    const scalar = (v: unknown) => typeof v === "string" || typeof v === "number" || typeof v === "boolean";
    if (!scalar(a) || !scalar(b)) return false;
    const sa = String(a);
    const sb = String(b);
    if (UUID_RE.test(sa) && UUID_RE.test(sb)) return sa.replace(/-/g, "").toLowerCase() === sb.replace(/-/g, "").toLowerCase();
    return sa === sb;
}

/**
 * True when every field of `match` equals the object's (by `sameValue`); undefined fields are skipped.
 *
 * @example
 * ```ts
 * matches({ id: 1, mentor: "a", server: 2 }, { server: "2" }); // true
 * ```
 */
export function matches(obj: unknown, match: Record<string, unknown>): boolean {
    const rec = obj as Record<string, unknown>;
    return Object.entries(match).every(([k, v]) => v === undefined || sameValue(rec?.[k], v));
}

/** Every string inside the write-only fields of a body: scrubbed from any error. */
function writeOnlyStrings(body: Record<string, unknown>, writeOnly: readonly string[]): string[] {
    const out: string[] = [];
    const walk = (v: unknown) => {
        if (typeof v === "string") out.push(v);
        else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    for (const f of writeOnly) walk(body[f]);
    return out;
}

/**
 * The keys an object schema at `path` of `schema` allows (through optional, nullable and
 * pipe wrappers); empty where there is no object schema. For did-you-mean messages.
 *
 * @example
 * ```ts
 * schemaKeysAt(MentorClawConfigCreate, ["agent_config"]).includes("user_context"); // true
 * ```
 */
export function schemaKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
    type Node = { shape?: Record<string, Node>; _zod?: { def?: { type?: string; innerType?: Node; in?: Node } } };
    const unwrap = (n: Node | undefined): Node | undefined => {
        let cur = n;
        for (let i = 0; i < 8 && cur; i++) {
            const def = cur._zod?.def;
            if (def?.type === "optional" || def?.type === "nullable" || def?.type === "default") cur = def.innerType;
            else if (def?.type === "pipe") cur = def.in;
            else break;
        }
        return cur;
    };
    let node = unwrap(schema as unknown as Node);
    for (const p of path) node = unwrap(node?.shape?.[String(p)]);
    return node?.shape ? Object.keys(node.shape) : [];
}

/**
 * The field a misspelt or guessed name most likely means: a near spelling (`closestName`,
 * as for provider settings), or the field it is one word of (`user` → `user_context`, the
 * very key the service drops silently).
 *
 * @example
 * ```ts
 * fieldSuggestion("user", ["soul", "user_context"]); // "user_context"
 * fieldSuggestion("identiy", ["identity", "soul"]);  // "identity"
 * ```
 */
export function fieldSuggestion(name: string, fields: readonly string[]): string | undefined {
    const words = (f: string) => f.toLowerCase().split("_");
    return closestName(name, fields) ?? fields.find((f) => f !== name && words(f).includes(name.toLowerCase()));
}

/**
 * Validates a request body with its strict schema; a bad body throws ValidationError (like a
 * 400, but without a status: nothing was sent) with one message per field, an unknown key
 * named with a did-you-mean. `writeOnly` names the fields whose values are scrubbed from it.
 *
 * @example
 * ```ts
 * const body = validateBody(SkillCreate, { name: "Weather", slug: "weather" }, "POST", "agent-skills/", []);
 * ```
 */
export function validateBody(schema: z.ZodType, body: unknown, method: string, route: string, writeOnly: readonly string[]): Record<string, unknown> {
    const r = schema.safeParse(body);
    if (r.success) return r.data as Record<string, unknown>;
    const fieldErrors: FieldErrors = {};
    for (const i of r.error.issues) {
        const key = i.path.map(String).join(".") || "non_field_errors";
        // An unknown key is reported on the object; name the key itself, and what it may mean.
        const unknown = (k: string) => {
            const near = fieldSuggestion(k, schemaKeysAt(schema, i.path));
            return near ? `unknown field (the service would drop it); did you mean ${near}?` : "unknown field";
        };
        const keys = i.code === "unrecognized_keys" ? i.keys.map((k) => [key === "non_field_errors" ? k : `${key}.${k}`, unknown(k)]) : [[key, i.message]];
        for (const [k, m] of keys) (fieldErrors[k] ??= []).push(m);
    }
    const secrets = body && typeof body === "object" ? writeOnlyStrings(body as Record<string, unknown>, writeOnly) : [];
    throw new ValidationError("invalid request body, not sent", { method, route, fieldErrors, secrets });
}

/**
 * One generic request machine for every entity (list, get, create, update, replace,
 * delete); each entity file is a small table of facts fed to it.
 *
 * @example
 * ```ts
 * const skills = new EntityApi(client, { collection: "agent-skills/", object: Skill, create: SkillCreate, update: SkillUpdate, writeOnly: [] });
 * for await (const s of skills.list()) console.log(s.slug);
 * ```
 */
export class EntityApi<
    Obj extends z.ZodType,
    Create extends z.ZodType,
    Update extends z.ZodType,
    Query extends object = Record<string, never>,
> {
    private readonly pageSchema;
    constructor(
        protected readonly client: Transport,
        protected readonly routes: EntityRoutes<Obj, Create, Update>,
    ) {
        this.pageSchema = page(routes.object);
    }

    /** The route of one object, e.g. `agent-skills/9/`. */
    protected objectRoute(id: Id): string {
        return `${this.routes.collection}${encodeURIComponent(String(id))}/`;
    }

    /** Every string inside the write-only fields of a body: scrubbed from any error. */
    protected secretsOf(body: Record<string, unknown>): string[] {
        return writeOnlyStrings(body, this.routes.writeOnly);
    }

    /**
     * Validates a request body with its strict schema. A bad body throws ValidationError
     * (like a 400, but without a status: nothing was sent), with one message per field.
     */
    protected validate<S extends z.ZodType>(schema: S, body: unknown, method: string, route: string): Record<string, unknown> {
        return validateBody(schema, body, method, route, this.routes.writeOnly);
    }

    private encode(valid: Record<string, unknown>): unknown {
        return this.routes.encode ? this.routes.encode(valid) : valid;
    }

    /**
     * One write (create, update, replace): the body validated with `schema` before any
     * request, encoded, its write-only strings scrubbed from errors, the answer read as the
     * object; `recover`, given the valid body, says how a lost answer is found again.
     */
    private async write(
        method: "POST" | "PATCH" | "PUT",
        route: string,
        schema: z.ZodType,
        body: unknown,
        recover?: (valid: Record<string, unknown>) => (() => Promise<unknown>) | undefined,
    ): Promise<z.output<Obj>> {
        const valid = this.validate(schema, body, method, route);
        return (await this.client.request(method, route, {
            body: this.encode(valid),
            schema: this.routes.object,
            secrets: this.secretsOf(valid),
            recover: recover?.(valid),
        })) as z.output<Obj>;
    }

    /** The part of a query the client must match itself. */
    private clientMatch(query: object): Record<string, unknown> {
        const q = query as Record<string, unknown>;
        return Object.fromEntries((this.routes.clientFilters ?? []).filter((k) => q[k] !== undefined).map((k) => [k, q[k]]));
    }

    /** One page exactly as the service sent it. */
    private async rawPage(query: object): Promise<Page<z.output<Obj>>> {
        return (await this.client.request("GET", this.routes.collection, {
            query: query as Record<string, string | number | boolean | undefined>,
            schema: this.pageSchema,
        })) as Page<z.output<Obj>>;
    }

    /**
     * One page (`limit`/`offset`). `count`, `next` and `previous` are the service's;
     * `results` are also filtered on the client by filters the service may not apply.
     *
     * @example
     * ```ts
     * const first = await client.skills.listPage({ limit: 20, offset: 0, enabled: true });
     * console.log(first.count, first.results.length);
     * ```
     */
    async listPage(query: Query & PageQuery = {} as Query & PageQuery): Promise<Page<z.output<Obj>>> {
        const p = await this.rawPage(query);
        const m = this.clientMatch(query);
        return Object.keys(m).length ? { ...p, results: p.results.filter((o) => matches(o, m)) } : p;
    }

    /**
     * Every object, page after page, as an async iterator. Pages are read lazily; stop
     * early with `break`. `pageSize` defaults to the client's (100).
     *
     * @example
     * ```ts
     * for await (const s of client.skills.list({ enabled: true })) console.log(s.slug);
     * ```
     */
    async *list(query: Query = {} as Query, pageSize = this.client.pageSize): AsyncGenerator<z.output<Obj>> {
        const m = this.clientMatch(query);
        let offset = 0;
        for (;;) {
            const p = await this.rawPage({ ...query, limit: pageSize, offset });
            for (const o of p.results) if (matches(o, m)) yield o;
            // Advance by what came back: a service may cap `limit` below what was asked.
            offset += p.results.length;
            if (!p.next || p.results.length === 0 || offset >= p.count) return;
        }
    }

    /**
     * Every object, collected into an array.
     *
     * @example
     * ```ts
     * const all = await client.skills.listAll();
     * ```
     */
    async listAll(query: Query = {} as Query): Promise<z.output<Obj>[]> {
        const out: z.output<Obj>[] = [];
        for await (const o of this.list(query)) out.push(o);
        return out;
    }

    /**
     * One object by id; a missing one throws NotFoundError.
     *
     * @example
     * ```ts
     * const s = await client.skills.get(9);
     * ```
     */
    async get(id: Id): Promise<z.output<Obj>> {
        return (await this.client.request("GET", this.objectRoute(id), { schema: this.routes.object })) as z.output<Obj>;
    }

    /**
     * Creates an object. The body is validated first (strict: unknown keys fail with a
     * ValidationError naming the field, before any request). If the answer is lost, the object is looked up by its natural key
     * before trying again, so a retry never makes a duplicate.
     *
     * @example
     * ```ts
     * const s = await client.skills.create({ name: "Weather", slug: "weather" });
     * ```
     */
    async create(body: z.input<Create>): Promise<z.output<Obj>> {
        return this.write("POST", this.routes.collection, this.routes.create, body, (valid) => {
            const key = this.routes.naturalKey?.(valid as z.output<Create>);
            return key ? () => this.findOne(key) : undefined;
        });
    }

    /**
     * PATCH: changes only the given fields.
     *
     * @example
     * ```ts
     * await client.skills.update(9, { enabled: false });
     * ```
     */
    async update(id: Id, body: z.input<Update>): Promise<z.output<Obj>> {
        return this.write("PATCH", this.objectRoute(id), this.routes.update, body);
    }

    /**
     * PUT: replaces the object with a full body (validated like a create).
     *
     * @example
     * ```ts
     * await client.skills.replace(9, { name: "Weather", slug: "weather", version: "2.0.0" });
     * ```
     */
    async replace(id: Id, body: z.input<Create>): Promise<z.output<Obj>> {
        return this.write("PUT", this.objectRoute(id), this.routes.create, body);
    }

    /**
     * Deletes an object. A retried DELETE that finds the object gone counts as done.
     *
     * @example
     * ```ts
     * await client.skills.delete(9);
     * ```
     */
    async delete(id: Id): Promise<void> {
        await this.client.request("DELETE", this.objectRoute(id));
    }

    /**
     * The first object whose fields equal `match` (leniently: `5` = `"5"`, UUIDs by value),
     * scanning the list; documented exact filters among the fields narrow the scan.
     *
     * @example
     * ```ts
     * const s = await client.skills.findOne({ slug: "weather" });
     * ```
     */
    async findOne(match: Record<string, unknown>): Promise<z.output<Obj> | undefined> {
        const exact = new Set(this.routes.exactFilters ?? []);
        const query = Object.fromEntries(Object.entries(match).filter(([k, v]) => exact.has(k) && v !== undefined));
        for await (const o of this.list(query as Query)) {
            if (matches(o, match)) return o;
        }
        return undefined;
    }
}

/**
 * The facts of an object that lives at one route, without an id (the current guide's
 * `mentors/{mentor}/claw-config/` and `mentors/{mentor}/agent-config/`: one per mentor).
 *
 * @example
 * ```ts
 * const spec: SingletonRoutes<typeof AgentConfig, typeof AgentConfigFields> = { route: `mentors/${m}/agent-config/`, object: AgentConfig, update: AgentConfigFields, writeOnly: [] };
 * ```
 */
export interface SingletonRoutes<Obj extends z.ZodType, Update extends z.ZodType, Create extends z.ZodType = Update> {
    /** The object's route relative to the org base, ending with `/`. */
    route: string;
    object: Obj;
    update: Update;
    /** Absent when the object cannot be created at its route (the service makes it). */
    create?: Create;
    writeOnly: readonly string[];
    /**
     * For a create whose answer was lost: the fields an object found at the route must
     * equal to count as the one this create made.
     */
    recoverMatch?: (body: z.output<Create>) => Record<string, unknown>;
}

/**
 * The request machine of an object at one route (get, create, PATCH, delete), sharing
 * validation and errors with {@link EntityApi}.
 *
 * @example
 * ```ts
 * const cfg = await client.mentorScoped(mentor).agentConfig.get();
 * ```
 */
export class SingletonApi<Obj extends z.ZodType, Update extends z.ZodType, Create extends z.ZodType = Update> {
    constructor(
        protected readonly client: Transport,
        protected readonly spec: SingletonRoutes<Obj, Update, Create>,
    ) {}

    /** The object's route relative to the org base. */
    get route(): string {
        return this.spec.route;
    }

    /**
     * The object; a missing one throws NotFoundError.
     *
     * @example
     * ```ts
     * const b = await client.mentorScoped(mentor).binding.get();
     * ```
     */
    async get(): Promise<z.output<Obj>> {
        return (await this.client.request("GET", this.spec.route, { schema: this.spec.object })) as z.output<Obj>;
    }

    /**
     * The object, or undefined when the route answers 404.
     *
     * @example
     * ```ts
     * const b = await client.mentorScoped(mentor).binding.find(); // undefined: not bound
     * ```
     */
    async find(): Promise<z.output<Obj> | undefined> {
        try {
            return await this.get();
        } catch (e) {
            if (NotFoundError.isInstance(e)) return undefined;
            throw e;
        }
    }

    /**
     * POST to the route: validated first (strict). If the answer is lost, the object found at
     * the route is taken as the answer when it matches `recoverMatch`, so a retry makes no second.
     *
     * @example
     * ```ts
     * await client.mentorScoped(mentor).binding.create({ server: 42, enabled: true });
     * ```
     */
    async create(body: z.input<Create>): Promise<z.output<Obj>> {
        const schema = this.spec.create;
        if (!schema) throw new ValidationError("this object is made by the service, not created at its route", { method: "POST", route: this.spec.route });
        const valid = validateBody(schema, body, "POST", this.spec.route, this.spec.writeOnly);
        const want = this.spec.recoverMatch?.(valid as z.output<Create>);
        return (await this.client.request("POST", this.spec.route, {
            body: valid,
            schema: this.spec.object,
            secrets: writeOnlyStrings(valid, this.spec.writeOnly),
            recover: want ? async () => {
                const found = await this.find();
                return found !== undefined && matches(found, want) ? found : undefined;
            } : undefined,
        })) as z.output<Obj>;
    }

    /**
     * PATCH: changes only the given fields (validated first, strict).
     *
     * @example
     * ```ts
     * await client.mentorScoped(mentor).agentConfig.update({ soul: "Curious, kind, exact." });
     * ```
     */
    async update(body: z.input<Update>): Promise<z.output<Obj>> {
        const valid = validateBody(this.spec.update, body, "PATCH", this.spec.route, this.spec.writeOnly);
        return (await this.client.request("PATCH", this.spec.route, {
            body: valid,
            schema: this.spec.object,
            secrets: writeOnlyStrings(valid, this.spec.writeOnly),
        })) as z.output<Obj>;
    }

    /**
     * DELETE; a retried DELETE that finds the object gone counts as done.
     *
     * @example
     * ```ts
     * await client.mentorScoped(mentor).binding.delete();
     * ```
     */
    async delete(): Promise<void> {
        await this.client.request("DELETE", this.spec.route);
    }
}
