import type * as pulumi from "@pulumi/pulumi";
import { ClawError, NotFoundError, redactText } from "../../sdk";
import { type Connection, clientFor } from "./connection";
import type { ResourceFacts } from "./facts";

/**
 * The one CRUD engine behind every resource: check, diff, create, read, update, delete,
 * driven by a resource's facts table. A fix to diffing or to 404 handling is made here once.
 *
 * State layout of every resource: its inputs (camelCase, write-only ones included and
 * secret), its read-only outputs, and `apiBaseUrl` + `org`, the connection identity it was
 * created under.
 */

/** The engine's marker for a value not known until apply (pulumi's rpc.unknownValue). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** Identity inputs every resource has besides its own fields. */
export const IDENTITY = ["apiBaseUrl", "org"] as const;

/** Where a resource lives, from its inputs or state. */
function whereOf(p: Props, conn: Connection): { baseUrl?: string; org?: string } {
    return { baseUrl: (p.apiBaseUrl as string | undefined) ?? conn.baseUrl, org: (p.org as string | undefined) ?? conn.org };
}
const PROVIDER_KEY = "__provider";

type Props = Record<string, unknown>;

export function isUnknown(v: unknown): boolean {
    return v === UNKNOWN;
}

/** Structural equality for JSON values; missing and undefined are the same. */
export function deepEqual(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const ao = a as Props;
    const bo = b as Props;
    const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
    for (const k of keys) if (!deepEqual(ao[k], bo[k])) return false;
    return true;
}

/** Protobuf structs cannot hold `undefined`: drop such keys, deeply. */
export function clean<T>(v: T): T {
    return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function withoutProvider(p: Props): Props {
    const { [PROVIDER_KEY]: _ignored, ...rest } = p;
    return rest;
}

/** camelCase inputs → API body (known values only). */
export function toApi(facts: ResourceFacts, inputs: Props, keys: Iterable<string> = Object.keys(facts.fields)): Props {
    const body: Props = {};
    for (const k of keys) {
        const f = facts.fields[k];
        if (f && inputs[k] !== undefined && !isUnknown(inputs[k])) body[f.api] = inputs[k];
    }
    return body;
}

/** API object → the readable part of state (readable inputs and read-only outputs). */
export function fromApi(facts: ResourceFacts, obj: Props): Props {
    const out: Props = {};
    for (const [k, f] of Object.entries(facts.fields)) {
        if (!f.writeOnly && f.api in obj) out[k] = obj[f.api] ?? undefined;
    }
    for (const [k, api] of Object.entries(facts.outputs)) out[k] = obj[api] ?? null;
    return out;
}

/** A provider error: redacted text, with the hint on its own line. */
function fail(facts: ResourceFacts, op: string, e: unknown, secrets: string[]): never {
    if (ClawError.isInstance(e)) throw new Error(`iblai:${facts.type} ${op} failed: ${redactText(e.message, secrets)}`);
    throw new Error(`iblai:${facts.type} ${op} failed: ${redactText(String((e as Error)?.message ?? e), secrets)}`);
}

function secretValues(facts: ResourceFacts, props: Props, conn: Connection): string[] {
    const out: string[] = [];
    const walk = (v: unknown) => {
        if (typeof v === "string") out.push(v);
        else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    for (const [k, f] of Object.entries(facts.fields)) if (f.secret) walk(props[k]);
    if (conn.apiToken) out.push(conn.apiToken);
    return out;
}

/**
 * check: fills the connection identity from config, and validates the inputs with the
 * sdk's own request schema, so a bad input fails at preview, named by its input name,
 * before any request.
 */
export function check(facts: ResourceFacts, conn: Connection, _olds: Props, news: Props): pulumi.dynamic.CheckResult {
    const inputs = withoutProvider(news);
    const failures: pulumi.dynamic.CheckFailure[] = [];
    inputs.apiBaseUrl ??= conn.baseUrl;
    inputs.org ??= conn.org;
    if (inputs.apiBaseUrl === undefined) {
        failures.push({ property: "apiBaseUrl", reason: "no API base URL: pulumi config set iblai:baseUrl https://platform.ibl.ai (or IBLAI_BASE_URL)" });
    } else if (!isUnknown(inputs.apiBaseUrl)) {
        try {
            const u = new URL(String(inputs.apiBaseUrl));
            if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error();
        } catch {
            failures.push({ property: "apiBaseUrl", reason: `must be an http(s) URL, e.g. https://platform.ibl.ai; got ${JSON.stringify(inputs.apiBaseUrl)}` });
        }
    }
    if (inputs.org === undefined) failures.push({ property: "org", reason: "no org: pulumi config set iblai:org <org> (or IBLAI_ORG)" });

    const known = new Set(Object.keys(facts.fields));
    for (const k of Object.keys(inputs)) {
        if (!known.has(k) && !(IDENTITY as readonly string[]).includes(k)) {
            failures.push({ property: k, reason: `unknown input; the inputs of ${facts.type} are ${[...known].join(", ")}` });
        }
    }
    const apiToCamel = new Map(Object.entries(facts.fields).map(([k, f]) => [f.api, k]));
    const parsed = facts.createSchema.safeParse(toApi(facts, inputs));
    if (!parsed.success) {
        for (const issue of parsed.error.issues) {
            const camel = apiToCamel.get(String(issue.path[0] ?? "")) ?? String(issue.path[0] ?? "");
            if (isUnknown(inputs[camel])) continue; // checked again at apply time, when it is known
            const rest = issue.path.slice(1).map(String);
            const property = [camel, ...rest].join(".");
            const message = issue.code === "invalid_type" && inputs[camel] === undefined ? "required" : issue.message;
            failures.push({ property, reason: `${property}: ${message}` });
        }
    }
    return { inputs: clean(inputs), failures };
}

/** diff: which inputs changed, and which of those replace. Never looks at `__provider`. */
export function diff(facts: ResourceFacts, _id: string, olds: Props, news: Props): pulumi.dynamic.DiffResult {
    const changed = changedKeys(facts, olds, news);
    const replaces = changed.filter(
        (k) => (IDENTITY as readonly string[]).includes(k) || facts.fields[k]?.replaceOnChange,
    );
    return { changes: changed.length > 0, replaces, deleteBeforeReplace: false };
}

/**
 * The inputs whose new value differs from state. An input left out of the program is
 * "no opinion" (the service's value stands), except one with a `resetTo` value (the
 * write-only objects): removing it must reach the service, which cannot be read back.
 */
export function changedKeys(facts: ResourceFacts, olds: Props, news: Props): string[] {
    const out: string[] = [];
    for (const k of [...IDENTITY, ...Object.keys(facts.fields)]) {
        const n = news[k];
        const o = olds[k];
        if (n === undefined) {
            if (facts.fields[k]?.resetTo !== undefined && o !== undefined) out.push(k);
            continue;
        }
        if (!deepEqual(o, n)) out.push(k);
    }
    return out;
}

export async function create(facts: ResourceFacts, conn: Connection, news: Props): Promise<pulumi.dynamic.CreateResult> {
    const inputs = withoutProvider(news);
    try {
        const obj = await facts.ops(clientFor(conn, whereOf(inputs, conn))).create(toApi(facts, inputs));
        return { id: String(obj.id), outs: clean({ ...inputs, ...fromApi(facts, obj) }) };
    } catch (e) {
        fail(facts, "create", e, secretValues(facts, inputs, conn));
    }
}

/** read: live state for refresh and import; a 404 means gone (blank id). */
export async function read(facts: ResourceFacts, conn: Connection, id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    const state = withoutProvider(props);
    const where = whereOf(state, conn);
    try {
        const obj = await facts.ops(clientFor(conn, where)).get(id);
        return { id, props: clean({ ...state, apiBaseUrl: where.baseUrl, org: where.org, ...fromApi(facts, obj) }) };
    } catch (e) {
        if (NotFoundError.isInstance(e)) return { id: "", props: {} };
        fail(facts, "read", e, secretValues(facts, state, conn));
    }
}

export async function update(facts: ResourceFacts, conn: Connection, id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const inputs = withoutProvider(news);
    const keys = changedKeys(facts, olds, inputs).filter((k) => !(IDENTITY as readonly string[]).includes(k));
    const body = toApi(facts, inputs, keys);
    for (const k of keys) {
        const f = facts.fields[k];
        if (f && inputs[k] === undefined && f.resetTo !== undefined) body[f.api] = f.resetTo;
    }
    try {
        const ops = facts.ops(clientFor(conn, whereOf(olds, conn)));
        const obj = Object.keys(body).length ? await ops.update(id, body) : await ops.get(id);
        return { outs: clean({ ...inputs, ...fromApi(facts, obj) }) };
    } catch (e) {
        fail(facts, "update", e, secretValues(facts, { ...olds, ...inputs }, conn));
    }
}

/** delete: a 404 counts as deleted. */
export async function remove(facts: ResourceFacts, conn: Connection, id: string, props: Props): Promise<void> {
    try {
        await facts.ops(clientFor(conn, whereOf(props, conn))).delete(id);
    } catch (e) {
        if (NotFoundError.isInstance(e)) return;
        fail(facts, "delete", e, secretValues(facts, props, conn));
    }
}

/** The provider methods of an API resource, for the runtime's registry. */
export function apiMethods(facts: ResourceFacts, conn: () => Connection): ProviderMethods {
    return {
        check: async (olds: Props, news: Props) => check(facts, conn(), olds, news),
        diff: async (id: string, olds: Props, news: Props) => diff(facts, id, olds, news),
        create: (news: Props) => create(facts, conn(), news),
        read: (id: string, props: Props) => read(facts, conn(), id, props),
        update: (id: string, olds: Props, news: Props) => update(facts, conn(), id, olds, news),
        delete: (id: string, props: Props) => remove(facts, conn(), id, props),
    };
}

/** check/diff/create/read/update/delete of one resource type. */
export type ProviderMethods = Required<Omit<pulumi.dynamic.ResourceProvider, "configure">>;
