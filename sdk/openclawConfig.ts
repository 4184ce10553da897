/**
 * Checks a mentor's agent config `config` against OpenClaw's own config schema (issue 10),
 * as it will be placed on the server. The provider's check and the policy pack call the same
 * {@link checkMentorConfig}, so they agree; nothing here makes a request.
 *
 * Placement (docs/openclaw-config.md): each mentor is its own OpenClaw agent
 * (`agents.entries.<agentId>`). A top-level key of its `config` that OpenClaw allows on an
 * agent entry lands on the mentor's own entry ("agent first": `heartbeat` →
 * `agents.entries.<agentId>.heartbeat`); a key allowed only at the root stays at the root
 * (`session.dmScope`). `agents.list` and `agents.entries` are refused: they would overwrite
 * other mentors' agents.
 *
 * The config is a merge patch: only the keys and values it holds are checked (nothing it
 * leaves out is "required"), and `null` (delete) is allowed for any key the schema knows.
 * Dotted keys (`"agents.defaults.heartbeat": {...}`) are read as paths, as the service does.
 *
 * @example
 * ```ts
 * checkMentorConfig({ heartbeat: { evry: "30m" } }, { version: "2026.9.6" });
 * // [{ path: "config.heartbeat.evry", code: "unknown-key", placement: "agent", version: "2026.9.6",
 * //    message: "config.heartbeat.evry: unknown key; did you mean every? (OpenClaw 2026.9.6)", ... }]
 * ```
 */
import type { ErrorObject } from "ajv";
import { withArticle } from "./errors";
import { type JsonSchema, type Placement, openclawKeySchema, openclawNodeSchema, openclawValidator, schemaKeys } from "./openclawSchema";

/** One thing OpenClaw would refuse (or that the placement rule refuses) in a config. */
export interface OpenClawConfigProblem {
    /** Where, as written from the input: `config.agents.defaults.heartbeat.evry`. */
    path: string;
    /** `unknown-key`: OpenClaw has no such key there; `invalid`: a wrong value; `refused`: the placement rule forbids it. */
    code: "unknown-key" | "invalid" | "refused";
    /** What is wrong, e.g. `unknown key; did you mean every?`. Never quotes a config value. */
    reason: string;
    /** The OpenClaw version whose schema said so. */
    version: string;
    /** Where the top-level key lands; absent for a key OpenClaw has nowhere. */
    placement?: Placement;
    /** `${path}: ${reason} (OpenClaw ${version})` */
    message: string;
}

/** Options of {@link checkMentorConfig}. */
export interface CheckMentorConfigOptions {
    /** A snapshot version (see `resolveOpenClawVersion`). */
    version: string;
    /** Values not known yet (Pulumi's preview): their keys are checked, their values are not. */
    isUnknown?: (value: unknown) => boolean;
    /** What paths start with; default `config`. */
    root?: string;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Sets an own property (a `__proto__` key stays a key, to be reported, never a prototype). */
function put(o: Obj, k: string, v: unknown): void {
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * A config with dotted keys read as paths and merged into their objects, as the config
 * patch the server applies. Segments are split at dots, blanks around them and empty ones
 * dropped. Later keys win over earlier ones where both set a non-object.
 *
 * @example
 * ```ts
 * expandDottedKeys({ "agents.defaults": { heartbeat: { every: "1h" } }, "agents.defaults.model": "m" });
 * // { agents: { defaults: { heartbeat: { every: "1h" }, model: "m" } } }
 * ```
 */
export function expandDottedKeys(config: unknown): unknown {
    if (Array.isArray(config)) return config.map(expandDottedKeys);
    if (!isObject(config)) return config;
    const out: Obj = {};
    for (const [key, raw] of Object.entries(config)) {
        const segs = key.split(".").map((s) => s.trim()).filter((s) => s !== "");
        if (segs.length === 0) segs.push(key); // a key of dots or blanks: keep it, to be reported
        let node = out;
        for (const s of segs.slice(0, -1)) {
            if (!isObject(Object.getOwnPropertyDescriptor(node, s)?.value)) put(node, s, {});
            node = node[s] as Obj;
        }
        const last = segs[segs.length - 1] as string;
        const value = expandDottedKeys(raw);
        const cur = Object.getOwnPropertyDescriptor(node, last)?.value;
        put(node, last, isObject(cur) && isObject(value) ? mergeObjects(cur, value) : value);
    }
    return out;
}

function mergeObjects(a: Obj, b: Obj): Obj {
    const out: Obj = {};
    for (const [k, v] of Object.entries(a)) put(out, k, v);
    for (const [k, v] of Object.entries(b)) {
        const cur = Object.getOwnPropertyDescriptor(out, k)?.value;
        put(out, k, isObject(cur) && isObject(v) ? mergeObjects(cur, v) : v);
    }
    return out;
}

/**
 * Where each top-level key of a mentor's config lands under the placement rule: `agent`
 * when OpenClaw allows it on an agent entry (agent first), `root` when only at the root,
 * `unknown` when nowhere.
 *
 * @example
 * ```ts
 * placementOf("2026.9.6", "heartbeat"); // "agent"
 * placementOf("2026.9.6", "session");   // "root"
 * placementOf("2026.9.6", "heartbeet"); // "unknown"
 * ```
 */
export function placementOf(version: string, key: string): Placement | "unknown" {
    if (schemaKeys(version, "agent").includes(key)) return "agent";
    if (schemaKeys(version, "root").includes(key)) return "root";
    return "unknown";
}

/**
 * A mentor's config split as the placement rule places it: `agent` is what goes under the
 * mentor's own `agents.entries.<agentId>`, `root` what is merged at the root, `unknown` the
 * top-level keys OpenClaw has nowhere. Dotted keys are expanded first. The refused parts
 * (`agents.list`, `agents.entries`) stay in `root`; {@link checkMentorConfig} reports them.
 *
 * @example
 * ```ts
 * placeMentorConfig({ heartbeat: { every: "30m" }, session: { dmScope: "per-channel-peer" } }, "2026.9.6");
 * // { agent: { heartbeat: { every: "30m" } }, root: { session: { dmScope: "per-channel-peer" } }, unknown: {} }
 * ```
 */
export function placeMentorConfig(config: unknown, version: string): { agent: Obj; root: Obj; unknown: Obj } {
    const out = { agent: {} as Obj, root: {} as Obj, unknown: {} as Obj };
    const expanded = expandDottedKeys(config);
    if (!isObject(expanded)) return out;
    for (const [k, v] of Object.entries(expanded)) put(out[placementOf(version, k)], k, v);
    return out;
}

/**
 * Every problem OpenClaw `version`'s schema finds in a mentor's config, placed as it will be
 * (see the module comment). An empty or absent config costs nothing: the schema is loaded
 * only for a config with keys, and compiled only for the nodes it reaches.
 *
 * @example
 * ```ts
 * checkMentorConfig({ heartbeat: { every: "30m" }, session: { dmScope: "per-channel-peer" } }, { version: "2026.9.6" }); // []
 * checkMentorConfig({ session: { dmScope: "per-chanel-peer" } }, { version: "2026.9.6" })[0].message;
 * // 'config.session.dmScope: must be one of "main", "per-peer", "per-channel-peer", "per-account-channel-peer"; did you mean "per-channel-peer"? (OpenClaw 2026.9.6)'
 * ```
 */
export function checkMentorConfig(config: unknown, options: CheckMentorConfigOptions): OpenClawConfigProblem[] {
    const { version, root = "config" } = options;
    const unknownAt: string[][] = [];
    const known = withoutUnknowns(config, options.isUnknown ?? (() => false), [], unknownAt);
    const expanded = expandDottedKeys(known);
    if (!isObject(expanded) || Object.keys(expanded).length === 0) return [];

    const problems: OpenClawConfigProblem[] = [];
    const add = (segs: (string | number)[], code: OpenClawConfigProblem["code"], reason: string, placement?: Placement) => {
        const p = renderPath(root, segs);
        problems.push({ path: p, code, reason, version, placement, message: `${p}: ${reason} (OpenClaw ${version})` });
    };
    for (const [key, value] of Object.entries(expanded)) {
        const placement = placementOf(version, key);
        if (placement === "unknown") {
            add([key], "unknown-key", `unknown key at the top level (neither on an agent entry nor at the root)${topLevelHint(version, key)}`);
            continue;
        }
        if (placement === "root" && key === "agents") {
            if (!isObject(value)) {
                if (value === null) add([key], "refused", "deleting agents would remove every mentor's agent; a mentor's config may not do that");
                else add([key], "invalid", "must be an object");
                continue;
            }
            for (const k of ["list", "entries"]) {
                if (Object.getOwnPropertyDescriptor(value, k)) {
                    add([key, k], "refused", `a mentor's config may not set agents.${k}: it would overwrite other mentors' agents; put agent settings at the top level of config, where they land on this mentor's own agent entry`);
                }
            }
        }
        if (value === null) continue; // deletes the key: allowed for any key OpenClaw knows
        for (const e of problemsAt(version, placement, [key], openclawNodeSchema(version, placement, [key]), value)) {
            const segs = e.path;
            // A value not known yet is checked when it is; a key holding one is checked now.
            if (unknownAt.some((u) => startsWith(segs, u) && (segs.length > u.length || e.code !== "unknown-key"))) continue;
            if (key === "agents" && (segs[1] === "list" || segs[1] === "entries")) continue; // refused above
            add(segs, e.code, e.reason, placement);
        }
    }
    return problems;
}

/** Keywords of a schema node that says only "an object with these keys" (annotations aside). */
const PLAIN_OBJECT_KEYWORDS = new Set(["type", "properties", "additionalProperties", "required", "title", "description", "default", "examples", "$comment", "deprecated", "readOnly", "writeOnly"]);

/** A node ajv need not compile to check an object against it: declared keys, each with a schema object, and nothing else. */
function isPlainObjectSchema(node: JsonSchema | undefined): node is JsonSchema & { properties: Record<string, JsonSchema> } {
    if (!node || !isObject(node.properties) || (node.type !== undefined && node.type !== "object")) return false;
    if (node.additionalProperties !== undefined && typeof node.additionalProperties !== "boolean") return false;
    return Object.keys(node).every((k) => PLAIN_OBJECT_KEYWORDS.has(k)) && Object.values(node.properties).every(isObject);
}

/**
 * The problems of `value` at `path` (property names from the top level). Through plain
 * object nodes it walks the value itself (unknown keys, as ajv would say them) and goes
 * down the keys the value holds; ajv compiles only the nodes where that stops. Compiling a
 * whole top-level key (`agents` is most of the schema) cost ~0.2 s of a provider's or a
 * pack's start for a config that sets one heartbeat (issue 14).
 */
function problemsAt(version: string, where: Placement, path: string[], node: JsonSchema | undefined, value: unknown): Explained[] {
    if (isObject(value) && isPlainObjectSchema(node)) {
        const out: Explained[] = [];
        for (const [k, v] of Object.entries(value)) {
            const sub = Object.hasOwn(node.properties, k) ? node.properties[k] : undefined;
            if (sub === undefined) {
                if (node.additionalProperties === false) out.push(unknownKey([...path, k], Object.keys(node.properties)));
                continue;
            }
            if (v !== null) out.push(...problemsAt(version, where, [...path, k], sub, v)); // null deletes it: allowed
        }
        return out;
    }
    const validate = openclawValidator(version, where, path);
    if (!validate || validate(value)) return [];
    return explain(validate.errors ?? []).map((e) => ({ ...e, path: [...path, ...e.path] }));
}

/** Replaces values not known yet by `null` (a key's presence is still checked) and notes where they were. */
function withoutUnknowns(v: unknown, isUnknown: (v: unknown) => boolean, at: string[], out: string[][]): unknown {
    if (isUnknown(v)) {
        out.push(at);
        return null;
    }
    if (Array.isArray(v)) return v.map((x, i) => withoutUnknowns(x, isUnknown, [...at, String(i)], out));
    if (!isObject(v)) return v;
    const o: Obj = {};
    // Dotted keys are split later; an unknown under one is recorded under its expanded path.
    for (const [k, x] of Object.entries(v)) put(o, k, withoutUnknowns(x, isUnknown, [...at, ...k.split(".").map((s) => s.trim()).filter(Boolean)], out));
    return o;
}

const startsWith = (segs: (string | number)[], prefix: string[]) => prefix.length <= segs.length && prefix.every((s, i) => String(segs[i]) === s);

/** `config.a.b[0]["x.y"]` */
function renderPath(root: string, segs: (string | number)[]): string {
    let out = root;
    for (const s of segs) {
        if (typeof s === "number") out += `[${s}]`;
        else if (/^[A-Za-z_$][\w$-]*$/.test(s)) out += `.${s}`;
        else out += `[${JSON.stringify(s)}]`;
    }
    return out;
}

/** For an unknown top-level key: a near miss among both kinds of top-level keys, or a place one level down where it exists. */
function topLevelHint(version: string, key: string): string {
    const near = closestName(key, [...new Set([...schemaKeys(version, "agent"), ...schemaKeys(version, "root")])]);
    if (near) return `; did you mean ${near}?`;
    const deeper: string[] = [];
    for (const where of ["agent", "root"] as const) {
        for (const parent of schemaKeys(version, where)) {
            const props = openclawKeySchema(version, where, parent)?.properties;
            if (isObject(props) && Object.hasOwn(props, key)) deeper.push(`${parent}.${key}`);
        }
    }
    return deeper.length ? `; it exists as ${[...new Set(deeper)].slice(0, 3).join(" or ")}` : "";
}

/** A problem ajv found, as a path below the top-level key and a reason. */
interface Explained {
    path: (string | number)[];
    code: "unknown-key" | "invalid";
    reason: string;
}

/**
 * Ajv's errors as problems a person can act on: union (`anyOf`) failures reduced to the
 * branch that fits the value's kind (or to "must be one of ..."), unknown keys with a
 * "did you mean", and the merge-patch wrappers (`if null`) left out.
 */
function explain(errors: readonly ErrorObject[]): Explained[] {
    const out: Explained[] = [];
    const seen = new Set<string>();
    for (const e of reduceUnions(errors.filter((x) => x.keyword !== "if"))) {
        const path = pointerSegments(e.instancePath);
        let x: Explained;
        if (e.keyword === "additionalProperties") {
            const key = String((e.params as { additionalProperty: string }).additionalProperty);
            const props = isObject(e.parentSchema) && isObject(e.parentSchema.properties) ? Object.keys(e.parentSchema.properties) : [];
            x = unknownKey([...path, key], props);
        } else if (e.propertyName !== undefined) {
            x = { path: [...path, e.propertyName], code: "invalid", reason: `key not allowed here: ${reasonOf(e)}` };
        } else if (e.keyword === "propertyNames") {
            continue; // its sub-error (with propertyName) says what is wrong
        } else {
            x = { path, code: "invalid", reason: reasonOf(e) };
        }
        const id = `${x.path.join("\u0000")}|${x.reason}`;
        if (!seen.has(id)) {
            seen.add(id);
            out.push(x);
        }
    }
    return out;
}

/** A key the schema does not declare at `path`'s parent, with a near miss among those it does. */
function unknownKey(path: (string | number)[], declared: readonly string[]): Explained {
    const near = closestName(String(path[path.length - 1]), declared);
    return { path, code: "unknown-key", reason: `unknown key${near ? `; did you mean ${near}?` : ""}` };
}

/** A JSON pointer (`/a/0/b~1c`) as segments; digits are array indices. */
function pointerSegments(pointer: string): (string | number)[] {
    if (pointer === "") return [];
    return pointer
        .slice(1)
        .split("/")
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** One error's reason, from the schema's side only (never the value). */
function reasonOf(e: ErrorObject): string {
    const p = e.params as Record<string, unknown>;
    switch (e.keyword) {
        case "const":
            return `must be ${JSON.stringify(p.allowedValue)}`;
        case "enum": {
            const allowed = (p.allowedValues as unknown[]) ?? [];
            return `must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}${typeof e.data === "string" ? didYouMean(e.data, allowed) : ""}`;
        }
        case "required":
            return `missing required key ${String(p.missingProperty)}`;
        case "type":
            return `must be ${String(p.type).split(",").map(withArticle).join(" or ")}`;
        case "union":
            return String(e.message);
        default:
            return String(e.message ?? e.keyword);
    }
}


function didYouMean(value: string, allowed: unknown[]): string {
    const near = closestName(value, allowed.filter((a): a is string => typeof a === "string"));
    return near ? `; did you mean ${JSON.stringify(near)}?` : "";
}

/**
 * Replaces each failed `anyOf` and the errors of its branches by what matters: the errors of
 * the branch whose kind fits the value (an object for an object), or, when none fits, one
 * error listing what the value may be. Outermost unions first.
 */
function reduceUnions(errors: readonly ErrorObject[]): ErrorObject[] {
    let list = [...errors];
    for (;;) {
        const unions = list.filter((e) => e.keyword === "anyOf");
        if (unions.length === 0) return list;
        const a = unions.reduce((x, y) => (y.schemaPath.length < x.schemaPath.length ? y : x));
        const prefix = `${a.schemaPath}/`;
        const inside = list.filter((e) => e !== a && e.schemaPath.startsWith(prefix) && e.instancePath.startsWith(a.instancePath));
        const rest = list.filter((e) => e !== a && !inside.includes(e));
        const branches = new Map<number, ErrorObject[]>();
        for (const e of inside) {
            const i = Number(e.schemaPath.slice(prefix.length).split("/")[0]);
            branches.set(i, [...(branches.get(i) ?? []), e]);
        }
        // A branch that is a `$ref` reports its errors at the referenced schema's path.
        (Array.isArray(a.schema) ? a.schema : []).forEach((branch: unknown, i: number) => {
            const ref = isObject(branch) && typeof branch.$ref === "string" ? branch.$ref : undefined;
            if (!ref || branches.has(i)) return;
            const viaRef = rest.filter((e) => e.schemaPath.startsWith(`${ref}/`) && e.instancePath.startsWith(a.instancePath));
            if (viaRef.length === 0) return;
            branches.set(i, viaRef);
            for (const e of viaRef) rest.splice(rest.indexOf(e), 1);
        });
        const misfit = (es: ErrorObject[]) => es.some((e) => e.instancePath === a.instancePath && ["type", "const", "enum"].includes(e.keyword));
        const fitting = [...branches.values()].filter((es) => !misfit(es)).sort((x, y) => x.length - y.length);
        list = [...rest, ...(fitting[0] ?? [unionError(a, [...branches.values()])])];
    }
}

/** "must be one of ..." for a union none of whose branches fits the value. */
function unionError(a: ErrorObject, branches: ErrorObject[][]): ErrorObject {
    const literals: unknown[] = [];
    const types: string[] = [];
    for (const es of branches) {
        const own = es.filter((e) => e.instancePath === a.instancePath);
        const c = own.find((e) => e.keyword === "const");
        const en = own.find((e) => e.keyword === "enum");
        const t = own.find((e) => e.keyword === "type");
        if (c) literals.push((c.params as { allowedValue: unknown }).allowedValue);
        else if (en) literals.push(...((en.params as { allowedValues: unknown[] }).allowedValues ?? []));
        else if (t) types.push(...String((t.params as { type: string }).type).split(","));
    }
    const alts = [...new Set([...literals.map((v) => JSON.stringify(v)), ...types.filter((t) => t !== "null").map(withArticle)])];
    let message = alts.length > 2 ? `must be one of ${alts.join(", ")}` : alts.length ? `must be ${alts.join(" or ")}` : "matches none of the forms OpenClaw accepts here";
    if (typeof a.data === "string") message += didYouMean(a.data, literals);
    return { ...a, keyword: "union", message };
}

/**
 * The candidate closest to `name` (case-blind edit distance), if close enough to be a typo:
 * at most 1 edit for names up to 4 characters, 2 up to 8, else 3.
 *
 * @example
 * ```ts
 * closestName("evry", ["every", "model"]); // "every"
 * ```
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
    const limit = name.length <= 4 ? 1 : name.length <= 8 ? 2 : 3;
    let best: string | undefined;
    let bestD = Infinity;
    for (const c of candidates) {
        if (c === name) continue;
        const d = distance(name.toLowerCase(), c.toLowerCase());
        if (d <= limit && d < bestD) {
            best = c;
            bestD = d;
        }
    }
    return best;
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = cur;
    }
    return prev[b.length] as number;
}

