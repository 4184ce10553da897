/**
 * Watches a process tree through /proc (Linux): peak resident memory of the whole tree,
 * and bytes written to storage by the processes named `writerName` (the pulumi CLI: with
 * the file backend, that is the checkpoints). CPU time comes from `childCpuSeconds()`:
 * the kernel's exact count for children that exited and were waited for.
 */
import * as fs from "node:fs";

const PAGE = 4096;
const TICKS = 100; // USER_HZ: clock ticks per second of /proc/<pid>/stat

interface ProcInfo {
    ppid: number;
    comm: string;
    rssBytes: number;
}

function readProc(pid: number): ProcInfo | undefined {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        // comm may hold spaces and parentheses: fields after the last ")" are fixed.
        const close = stat.lastIndexOf(")");
        const comm = stat.slice(stat.indexOf("(") + 1, close);
        const f = stat.slice(close + 2).split(" ");
        // f[0] = state (field 3); ppid = field 4; utime 14, stime 15; rss 24 (pages).
        return { ppid: Number(f[1]), comm, rssBytes: Number(f[21]) * PAGE };
    } catch {
        return undefined; // it exited meanwhile
    }
}

function writeBytes(pid: number): number | undefined {
    try {
        const m = /^write_bytes: (\d+)$/m.exec(fs.readFileSync(`/proc/${pid}/io`, "utf8"));
        return m ? Number(m[1]) : undefined;
    } catch {
        return undefined;
    }
}

/** What a sampler saw of one process tree. */
export interface TreeStats {
    /** Largest sum of the tree's resident memory at one sample, bytes. */
    peakRssBytes: number;
    /** Most processes alive in the tree at once. */
    peakProcesses: number;
    /** Bytes the `writerName` processes wrote to storage (last value seen). */
    writerBytes: number;
}

/**
 * Samples the tree under `root` every `everyMs` until stopped.
 *
 * @example
 * ```ts
 * const s = new TreeSampler(child.pid!, "pulumi"); s.start();
 * await exited; const { peakRssBytes } = s.stop();
 * ```
 */
export class TreeSampler {
    private timer?: NodeJS.Timeout;
    private readonly written = new Map<number, number>();
    private stats: TreeStats = { peakRssBytes: 0, peakProcesses: 0, writerBytes: 0 };

    constructor(
        private readonly root: number,
        private readonly writerName?: string,
        /** Count only processes with this name (e.g. `curl`), still under the root. */
        private readonly only?: string,
        private readonly everyMs = 100,
    ) {}

    start(): this {
        this.sample();
        this.timer = setInterval(() => this.sample(), this.everyMs);
        return this;
    }

    stop(): TreeStats {
        if (this.timer) clearInterval(this.timer);
        this.sample();
        const written = [...this.written.values()].reduce((a, b) => a + b, 0);
        return { ...this.stats, writerBytes: written };
    }

    /** One look at the tree: every pid whose ancestry reaches the root. */
    sample(): void {
        const all = new Map<number, ProcInfo>();
        for (const name of fs.readdirSync("/proc")) {
            if (!/^\d+$/.test(name)) continue;
            const p = readProc(Number(name));
            if (p) all.set(Number(name), p);
        }
        const inTree = (pid: number): boolean => {
            for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 64; hops++) {
                if (p === this.root) return true;
                p = all.get(p)?.ppid;
            }
            return false;
        };
        let rss = 0;
        let n = 0;
        for (const [pid, p] of all) {
            if (!inTree(pid) || (this.only && p.comm !== this.only)) continue;
            n++;
            rss += p.rssBytes;
            if (this.writerName && p.comm === this.writerName) {
                const w = writeBytes(pid);
                if (w !== undefined) this.written.set(pid, Math.max(this.written.get(pid) ?? 0, w));
            }
        }
        this.stats.peakRssBytes = Math.max(this.stats.peakRssBytes, rss);
        this.stats.peakProcesses = Math.max(this.stats.peakProcesses, n);
    }
}

/**
 * CPU time (user + system, seconds) of this process's children that exited and were
 * waited for, and of their waited-for descendants (cutime + cstime of /proc/self/stat).
 * The difference across a phase is that phase's CPU.
 */
export function childCpuSeconds(): number {
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[13]) + Number(f[14])) / TICKS; // cutime, cstime (fields 16, 17)
}
