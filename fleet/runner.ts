import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as automation from "@pulumi/pulumi/automation";
import type { ConfigMap, EngineEvent, LocalWorkspace, Stack } from "@pulumi/pulumi/automation";
import { resolveConnection } from "../provider/engine/connection";
import { fileBackendDir, repairEmptyAttrs, stackLocks } from "../provider/recovery/backend";
import { type ExportedStack, resolvePendingCreates } from "../provider/recovery/pending";
import { type ExportedSkill, SERVER_OUTPUTS, SHARD_OUTPUTS, type ServerSecrets, type StackSlice, serverProgram, shardProgram } from "./programs";
import { Progress, type StackOutcome, firstErrorLine } from "./progress";
import { FleetRunError, StackLockedError, lockHolderOf } from "./runErrors";
import { pendingOperations, unitComponent, unitUrns } from "./stackState";
import { type CurrentPlacement, DEFAULT_PARALLEL, DEFAULT_PROJECT, type FleetDeclaration, type FleetPlan, type PlannedStack, type SecretRef } from "./types";

/**
 * Runs a fleet's stacks through the Automation API: reads the current placement from the
 * backend, plans, moves units between shards (`pulumi state move`), then runs the server
 * stacks and, after each, its shards, with at most P stacks at once. Finished stacks are
 * skipped; unfinished ones get the interrupted-up recovery first (provider/recovery/).
 */

export type FleetOperation = "preview" | "up" | "refresh" | "destroy";

/** What the runner needs of the declaration and the planner (declaration.ts, plan.ts). */
export interface FleetPlanner {
    declaration: FleetDeclaration;
    /** The declaration's folder: skill files and agent sets are relative to it; the workDir is under it. */
    dir: string;
    plan(current: CurrentPlacement): FleetPlan;
    slice(plan: FleetPlan, stack: string): StackSlice;
}

export interface RunOptions {
    /** Stacks at once; default the declaration's `parallel`, else {@link DEFAULT_PARALLEL}. */
    parallel?: number;
    /** Keep only part of the plan (`--shard i/n`). */
    select?: (plan: FleetPlan) => FleetPlan;
    /** Wait for a locked stack up to this many seconds (`--wait`); default: refuse at once. */
    waitSeconds?: number;
    /** Run finished stacks too (`--all`). */
    all?: boolean;
    /**
     * Let the engines write their checkpoint after every step (`--checkpoints`). Default: only
     * at the end of each update (PULUMI_SKIP_CHECKPOINTS), see {@link fleetEngineEnv}.
     */
    checkpoints?: boolean;
    /** Where the progress goes; default stderr. */
    out?: NodeJS.WritableStream & { isTTY?: boolean };
    tty?: boolean;
    /** Aborting it stops the running engines gracefully (SIGINT) and starts no more stacks. */
    signal?: AbortSignal;
    env?: NodeJS.ProcessEnv;
}

/** The workDir of a fleet: its Pulumi.yaml and stack config files; inside the declaration's folder, so the engine resolves pulumi-iblai-claw. */
export function fleetWorkDir(dir: string): string {
    return path.join(dir, ".iblai-fleet");
}

/**
 * A backend URL with any password masked.
 *
 * @example
 * ```ts
 * redactUrl("postgres://claw:s3cret@127.0.0.1:5432/db"); // "postgres://claw:****@127.0.0.1:5432/db"
 * ```
 */
export function redactUrl(url: string): string {
    return url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:****@");
}

/** The value of each SecretRef, or an error naming every missing one and how to set it, before any stack runs. */
async function resolveRefs(refs: { ref: SecretRef; what: string }[], ws: LocalWorkspace, d: FleetDeclaration, env: NodeJS.ProcessEnv): Promise<Map<SecretRef, string>> {
    const out = new Map<SecretRef, string>();
    const missing: string[] = [];
    const fleet = d.fleet;
    let config: ConfigMap | undefined;
    for (const { ref, what } of refs) {
        if ("env" in ref) {
            const v = env[ref.env];
            if (v) out.set(ref, v);
            else missing.push(`${what}: {env: ${ref.env}} is not set (export ${ref.env}=...)`);
            continue;
        }
        if (config === undefined) {
            try {
                config = await ws.getAllConfig(fleet);
            } catch {
                config = {};
            }
        }
        // `pulumi config set key` stores `<project>:key`; a namespaced key is taken as written.
        const v = config[ref.config]?.value ?? config[`${d.project ?? DEFAULT_PROJECT}:${ref.config}`]?.value;
        if (v) out.set(ref, v);
        else missing.push(`${what}: {config: ${ref.config}} is not in the config of stack ${fleet} (pulumi stack init ${fleet}; pulumi config set --secret ${ref.config} <value> -s ${fleet}, in ${ws.workDir})`);
    }
    if (missing.length) throw new FleetRunError("secret-ref-missing", `secrets missing, nothing was run:\n  ${missing.join("\n  ")}`, { hint: "see docs/fleet.md, 'Secrets'" });
    return out;
}

interface Resolved {
    apiToken?: string;
    servers: Record<string, ServerSecrets>;
}

async function resolveSecrets(d: FleetDeclaration, ws: LocalWorkspace, env: NodeJS.ProcessEnv): Promise<Resolved> {
    const refs: { ref: SecretRef; what: string }[] = [];
    const token = d.connection?.apiToken;
    if (token) refs.push({ ref: token, what: "connection.apiToken" });
    for (const s of d.servers) {
        if (s.gatewayToken) refs.push({ ref: s.gatewayToken, what: `servers.${s.name}.gatewayToken` });
        if (s.devicePrivateKeyPem) refs.push({ ref: s.devicePrivateKeyPem, what: `servers.${s.name}.devicePrivateKeyPem` });
    }
    const got = await resolveRefs(refs, ws, d, env);
    const servers: Record<string, ServerSecrets> = {};
    for (const s of d.servers) {
        servers[s.name] = {
            gatewayToken: s.gatewayToken && got.get(s.gatewayToken),
            devicePrivateKeyPem: s.devicePrivateKeyPem && got.get(s.devicePrivateKeyPem),
        };
    }
    return { apiToken: token ? got.get(token) : env.IBLAI_API_TOKEN, servers };
}

function stackConfig(d: FleetDeclaration, apiToken: string | undefined): ConfigMap {
    const c = d.connection ?? {};
    const cfg: ConfigMap = {};
    if (c.baseUrl) cfg["iblai:baseUrl"] = { value: c.baseUrl };
    if (c.org) cfg["iblai:org"] = { value: c.org };
    if (apiToken) cfg["iblai:apiToken"] = { value: apiToken, secret: true };
    if (c.authScheme) cfg["iblai:authScheme"] = { value: c.authScheme };
    if (c.apiRoutes) cfg["iblai:apiRoutes"] = { value: c.apiRoutes };
    return cfg;
}

/** The provider's environment names of the fleet's connection settings (provider/engine/connection.ts reads them when a stack has no config). */
const CONNECTION_ENV: Record<string, string> = {
    "iblai:baseUrl": "IBLAI_BASE_URL",
    "iblai:org": "IBLAI_ORG",
    "iblai:apiToken": "IBLAI_API_TOKEN",
    "iblai:authScheme": "IBLAI_AUTH_SCHEME",
    "iblai:apiRoutes": "IBLAI_API_ROUTES",
};

/**
 * The fleet's connection as the environment of its engines.
 *
 * @example
 * ```ts
 * connectionEnv({ "iblai:org": { value: "acme" } }); // { IBLAI_ORG: "acme" }
 * ```
 */
export function connectionEnv(config: ConfigMap): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, v] of Object.entries(config)) if (CONNECTION_ENV[key] && v.value !== undefined) out[CONNECTION_ENV[key]] = v.value;
    return out;
}

const shortName = (name: string) => name.split("/").pop() as string;

/** Which stacks of the fleet exist and which units each shard holds now (its `units` output). */
async function readPlacement(ws: LocalWorkspace, fleet: string, parallel: number): Promise<{ current: CurrentPlacement; hashes: Record<string, string> }> {
    const existing = (await ws.listStacks()).map((s) => shortName(s.name)).filter((n) => n.startsWith(`${fleet}.`));
    const shards: Record<string, string[]> = {};
    const hashes: Record<string, string> = {};
    await pool(existing, parallel, async (name) => {
        const outputs = await ws.stackOutputs(name);
        const units = outputs[SHARD_OUTPUTS.units]?.value;
        if (Array.isArray(units)) shards[name] = units.map(String);
        const hash = outputs[SHARD_OUTPUTS.fleetHash]?.value;
        if (typeof hash === "string") hashes[name] = hash;
    });
    return { current: { shards, existing }, hashes };
}

/** Runs `f` over `items` with at most `n` at once. */
async function pool<T>(items: readonly T[], n: number, f: (t: T) => Promise<void>): Promise<void> {
    let next = 0;
    await Promise.all(
        Array.from({ length: Math.min(n, items.length) }, async () => {
            while (next < items.length) await f(items[next++] as T);
        }),
    );
}

const sleep = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
        const t = setTimeout(resolve, ms);
        signal?.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
    });

function isLocked(e: unknown): boolean {
    return e instanceof automation.ConcurrentUpdateError || /the stack is currently locked by/.test(String((e as Error)?.message ?? e));
}

/** The outcome of one stack's operation. */
interface Done {
    outcome: StackOutcome;
    changes: Record<string, number>;
    note?: string;
}

/**
 * Runs one fleet command; resolves to the process exit code (non-zero when any stack failed
 * or was refused, or when it was cancelled).
 *
 * @example
 * ```ts
 * const loaded = await loadFleet("fleet.yaml");
 * const code = await runFleet("up", { declaration: loaded.declaration, dir: loaded.dir, plan: (c) => planFleet(loaded, c), slice: (p, s) => stackSlice(loaded, p, s) }, { parallel: 4 });
 * ```
 */
export async function runFleet(op: FleetOperation, fleet: FleetPlanner, o: RunOptions = {}): Promise<number> {
    const d = fleet.declaration;
    const env = o.env ?? process.env;
    const parallel = o.parallel ?? d.parallel ?? DEFAULT_PARALLEL;
    const project = d.project ?? DEFAULT_PROJECT;
    const workDir = fleetWorkDir(fleet.dir);
    fs.mkdirSync(workDir, { recursive: true });
    // The provider's journal of creates, where recovery (this process) finds it too.
    const journalDir = path.join(workDir, ".pulumi-iblai");
    process.env.IBLAI_CLAW_JOURNAL_DIR = journalDir;
    const backendUrl = env.PULUMI_BACKEND_URL;
    const ws = await automation.LocalWorkspace.create({
        workDir,
        projectSettings: { name: project, runtime: "nodejs", description: `iblai-claw fleet ${d.fleet} (generated by iblai-claw fleet; do not edit)` },
        envVars: { IBLAI_CLAW_JOURNAL_DIR: journalDir, ...backendEngineEnv(backendUrl, env), ...fleetEngineEnv(workDir, env, o.checkpoints ?? false) },
    });

    const secrets = await resolveSecrets(d, ws, env);
    const allSecrets = [secrets.apiToken, ...Object.values(secrets.servers).flatMap((s) => [s.gatewayToken, s.devicePrivateKeyPem])];
    const progress = new Progress(o.out ?? process.stderr, { tty: o.tty, secrets: allSecrets });
    progress.note(`fleet ${d.fleet}: ${op}, backend ${backendUrl ? redactUrl(backendUrl) : "(pulumi login)"}, workDir ${workDir}`);

    const { current, hashes } = await readPlacement(ws, d.fleet, parallel);
    let plan = fleet.plan(current);
    if (o.select) plan = o.select(plan);
    // A unit that changes server across `--shard` parts: neither part may run its destination before a whole run has moved it.
    const blocked = new Set((plan.crossPartMoves ?? []).map((m) => m.to));
    const config = stackConfig(d, secrets.apiToken);
    // The connection reaches every engine's provider through the environment, not stack config:
    // a `config set-all` per stack is one more pulumi process each (about 0.45 s of CPU), and the
    // token is then in no stack file at all.
    Object.assign(ws.envVars, connectionEnv(config));
    const backendDir = fileBackendDir(backendUrl);
    if (backendDir) for (const f of repairEmptyAttrs(backendDir)) progress.note(`removed the empty ${path.basename(f)} a kill left ("failed to load checkpoint: EOF")`);

    const ctx: StackContext = { ws, plan, fleet, config, progress, o, backendDir, hashes, current, secrets, project };
    try {
        if (op === "up") await runMoves(ctx);
        if (op === "destroy") {
            // Shards first, then their server stacks; only stacks that exist.
            const present = plan.stacks.filter((s) => current.existing.includes(s.name));
            const orphans = plan.orphans.map((name) => orphanStack(name, d.fleet));
            await runOrdered(ctx, [...present, ...orphans], "reverse", (s) => destroyStack(ctx, s.name));
        } else {
            await runOrdered(ctx, plan.stacks, "forward", (s) =>
                blocked.has(s.name) && op === "up"
                    ? Promise.resolve<Done>({ outcome: "refused", changes: {}, note: "a unit moves into it from another --shard part: run once without --shard to move it" })
                    : runStack(ctx, op, s),
            );
            if (op === "up" && plan.orphans.length) {
                await runOrdered(
                    ctx,
                    plan.orphans.map((name) => orphanStack(name, d.fleet)),
                    "reverse",
                    (s) => destroyStack(ctx, s.name),
                );
            }
        }
    } finally {
        progress.end();
    }
    if (o.signal?.aborted) return 130;
    return progress.rows.some((r) => r.outcome === "failed" || r.outcome === "refused") ? 1 : 0;
}

interface StackContext {
    ws: LocalWorkspace;
    plan: FleetPlan;
    fleet: FleetPlanner;
    config: ConfigMap;
    progress: Progress;
    o: RunOptions;
    backendDir?: string;
    hashes: Record<string, string>;
    current: CurrentPlacement;
    secrets: Resolved;
    project: string;
}

/** An orphan stack as a planned one: shards (`<fleet>.<server>.<m>`) depend on nothing, servers wait for their shards. */
function orphanStack(name: string, fleet: string): PlannedStack {
    const parts = name.slice(fleet.length + 1).split(".");
    return { name, kind: parts.length > 1 ? "shard" : "server", server: parts[0] ?? name, units: [], desiredHash: "", dependsOn: parts.length > 1 ? [`${fleet}.${parts[0]}`] : [] };
}

/**
 * Runs stacks in dependency order with at most P at once: `forward` runs a stack after
 * what it depends on, `reverse` before it (destroy). A stack whose prerequisite failed is
 * reported failed without running.
 */
async function runOrdered(ctx: StackContext, stacks: PlannedStack[], order: "forward" | "reverse", run: (s: PlannedStack) => Promise<Done>): Promise<void> {
    const names = new Set(stacks.map((s) => s.name));
    const before = new Map<string, string[]>(stacks.map((s) => [s.name, []]));
    for (const s of stacks) {
        for (const dep of s.dependsOn.filter((x) => names.has(x))) {
            if (order === "forward") before.get(s.name)?.push(dep);
            else before.get(dep)?.push(s.name);
        }
    }
    const state = new Map<string, "waiting" | "running" | "ok" | "bad">(stacks.map((s) => [s.name, "waiting"]));
    const parallel = Math.max(1, ctx.o.parallel ?? ctx.fleet.declaration.parallel ?? DEFAULT_PARALLEL);
    await new Promise<void>((resolve) => {
        let running = 0;
        const step = () => {
            for (const s of stacks) {
                if (state.get(s.name) !== "waiting") continue;
                const pre = before.get(s.name) ?? [];
                const failed = pre.find((p) => state.get(p) === "bad");
                if (failed || ctx.o.signal?.aborted) {
                    state.set(s.name, "bad");
                    ctx.progress.finish({ stack: s.name, outcome: "failed", changes: {}, ms: 0, note: ctx.o.signal?.aborted ? "not run: cancelled" : `not run: ${failed} did not finish` });
                    continue;
                }
                if (running >= parallel || pre.some((p) => state.get(p) !== "ok")) continue;
                state.set(s.name, "running");
                running++;
                const t = Date.now();
                run(s)
                    .catch((e: unknown): Done => ({ outcome: "failed", changes: {}, note: firstErrorLine(String((e as Error)?.message ?? e)) }))
                    .then((done) => {
                        running--;
                        state.set(s.name, done.outcome === "failed" || done.outcome === "refused" ? "bad" : "ok");
                        ctx.progress.finish({ stack: s.name, outcome: done.outcome, changes: done.changes, ms: Date.now() - t, note: done.note });
                        step();
                    });
            }
            if (running === 0 && [...state.values()].every((v) => v === "ok" || v === "bad")) resolve();
            else if (running === 0 && !stacks.some((s) => state.get(s.name) === "waiting")) resolve();
        };
        step();
    });
}

/** Runs an engine operation, retrying while the stack is locked when `--wait` was given; a lock otherwise refuses. */
async function withLockWait<T>(ctx: StackContext, stack: string, f: () => Promise<T>): Promise<T> {
    const waitMs = (ctx.o.waitSeconds ?? 0) * 1000;
    const until = Date.now() + waitMs;
    let delay = 1000;
    for (;;) {
        try {
            return await f();
        } catch (e) {
            if (!isLocked(e)) throw e;
            const holder = lockHolderOf(String((e as Error).message));
            if (Date.now() + delay > until || ctx.o.signal?.aborted) throw new StackLockedError(stack, holder, waitMs ? waitMs / 1000 : undefined);
            ctx.progress.phase(stack, `locked (${holder.by ?? "another process"}), waiting`);
            await sleep(delay, ctx.o.signal);
            delay = Math.min(delay * 2, 15000);
        }
    }
}

function outcomeOf(e: unknown): Done {
    if (e instanceof StackLockedError) return { outcome: "refused", changes: {}, note: e.message.split("\n")[0] };
    return { outcome: "failed", changes: {}, note: firstErrorLine(String((e as Error)?.message ?? e)) };
}

/** Finished: the last update succeeded, its fleetHash is the plan's, nothing is pending and no lock is left. */
async function isFinished(ctx: StackContext, stack: Stack, s: PlannedStack): Promise<boolean> {
    if (!ctx.current.existing.includes(s.name) || ctx.hashes[s.name] !== s.desiredHash) return false;
    if (ctx.backendDir && stackLocks(ctx.backendDir, s.name).length) return false;
    const [last] = await stack.history(1);
    // A refresh after the up keeps it finished; a killed up writes no history, so its lock, hash or pending operations tell.
    if (!last || (last.kind !== "update" && last.kind !== "refresh") || last.result !== "succeeded") return false;
    const state = (await stack.exportStack()).deployment as { pending_operations?: unknown[] };
    return pendingOperations(state) === 0;
}

/**
 * The interrupted-up recovery of iblai-claw-recover, through the Automation API: a lock a
 * dead pulumi of this machine left is cancelled (file backend; other backends' locks are
 * refused by the engine and reported), and pending creates are resolved with the
 * provider's proof (its journal), then imported.
 */
async function recover(ctx: StackContext, stack: Stack): Promise<void> {
    if (ctx.backendDir) {
        const locks = stackLocks(ctx.backendDir, stack.name);
        if (locks.length && locks.every((l) => l.stale)) {
            await stack.cancel();
            ctx.progress.phase(stack.name, `removed ${locks.length} lock(s) left by a pulumi that is gone`);
        }
    }
    const deployment = await stack.exportStack();
    const state = { version: deployment.version, deployment: deployment.deployment } as ExportedStack;
    if (!(state.deployment.pending_operations ?? []).some((p) => p.type === "creating")) return;
    const conn = resolveConnection((k) => ctx.config[k]?.value);
    const results = await resolvePendingCreates(state, conn);
    await stack.importStack({ version: state.version, deployment: state.deployment });
    ctx.progress.phase(stack.name, `recovered ${results.length} pending create(s): ${results.filter((r) => r.outcome === "imported").length} found on the service`);
}

async function runStack(ctx: StackContext, op: Exclude<FleetOperation, "destroy">, s: PlannedStack): Promise<Done> {
    const { ws, progress } = ctx;
    const exists = ctx.current.existing.includes(s.name);
    if (op !== "up" && !exists) return { outcome: "skipped", changes: {}, note: "not deployed yet" };
    progress.start(s.name, op === "up" ? "check" : op);
    try {
        const stack = exists ? await automation.Stack.select(s.name, ws) : await automation.Stack.create(s.name, ws);
        if (op === "up" && !ctx.o.all && (await isFinished(ctx, stack, s))) return { outcome: "skipped", changes: {}, note: "finished (last up succeeded with this declaration)" };
        if (op === "up" && exists) await withLockWait(ctx, s.name, () => recover(ctx, stack));
        const program = programOf(ctx, s);
        const onEvent = (e: EngineEvent) => progress.event(s.name, e);
        progress.phase(s.name, op);
        const common = { onEvent, signal: ctx.o.signal, color: "never" as const };
        if (op === "preview") {
            const r = await withLockWait(ctx, s.name, () => stack.preview({ ...common, program }));
            return { outcome: "succeeded", changes: r.changeSummary as Record<string, number> };
        }
        const r = op === "up" ? await withLockWait(ctx, s.name, () => stack.up({ ...common, program })) : await withLockWait(ctx, s.name, () => stack.refresh(common));
        return { outcome: "succeeded", changes: (r.summary.resourceChanges ?? {}) as Record<string, number> };
    } catch (e) {
        return outcomeOf(e);
    }
}

function programOf(ctx: StackContext, s: PlannedStack) {
    const slice = ctx.fleet.slice(ctx.plan, s.name);
    if (s.kind === "server") return serverProgram(slice, ctx.secrets.servers[s.server] ?? {}, ctx.fleet.dir, s.desiredHash);
    const serverStack = s.dependsOn[0] ?? `${ctx.plan.fleet}.${s.server}`;
    return shardProgram(slice, { project: ctx.project, serverStack, units: s.units, dir: ctx.fleet.dir, fleetHash: s.desiredHash });
}

async function destroyStack(ctx: StackContext, name: string): Promise<Done> {
    ctx.progress.start(name, "destroy");
    try {
        const stack = await automation.Stack.select(name, ctx.ws);
        await withLockWait(ctx, name, () => recover(ctx, stack));
        const r = await withLockWait(ctx, name, () => stack.destroy({ onEvent: (e) => ctx.progress.event(name, e), signal: ctx.o.signal, color: "never" }));
        await ctx.ws.removeStack(name);
        return { outcome: "succeeded", changes: (r.summary.resourceChanges ?? {}) as Record<string, number> };
    } catch (e) {
        return outcomeOf(e);
    }
}

/**
 * The plan's moves, before any stack runs: per source/destination pair one `pulumi state
 * move` of the units' components and all their children (the engine has no Automation API
 * method for it, so it runs through the workspace's own command runner). Resource names do
 * not depend on the shard, so the destination's program then finds them unchanged.
 */
async function runMoves(ctx: StackContext): Promise<void> {
    const pairs = new Map<string, { from: string; to: string; units: string[] }>();
    for (const m of ctx.plan.moves) {
        const key = `${m.from}\u0000${m.to}`;
        const p = pairs.get(key) ?? { from: m.from, to: m.to, units: [] };
        p.units.push(m.unit);
        pairs.set(key, p);
    }
    for (const { from, to, units } of pairs.values()) {
        const label = `move ${units.length} unit(s) ${from} → ${to}`;
        ctx.progress.start(`${from}→${to}`, "move");
        const t = Date.now();
        try {
            const source = await automation.Stack.select(from, ctx.ws);
            if (!ctx.current.existing.includes(to)) {
                await automation.Stack.create(to, ctx.ws);
                ctx.current.existing.push(to);
            }
            const exported = (await source.exportStack()).deployment as ExportedStack["deployment"];
            const urns = units.flatMap((u) => unitUrns(exported.resources ?? [], unitComponent(u, unitName)));
            if (urns.length === 0) {
                ctx.progress.finish({ stack: `${from}→${to}`, outcome: "skipped", changes: {}, ms: Date.now() - t, note: `${label}: nothing of them in ${from}'s state` });
                continue;
            }
            await withLockWait(ctx, from, () =>
                (ctx.ws.pulumiCommand as unknown as CommandRunner).run(["state", "move", "--source", from, "--dest", to, ...urns, "--yes"], ctx.ws.workDir, { ...ctx.ws.envVars }, undefined, undefined, ctx.o.signal),
            );
            // The stacks' hashes changed with their units; neither is finished now.
            delete ctx.hashes[from];
            delete ctx.hashes[to];
            ctx.progress.finish({ stack: `${from}→${to}`, outcome: "succeeded", changes: { move: urns.length }, ms: Date.now() - t, note: label });
        } catch (e) {
            const done = outcomeOf(e);
            ctx.progress.finish({ stack: `${from}→${to}`, ...done, ms: Date.now() - t, note: `${label}: ${done.note ?? ""}` });
            throw new FleetRunError("move-failed", `${label} failed, no stack was run: ${done.note ?? ""}`, { hint: "fix the cause and rerun; a move is all or nothing per pair" });
        }
    }
}

/** The Automation API's command runner (`PulumiCommand.run`: non-interactive, its errors typed, ConcurrentUpdateError on a lock); not in its .d.ts. */
interface CommandRunner {
    run(args: string[], cwd: string, env: Record<string, string>, onOutput?: (s: string) => void, onError?: (s: string) => void, signal?: AbortSignal): Promise<unknown>;
}

/** `mentor:<uuid or name>` → its ClawAgent's name; `set:<server>/<name>` → its AgentSet's name. */
function unitName(unit: string): string {
    const rest = unit.slice(unit.indexOf(":") + 1);
    return unit.startsWith("set:") ? rest.slice(rest.indexOf("/") + 1) : rest;
}

export type { ExportedSkill };

/**
 * What the engines of a fleet need from the environment for its backend. On PostgreSQL the
 * pinned engine's `stack ls` reads checkpoints with `PULUMI_DIY_BACKEND_PARALLEL` workers
 * (default 10), each holding two connections of a pool of 2 × GOMAXPROCS: with 4 or more
 * stacks on 2 cores it waits for a connection forever (docs/fleet.md). One worker per CPU
 * (at most 10) keeps it within the pool; a value the user set wins.
 *
 * @example
 * ```ts
 * backendEngineEnv("postgres://claw@db:5432/pulumi", {}); // { PULUMI_DIY_BACKEND_PARALLEL: "2" } on 2 CPUs
 * ```
 */
export function backendEngineEnv(backendUrl: string | undefined, env: NodeJS.ProcessEnv, cpus = os.availableParallelism()): Record<string, string> {
    if (!backendUrl?.startsWith("postgres://") && !backendUrl?.startsWith("postgresql://")) return {};
    if (env.PULUMI_DIY_BACKEND_PARALLEL) return {};
    const goMaxProcs = Number(env.GOMAXPROCS) > 0 ? Number(env.GOMAXPROCS) : cpus;
    return { PULUMI_DIY_BACKEND_PARALLEL: String(Math.max(1, Math.min(10, goMaxProcs))) };
}

/**
 * What every engine of a fleet runs with, unless the user's environment says otherwise:
 *
 * - `PULUMI_SKIP_CHECKPOINTS=true` (unless `checkpoints`): the file and PostgreSQL backends
 *   write the whole stack again after every step (O(N²) bytes per update, pulumi/pulumi#10960);
 *   a fleet's engines then spend most of their CPU on it. Without them a killed `up` leaves
 *   the state of before the update, and what that update had made is found again by the
 *   provider's journal of creates (provider/engine/journal.ts: a create of the same URN
 *   adopts the object it made instead of posting a second one), so the re-run converges
 *   with no duplicate (test/e2e/fleet.test.ts kills an `up` and re-runs it).
 * - `NODE_COMPILE_CACHE` in the workDir: each stack starts a provider host that loads
 *   `@pulumi/pulumi` and this package again; Node's on-disk compile cache saves most of that.
 *
 * @example
 * ```ts
 * fleetEngineEnv("/fleet/.iblai-fleet", {}, false); // { PULUMI_SKIP_CHECKPOINTS: "true", NODE_COMPILE_CACHE: "/fleet/.iblai-fleet/.cache/node" }
 * ```
 */
export function fleetEngineEnv(workDir: string, env: NodeJS.ProcessEnv, checkpoints: boolean): Record<string, string> {
    const out: Record<string, string> = {};
    if (!checkpoints && env.PULUMI_SKIP_CHECKPOINTS === undefined) out.PULUMI_SKIP_CHECKPOINTS = "true";
    if (env.NODE_COMPILE_CACHE === undefined && env.NODE_DISABLE_COMPILE_CACHE === undefined) out.NODE_COMPILE_CACHE = path.join(workDir, ".cache", "node");
    return out;
}
