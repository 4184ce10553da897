/**
 * OpenClaw's config schema, as pinned snapshots (issue 10): which versions we have, the
 * schema of one, and ajv validators for the parts of it an agent config's `config` writes.
 *
 * The snapshots are made by `npm run schema:openclaw -- <version>` (scripts/openclaw-schema.mjs)
 * from `openclaw config schema`, and ship in the package as `openclaw-schema/<version>.json.gz`
 * with `openclaw-schema/index.json`. Nothing here touches the network.
 *
 * Cost (issue 14): a snapshot is read and parsed only when a non-empty config is checked
 * (~1 MB of JSON), and ajv compiles only the nodes a config reaches (see `problemsAt` in
 * openclawConfig.ts), each once per process: compiling the whole schema takes seconds
 * (`channels` alone ~0.5 s), one small node well under a millisecond. Figures:
 * `npx ts-node bench/openclaw-schema.ts`.
 *
 * @example
 * ```ts
 * const v = openclawValidator("2026.9.6", "root", "session");
 * v?.({ dmScope: "per-channel-peer" }); // true
 * ```
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import type Ajv from "ajv";
import type { ValidateFunction } from "ajv";
import { ConfigError } from "./errors";

/** A JSON Schema node as OpenClaw prints it (draft-07). */
export type JsonSchema = { [keyword: string]: unknown };

/** Where a top-level key of a mentor's config lands: on the mentor's own agent entry, or at the root. */
export type Placement = "agent" | "root";

interface SnapshotEntry {
    file: string;
    sha256: string;
    bytes: number;
    source: string;
}

interface Loaded {
    schema: JsonSchema;
    /** `agents.entries.<id>`'s schema (or `agents.list[]`'s in versions before keyed entries). */
    agentEntry: JsonSchema;
    /** One Ajv per version: compiled validators live in it. */
    ajv: Ajv;
    validators: Map<string, ValidateFunction | undefined>;
}

/** The folder of the snapshots: `openclaw-schema/` at the package root (above sdk/ or dist/sdk/). */
function snapshotDir(): string {
    for (let dir = __dirname, i = 0; i < 5; i++, dir = path.dirname(dir)) {
        const candidate = path.join(dir, "openclaw-schema");
        if (fs.existsSync(path.join(candidate, "index.json"))) return candidate;
    }
    throw new ConfigError("the OpenClaw schema snapshots are missing from this installation of pulumi-iblai-claw", {
        hint: "reinstall the package; in a checkout, run npm run schema:openclaw -- <version>",
    });
}

let index: Record<string, SnapshotEntry> | undefined;
function snapshots(): Record<string, SnapshotEntry> {
    index ??= (JSON.parse(fs.readFileSync(path.join(snapshotDir(), "index.json"), "utf8")) as { snapshots: Record<string, SnapshotEntry> }).snapshots;
    return index;
}

/** Numeric-aware version order: 2026.10.1 after 2026.9.6. */
function compareVersions(a: string, b: string): number {
    return a.localeCompare(b, "en", { numeric: true });
}

/**
 * The OpenClaw versions we hold a schema snapshot of, oldest first.
 *
 * @example
 * ```ts
 * openclawSchemaVersions(); // ["2026.9.6"]
 * ```
 */
export function openclawSchemaVersions(): string[] {
    return Object.keys(snapshots()).sort(compareVersions);
}

/**
 * The version checked against when none is chosen: the newest snapshot.
 *
 * @example
 * ```ts
 * defaultOpenClawVersion(); // "2026.9.6"
 * ```
 */
export function defaultOpenClawVersion(): string {
    const all = openclawSchemaVersions();
    return all[all.length - 1] as string;
}

/** The value of `iblai:openclawVersion` that turns the schema check off. */
export const OPENCLAW_SCHEMA_CHECK_OFF = "none";

/**
 * The snapshot version to check against: the one chosen (stack config
 * `iblai:openclawVersion`, a pack's `openclawVersion`), else the newest. `undefined` when
 * the check is turned off (`"none"`). A version without a snapshot is a {@link ConfigError}
 * that lists the snapshots we have.
 *
 * @example
 * ```ts
 * resolveOpenClawVersion(undefined);   // "2026.9.6"
 * resolveOpenClawVersion("none");      // undefined
 * resolveOpenClawVersion("2025.1.0");  // throws ConfigError: no OpenClaw config schema snapshot for 2025.1.0 ...
 * ```
 */
export function resolveOpenClawVersion(chosen: string | undefined, setting = "iblai:openclawVersion"): string | undefined {
    const v = chosen?.trim().replace(/^v/, "");
    if (!v) return defaultOpenClawVersion();
    if (v === OPENCLAW_SCHEMA_CHECK_OFF) return undefined;
    if (snapshots()[v]) return v;
    throw unknownVersion(v, setting);
}

function unknownVersion(v: string, setting: string): ConfigError {
    return new ConfigError(`${setting}: no OpenClaw config schema snapshot for ${JSON.stringify(v)}; snapshots: ${openclawSchemaVersions().join(", ")}`, {
        hint: `pick one of those, add a snapshot with \`npm run schema:openclaw -- ${v}\` (in a checkout of pulumi-iblai-claw), or set it to "${OPENCLAW_SCHEMA_CHECK_OFF}" to skip the schema check`,
    });
}

const loaded = new Map<string, Loaded>();

/** The snapshot of `version`, read and parsed once per process. */
function load(version: string): Loaded {
    let l = loaded.get(version);
    if (l) return l;
    const entry = snapshots()[version];
    if (!entry) throw unknownVersion(version, "OpenClaw version");
    const schema = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(snapshotDir(), entry.file))).toString("utf8")) as JsonSchema;
    const agents = child(schema, "agents");
    const agentEntry = (objectAt(child(agents, "entries"), "additionalProperties") ?? objectAt(child(agents, "list"), "items") ?? {}) as JsonSchema;
    l = { schema, agentEntry, ajv: newAjv(), validators: new Map() };
    loaded.set(version, l);
    return l;
}

function objectAt(node: unknown, key: string): JsonSchema | undefined {
    const v = node && typeof node === "object" ? (node as JsonSchema)[key] : undefined;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as JsonSchema) : undefined;
}

/** `properties[key]` of a schema node. */
function child(node: unknown, key: string): JsonSchema | undefined {
    return objectAt(objectAt(node, "properties"), key);
}

/**
 * The keys a schema node declares in `properties`.
 *
 * @example
 * ```ts
 * schemaKeys("2026.9.6", "agent"); // ["name", "description", ..., "heartbeat", "identity", "sandbox", "tools"]
 * ```
 */
export function schemaKeys(version: string, where: Placement): string[] {
    const l = load(version);
    return Object.keys(objectAt(where === "agent" ? l.agentEntry : l.schema, "properties") ?? {});
}

/**
 * The (raw) schema of a top-level key: on an agent entry, or at the root. For hints
 * ("did you mean session.dmScope?"); validation goes through {@link openclawValidator}.
 *
 * @example
 * ```ts
 * openclawKeySchema("2026.9.6", "root", "session")?.properties; // { dmScope: {...}, ... }
 * ```
 */
export function openclawKeySchema(version: string, where: Placement, key: string): JsonSchema | undefined {
    return openclawNodeSchema(version, where, [key]);
}

/**
 * An ajv validator of one top-level key's value, or of a node below it (`key` as a path of
 * property names), in its merge-patch reading ({@link mergePatchView}), compiled on first
 * use and cached. `undefined` when the schema has no such key there.
 *
 * @example
 * ```ts
 * const v = openclawValidator("2026.9.6", "agent", "heartbeat")!;
 * v({ evry: "30m" }); // false; v.errors[0].keyword === "additionalProperties"
 * openclawValidator("2026.9.6", "root", ["agents", "defaults", "heartbeat"]); // only that part compiled
 * ```
 */
export function openclawValidator(version: string, where: Placement, key: string | readonly string[]): ValidateFunction | undefined {
    const l = load(version);
    const path = typeof key === "string" ? [key] : key;
    const id = `${where}:${JSON.stringify(path)}`;
    if (!l.validators.has(id)) {
        const raw = openclawNodeSchema(version, where, path);
        l.validators.set(id, raw ? l.ajv.compile(mergePatchView(raw) as JsonSchema) : undefined);
    }
    return l.validators.get(id);
}

/**
 * The (raw) schema node at a path of property names below the top level (on an agent
 * entry, or at the root); undefined when a step is not a declared property.
 *
 * @example
 * ```ts
 * openclawNodeSchema("2026.9.6", "root", ["agents", "defaults"])?.properties; // { heartbeat: {...}, ... }
 * ```
 */
export function openclawNodeSchema(version: string, where: Placement, path: readonly string[]): JsonSchema | undefined {
    let node: JsonSchema | undefined = where === "agent" ? load(version).agentEntry : load(version).schema;
    for (const k of path) {
        const props = objectAt(node, "properties");
        node = props && Object.hasOwn(props, k) ? objectAt(props, k) : undefined;
        if (!node) return undefined;
    }
    return node;
}

/**
 * Ajv for OpenClaw's schema: every error (not only the first), with the failing schema and
 * data attached (for "did you mean" and for telling union branches apart). `strict: false`
 * because the schema is OpenClaw's, taken as printed: annotations such as `title` and formats
 * ajv does not know must not stop validation. Formats are checked as OpenClaw's zod does
 * where it matters (a URL is what `new URL()` accepts); `logger: false` keeps ajv's notes out
 * of Pulumi's output.
 */
function newAjv(): Ajv {
    // Required here, not at the top: every user of the sdk would pay ajv's load (20-50 ms)
    // even with no config to check.
    const { default: AjvClass } = require("ajv") as typeof import("ajv");
    return new AjvClass({
        allErrors: true,
        verbose: true,
        strict: false,
        logger: false,
        allowUnionTypes: true,
        // Ajv's optimizer pass costs more than it saves here: a validator runs a few times per
        // preview, and skipping it makes compiling a large key ~3x faster (bench/openclaw-schema.ts).
        code: { optimize: false },
        formats: {
            uri: (s: string) => URL.canParse(s),
            email: /^[^\s@]+@[^\s@]+$/,
            "date-time": (s: string) => !Number.isNaN(Date.parse(s)),
        },
    });
}

let embeddedIds = 0;

/**
 * A schema as a merge patch (RFC 7386, what a config push applies) must be read:
 *
 * - `required` is dropped: a patch names only what it changes;
 * - every object member (`properties`, `patternProperties`, `additionalProperties`) may be
 *   `null`, which deletes it;
 * - `oneOf` becomes `anyOf`: without their required discriminators, union branches overlap;
 * - inside arrays (`items`), nothing changes: an array is replaced whole, as written.
 *
 * OpenClaw embeds plugin config schemas that carry their own `$defs` and refer to them as
 * `#/$defs/...`; embedded, those refs would point at the root, so each such subschema gets
 * an `$id` of its own (a fix of OpenClaw's output, not of its meaning).
 *
 * @example
 * ```ts
 * mergePatchView({ type: "object", properties: { every: { type: "string" } }, required: ["every"] });
 * // { type: "object", properties: { every: { if: { type: "null" }, then: true, else: { type: "string" } } } }
 * ```
 */
export function mergePatchView(node: unknown, patch = true): unknown {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return node;
    const nullable = (s: unknown) => (patch ? { if: { type: "null" }, then: true, else: s } : s);
    const each = (m: unknown, f: (s: unknown) => unknown) =>
        m && typeof m === "object" && !Array.isArray(m) ? Object.fromEntries(Object.entries(m).map(([k, s]) => [k, f(s)])) : m;
    const list = (v: unknown, p: boolean) => (Array.isArray(v) ? v.map((s) => mergePatchView(s, p)) : mergePatchView(v, p));
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(node as JsonSchema)) {
        switch (k) {
            case "required":
                if (!patch) out[k] = v;
                break;
            case "properties":
            case "patternProperties":
                out[k] = each(v, (s) => nullable(mergePatchView(s, patch)));
                break;
            case "additionalProperties":
                out[k] = typeof v === "object" && v !== null ? nullable(mergePatchView(v, patch)) : v;
                break;
            case "items":
            case "additionalItems":
            case "contains":
                out[k] = list(v, false);
                break;
            case "propertyNames":
                out[k] = mergePatchView(v, false);
                break;
            case "$defs":
            case "definitions":
                out[k] = each(v, (s) => mergePatchView(s, patch));
                break;
            case "dependencies":
                out[k] = each(v, (s) => (Array.isArray(s) ? s : mergePatchView(s, patch)));
                break;
            case "anyOf":
            case "allOf":
            case "oneOf":
            case "not":
            case "if":
            case "then":
            case "else":
                out[k] = list(v, patch);
                break;
            case "$schema":
                break; // only meaningful at a document's root; a nested one would make ajv look it up
            default:
                out[k] = v; // type, const, enum, pattern, bounds, annotations
        }
    }
    if (patch && Array.isArray(out.oneOf)) {
        const branches = out.oneOf;
        delete out.oneOf;
        if (out.anyOf) out.allOf = [...((out.allOf as unknown[]) ?? []), { anyOf: branches }];
        else out.anyOf = branches;
    }
    if ((out.$defs || out.definitions) && out.$id === undefined) out.$id = `urn:pulumi-iblai-claw:openclaw-embedded-schema:${++embeddedIds}`;
    return out;
}
