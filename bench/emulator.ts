/**
 * Benchmark of the emulator over loopback: a mixed read/write load of small requests
 * (70 % reads, 30 % writes) from N concurrent keep-alive connections, against the real
 * CLI in a child process, in memory and with --data (durable writes). Prints requests/s
 * and latency percentiles. A script that prints figures, never a timed test assertion.
 *
 *   npx ts-node bench/emulator.ts [--duration 10] [--connections 32] [--mode both|memory|data]
 */
import type { ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { Pool } from "undici";
import { startEmulatorCli } from "./lib/emulator";

const ROOT = path.resolve(__dirname, "..");
const ORG = "bench";
const TOKEN = "bench-token";

interface Sample {
    op: string;
    ms: number;
    status: number;
}

/** Starts the emulator CLI (from source, via ts-node). */
function startCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
    return startEmulatorCli(["-r", "ts-node/register/transpile-only", path.join(ROOT, "emulator/cli.ts"), ...args], {
        cwd: ROOT,
        env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json") },
    });
}

function percentile(sorted: number[], p: number): number {
    if (sorted.length === 0) return NaN;
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function run(label: string, cliArgs: string[], durationS: number, connections: number): Promise<void> {
    const { child, url } = await startCli(["--port", "0", "--org", ORG, "--token", TOKEN, ...cliArgs]);
    const pool = new Pool(url, { connections, pipelining: 1 });
    const base = `/api/ai-mentor/orgs/${ORG}/`;
    const headers = { authorization: `Token ${TOKEN}`, "content-type": "application/json" };
    const call = async (method: "GET" | "POST" | "PATCH" | "DELETE", p: string, body?: unknown) => {
        const r = await pool.request({ method, path: base + p, headers, body: body === undefined ? undefined : JSON.stringify(body) });
        const text = await r.body.text();
        return { status: r.statusCode, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
    };
    try {
        // Seed: 50 instances and 50 skills.
        const instances: number[] = [];
        const skills: number[] = [];
        for (let i = 0; i < 50; i++) {
            const inst = await call("POST", "claw/instances/", { name: `seed-${i}`, server_url: `https://claw-${i}.example.com`, gateway_token: "gt" });
            instances.push(Number(inst.json?.id));
            const sk = await call("POST", "agent-skills/", { name: `Seed skill ${i}`, slug: `seed-${i}`, instruction: "Do the thing." });
            skills.push(Number(sk.json?.id));
        }
        const pick = <T>(a: readonly T[]): T => a[Math.floor(Math.random() * a.length)] as T;
        let n = 0;
        const ops: Array<[weight: number, name: string, fn: () => Promise<{ status: number }>]> = [
            [40, "GET instance", () => call("GET", `claw/instances/${pick(instances)}/`)],
            [20, "GET instances?limit=10", () => call("GET", "claw/instances/?limit=10&offset=20")],
            [10, "GET skills?search", () => call("GET", "agent-skills/?search=seed-1&limit=10")],
            [
                15,
                "POST skill",
                async () => {
                    const r = await call("POST", "agent-skills/", { name: "Bench", slug: `b-${process.pid}-${n++}`, instruction: "x" });
                    if (r.status === 201) skills.push(Number(r.json?.id));
                    return r;
                },
            ],
            [10, "PATCH instance", () => call("PATCH", `claw/instances/${pick(instances)}/`, { name: `renamed-${n++}` })],
            [
                5,
                "DELETE skill",
                async () => {
                    const id = skills.length > 60 ? skills.splice(50 + Math.floor(Math.random() * (skills.length - 50)), 1)[0] : undefined;
                    return id === undefined ? call("GET", "agent-skills/?limit=1") : call("DELETE", `agent-skills/${id}/`);
                },
            ],
        ];
        const total = ops.reduce((s, [w]) => s + w, 0);
        const choose = () => {
            let r = Math.random() * total;
            for (const o of ops) if ((r -= o[0]) < 0) return o;
            return ops[0] as (typeof ops)[number];
        };
        const samples: Sample[] = [];
        const until = Date.now() + durationS * 1000;
        const started = process.hrtime.bigint();
        await Promise.all(
            Array.from({ length: connections }, async () => {
                while (Date.now() < until) {
                    const [, op, fn] = choose();
                    const t = process.hrtime.bigint();
                    const r = await fn();
                    samples.push({ op, ms: Number(process.hrtime.bigint() - t) / 1e6, status: r.status });
                }
            }),
        );
        const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
        const lat = samples.map((s) => s.ms).sort((a, b) => a - b);
        const bad = samples.filter((s) => s.status >= 400).length;
        const writes = samples.filter((s) => !s.op.startsWith("GET")).length;
        console.log(
            `${label.padEnd(8)} ${String(samples.length).padStart(7)} req in ${elapsed.toFixed(1)} s = ${(samples.length / elapsed).toFixed(0).padStart(5)} req/s` +
                `  p50 ${percentile(lat, 50).toFixed(2)} ms  p90 ${percentile(lat, 90).toFixed(2)} ms  p99 ${percentile(lat, 99).toFixed(2)} ms` +
                `  (${((100 * writes) / samples.length).toFixed(0)} % writes, ${bad} errors)`,
        );
        for (const op of [...new Set(samples.map((s) => s.op))]) {
            const l = samples.filter((s) => s.op === op).map((s) => s.ms).sort((a, b) => a - b);
            console.log(`           ${op.padEnd(24)} n=${String(l.length).padStart(6)}  p50 ${percentile(l, 50).toFixed(2)} ms  p99 ${percentile(l, 99).toFixed(2)} ms`);
        }
    } finally {
        await pool.close();
        child.kill("SIGTERM");
    }
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            duration: { type: "string", default: "10" },
            connections: { type: "string", default: "32" },
            mode: { type: "string", default: "both" },
        },
    });
    const duration = Number(values.duration);
    const connections = Number(values.connections);
    console.log(`emulator benchmark: ${connections} connections, ${duration} s per mode, node ${process.version}, ${os.cpus().length} CPUs`);
    if (values.mode !== "data") await run("memory", [], duration, connections);
    if (values.mode !== "memory") {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claw-bench-"));
        try {
            await run("--data", ["--data", path.join(dir, "state.json")], duration, connections);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    }
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
