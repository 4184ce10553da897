/**
 * The integration guide's workflow three ways, in one process tree and one run, against
 * one emulator (on loopback, adding --latency ms to every API request):
 *
 *   (a) curl: the guide's calls as real `curl` processes, one after another;
 *   (b) ours: the same objects as a pulumi-iblai-claw program with the real `pulumi` CLI
 *       (file backend): `up`, a no-op `preview`, a no-op `up`, then `destroy`;
 *   (c) floor: the same graph of do-nothing dynamic resources (no API): the engine alone.
 *
 * (b) and (c) run command by command in turn (ours up, floor up, ours preview, ...) so that
 * load from elsewhere on the machine hits both alike. Prints a table, writes the results as
 * JSON into --out and redraws the chart (SVG) from every result there. Every phase is
 * killed after --timeout seconds; the emulator is stopped at the end.
 *
 *   npm run bench:workflow -- --mentors 10 --latency 150 [--mode ts|ts-nocheck|layout|js]
 *       [--only curl,ours,floor] [--set iblai:pushPollIntervalMs=100] [--skip-checkpoints]
 *       [--repeat 3] [--parallel P] [--label L] [--out docs/perf] [--timeout 1200] [--chart-only]
 *       [--skip-destroy] [--up-yes]
 *
 * --up-yes makes the first `up` the whole `pulumi up --yes` a user runs (program start and
 * its preview included) instead of `up --skip-preview`; with --repeat R it runs R times
 * (an untimed destroy between) and so does curl, each keeping its median. For every phase
 * the table shows the time from spawning `pulumi` to the service's first API request.
 *
 * --skip-destroy measures up, preview and no-op up only (state size still read), then
 * drops the stacks with `pulumi stack rm --force`: at N = 1000 a checkpointed destroy
 * costs as long as the up, and the emulator is thrown away anyway.
 */
import { type ChildProcess, execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs, promisify } from "node:util";
import { renderChart } from "./lib/chart";
import { curlWorkflow } from "./lib/curl";
import { emulatorAdmin, gitCommit } from "./lib/meta";
import { startEmulatorCli } from "./lib/emulator";
import { type ProgramKind, type ProgramMode, SKILLS, resourceCount, writeProject } from "./lib/programs";
import { TreeSampler, childCpuSeconds } from "./lib/proc";
import { type PulumiTiming, runPulumi } from "./lib/pulumiRun";
import { type PhaseResult, type RequestCounts, type WorkflowResult, median, phaseOf, requestKinds } from "./lib/result";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");
const ORG = "bench";
const TOKEN = "bench-api-token-5b7c";
const STACK = "bench";

/** Starts the installed package's emulator CLI (as a user runs it), on loopback. */
async function startEmulator(latencyMs: number): Promise<{ child: ChildProcess; url: string }> {
    const cli = path.join(ROOT, "node_modules/pulumi-iblai-claw/dist/emulator/cli.js");
    if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run scripts/setup.sh (or npm run build && bash scripts/install-self.sh)`);
    return startEmulatorCli([cli, "--port", "0", "--host", "127.0.0.1", "--org", ORG, "--token", TOKEN, "--latency", String(latencyMs)]);
}

const admin = emulatorAdmin;

/** A request's kind: push, push-wait (reads of push outcomes), create, update, delete, get, list. */
export function kindOf(key: string): string {
    const [method, route = ""] = key.split(" ");
    if (/push-(config|providers)\/$/.test(route)) return "push";
    if (method === "GET" && (route === "claw/mentor-configs/{id}/" || route === "claw/model-providers/")) return "push-wait";
    if (method === "POST") return "create";
    if (method === "PATCH" || method === "PUT") return "update";
    if (method === "DELETE") return "delete";
    return route.endsWith("{id}/") ? "get" : "list";
}

async function requests(url: string): Promise<RequestCounts> {
    const r = (await admin(url, "GET", "requests")) as { total: number; counts: Record<string, number>; firstAt?: string };
    const byKind: Record<string, number> = {};
    for (const [k, n] of Object.entries(r.counts)) byKind[kindOf(k)] = (byKind[kindOf(k)] ?? 0) + n;
    return { total: r.total, byKind, raw: r.counts, firstAt: r.firstAt };
}

const fmt = (v: number | undefined, d = 1) => (v === undefined ? "–" : v.toFixed(d));
const loadNow = () => os.loadavg()[0]!.toFixed(1);

function printTable(res: WorkflowResult): void {
    const rows: string[][] = [["run", "wall s", "1st req s", "start s", "engine s", "cpu s", "peak MB", "ckpt MB", "requests"]];
    if (res.curl) {
        const c = res.curl;
        const n = c.samplesS ? ` (median of ${c.samplesS.length})` : "";
        rows.push([`curl workflow${n}`, fmt(c.wallS), "–", "–", "–", fmt(c.cpuS), fmt(c.peakRssMB, 0), "–", `${c.requests.total} (${requestKinds(c.requests)})`]);
    }
    for (const p of res.phases) {
        const t = p.timing;
        rows.push([
            `${p.program} ${p.command}${p.samples ? ` (median of ${p.samples.length})` : ""}`,
            fmt(t.wallS),
            fmt(t.firstRequestS),
            fmt(t.programStartS),
            fmt(t.engineS),
            fmt(t.cpuS),
            fmt(t.peakRssMB, 0),
            fmt(t.cliWrittenMB),
            `${p.requests.total}${p.requests.total ? ` (${requestKinds(p.requests)})` : ""}`,
        ]);
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) console.log(r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
    for (const [kind, s] of Object.entries(res.state)) console.log(`state (${kind}): ${s.bytes} bytes for ${s.resources} resources = ${s.bytesPerResource.toFixed(0)} bytes/resource`);
    const wall = (program: ProgramKind, command: PhaseResult["command"]) => phaseOf(res, program, command)?.timing.wallS;
    const cpu = (program: ProgramKind, command: PhaseResult["command"]) => phaseOf(res, program, command)?.timing.cpuS;
    const ratio = (a?: number, b?: number) => (a && b ? (a / b).toFixed(2) : "–");
    const firstUp = phaseOf(res, "ours", "up --yes") ? "up --yes" : "up";
    // On a loaded machine wall time follows the load; CPU time is what the run itself cost.
    console.log(
        `ratios (cpu):  ${firstUp}/floor ${ratio(cpu("ours", firstUp), cpu("floor", firstUp))}, ` +
            `preview/floor ${ratio(cpu("ours", "preview (no-op)"), cpu("floor", "preview (no-op)"))}, ` +
            `no-op up/floor ${ratio(cpu("ours", "up (no-op)"), cpu("floor", "up (no-op)"))}`,
    );
    console.log(
        `ratios (wall): ${firstUp}/floor ${ratio(wall("ours", firstUp), wall("floor", firstUp))} (target ≤ 1.1), ` +
            `preview/floor ${ratio(wall("ours", "preview (no-op)"), wall("floor", "preview (no-op)"))} (≤ 1.2), ` +
            `no-op up/floor ${ratio(wall("ours", "up (no-op)"), wall("floor", "up (no-op)"))} (≤ 1.2), ` +
            `curl/${firstUp} ${ratio(res.curl?.wallS, wall("ours", firstUp))} (≥ 3)`,
    );
}

async function main(): Promise<void> {
    const { values: v } = parseArgs({
        options: {
            mentors: { type: "string", default: "5" },
            latency: { type: "string", default: "150" },
            mode: { type: "string", default: "ts" },
            only: { type: "string", default: "curl,ours,floor" },
            set: { type: "string", multiple: true, default: [] },
            "skip-checkpoints": { type: "boolean", default: false },
            parallel: { type: "string" },
            out: { type: "string", default: "docs/perf" },
            timeout: { type: "string", default: "1200" },
            "chart-only": { type: "boolean", default: false },
            label: { type: "string" },
            repeat: { type: "string", default: "1" },
            "skip-destroy": { type: "boolean", default: false },
            "up-yes": { type: "boolean", default: false },
        },
    });
    const outDir = path.resolve(ROOT, v.out);
    fs.mkdirSync(outDir, { recursive: true });
    const redraw = async () => {
        const all = fs
            .readdirSync(outDir)
            .filter((f) => /^workflow-.*\.json$/.test(f))
            .sort()
            .map((f) => JSON.parse(fs.readFileSync(path.join(outDir, f), "utf8")) as WorkflowResult);
        if (all.length) fs.writeFileSync(path.join(outDir, "workflow.svg"), await renderChart(all));
        console.log(`chart: ${path.relative(ROOT, path.join(outDir, "workflow.svg"))} (${all.length} runs)`);
    };
    if (v["chart-only"]) return redraw();

    const mentors = Number(v.mentors);
    const latencyMs = Number(v.latency);
    const mode = v.mode as ProgramMode;
    if (!["ts", "ts-nocheck", "layout", "js"].includes(mode)) throw new Error(`--mode must be ts, ts-nocheck, layout or js, not ${mode}`);
    const only = new Set(v.only.split(","));
    const timeoutMs = Number(v.timeout) * 1000;
    const repeat = Math.max(1, Number(v.repeat));
    const settings: Record<string, string> = Object.fromEntries(v.set.map((s) => s.split("=", 2) as [string, string]));
    const upYes = v["up-yes"];
    const variant = v.label ?? ([upYes ? "up-yes" : "", v["skip-checkpoints"] ? "skip-checkpoints" : "", mode !== "ts" ? mode : "", v.parallel ? `--parallel ${v.parallel}` : "", ...v.set].filter(Boolean).join(" ") || undefined);
    const pulumiVersion = (await run("pulumi", ["version"])).stdout.trim();
    console.log(`workflow benchmark: N=${mentors} mentors (${resourceCount(mentors)} resources), latency ${latencyMs} ms, mode ${mode}, ` + `pulumi ${pulumiVersion}, node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);

    const emu = await startEmulator(latencyMs);
    const work = path.join(ROOT, ".bench");
    const result: WorkflowResult = {
        at: new Date().toISOString(),
        mentors,
        latencyMs,
        variant,
        mode,
        backend: "file (diy) backend on local ext4, default checkpoint settings" + (v["skip-checkpoints"] ? " + PULUMI_SKIP_CHECKPOINTS=true" : ""),
        machine: { cpus: os.cpus().length, node: process.version, pulumi: pulumiVersion, loadavgAtStart: os.loadavg() },
        commit: gitCommit(),
        resources: resourceCount(mentors),
        apiObjects: 2 + 2 * SKILLS + 4 * mentors,
        settings,
        phases: [],
        state: {},
    };
    try {
        if (only.has("curl")) {
            // With --up-yes the whole-command comparison is the point: curl gets as many samples.
            const runs: NonNullable<WorkflowResult["curl"]>[] = [];
            for (let i = 0; i < (upYes ? repeat : 1); i++) {
                await admin(emu.url, "POST", "reset");
                const cpu0 = childCpuSeconds();
                const sampler = new TreeSampler(process.pid, undefined, "curl", 20).start();
                const t0 = performance.now();
                const calls = await curlWorkflow({ url: emu.url, org: ORG, token: TOKEN }, mentors);
                const wallS = (performance.now() - t0) / 1000;
                const tree = sampler.stop();
                runs.push({ wallS, calls, cpuS: childCpuSeconds() - cpu0, peakRssMB: tree.peakRssBytes / 2 ** 20, requests: await requests(emu.url) });
                console.log(`curl workflow${i ? ` #${i + 1}` : ""}: ${calls} calls in ${wallS.toFixed(1)} s (load ${loadNow()})`);
            }
            result.curl = { ...median(runs, (r) => r.wallS), ...(runs.length > 1 ? { samplesS: runs.map((r) => r.wallS) } : {}) };
        }
        const programs = (["ours", "floor"] as const).filter((k) => only.has(k));
        const backend = path.join(work, "state");
        fs.rmSync(backend, { recursive: true, force: true });
        fs.mkdirSync(backend, { recursive: true });
        const env: NodeJS.ProcessEnv = {
            ...process.env,
            PULUMI_BACKEND_URL: `file://${backend}`,
            PULUMI_CONFIG_PASSPHRASE: "bench",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            NO_COLOR: "1",
            IBLAI_API_TOKEN: TOKEN,
            ...(v["skip-checkpoints"] ? { PULUMI_SKIP_CHECKPOINTS: "true" } : {}),
        };
        // Pulumi's defaults: setup's env file turns off the end-of-update backup copy for tests.
        delete env.PULUMI_DIY_BACKEND_DISABLE_CHECKPOINT_BACKUPS;
        delete env.IBLAI_BASE_URL;
        delete env.IBLAI_ORG;
        const dirs: Record<string, string> = {};
        for (const kind of programs) {
            const dir = path.join(work, kind);
            writeProject(dir, kind, mentors, mode, (d) => void execFileSyncTsc(d));
            await run("pulumi", ["stack", "init", STACK, "--non-interactive"], { cwd: dir, env });
            const config = { "iblai:baseUrl": emu.url, "iblai:org": ORG, ...settings };
            fs.appendFileSync(path.join(dir, `Pulumi.${STACK}.yaml`), `config:\n${Object.entries(config).map(([k, val]) => `  ${k}: ${JSON.stringify(val)}\n`).join("")}`);
            dirs[kind] = dir;
        }
        await admin(emu.url, "POST", "reset");
        const extra = v.parallel ? ["--parallel", v.parallel] : [];
        /** One timed command of one program, with the requests it sent and its time to the first. */
        const timed = async (kind: ProgramKind, command: PhaseResult["command"], args: string[]): Promise<PhaseResult> => {
            await admin(emu.url, "POST", "reset-requests");
            const timing: PulumiTiming = await runPulumi([...args, "-s", STACK], { cwd: dirs[kind] as string, env, timeoutMs, log: console.log });
            const reqs = await requests(emu.url);
            if (reqs.firstAt) timing.firstRequestS = (Date.parse(reqs.firstAt) - timing.startedAtMs) / 1000;
            return { program: kind, command, timing, requests: reqs };
        };
        const commands: Array<[PhaseResult["command"], string[]]> = [
            upYes ? ["up --yes", ["up", "--yes", ...extra]] : ["up", ["up", "--yes", "--skip-preview", ...extra]],
            ["preview (no-op)", ["preview", "--expect-no-changes", ...extra]],
            ["up (no-op)", ["up", "--yes", "--skip-preview", ...extra]],
            ["destroy", ["destroy", "--yes", "--skip-preview", ...extra]],
        ];
        for (const [command, args] of commands) {
            for (const kind of programs) {
                if (command === "destroy") {
                    const state = (await run("pulumi", ["stack", "export", "-s", STACK], { cwd: dirs[kind], env, maxBuffer: 512 * 2 ** 20 })).stdout;
                    fs.writeFileSync(path.join(work, `${kind}-state.json`), state); // for a look, not for git
                    const n = (JSON.parse(state) as { deployment: { resources?: unknown[] } }).deployment.resources?.length ?? 0;
                    result.state[kind] = { bytes: Buffer.byteLength(state), resources: n, bytesPerResource: Buffer.byteLength(state) / Math.max(1, n) };
                    if (v["skip-destroy"]) continue;
                }
                const phase = await timed(kind, command, args);
                result.phases.push(phase);
                console.log(`${kind} ${command}: ${phase.timing.wallS.toFixed(1)} s (first request ${fmt(phase.timing.firstRequestS)} s, start ${fmt(phase.timing.programStartS)} s, engine ${fmt(phase.timing.engineS)} s), ${phase.requests.total} requests (load ${loadNow()})`);
            }
            // A first `up --yes` can only run again from nothing: destroy (untimed) between samples.
            if (command === "up --yes") {
                for (let i = 1; i < repeat; i++) {
                    for (const kind of programs) {
                        await runPulumi(["destroy", "--yes", "--skip-preview", "-s", STACK], { cwd: dirs[kind] as string, env, timeoutMs });
                        await admin(emu.url, "POST", "reset");
                        const again = await timed(kind, command, args);
                        const phase = phaseOf(result, kind, command) as PhaseResult;
                        phase.samples = [...(phase.samples ?? [phase.timing]), again.timing];
                        console.log(`${kind} ${command} #${i + 1}: ${again.timing.wallS.toFixed(1)} s (first request ${fmt(again.timing.firstRequestS)} s) (load ${loadNow()})`);
                    }
                }
                for (const phase of result.phases.filter((p) => p.command === command && p.samples)) phase.timing = median(phase.samples as PulumiTiming[], (t) => t.wallS);
            }
            // The no-op commands change nothing, so they can run again: --repeat more samples,
            // in turn, and the phase keeps the one of median wall time (all are in `samples`).
            if (command === "preview (no-op)" || command === "up (no-op)") {
                for (let i = 1; i < repeat; i++) {
                    for (const kind of programs) {
                        const timing = await runPulumi([...args, "-s", STACK], { cwd: dirs[kind] as string, env, timeoutMs, log: console.log });
                        const phase = result.phases.find((p) => p.program === kind && p.command === command) as PhaseResult;
                        phase.samples = [...(phase.samples ?? [phase.timing]), timing];
                        console.log(`${kind} ${command} #${i + 1}: ${timing.wallS.toFixed(1)} s`);
                    }
                }
                for (const phase of result.phases.filter((p) => p.command === command && p.samples)) phase.timing = median(phase.samples as PulumiTiming[], (t) => t.wallS);
            }
        }
        for (const kind of programs) await run("pulumi", ["stack", "rm", STACK, "--yes", "--force", "--non-interactive"], { cwd: dirs[kind], env });
    } finally {
        emu.child.kill("SIGTERM");
    }
    console.log("");
    printTable(result);
    const name = `workflow-n${mentors}-l${latencyMs}${variant ? `-${variant.replace(/[^\w.-]+/g, "_")}` : ""}.json`;
    fs.writeFileSync(path.join(outDir, name), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`results: ${path.relative(ROOT, path.join(outDir, name))}`);
    await redraw();
}

/** Compiles a `js`-mode program with the repo's TypeScript (outside every timing). */
function execFileSyncTsc(dir: string): void {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", dir], { stdio: "inherit" });
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
