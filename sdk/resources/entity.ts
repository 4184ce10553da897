import type { z } from "zod";
import type { ClawClient } from "../client";
import { page, type Page, type PageQuery } from "../schemas/common";

/** The facts of one API entity: where it lives and how its bodies look. */
export interface EntityRoutes<Obj extends z.ZodType, Create extends z.ZodType, Update extends z.ZodType> {
    /** Collection route relative to the org base, ending with `/`. */
    collection: string;
    object: Obj;
    create: Create;
    update: Update;
    /** Request fields that are never returned; scrubbed from errors. */
    writeOnly: readonly string[];
    /** Finds an object by its natural key, to recover a create whose answer was lost. */
    naturalKey?: (body: z.output<Create>) => Record<string, string | number | boolean>;
}

type Id = number | string;
const PAGE_SIZE = 100;

/**
 * One generic request machine for every entity (list, get, create, update, replace,
 * delete); each entity file is a small table of facts fed to it.
 */
export class EntityApi<
    Obj extends z.ZodType,
    Create extends z.ZodType,
    Update extends z.ZodType,
    Query extends object = Record<string, never>,
> {
    private readonly pageSchema;
    constructor(
        protected readonly client: ClawClient,
        protected readonly routes: EntityRoutes<Obj, Create, Update>,
    ) {
        this.pageSchema = page(routes.object);
    }

    protected objectRoute(id: Id): string {
        return `${this.routes.collection}${encodeURIComponent(String(id))}/`;
    }

    private secretsOf(body: Record<string, unknown>): string[] {
        const out: string[] = [];
        const walk = (v: unknown) => {
            if (typeof v === "string") out.push(v);
            else if (v && typeof v === "object") Object.values(v).forEach(walk);
        };
        for (const f of this.routes.writeOnly) walk(body[f]);
        return out;
    }

    /** One page. */
    async listPage(query: Query & PageQuery = {} as Query & PageQuery): Promise<Page<z.output<Obj>>> {
        return (await this.client.request("GET", this.routes.collection, {
            query: query as Record<string, string | number | boolean | undefined>,
            schema: this.pageSchema,
        })) as Page<z.output<Obj>>;
    }

    /** Every object, page after page. */
    async *list(query: Query = {} as Query, pageSize = PAGE_SIZE): AsyncGenerator<z.output<Obj>> {
        let offset = 0;
        for (;;) {
            const p = await this.listPage({ ...query, limit: pageSize, offset });
            yield* p.results;
            offset += p.results.length;
            if (!p.next || p.results.length === 0 || offset >= p.count) return;
        }
    }

    /** Every object, collected. */
    async listAll(query: Query = {} as Query): Promise<z.output<Obj>[]> {
        const out: z.output<Obj>[] = [];
        for await (const o of this.list(query)) out.push(o);
        return out;
    }

    async get(id: Id): Promise<z.output<Obj>> {
        return (await this.client.request("GET", this.objectRoute(id), { schema: this.routes.object })) as z.output<Obj>;
    }

    /**
     * Creates an object. The body is validated first (strict: unknown keys fail). If the
     * answer is lost, the object is looked up by its natural key before trying again, so a
     * retry never makes a duplicate.
     */
    async create(body: z.input<Create>): Promise<z.output<Obj>> {
        const valid = this.routes.create.parse(body) as Record<string, unknown>;
        const key = this.routes.naturalKey?.(valid as z.output<Create>);
        return (await this.client.request("POST", this.routes.collection, {
            body: valid,
            schema: this.routes.object,
            secrets: this.secretsOf(valid),
            recover: key ? () => this.findOne(key) : undefined,
        })) as z.output<Obj>;
    }

    /** PATCH: changes only the given fields. */
    async update(id: Id, body: z.input<Update>): Promise<z.output<Obj>> {
        const valid = this.routes.update.parse(body) as Record<string, unknown>;
        return (await this.client.request("PATCH", this.objectRoute(id), {
            body: valid,
            schema: this.routes.object,
            secrets: this.secretsOf(valid),
        })) as z.output<Obj>;
    }

    /** PUT: replaces the object with a full body. */
    async replace(id: Id, body: z.input<Create>): Promise<z.output<Obj>> {
        const valid = this.routes.create.parse(body) as Record<string, unknown>;
        return (await this.client.request("PUT", this.objectRoute(id), {
            body: valid,
            schema: this.routes.object,
            secrets: this.secretsOf(valid),
        })) as z.output<Obj>;
    }

    async delete(id: Id): Promise<void> {
        await this.client.request("DELETE", this.objectRoute(id));
    }

    /** The first object whose fields equal `match`, scanning the list. */
    async findOne(match: Record<string, unknown>): Promise<z.output<Obj> | undefined> {
        for await (const o of this.list()) {
            const rec = o as Record<string, unknown>;
            if (Object.entries(match).every(([k, v]) => rec[k] === v)) return o;
        }
        return undefined;
    }
}
