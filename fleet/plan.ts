/**
 * From a loaded declaration and what the backend holds now to the fleet's stacks: which
 * stack holds which unit (sticky placement), the moves between shards, the orphans, and a
 * hash per stack of everything it deploys. Pure but for reading the files the declaration
 * names (skill sources, agent-set folders) to hash them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { bytesHash, contentHash } from "../provider/engine/hash";
import { agentSetKey, mentorKey, type LoadedFleet } from "./declaration";
import { FleetDeclarationError, FleetUsageError } from "./errors";
import {
    type CurrentPlacement,
    DEFAULT_PROJECT,
    DEFAULT_SHARD_SIZE,
    type FleetAgentSet,
    type FleetMentor,
    type FleetPlan,
    type FleetServer,
    type PlannedMove,
    type PlannedStack,
    type ShardSelector,
} from "./types";

/** `acme.edge-1`. */
export const serverStackName = (fleet: string, server: string): string => `${fleet}.${server}`;
/** `acme.edge-1.m03` (two digits or more). */
export const shardStackName = (fleet: string, server: string, n: number): string => `${fleet}.${server}.m${String(n).padStart(2, "0")}`;

/** The server and shard number of a stack name of this fleet (names hold no dots of their own). */
export function parseStackName(fleet: string, stack: string): { server: string; shard?: number } | undefined {
    const m = /^([^.]+)\.([a-z0-9][a-z0-9-]*)(?:\.m(\d{2,}))?$/.exec(stack);
    if (!m || m[1] !== fleet) return undefined;
    return { server: m[2] as string, shard: m[3] === undefined ? undefined : Number(m[3]) };
}

/**
 * Plans the fleet's stacks. Placement is sticky: a unit stays in its shard while that shard
 * has room; new units and units whose server changed go first-fit into the server's shards
 * (lowest number first), then into new shards (lowest free number); a shard over the size
 * (the size was lowered) keeps its first units in declaration order and the rest move.
 *
 * @example
 * ```ts
 * const plan = planFleet(await loadFleet("fleet.yaml"), { shards: {}, existing: [] });
 * plan.stacks.map((s) => s.name); // ["acme.edge-1", "acme.edge-1.m01", ...]
 * ```
 */
export function planFleet(loaded: LoadedFleet, current: CurrentPlacement, options: { shardSize?: number } = {}): FleetPlan {
    const d = loaded.declaration;
    const K = options.shardSize ?? d.shardSize ?? DEFAULT_SHARD_SIZE;
    if (!Number.isInteger(K) || K < 1) throw new FleetUsageError("--shard-size", `must be an integer ≥ 1, not ${K}`, "e.g. --shard-size 50");
    const tooBig = loaded.units.filter((u) => u.weight > K);
    if (tooBig.length > 0) {
        throw new FleetDeclarationError(
            loaded.file,
            tooBig.map((u) => ({ spot: u.at, path: u.key, message: `counts ${u.weight} mentors, more than the shard size ${K}`, hint: `raise the shard size to at least ${u.weight}` })),
        );
    }

    // Where each unit is now (any server of this fleet).
    const shardOf = new Map<string, string>();
    for (const [stack, keys] of Object.entries(current.shards)) {
        if (parseStackName(d.fleet, stack)?.shard === undefined) continue;
        for (const k of keys) shardOf.set(k, stack);
    }
    const order = new Map(loaded.units.map((u, i) => [u.key, i]));
    const stacks: PlannedStack[] = [];
    const moves: PlannedMove[] = [];
    const placed = new Map<string, string>();

    for (const server of d.servers) {
        const units = loaded.units.filter((u) => u.server === server.name);
        // Shard number → its units and load; seeded with the server's current shards.
        const shards = new Map<number, { keys: string[]; load: number }>();
        for (const stack of Object.keys(current.shards)) {
            const p = parseStackName(d.fleet, stack);
            if (p?.server === server.name && p.shard !== undefined) shards.set(p.shard, { keys: [], load: 0 });
        }
        const put = (n: number, key: string, weight: number) => {
            const s = shards.get(n) ?? { keys: [], load: 0 };
            s.keys.push(key);
            s.load += weight;
            shards.set(n, s);
        };
        const rest: typeof units = [];
        for (const u of units) {
            const was = shardOf.get(u.key);
            const p = was === undefined ? undefined : parseStackName(d.fleet, was);
            const s = p?.server === server.name && p.shard !== undefined ? shards.get(p.shard) : undefined;
            if (s && p?.shard !== undefined && s.load + u.weight <= K) put(p.shard, u.key, u.weight);
            else rest.push(u);
        }
        for (const u of rest) {
            const numbers = [...shards.keys()].sort((a, b) => a - b);
            let n = numbers.find((x) => (shards.get(x) as { load: number }).load + u.weight <= K);
            if (n === undefined) for (n = 1; shards.has(n); n++);
            put(n, u.key, u.weight);
        }

        const serverStack = serverStackName(d.fleet, server.name);
        stacks.push({ name: serverStack, kind: "server", server: server.name, units: [], desiredHash: "", dependsOn: [] });
        for (const n of [...shards.keys()].sort((a, b) => a - b)) {
            const s = shards.get(n) as { keys: string[] };
            if (s.keys.length === 0) continue;
            const name = shardStackName(d.fleet, server.name, n);
            const keys = [...s.keys].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
            for (const k of keys) placed.set(k, name);
            stacks.push({ name, kind: "shard", server: server.name, units: keys, desiredHash: "", dependsOn: [serverStack] });
        }
    }

    const existing = new Set(current.existing);
    for (const u of loaded.units) {
        const from = shardOf.get(u.key);
        const to = placed.get(u.key) as string;
        if (from !== undefined && from !== to && existing.has(from)) moves.push({ unit: u.key, from, to });
    }
    const planned = new Set(stacks.map((s) => s.name));
    const orphans = current.existing.filter((s) => s.startsWith(`${d.fleet}.`) && !planned.has(s)).sort();
    const plan: FleetPlan = { fleet: d.fleet, project: d.project ?? DEFAULT_PROJECT, shardSize: K, stacks, moves, orphans };
    hashStacks(loaded, plan);
    return plan;
}

/** What one stack deploys. */
export interface StackSlice {
    /** The server (without its mentors and agent sets: those are the shards'). */
    server: FleetServer;
    mentors: FleetMentor[];
    agentSets: FleetAgentSet[];
}

/**
 * What a planned stack deploys: a server stack, its server with skills and model providers;
 * a shard, its units (mentors and agent sets) beside its server's description.
 *
 * @example
 * ```ts
 * const { mentors } = stackSlice(loaded, plan, "acme.edge-1.m01");
 * ```
 */
export function stackSlice(loaded: LoadedFleet, plan: FleetPlan, stack: string): StackSlice {
    const planned = plan.stacks.find((s) => s.name === stack);
    if (!planned) throw new FleetUsageError("stack", `${stack} is not a stack of fleet ${plan.fleet}'s plan`, `planned: ${plan.stacks.map((s) => s.name).join(", ")}`);
    const full = loaded.declaration.servers.find((s) => s.name === planned.server) as FleetServer;
    const { mentors: _m, agentSets: _a, ...server } = full;
    if (planned.kind === "server") return { server, mentors: [], agentSets: [] };
    const keys = new Set(planned.units);
    return {
        server,
        mentors: (full.mentors ?? []).filter((m) => keys.has(mentorKey(m))),
        agentSets: (full.agentSets ?? []).filter((a) => keys.has(agentSetKey(full.name, a))),
    };
}

let packageVersion: string | undefined;

/** This package's version (a new version may deploy differently, so it is part of every hash). */
function ownVersion(): string {
    if (packageVersion !== undefined) return packageVersion;
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
        const file = path.join(dir, "package.json");
        if (fs.existsSync(file)) {
            const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
            if (pkg.name === "pulumi-iblai-claw") return (packageVersion = String(pkg.version));
        }
        if (path.dirname(dir) === dir) return (packageVersion = "unknown");
    }
}

/** Every file of a folder as `relative path → sha256`, sorted. */
function folderHashes(root: string): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const abs = path.join(dir, e.name);
            if (e.isDirectory()) walk(abs);
            else if (e.isFile()) out[path.relative(root, abs).split(path.sep).join("/")] = bytesHash(fs.readFileSync(abs));
        }
    };
    walk(root);
    return out;
}

/** A slice with the files it names replaced by their content hashes. */
function resolvedSlice(loaded: LoadedFleet, slice: StackSlice): unknown {
    const server = {
        ...slice.server,
        skills: slice.server.skills?.map((k) => ({
            ...k,
            files: k.files?.map((f) => (f.source === undefined ? f : { ...f, source: undefined, sourceHash: bytesHash(fs.readFileSync(path.resolve(loaded.dir, f.source))) })),
        })),
    };
    const agentSets = slice.agentSets.map((a) => ({ ...a, folder: undefined, name: a.name ?? path.basename(path.resolve(loaded.dir, a.folder)), files: folderHashes(path.resolve(loaded.dir, a.folder)) }));
    return { server, mentors: slice.mentors, agentSets };
}

/** Sets every stack's desiredHash; a shard's covers its server stack's (its pushes deliver the server's skills). */
function hashStacks(loaded: LoadedFleet, plan: FleetPlan): void {
    const d = loaded.declaration;
    const common = { version: ownVersion(), fleet: d.fleet, project: plan.project, connection: d.connection ?? {} };
    const serverHash = new Map<string, string>();
    for (const s of plan.stacks.filter((x) => x.kind === "server")) {
        s.desiredHash = contentHash({ ...common, kind: "server", slice: resolvedSlice(loaded, stackSlice(loaded, plan, s.name)) });
        serverHash.set(s.server, s.desiredHash);
    }
    for (const s of plan.stacks.filter((x) => x.kind === "shard")) {
        s.desiredHash = contentHash({ ...common, kind: "shard", server: serverHash.get(s.server), units: s.units, slice: resolvedSlice(loaded, stackSlice(loaded, plan, s.name)) });
    }
}

/**
 * Reads `--shard i/n`.
 *
 * @example
 * ```ts
 * parseShardSelector("2/5"); // { index: 2, count: 5 }
 * ```
 */
export function parseShardSelector(text: string): ShardSelector {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
    const hint = "--shard i/n runs part i of n (1 ≤ i ≤ n), e.g. --shard 2/5";
    if (!m) throw new FleetUsageError("--shard", `${JSON.stringify(text)} is not i/n`, hint);
    const index = Number(m[1]);
    const count = Number(m[2]);
    if (count < 1) throw new FleetUsageError("--shard", `${text}: n must be at least 1`, hint);
    if (index < 1 || index > count) throw new FleetUsageError("--shard", `${text}: i must be between 1 and ${count}`, hint);
    return { index, count };
}

/** The part (1-based) a server goes to: servers sorted by name, dealt round-robin. */
function partOf(servers: readonly string[], server: string, count: number): number | undefined {
    const i = [...servers].sort().indexOf(server);
    return i < 0 ? undefined : (i % count) + 1;
}

/**
 * The part of a plan one machine runs: whole servers (a server stack with all its shards),
 * dealt round-robin over the sorted server names, so every part is fixed by the declaration
 * alone. Moves are kept when both of their stacks are in the part; a move between parts is
 * in `crossPartMoves` of both parts (not run by either). Orphans of a declared server go with
 * it; those of removed servers all go to part 1.
 *
 * @example
 * ```ts
 * const mine = selectPart(plan, parseShardSelector(process.env.PART ?? "1/1"));
 * ```
 */
export function selectPart(plan: FleetPlan, sel: ShardSelector): FleetPlan {
    const servers = [...new Set(plan.stacks.map((s) => s.server))];
    const mine = (stack: string): boolean => {
        const server = parseStackName(plan.fleet, stack)?.server;
        const part = server === undefined ? undefined : partOf(servers, server, sel.count);
        return (part ?? 1) === sel.index;
    };
    const moves = plan.moves.filter((m) => mine(m.from) && mine(m.to));
    const crossPartMoves = plan.moves.filter((m) => mine(m.from) !== mine(m.to));
    return {
        ...plan,
        stacks: plan.stacks.filter((s) => mine(s.name)),
        moves,
        orphans: plan.orphans.filter(mine),
        ...(crossPartMoves.length > 0 ? { crossPartMoves } : {}),
    };
}
