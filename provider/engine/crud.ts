import * as fs from "node:fs";
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { ClawError, NotFoundError, ObjectRef, fieldSuggestion, redactText, sameId, schemaKeysAt, withArticle } from "../../sdk";
import { type Connection, clientFor, connectionProblems } from "./connection";
import { COLLECTION_CONTEXT, type OpsContext, type ResourceFacts } from "./facts";
import { bytesHash, contentHash } from "./hash";
import { type Journal, journalFor } from "./journal";
import { findOwn } from "./ownObjects";
import { noticeFor } from "./progress";
import { ROUTES_KEY, decideRoutes, routesOf } from "./routes";

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
/**
 * The input that adopts an existing object by id at create (the `import` resource option
 * cannot work for dynamic providers: pulumi/pulumi#16175). Never part of a diff.
 */
export const ADOPT = "adoptId";
/**
 * The resource's URN, an input the resource classes add (a dynamic provider's create is not
 * told which resource it creates). It keys the provider's journal of creates (journal.ts),
 * so a retried create finds what an interrupted one made. Never part of a diff.
 */
export const OWNER = "__urn";
/** Identity inputs every resource has besides its own fields. */
export const IDENTITY = ["apiBaseUrl", "org"] as const;

/** Where a resource lives, from its inputs or state. */
export function whereOf(p: Props, conn: Connection): { baseUrl?: string; org?: string } {
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
        if (!f || !f.api || inputs[k] === undefined || isUnknown(inputs[k])) continue;
        body[f.api] = f.kind === "file" ? readLocal(String(inputs[k])) : inputs[k];
    }
    return body;
}

/** A local file named by an input, relative to the program's folder (the provider's cwd). */
function readLocal(file: string): Buffer {
    return fs.readFileSync(path.resolve(file));
}

/** Inputs that check derives and state keeps: `<name>Hash` of each file input. */
function derivedKeys(facts: ResourceFacts): string[] {
    return Object.entries(facts.fields)
        .filter(([, f]) => f.kind === "file")
        .map(([k]) => `${k}Hash`);
}

/** API object → the readable part of state (readable inputs and read-only outputs). */
export function fromApi(facts: ResourceFacts, obj: Props): Props {
    const out: Props = {};
    for (const [k, f] of Object.entries(facts.fields)) {
        // Write-only fields cannot be read back; a file input is a local path, not the service's URL.
        if (!f.writeOnly && f.kind !== "file" && f.api && f.api in obj) out[k] = obj[f.api] ?? undefined;
    }
    for (const [k, api] of Object.entries(facts.outputs)) out[k] = obj[api] ?? null;
    if (facts.delivered) out.contentHash = contentHash(facts.delivered(obj));
    return out;
}

/** A provider error: redacted text, with the hint on its own line. */
function fail(facts: ResourceFacts, op: string, e: unknown, secrets: string[]): never {
    if (ClawError.isInstance(e) && e.code === "CLAW_CONFLICT" && op === "create") {
        const hint = `an object with the same natural key exists; to manage it, set ${ADOPT}: <its id> on this resource (never done silently), or change the key`;
        throw new Error(`iblai:${facts.type} ${op} failed: ${redactText(e.message, secrets)}\n  hint: ${hint}`);
    }
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
 * Fills `apiBaseUrl`/`org` from config when the program left them out, and names what is
 * missing or malformed. Shared by every API resource and the pushes.
 */
export function checkIdentity(inputs: Props, conn: Connection): pulumi.dynamic.CheckFailure[] {
    const failures: pulumi.dynamic.CheckFailure[] = [];
    inputs.apiBaseUrl ??= conn.baseUrl;
    inputs.org ??= conn.org;
    if (inputs.apiBaseUrl === undefined) {
        failures.push({ property: "apiBaseUrl", reason: "no API base URL: pulumi config set iblai:baseUrl https://platform.ibl.ai (or IBLAI_BASE_URL)" });
    } else if (!isUnknown(inputs.apiBaseUrl)) {
        try {
            // A list holding a URL would pass as its string form.
            if (typeof inputs.apiBaseUrl !== "string") throw new Error();
            const u = new URL(inputs.apiBaseUrl);
            if (u.protocol !== "https:" && u.protocol !== "http:") throw new Error();
        } catch {
            failures.push({ property: "apiBaseUrl", reason: "apiBaseUrl: must be an http(s) URL, e.g. https://platform.ibl.ai or https://host/dm (set by iblai:baseUrl or the input)" });
        }
    }
    if (inputs.org === undefined) failures.push({ property: "org", reason: "no org: pulumi config set iblai:org <org> (or IBLAI_ORG)" });
    else if (!isUnknown(inputs.org) && (typeof inputs.org !== "string" || !/^[^\s/?#%]+$/.test(inputs.org))) {
        // It is a path segment of every route: an empty or odd one would only fail at up (a 404).
        failures.push({ property: "org", reason: "org: must be the org's platform key, e.g. acme (not empty, no spaces or slashes); set by iblai:org or the input" });
    }
    for (const reason of connectionProblems(conn)) failures.push({ property: "", reason });
    return failures;
}

/**
 * check: fills the connection identity from config, and validates the inputs with the
 * sdk's own request schema, so a bad input fails at preview, named by its input name,
 * before any request.
 */
export function check(facts: ResourceFacts, conn: Connection, _olds: Props, news: Props): pulumi.dynamic.CheckResult {
    const inputs = withoutProvider(news);
    const failures = checkIdentity(inputs, conn);

    // Defaults, normalised references and hashed local files, before validating.
    for (const [k, f] of Object.entries(facts.fields)) {
        if (f.default !== undefined && inputs[k] === undefined) inputs[k] = f.default;
        const v = inputs[k];
        if (v === undefined || isUnknown(v)) continue;
        if (f.kind === "ref" && typeof v === "string" && /^\d+$/.test(v)) inputs[k] = Number(v);
        if (f.kind === "file") {
            try {
                inputs[`${k}Hash`] = bytesHash(readLocal(String(v)));
            } catch (e) {
                failures.push({ property: k, reason: `${k}: cannot read the file it names (${(e as NodeJS.ErrnoException).code ?? "error"}); paths are relative to the program's folder` });
                delete inputs[`${k}Hash`];
            }
        }
    }
    const known = new Set([...Object.keys(facts.fields), ...derivedKeys(facts), ADOPT, OWNER]);
    const adopt = inputs[ADOPT];
    if (adopt !== undefined && !isUnknown(adopt)) {
        const id = ObjectRef.safeParse(adopt);
        if (id.success) inputs[ADOPT] = id.data;
        else {
            failures.push({ property: ADOPT, reason: `${ADOPT}: must be the id of the existing object (a number or an id string), got ${Array.isArray(adopt) ? "an array" : `a ${typeof adopt}`}` });
        }
    }
    for (const k of Object.keys(inputs)) {
        if (!known.has(k) && !(IDENTITY as readonly string[]).includes(k)) {
            const near = fieldSuggestion(k, Object.keys(facts.fields));
            failures.push({ property: k, reason: `unknown input${near ? `; did you mean ${near}?` : ""}; the inputs of ${facts.type} are ${[...known].join(", ")}` });
        }
    }
    for (const [k, f] of Object.entries(facts.fields)) {
        const v = inputs[k];
        if (!f.local || v === undefined || isUnknown(v)) continue;
        const r = f.local.safeParse(v);
        if (!r.success) failures.push({ property: k, reason: `${k}: ${r.error.issues[0]?.message ?? "invalid"}` });
    }
    const apiToCamel = new Map(Object.entries(facts.fields).map(([k, f]) => [f.api, k]));
    const fileFailed = new Set(failures.map((f) => f.property));
    const body = toApi(facts, Object.fromEntries(Object.entries(inputs).filter(([k]) => !fileFailed.has(k))));
    // A reference not known yet (always, on a first deploy) stands in as a valid id, so the
    // rules across fields (an asset needs its file, a script must not have one) run at preview.
    for (const [k, f] of Object.entries(facts.fields)) if (f.kind === "ref" && isUnknown(inputs[k])) body[f.api] = 1;
    const parsed = facts.createSchema.safeParse(body);
    if (!parsed.success) {
        for (const issue of parsed.error.issues) {
            const camel = apiToCamel.get(String(issue.path[0] ?? "")) ?? String(issue.path[0] ?? "");
            if (isUnknown(inputs[camel])) continue; // checked again at apply time, when it is known
            const rest = issue.path.slice(1).map(String);
            const property = [camel, ...rest].join(".");
            const message =
                inputs[camel] === undefined
                    ? "required"
                    : issue.code === "invalid_type"
                      ? `must be ${withArticle(String(issue.expected))}, not ${withArticle(kindOf(valueAt(inputs[camel], rest)))}`
                      : issue.code === "unrecognized_keys"
                        ? unknownKeys(issue.keys, facts.createSchema, issue.path)
                        : issue.message;
            // The engine prints the value of a failure's property beside it; keep object values
            // (a config patch, headers) and secrets out of the output: the reason names the input.
            const v = inputs[camel];
            const quiet = facts.fields[camel]?.secret || (typeof v === "object" && v !== null);
            failures.push({ property: quiet ? "" : property, reason: `${property}: ${message}` });
        }
    }
    if (facts.checkInputs) failures.push(...facts.checkInputs(inputs, conn));
    if (failures.length === 0) notify(facts, inputs, undefined);
    return { inputs: clean(inputs), failures };
}

/** Unknown keys inside an object input, each with a did-you-mean from the schema's own keys (the service would drop them). */
function unknownKeys(keys: readonly string[], schema: z.ZodType, path: readonly PropertyKey[]): string {
    const known = schemaKeysAt(schema, path);
    return keys
        .map((k) => {
            const near = fieldSuggestion(k, known);
            return `unknown field ${JSON.stringify(k)}${near ? ` (did you mean ${near}?)` : ""}`;
        })
        .join("; ");
}

/** The JSON kind of a value, as zod names the expected ones. */
function kindOf(v: unknown): string {
    return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}

function valueAt(v: unknown, path: readonly string[]): unknown {
    return path.reduce<unknown>((o, k) => (o !== null && typeof o === "object" ? (o as Props)[k] : undefined), v);
}

/** diff: which inputs changed, and which of those replace. Never looks at `__provider`. */
export function diff(facts: ResourceFacts, id: string, olds: Props, news: Props): pulumi.dynamic.DiffResult {
    settle(olds[OWNER] ?? news[OWNER], id);
    notify(facts, news, olds);
    const changed = changedKeys(facts, olds, news);
    if (olds.needsRetry === true && changed.length === 0) return { changes: true, replaces: [], deleteBeforeReplace: false };
    const replaces = changed.filter(
        (k) => (IDENTITY as readonly string[]).includes(k) || facts.fields[k]?.replaceOnChange,
    );
    return { changes: changed.length > 0, replaces, deleteBeforeReplace: replaces.length > 0 && (facts.deleteBeforeReplace?.(olds) ?? false) };
}

/**
 * The inputs whose new value differs from state. An input left out of the program is
 * "no opinion" (the service's value stands), except one with a `resetTo` value (the
 * write-only objects): removing it must reach the service, which cannot be read back.
 */
export function changedKeys(facts: ResourceFacts, olds: Props, news: Props): string[] {
    const out: string[] = [];
    for (const k of [...IDENTITY, ...Object.keys(facts.fields), ...derivedKeys(facts)]) {
        const n = news[k];
        const o = olds[k];
        // A field the resource's generation does not take changes nothing there.
        if (facts.routed && facts.fields[k]?.routes !== undefined && facts.fields[k]?.routes !== routesOf(olds)) continue;
        if (n === undefined) {
            if (facts.fields[k]?.resetTo !== undefined && o !== undefined) out.push(k);
            continue;
        }
        // Ids are opaque and compare as strings: state holding 42 and a program giving "42" agree.
        const same = facts.fields[k]?.kind === "ref" ? sameId(o, n) || deepEqual(o, n) : deepEqual(o, n);
        if (!same) out.push(k);
    }
    return out;
}

/**
 * The context of an operation: route-dependent resources run on the generation recorded in
 * their state (collection for state from before issue 20); a create decides it (routes.ts).
 */
function contextOf(facts: ResourceFacts, props: Props): OpsContext {
    return facts.routed ? { routes: routesOf(props), props } : { ...COLLECTION_CONTEXT, props };
}

/** The generation a route-dependent resource records in its outputs (and keeps). */
function routesOutput(facts: ResourceFacts, ctx: OpsContext, state?: Props): Props {
    if (!facts.routed) return {};
    if (state) return state[ROUTES_KEY] === undefined ? {} : { [ROUTES_KEY]: state[ROUTES_KEY] };
    return { [ROUTES_KEY]: ctx.routes };
}

/** Shows the facts' notice for this resource, once per process (progress.ts noticeFor). */
function notify(facts: ResourceFacts, news: Props, olds: Props | undefined): void {
    const text = facts.notice?.(news, olds);
    if (text) noticeFor(news[OWNER] as string | undefined, `iblai:${facts.type}: ${text}`);
}

export async function create(facts: ResourceFacts, conn: Connection, news: Props): Promise<pulumi.dynamic.CreateResult> {
    const inputs = withoutProvider(news);
    const client = clientFor(conn, whereOf(inputs, conn));
    let obj: Record<string, unknown> & { id: number | string };
    let since = new Date().toISOString();
    let ctx: OpsContext = contextOf(facts, inputs);
    try {
        // The generation is asked of the service here, lazily (never in check or diff).
        if (facts.routed) ctx = { routes: await decideRoutes(conn, client), props: inputs };
        if (inputs[ADOPT] !== undefined) obj = await adopt(facts, client, inputs, await facts.ops(client, ctx).get(String(inputs[ADOPT])), ctx);
        else ({ obj, since } = await createOnce(facts, client, inputs, since, ctx));
    } catch (e) {
        fail(facts, inputs[ADOPT] !== undefined ? "adopt" : "create", e, secretValues(facts, inputs, conn));
    }
    let created: Props = {};
    try {
        created = (await facts.createdOutputs?.of(client, obj, since)) ?? {};
    } catch (e) {
        // The object exists: keep it (a partial failure); the next up runs its follow-up again.
        const message = `iblai:${facts.type} create succeeded, but reading what it caused failed: ${redactText(String((e as Error)?.message ?? e), secretValues(facts, inputs, conn))}`;
        throw partialFailure(message, obj.id, { ...inputs, ...fromApi(facts, obj), ...routesOutput(facts, ctx), needsRetry: true });
    }
    const outs = clean({ ...inputs, ...fromApi(facts, obj), ...created, ...routesOutput(facts, ctx) });
    notify(facts, inputs, outs);
    return { id: String(obj.id), outs: await afterWrite(facts, conn, client, obj, inputs, outs, "create") };
}

/**
 * A create that a kill cannot turn into a duplicate: first the object an interrupted create
 * of this URN made, if the journal proves one (ownObjects.ts), brought to the program's
 * values; else an intent in the journal, the POST, and the new id in the journal.
 */
async function createOnce(
    facts: ResourceFacts,
    client: ReturnType<typeof clientFor>,
    inputs: Props,
    now: string,
    ctx: OpsContext,
): Promise<{ obj: Record<string, unknown> & { id: number | string }; since: string }> {
    const owner = typeof inputs[OWNER] === "string" ? (inputs[OWNER] as string) : undefined;
    const journal: Journal | undefined = facts.find && owner ? journalFor(owner) : undefined;
    const body = toApi(facts, inputs);
    if (journal && owner) {
        const own = await findOwn(facts, client, body, journal.pending(owner), journal.claimedByOthers(owner, facts.type), ctx);
        journal.resolved(owner);
        if (own) {
            if (!journal.pending(owner)?.ids.includes(String(own.obj.id))) journal.made(owner, facts.type, String(own.obj.id));
            return { obj: await adopt(facts, client, inputs, own.obj, ctx), since: own.since };
        }
        journal.intent(owner, facts.type);
    }
    try {
        const obj = await facts.ops(client, ctx).create(body);
        if (journal && owner) journal.made(owner, facts.type, String(obj.id));
        return { obj, since: now };
    } catch (e) {
        // A definite answer (the service refused the body) made nothing; anything else may have.
        if (journal && owner && refusedOutright(e)) journal.refused(owner, facts.type);
        throw e;
    }
}

/** A create the service (or the sdk's own check, before sending) refused: nothing was made. */
function refusedOutright(e: unknown): boolean {
    if (!ClawError.isInstance(e)) return false;
    if (e.status === undefined) return e.code === "CLAW_VALIDATION" || e.code === "CLAW_CONFIG";
    return e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429;
}

/** Forgets the journal's record of `id` for this URN: the engine knows it now, or it is gone. */
function settle(owner: unknown, id: string): void {
    if (id) journalFor(owner)?.settle(owner, id);
}

/**
 * Takes over an existing object (by adoptId: read first, a 404 fails; or the object an
 * interrupted create made): PATCHes what the program says differently, and every
 * write-only value (unreadable).
 */
async function adopt(
    facts: ResourceFacts,
    client: ReturnType<typeof clientFor>,
    inputs: Props,
    existing: Record<string, unknown> & { id: number | string },
    ctx: OpsContext,
): Promise<Record<string, unknown> & { id: number | string }> {
    const ops = facts.ops(client, ctx);
    const wanted = toApi(facts, inputs);
    const body: Props = {};
    for (const f of Object.values(facts.fields)) {
        if (!f.api || !(f.api in wanted)) continue;
        const same = f.kind === "file" ? await sameFile(client, existing[f.api], wanted[f.api] as Buffer) : !f.writeOnly && deepEqual(existing[f.api], wanted[f.api]);
        if (!same) body[f.api] = wanted[f.api];
    }
    return Object.keys(body).length ? ops.update(String(existing.id), body) : existing;
}

/**
 * Whether the file the service holds (its URL in the answer) has the local bytes: adopting
 * an asset that is already there uploads nothing (a download is a read, not a write).
 */
async function sameFile(client: ReturnType<typeof clientFor>, url: unknown, local: Buffer): Promise<boolean> {
    if (typeof url !== "string" || url === "") return false;
    return bytesHash(await client.download(url)) === bytesHash(local);
}

/**
 * The error the dynamic-provider host turns into a partial failure: the object is kept in
 * state with these properties (the runtime puts the serialized provider back into them,
 * failures.ts withProviderKept, as the host does not).
 */
function partialFailure(message: string, id: number | string, properties: Props): Error {
    return Object.assign(new Error(message), { id: String(id), properties: clean(properties), reasons: [message] });
}

/** The object exists now; a failing follow-up keeps it in state (partial failure) and says why. */
async function afterWrite(
    facts: ResourceFacts,
    conn: Connection,
    client: ReturnType<typeof clientFor>,
    obj: Record<string, unknown> & { id: number | string },
    inputs: Props,
    outs: Props,
    op: string,
): Promise<Props> {
    if (!facts.afterWrite) return outs;
    try {
        return clean({ ...outs, ...(await facts.afterWrite(client, obj, inputs)), needsRetry: undefined });
    } catch (e) {
        const message = `iblai:${facts.type} ${op} succeeded, but its follow-up failed: ${redactText(String((e as Error)?.message ?? e), secretValues(facts, inputs, conn))}`;
        throw partialFailure(message, obj.id, { ...outs, needsRetry: true });
    }
}

/** read: live state for refresh and import; a 404 means gone (blank id). */
export async function read(facts: ResourceFacts, conn: Connection, id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    const state = withoutProvider(props);
    const where = whereOf(state, conn);
    settle(state[OWNER], id);
    try {
        const obj = await facts.ops(clientFor(conn, where), contextOf(facts, state)).get(id);
        const props = clean({ ...state, apiBaseUrl: where.baseUrl, org: where.org, ...fromApi(facts, obj) });
        notify(facts, props, props);
        return { id, props };
    } catch (e) {
        if (NotFoundError.isInstance(e)) return { id: "", props: {} };
        fail(facts, "read", e, secretValues(facts, state, conn));
    }
}

export async function update(facts: ResourceFacts, conn: Connection, id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const inputs = withoutProvider(news);
    settle(olds[OWNER] ?? inputs[OWNER], id);
    // A changed file hash means: send that file again.
    const keys = [...new Set(changedKeys(facts, olds, inputs).map((k) => (derivedKeys(facts).includes(k) ? k.slice(0, -"Hash".length) : k)))].filter(
        (k) => !(IDENTITY as readonly string[]).includes(k),
    );
    const body = toApi(facts, inputs, keys);
    for (const k of keys) {
        const f = facts.fields[k];
        if (f && inputs[k] === undefined && f.resetTo !== undefined) body[f.api] = f.resetTo;
    }
    const client = clientFor(conn, whereOf(olds, conn));
    let obj: Record<string, unknown> & { id: number | string };
    try {
        const ops = facts.ops(client, contextOf(facts, { ...olds, ...inputs, [ROUTES_KEY]: olds[ROUTES_KEY] }));
        obj = Object.keys(body).length ? await ops.update(id, body) : await ops.get(id);
    } catch (e) {
        fail(facts, "update", e, secretValues(facts, { ...olds, ...inputs }, conn));
    }
    const kept = Object.fromEntries((facts.createdOutputs?.keys ?? []).map((k) => [k, olds[k]]));
    const outs = clean({ ...inputs, ...fromApi(facts, obj), ...kept, ...routesOutput(facts, COLLECTION_CONTEXT, olds) });
    return { outs: await afterWrite(facts, conn, client, obj, inputs, outs, "update") };
}

/** delete: a 404 counts as deleted; then what the object caused to exist goes too (facts.afterDelete). */
export async function remove(facts: ResourceFacts, conn: Connection, id: string, props: Props): Promise<void> {
    const client = clientFor(conn, whereOf(props, conn));
    try {
        await facts.ops(client, contextOf(facts, props)).delete(id);
    } catch (e) {
        if (!NotFoundError.isInstance(e)) fail(facts, "delete", e, secretValues(facts, props, conn));
    }
    try {
        await facts.afterDelete?.(client, props);
    } catch (e) {
        fail(facts, "delete", e, secretValues(facts, props, conn));
    }
    settle(props[OWNER], id);
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
