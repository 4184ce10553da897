/**
 * Where a Node process's CPU went, by package: reads the V8 CPU profiles that every Node
 * process under a pulumi command writes (the program, the dynamic-provider host), sums
 * self time per process by what the code belongs to (a node_modules package, our package,
 * Node itself, GC), and prints one summary per process.
 *
 * Two ways to make the profiles:
 *
 *   NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" pulumi preview ...   # processes that exit by themselves
 *   IBLAI_CPU_PROFILE_DIR=/tmp/prof NODE_OPTIONS="--require $PWD/bench/cpu-profile-chunks.cjs" pulumi up ...
 *                                        # every process, the killed dynamic-provider host too, in chunks
 *   npx ts-node --transpile-only bench/profile.ts /tmp/prof [--top 12]
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";

interface ProfileNode {
    id: number;
    callFrame: { functionName: string; url: string };
}
interface CpuProfile {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
    startTime: number;
    endTime: number;
}

/** What a frame's code belongs to. */
export function ownerOf(url: string, functionName: string): string {
    if (functionName === "(idle)" || functionName === "(program)" || functionName === "(garbage collector)") return functionName;
    if (url === "") return "(native)";
    if (url.startsWith("node:")) return "node: core";
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (!m) return "(program file)";
    // ts-node's and TypeScript's work is the type-check and transpile.
    return m[1] as string;
}

/** The process a profile file is of: `CPU.<date>.<time>.<pid>.<tid>.<n>` (node --cpu-prof) or `CHUNK.<pid>.<n>` (the preload). */
function processOf(file: string): string {
    const base = path.basename(file);
    const chunk = /^CHUNK\.(\d+)\./.exec(base);
    if (chunk) return chunk[1] as string;
    const cpu = /^CPU\.\d+\.\d+\.(\d+)\./.exec(base);
    return cpu ? (cpu[1] as string) : base;
}

/** One process's profiles (one file, or its chunks) summed by owner. */
function summarize(pid: string, files: string[], top: number): void {
    const ms = new Map<string, number>();
    let profiled = 0;
    for (const file of files) {
        const p = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
        const owner = new Map<number, string>();
        // The preload's own work (stopping the profiler, writing a chunk) is reported apart.
        for (const n of p.nodes) owner.set(n.id, n.callFrame.url === "node:inspector" ? "(profiler)" : ownerOf(n.callFrame.url, n.callFrame.functionName));
        p.samples.forEach((id, i) => {
            const o = owner.get(id) ?? "?";
            ms.set(o, (ms.get(o) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
        });
        profiled += (p.endTime - p.startTime) / 1000;
    }
    const apart = new Set(["(idle)", "(profiler)"]);
    const busy = [...ms.entries()].filter(([k]) => !apart.has(k)).reduce((a, [, v]) => a + v, 0);
    const own = ms.get("(profiler)") ?? 0;
    console.log(`process ${pid} (${files.length} profile${files.length > 1 ? "s" : ""}): ${(profiled / 1000).toFixed(2)} s profiled, ${(busy / 1000).toFixed(2)} s busy` + (own ? ` (+${(own / 1000).toFixed(2)} s writing chunks)` : ""));
    for (const [k, v] of [...ms.entries()].filter(([k2]) => !apart.has(k2)).sort((a, b) => b[1] - a[1]).slice(0, top)) {
        console.log(`  ${k.padEnd(28)} ${(v / 1000).toFixed(2).padStart(6)} s  ${((100 * v) / busy).toFixed(0).padStart(3)} %`);
    }
}

function main(): void {
    const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string", default: "12" } } });
    const dir = positionals[0];
    if (!dir) throw new Error("usage: bench/profile.ts <dir of .cpuprofile files> [--top N]");
    const files = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".cpuprofile"))
        .map((f) => path.join(dir, f));
    const byProcess = new Map<string, string[]>();
    for (const f of files.sort()) byProcess.set(processOf(f), [...(byProcess.get(processOf(f)) ?? []), f]);
    for (const [pid, fs2] of byProcess) summarize(pid, fs2, Number(values.top));
}

main();
