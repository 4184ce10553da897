/**
 * Splits a published set's `agents.defaults` by the target OpenClaw version's own config
 * schema, never by a fixed list of keys (issue 21): a default OpenClaw accepts on an agent
 * entry is applied per agent; one it accepts only under `agents.defaults` is kept apart, to
 * be delivered once for the server. Objects are split key by key, so one `subagents` block
 * can hold both kinds (`allowAgents` per agent, `maxConcurrent` only under defaults in 2026.9).
 *
 * Pure: reads the pinned schema snapshot (sdk/openclawSchema.ts), makes no request.
 */
import { type JsonSchema, openclawNodeSchema } from "../sdk/openclawSchema";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A closed object node: declared keys only, so it can be split key by key. */
function closedProperties(node: JsonSchema | undefined): Obj | undefined {
    return node && isObj(node.properties) && node.additionalProperties === false ? node.properties : undefined;
}

/** `agents.defaults` split by where OpenClaw accepts each part. */
export interface DefaultsSplit {
    /** What OpenClaw accepts on an agent entry: merged under each agent's own. */
    perAgent: Obj;
    /** What OpenClaw accepts only under `agents.defaults` (same shape, relative to it). */
    serverOnly: Obj;
    /** Dotted paths of the `serverOnly` leaves, e.g. `subagents.maxConcurrent`. */
    serverOnlyPaths: string[];
    /** Dotted paths OpenClaw accepts in neither place (left to the schema check to name). */
    unknownPaths: string[];
}

function put(o: Obj, path: readonly string[], v: unknown): void {
    let node = o;
    for (const p of path.slice(0, -1)) {
        if (!isObj(node[p])) node[p] = {};
        node = node[p] as Obj;
    }
    node[path[path.length - 1] as string] = v;
}

/**
 * `agents.defaults` (without `model`, `skills` and server paths, which the loader handles)
 * split by OpenClaw `version`'s schema.
 *
 * @example
 * ```ts
 * splitDefaults({ subagents: { maxConcurrent: 8, delegationMode: "prefer" }, userTimezone: "UTC" }, "2026.9.6");
 * // { perAgent: { subagents: { delegationMode: "prefer" } },
 * //   serverOnly: { subagents: { maxConcurrent: 8 }, userTimezone: "UTC" },
 * //   serverOnlyPaths: ["subagents.maxConcurrent", "userTimezone"], unknownPaths: [] }
 * ```
 */
export function splitDefaults(defaults: Obj, version: string): DefaultsSplit {
    const out: DefaultsSplit = { perAgent: {}, serverOnly: {}, serverOnlyPaths: [], unknownPaths: [] };
    const walk = (path: string[], value: unknown) => {
        const onAgent = openclawNodeSchema(version, "agent", path);
        const underDefaults = openclawNodeSchema(version, "root", ["agents", "defaults", ...path]);
        const props = closedProperties(onAgent);
        if (onAgent && props && isObj(value) && closedProperties(underDefaults)) {
            for (const [k, v] of Object.entries(value)) walk([...path, k], v);
        } else if (onAgent) {
            put(out.perAgent, path, value);
        } else if (underDefaults) {
            put(out.serverOnly, path, value);
            out.serverOnlyPaths.push(path.join("."));
        } else {
            // Kept with the server's part, where the schema check names it under agents.defaults.
            put(out.serverOnly, path, value);
            out.unknownPaths.push(path.join("."));
        }
    };
    for (const [k, v] of Object.entries(defaults)) walk([k], v);
    return out;
}

/**
 * Where a key that OpenClaw refuses on an agent entry is valid instead, in `version`:
 * `agents.defaults.<parent>` when the defaults accept the same path, else undefined.
 *
 * @example
 * ```ts
 * validOnlyUnderDefaults(["subagents", "maxSpawnDepth"], "2026.9.6"); // "agents.defaults.subagents"
 * validOnlyUnderDefaults(["heartbeat", "every"], "2026.9.6");         // undefined (valid on an agent)
 * ```
 */
export function validOnlyUnderDefaults(path: readonly string[], version: string): string | undefined {
    if (path.length === 0 || openclawNodeSchema(version, "agent", path)) return undefined;
    if (!openclawNodeSchema(version, "root", ["agents", "defaults", ...path])) return undefined;
    return ["agents", "defaults", ...path.slice(0, -1)].join(".");
}
