/**
 * The fleet benchmark (issue 22): N mentors over S servers, the guide's workflow by curl
 * against `iblai-claw fleet up` as a user runs it (the whole command: start, planning,
 * every stack), against one emulator adding --latency ms to every API request.
 *
 *   (a) curl: bench/lib/curl.ts's workflow once per server, one call after another (the same
 *       objects per server and mentor as bench/workflow.ts);
 *   (b) fleet up: the installed package's `iblai-claw fleet up -f fleet.yaml --yes`;
 *   (c) fleet preview: a no-op `iblai-claw fleet preview` of the same fleet;
 *   (d) fleet destroy, unless --skip-destroy.
 *
 * Prints a table (wall, time to the first API request, CPU of the children, peak memory
 * of the process tree, bytes the `pulumi` processes wrote, requests), writes the result as
 * JSON into --out (fleet-n<N>-s<S>-k<K>-p<P>.json) and the backend's size.
 *
 *   npx ts-node --transpile-only bench/fleet.ts --mentors 200 --servers 10 --latency 150 \
 *       [--shard-size K (default: the fleet's)] [--parallel 4] [--only curl,up,preview,destroy] [--skip-destroy] \
 *       [--backend postgres://user@127.0.0.1:5432/db?sslmode=disable] [--out docs/perf] [--timeout 1800]
 *       [--chart-only]
 *
 * With --backend the stacks live there (PGPASSWORD from the environment); default: a
 * file backend in .bench/fleet-state.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { type FleetChartRun, renderFleetChart } from "./lib/chart";
import { curlWorkflow } from "./lib/curl";
import { emulatorAdmin, gitCommit } from "./lib/meta";
import { startEmulatorCli } from "./lib/emulator";
import { SKILLS, mentorId } from "./lib/programs";
import { TreeSampler, childCpuSeconds } from "./lib/proc";
import { type RequestCounts, requestKinds } from "./lib/result";
import { DEFAULT_SHARD_SIZE } from "../fleet/types";

const ROOT = path.resolve(__dirname, "..");
const ORG = "bench";
const TOKEN = "bench-api-token-5b7c";
const INSTALLED = path.join(ROOT, "node_modules/pulumi-iblai-claw/dist");

const admin = emulatorAdmin;

async function requests(url: string): Promise<RequestCounts> {
    const r = (await admin(url, "GET", "requests")) as { total: number; counts: Record<string, number> };
    const byKind: Record<string, number> = {};
    for (const [k, n] of Object.entries(r.counts)) {
        const [method, route = ""] = k.split(" ");
        const kind = /push-(config|providers)\/$/.test(route) ? "push" : method === "POST" ? "create" : method === "PATCH" || method === "PUT" ? "update" : method === "DELETE" ? "delete" : "read";
        byKind[kind] = (byKind[kind] ?? 0) + n;
    }
    return { total: r.total, byKind, raw: r.counts };
}

/** The servers' names and each one's mentors: N mentors dealt in blocks, as the curl run sets them up. */
function layout(mentors: number, servers: number): { name: string; first: number; count: number }[] {
    const per = Math.floor(mentors / servers);
    return Array.from({ length: servers }, (_, s) => ({
        name: `srv-${String(s).padStart(2, "0")}`,
        first: s * per + Math.min(s, mentors % servers),
        count: per + (s < mentors % servers ? 1 : 0),
    }));
}

/** The fleet declaration of the same objects as the curl run (bench/lib/curl.ts). */
export function fleetDeclaration(mentors: number, servers: number, shardSize: number, parallel: number): Record<string, unknown> {
    return {
        fleet: "bench",
        shardSize,
        parallel,
        servers: layout(mentors, servers).map((srv) => ({
            name: srv.name,
            serverUrl: `https://claw.${srv.name}.example`,
            // As the curl workflow: register the server, no connectivity test (it is not reachable from here).
            verifyConnectivity: false,
            modelProviders: {
                openrouter: {
                    baseUrl: "https://openrouter.ai/api/v1",
                    apiType: "openai-completions",
                    credentialName: "openrouter",
                    modelCatalog: [{ id: "anthropic/claude-sonnet-4-6", name: "Claude Sonnet" }],
                },
            },
            skills: Array.from({ length: SKILLS }, (_, s) => ({
                slug: `${srv.name}-skill-${s}`,
                name: `Skill ${s}`,
                description: "A benchmark skill",
                instruction: `Run scripts/run-${s}.sh.`,
                metadata: { openclaw: { requires: { bins: ["curl"] } } },
                files: [{ fileType: "script", filename: `run-${s}.sh`, content: `#!/bin/sh\necho skill ${s}\n` }],
            })),
            mentors: Array.from({ length: srv.count }, (_, k) => {
                const i = srv.first + k;
                return {
                    mentor: mentorId(i),
                    identity: `# Mentor ${i}\nA patient tutor.`,
                    model: "anthropic/claude-sonnet-4-6",
                    config: { agents: { defaults: { heartbeat: { every: "30m" } } } },
                    skills: [0, 1].map((d) => `${srv.name}-skill-${(i + d) % SKILLS}`),
                };
            }),
        })),
    };
}

interface FleetPhase {
    command: string;
    exitCode: number | null;
    wallS: number;
    firstRequestS?: number;
    cpuS: number;
    peakRssMB: number;
    peakProcesses: number;
    pulumiWrittenMB: number;
    requests: RequestCounts;
}

/** Runs one `iblai-claw fleet <command>`, sampling its tree and the emulator's first request. */
async function runFleet(command: string, args: string[], o: { cwd: string; env: NodeJS.ProcessEnv; url: string; timeoutMs: number; log: string }): Promise<FleetPhase> {
    await admin(o.url, "POST", "reset-requests");
    const cpu0 = childCpuSeconds();
    const t0 = performance.now();
    const child: ChildProcess = spawn(process.execPath, [path.join(INSTALLED, "generate/cli.js"), "fleet", command, ...args], { cwd: o.cwd, env: o.env, stdio: ["ignore", "pipe", "pipe"] });
    const logStream = fs.createWriteStream(o.log);
    child.stdout?.pipe(logStream);
    child.stderr?.pipe(logStream);
    const sampler = new TreeSampler(child.pid as number, "pulumi", undefined, 200).start();
    let firstRequestS: number | undefined;
    const poll = setInterval(() => {
        if (firstRequestS !== undefined) return;
        void requests(o.url).then((r) => {
            if (r.total > 0 && firstRequestS === undefined) firstRequestS = (performance.now() - t0) / 1000;
        });
    }, 100);
    const timer = setTimeout(() => child.kill("SIGTERM"), o.timeoutMs);
    const exitCode = await new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    clearTimeout(timer);
    clearInterval(poll);
    const wallS = (performance.now() - t0) / 1000;
    const tree = sampler.stop();
    return {
        command,
        exitCode,
        wallS,
        firstRequestS,
        cpuS: childCpuSeconds() - cpu0,
        peakRssMB: tree.peakRssBytes / 2 ** 20,
        peakProcesses: tree.peakProcesses,
        pulumiWrittenMB: tree.writerBytes / 2 ** 20,
        requests: await requests(o.url),
    };
}

function dirBytes(dir: string): number {
    let n = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        n += e.isDirectory() ? dirBytes(p) : fs.statSync(p).size;
    }
    return n;
}

const fmt = (v: number | undefined, d = 1) => (v === undefined ? "–" : v.toFixed(d));

async function main(): Promise<void> {
    const { values: v } = parseArgs({
        options: {
            mentors: { type: "string", default: "200" },
            servers: { type: "string", default: "10" },
            latency: { type: "string", default: "150" },
            "shard-size": { type: "string", default: String(DEFAULT_SHARD_SIZE) },
            parallel: { type: "string", default: "4" },
            only: { type: "string", default: "curl,up,preview,destroy" },
            "skip-destroy": { type: "boolean", default: false },
            backend: { type: "string" },
            out: { type: "string", default: "docs/perf" },
            timeout: { type: "string", default: "1800" },
            "chart-only": { type: "boolean", default: false },
        },
    });
    const outDir = path.resolve(ROOT, v.out);
    if (v["chart-only"]) return drawChart(outDir);
    const mentors = Number(v.mentors);
    const servers = Number(v.servers);
    const shardSize = Number(v["shard-size"]);
    const parallel = Number(v.parallel);
    const only = new Set(v.only.split(","));
    if (v["skip-destroy"]) only.delete("destroy");
    const timeoutMs = Number(v.timeout) * 1000;
    if (!fs.existsSync(path.join(INSTALLED, "generate/cli.js"))) throw new Error(`${INSTALLED} is missing: run npm run build && bash scripts/install-self.sh`);
    const pulumiVersion = execFileSync("pulumi", ["version"], { encoding: "utf8" }).trim();
    console.log(
        `fleet benchmark: N=${mentors} mentors over ${servers} servers, shard size ${shardSize}, parallel ${parallel}, latency ${v.latency} ms, ` +
            `pulumi ${pulumiVersion}, node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`,
    );

    const cli = path.join(INSTALLED, "emulator/cli.js");
    const emu = await startEmulatorCli([cli, "--port", "0", "--host", "127.0.0.1", "--org", ORG, "--token", TOKEN, "--latency", String(v.latency)]);
    const work = path.join(ROOT, ".bench/fleet");
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work, { recursive: true });
    const stateDir = path.join(ROOT, ".bench/fleet-state");
    fs.rmSync(stateDir, { recursive: true, force: true });
    fs.mkdirSync(stateDir, { recursive: true });
    const result: Record<string, unknown> & { phases: FleetPhase[] } = {
        at: new Date().toISOString(),
        mentors,
        servers,
        shardSize,
        parallel,
        latencyMs: Number(v.latency),
        backend: v.backend ? "postgres" : "file",
        machine: { cpus: os.cpus().length, node: process.version, pulumi: pulumiVersion, loadavgAtStart: os.loadavg() },
        commit: gitCommit(),
        phases: [],
    };
    try {
        if (only.has("curl")) {
            await admin(emu.url, "POST", "reset");
            const cpu0 = childCpuSeconds();
            const sampler = new TreeSampler(process.pid, undefined, "curl", 20).start();
            const t0 = performance.now();
            let calls = 0;
            for (const srv of layout(mentors, servers)) {
                calls += await curlWorkflow({ url: emu.url, org: ORG, token: TOKEN }, srv.count, undefined, { name: srv.name, skillPrefix: `${srv.name}-skill`, firstMentor: srv.first });
            }
            const wallS = (performance.now() - t0) / 1000;
            const tree = sampler.stop();
            result.curl = { wallS, calls, cpuS: childCpuSeconds() - cpu0, peakRssMB: tree.peakRssBytes / 2 ** 20, requests: await requests(emu.url) };
            console.log(`curl workflow: ${calls} calls in ${wallS.toFixed(1)} s`);
            await admin(emu.url, "POST", "reset");
        }
        const declFile = path.join(work, "fleet.yaml");
        fs.writeFileSync(declFile, stringify(fleetDeclaration(mentors, servers, shardSize, parallel)));
        const env: NodeJS.ProcessEnv = {
            ...process.env,
            PULUMI_BACKEND_URL: v.backend ?? `file://${stateDir}`,
            PULUMI_CONFIG_PASSPHRASE: "bench",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            NO_COLOR: "1",
            IBLAI_BASE_URL: emu.url,
            IBLAI_ORG: ORG,
            IBLAI_API_TOKEN: TOKEN,
        };
        // Pulumi's defaults, as a user has them (setup's env file turns the backups off for tests).
        delete env.PULUMI_DIY_BACKEND_DISABLE_CHECKPOINT_BACKUPS;
        const phases: Array<[string, string[]]> = [
            ["up", ["up", "-f", declFile, "--yes"]],
            ["preview", ["preview", "-f", declFile]],
            ["destroy", ["destroy", "-f", declFile, "--yes"]],
        ];
        for (const [name, args] of phases) {
            if (!only.has(name)) continue;
            const phase = await runFleet(name, args.slice(1), { cwd: work, env, url: emu.url, timeoutMs, log: path.join(work, `${name}.log`) });
            result.phases.push(phase);
            console.log(`fleet ${name}: exit ${phase.exitCode}, ${phase.wallS.toFixed(1)} s (first request ${fmt(phase.firstRequestS)} s), ${phase.requests.total} requests (log: ${path.relative(ROOT, path.join(work, `${name}.log`))})`);
            if (name === "up" && !v.backend) result.backendBytesAfterUp = dirBytes(stateDir);
        }
    } finally {
        emu.child.kill("SIGTERM");
    }
    console.log("");
    const rows: string[][] = [["run", "exit", "wall s", "1st req s", "cpu s", "peak MB", "procs", "pulumi wrote MB", "requests"]];
    const curl = result.curl as { wallS: number; cpuS: number; peakRssMB: number; requests: RequestCounts } | undefined;
    if (curl) rows.push(["curl workflow", "0", fmt(curl.wallS), "–", fmt(curl.cpuS), fmt(curl.peakRssMB, 0), "–", "–", `${curl.requests.total} (${requestKinds(curl.requests)})`]);
    for (const p of result.phases) {
        rows.push([`fleet ${p.command}`, String(p.exitCode), fmt(p.wallS), fmt(p.firstRequestS), fmt(p.cpuS), fmt(p.peakRssMB, 0), String(p.peakProcesses), fmt(p.pulumiWrittenMB), `${p.requests.total} (${requestKinds(p.requests)})`]);
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows) console.log(r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
    if (typeof result.backendBytesAfterUp === "number") console.log(`file backend after up: ${(result.backendBytesAfterUp / 2 ** 20).toFixed(1)} MB`);
    const up = result.phases.find((p) => p.command === "up");
    if (curl && up) console.log(`curl/fleet up: ${(curl.wallS / up.wallS).toFixed(2)}× (target ≥ 3)`);
    fs.mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `fleet-n${mentors}-s${servers}-k${shardSize}-p${parallel}${v.backend ? "-postgres" : ""}.json`);
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`results: ${path.relative(ROOT, file)}`);
    await drawChart(outDir);
    if (result.phases.some((p) => p.exitCode !== 0)) process.exitCode = 1;
}

/** Draws fleet.svg from every fleet result in `outDir` (per N, its latest run). */
async function drawChart(outDir: string): Promise<void> {
    const runs = fs
        .readdirSync(outDir)
        .filter((f) => /^fleet-n\d+-.*\.json$/.test(f) && !f.includes("postgres"))
        .map((f) => JSON.parse(fs.readFileSync(path.join(outDir, f), "utf8")) as FleetChartRun & { at: string });
    const latest = new Map<number, FleetChartRun & { at: string }>();
    for (const r of runs) if ((latest.get(r.mentors)?.at ?? "") < r.at) latest.set(r.mentors, r);
    fs.writeFileSync(path.join(outDir, "fleet.svg"), await renderFleetChart([...latest.values()]));
    console.log(`chart: ${path.relative(ROOT, path.join(outDir, "fleet.svg"))} (${latest.size} runs)`);
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
