/**
 * Where a Node process's CPU went, by package: reads the V8 CPU profiles that
 * `NODE_OPTIONS="--cpu-prof --cpu-prof-dir=DIR"` makes every Node process under a pulumi
 * command write (the program, the dynamic-provider host), and sums self time by what the
 * code belongs to (a node_modules package, our package, Node itself, GC, idle).
 *
 *   NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" pulumi preview ...
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

function summarize(file: string, top: number): void {
    const p = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
    const owner = new Map<number, string>();
    for (const n of p.nodes) owner.set(n.id, ownerOf(n.callFrame.url, n.callFrame.functionName));
    const ms = new Map<string, number>();
    p.samples.forEach((id, i) => {
        const o = owner.get(id) ?? "?";
        ms.set(o, (ms.get(o) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
    });
    const total = (p.endTime - p.startTime) / 1000;
    const busy = [...ms.entries()].filter(([k]) => k !== "(idle)").reduce((a, [, v]) => a + v, 0);
    console.log(`${path.basename(file)}: ${(total / 1000).toFixed(2)} s profiled, ${(busy / 1000).toFixed(2)} s busy`);
    for (const [k, v] of [...ms.entries()].filter(([k2]) => k2 !== "(idle)").sort((a, b) => b[1] - a[1]).slice(0, top)) {
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
    for (const f of files.sort()) summarize(f, Number(values.top));
}

main();
