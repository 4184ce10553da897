/**
 * The shapes shared by the fleet's parts: the declaration a user writes (declaration.ts
 * parses and checks it), the plan made from it (plan.ts) and what the runner (runner.ts)
 * runs. Kept apart so that each part depends on these types only, not on each other.
 *
 * A fleet is one Pulumi project split into stacks:
 *   - `<fleet>.<server>`: the server's own objects (instance, model providers and their
 *     push, skills with their files); exports their ids;
 *   - `<fleet>.<server>.m<NN>`: a mentor shard, at most `shardSize` mentors with their
 *     bindings, agent configs, assignments and pushes; reads its server stack's ids with a
 *     StackReference.
 */

/** A secret is never a literal in the declaration: it is read from the environment or from the fleet stack's config. */
export type SecretRef = { env: string } | { config: string };

/** A value read at run time when given as a reference, else the plain (non-secret) value. */
export type ValueOrRef<T> = T | SecretRef;

/** The API connection of the whole fleet; every field falls back to the provider's usual config and environment. */
export interface FleetConnection {
    baseUrl?: string;
    org?: string;
    /** Only `{ env }` or `{ config }`: a literal token is refused. Default: `IBLAI_API_TOKEN`. */
    apiToken?: SecretRef;
    authScheme?: "Api-Token" | "Token" | "Bearer";
    apiRoutes?: "auto" | "mentor" | "collection";
}

export interface FleetModelProvider {
    baseUrl: string;
    apiType: string;
    credentialName?: string;
    /** The model catalog as the provider takes it (`{ id, name, ... }`). */
    modelCatalog?: Record<string, unknown>[];
    /** Adopt an existing model provider by id (written by `generate --fleet`). */
    adoptId?: string;
}

export interface FleetSkillFile {
    fileType: string;
    filename: string;
    /** Exactly one of `content` and `source` (a path relative to the declaration's folder). */
    content?: string;
    source?: string;
    adoptId?: string;
}

export interface FleetSkill {
    slug: string;
    name?: string;
    description?: string;
    instruction?: string;
    metadata?: Record<string, unknown>;
    files?: FleetSkillFile[];
    adoptId?: string;
}

/** One mentor on a server: the agent config fields of ClawAgent, by their TypeScript names. */
export interface FleetMentor {
    /** The mentor's UUID; or leave it out and give `name`: the fleet then makes the mentor. */
    mentor?: string;
    /** The name of a mentor to make (unique per org) when `mentor` is not given. */
    name?: string;
    agentId?: string;
    /** Slugs of this server's `skills`. */
    skills?: string[];
    /** The server's name: required for a mentor in the top-level `mentors` list; under a server, its name if given. */
    server?: string;
    /** AgentConfig fields: identity, soul, memory, model, config, tools, heartbeat, ... */
    [field: string]: unknown;
    adopt?: { mentor?: string; binding?: string; agentConfig?: string; assignments?: Record<string, string>; push?: boolean };
}

/** A published OpenClaw agent set deployed whole (an AgentSet component): placed in one shard as a unit. */
export interface FleetAgentSet {
    /** The set's folder, relative to the declaration's folder. */
    folder: string;
    /** The set's name, unique on its server; default: the folder's base name. */
    name?: string;
    mentors?: Record<string, string>;
    mentorNamePrefix?: string;
    /** Config paths left out of every agent's config, as AgentSet's `omitConfig` (e.g. `["sandbox.mode"]`, which ibl.ai refuses). */
    omitConfig?: string[];
}

export interface FleetServer {
    /** Unique in the fleet; `^[a-z0-9][a-z0-9-]*$` (it is part of stack names). */
    name: string;
    serverUrl: string;
    /** Default: a generated GatewayToken kept in the server stack's state. */
    gatewayToken?: SecretRef;
    devicePrivateKeyPem?: SecretRef;
    /** Check the server from the platform after registering it (test-connectivity); default true, as ClawServer. */
    verifyConnectivity?: boolean;
    /** Adopt an existing instance by id (written by `generate --fleet`). */
    adoptId?: string;
    modelProviders?: Record<string, FleetModelProvider>;
    skills?: FleetSkill[];
    agentSets?: FleetAgentSet[];
    mentors?: FleetMentor[];
}

/** A fleet declaration, as read from YAML or from a TypeScript/JavaScript module's default export. */
export interface FleetDeclaration {
    /** `^[a-z0-9][a-z0-9-]*$`: the first part of every stack name. */
    fleet: string;
    /** The Pulumi project of every stack; default `iblai-claw-fleet`. */
    project?: string;
    /** At most this many mentors per shard stack (K ≥ 1); default {@link DEFAULT_SHARD_SIZE}. */
    shardSize?: number;
    /** Stacks run at once; default {@link DEFAULT_PARALLEL}. */
    parallel?: number;
    connection?: FleetConnection;
    servers: FleetServer[];
    /**
     * Mentors placed by their `server:` field rather than nested under it. `loadFleet` moves
     * them under their servers (after the nested ones), so a loaded declaration has none here.
     */
    mentors?: FleetMentor[];
}

/** Where a part of the declaration came from, so that every error names its line. */
export interface SourceSpot {
    file: string;
    line: number;
    column?: number;
}

/** A placement unit: one mentor, or one agent set (all its agents go to one shard). */
export interface PlacementUnit {
    /** Fleet-wide key: `mentor:<uuid or name>` or `set:<server>/<set name>`. */
    key: string;
    server: string;
    /** How many mentors it counts for against the shard size. */
    weight: number;
    at?: SourceSpot;
}

export type StackKind = "server" | "shard";

export interface PlannedStack {
    /** Full stack name, e.g. `acme.edge-1` or `acme.edge-1.m03`. */
    name: string;
    kind: StackKind;
    server: string;
    /** For a shard: the unit keys it holds, in declaration order. */
    units: string[];
    /** sha256 of everything this stack deploys (its slice of the declaration, resolved files, the package version): a stack whose last successful update had this hash and nothing pending is finished. */
    desiredHash: string;
    /** Stacks that must finish first (a shard's server stack). */
    dependsOn: string[];
}

/** A unit whose shard changes: its resources move with `pulumi state move` before either stack runs. */
export interface PlannedMove {
    unit: string;
    from: string;
    to: string;
}

export interface FleetPlan {
    fleet: string;
    project: string;
    shardSize: number;
    stacks: PlannedStack[];
    moves: PlannedMove[];
    /** Stacks that exist in the backend but no longer in the declaration (their server was removed): destroyed, then removed, by `up`. */
    orphans: string[];
    /**
     * After `selectPart`: moves between a stack of this part and one of another part (a unit
     * that changed server across parts). Neither part runs them; the runner should refuse their
     * destination stacks until a run that holds both parts (no `--shard`) has moved them.
     */
    crossPartMoves?: PlannedMove[];
}

/** What the backend says about the fleet's stacks before planning: which exist and which units each shard holds now. */
export interface CurrentPlacement {
    /** stack name → unit keys it holds now (from the shard stack's `units` output). */
    shards: Record<string, string[]>;
    /** every stack of the project in the backend whose name starts with `<fleet>.` */
    existing: string[];
}

/** `--shard i/n`: this machine runs part i (1-based) of n. */
export interface ShardSelector {
    index: number;
    count: number;
}

export const DEFAULT_PROJECT = "iblai-claw-fleet";
/** Chosen by measurement (bench/fleet.ts, docs/performance.md). */
export const DEFAULT_SHARD_SIZE = 100;
export const DEFAULT_PARALLEL = 4;
