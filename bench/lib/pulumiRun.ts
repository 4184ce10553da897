/**
 * Runs one `pulumi` command of the benchmark and times it from its own output: the CLI's
 * progress lines (non-interactive, `--show-sames`) are stamped as they arrive.
 *
 * - program start: from spawning the CLI to the first line about a resource other than
 *   the stack, i.e. the engine's first step (CLI start, language host, Node, TypeScript
 *   compile, module loading, the first Check in the provider process);
 * - engine: from that first step to the `Resources:` summary line;
 * - wall: until the CLI exits.
 */
import { spawn } from "node:child_process";
import { TreeSampler, childCpuSeconds } from "./proc";

export interface PulumiTiming {
    wallS: number;
    /** When the CLI was spawned (epoch ms), to set beside what a service logged. */
    startedAtMs: number;
    /** Spawn → the service's first API request (set by a caller that can ask the service). */
    firstRequestS?: number;
    /** Spawn → the stack's `running` line (the program's process is up and has registered its stack). */
    stackRunningS?: number;
    /** Spawn → the first step of a resource other than the stack. */
    programStartS?: number;
    /** First step → the summary. */
    engineS?: number;
    /** The CLI's own `Duration:` line (whole seconds; up and destroy only). */
    reportedDurationS?: number;
    cpuS: number;
    peakRssMB: number;
    peakProcesses: number;
    /** Bytes the pulumi CLI wrote to storage (with the file backend: its checkpoints). */
    cliWrittenMB: number;
    /** The summary's counts, e.g. {created: 264}. */
    summary: Record<string, number>;
}

const RESOURCE_LINE = /^\s+[-+~<>=*!]*\s*(pulumi-nodejs:dynamic\S*|[a-z][\w-]*:[\w/-]*:[A-Za-z]\w*)\s+\S+/;

export class PulumiFailed extends Error {}

/**
 * Runs `pulumi <args>` in `cwd`; kills its whole process group after `timeoutMs`.
 *
 * @example
 * ```ts
 * const t = await runPulumi(["up", "--yes", "--skip-preview", "-s", "bench"], { cwd, env, timeoutMs: 600_000 });
 * ```
 */
export async function runPulumi(args: string[], o: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; log?: (line: string) => void }): Promise<PulumiTiming> {
    const cpu0 = childCpuSeconds();
    const startedAtMs = Date.now();
    const t0 = performance.now();
    const child = spawn("pulumi", [...args, "--non-interactive", "--show-sames"], { cwd: o.cwd, env: o.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const sampler = new TreeSampler(child.pid as number, "pulumi").start();
    const killer = setTimeout(() => {
        o.log?.(`pulumi ${args[0]}: no end after ${o.timeoutMs / 1000} s, stopping it`);
        try {
            process.kill(-(child.pid as number), "SIGTERM");
        } catch {
            /* already gone */
        }
    }, o.timeoutMs);
    let stackRunning: number | undefined;
    let first: number | undefined;
    let end: number | undefined;
    let reported: number | undefined;
    const summary: Record<string, number> = {};
    let out = "";
    let err = "";
    let partial = "";
    const seeLine = (line: string) => {
        const now = performance.now();
        if (stackRunning === undefined && /pulumi:pulumi:Stack \S+ running/.test(line)) stackRunning = now;
        const m = RESOURCE_LINE.exec(line);
        if (first === undefined && m && m[1] !== "pulumi:pulumi:Stack") first = now;
        if (end === undefined && /^Resources:/.test(line)) end = now;
        const s = /^\s+(\d+) (created|updated|deleted|replaced|unchanged|to create|to update|to delete|to replace)\b/.exec(line);
        if (end !== undefined && s) summary[s[2] as string] = Number(s[1]);
        const d = /^Duration: (?:(\d+)m)?(\d+)s/.exec(line);
        if (d) reported = Number(d[1] ?? 0) * 60 + Number(d[2]);
    };
    child.stdout.on("data", (c: Buffer) => {
        const text = partial + c.toString();
        out += c.toString();
        const lines = text.split("\n");
        partial = lines.pop() ?? "";
        for (const l of lines) seeLine(l);
    });
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number>((resolve) => child.once("close", (c) => resolve(c ?? 1)));
    clearTimeout(killer);
    if (partial) seeLine(partial);
    const wall = performance.now() - t0;
    const tree = sampler.stop();
    if (code !== 0) throw new PulumiFailed(`pulumi ${args.join(" ")} exited with ${code}:\n${out.slice(-4000)}\n${err.slice(-4000)}`);
    const s = (t: number | undefined) => (t === undefined ? undefined : (t - t0) / 1000);
    return {
        wallS: wall / 1000,
        startedAtMs,
        stackRunningS: s(stackRunning),
        programStartS: s(first),
        engineS: first !== undefined && end !== undefined ? (end - first) / 1000 : undefined,
        reportedDurationS: reported,
        cpuS: childCpuSeconds() - cpu0,
        peakRssMB: tree.peakRssBytes / 2 ** 20,
        peakProcesses: tree.peakProcesses,
        cliWrittenMB: tree.writerBytes / 2 ** 20,
        summary,
    };
}
