import type { PulumiTiming } from "./pulumiRun";
import type { ProgramKind, ProgramMode } from "./programs";

/** Requests the emulator counted in one phase: by kind, and raw by `METHOD route-pattern`. */
export interface RequestCounts {
    total: number;
    /** When the first request arrived (ISO), if any. */
    firstAt?: string;
    byKind: Record<string, number>;
    raw: Record<string, number>;
}

export interface PhaseResult {
    program: ProgramKind;
    /** `up --yes`: the whole command as a user runs it, its preview included; `up`: --skip-preview. */
    command: "up" | "up --yes" | "preview (no-op)" | "up (no-op)" | "destroy";
    /** With --repeat, the sample of median wall time. */
    timing: PulumiTiming;
    /** Every sample of a repeated no-op command, in order. */
    samples?: PulumiTiming[];
    requests: RequestCounts;
}

/** One run of bench/workflow.ts, as written to docs/perf/*.json. */
export interface WorkflowResult {
    at: string;
    mentors: number;
    latencyMs: number;
    /** e.g. "skip-checkpoints" when the run used a switch worth naming. */
    variant?: string;
    mode: ProgramMode;
    backend: string;
    machine: { cpus: number; node: string; pulumi: string; loadavgAtStart: number[] };
    /** The repository's commit the bench ran at. */
    commit?: string;
    resources: number;
    apiObjects: number;
    settings: Record<string, string>;
    curl?: { wallS: number; calls: number; cpuS: number; peakRssMB: number; requests: RequestCounts; samplesS?: number[] };
    phases: PhaseResult[];
    state: Partial<Record<ProgramKind, { bytes: number; resources: number; bytesPerResource: number }>>;
}

/** Requests by kind, as the tables print them: "create 162, push 51, update 50". */
export function requestKinds(r: RequestCounts): string {
    return Object.entries(r.byKind)
        .sort()
        .map(([k, n]) => `${k} ${n}`)
        .join(", ");
}

/** One program's phase of one command in a result, if it ran. */
export function phaseOf(res: WorkflowResult, program: ProgramKind, command: PhaseResult["command"]): PhaseResult | undefined {
    return res.phases.find((p) => p.program === program && p.command === command);
}

/**
 * The element of median `key` (the lower middle of an even count).
 *
 * @example
 * ```ts
 * median([{ wallS: 3 }, { wallS: 1 }, { wallS: 2 }], (t) => t.wallS); // → { wallS: 2 }
 * ```
 */
export function median<T>(items: readonly T[], key: (t: T) => number): T {
    const sorted = [...items].sort((a, b) => key(a) - key(b));
    return sorted[Math.floor((sorted.length - 1) / 2)] as T;
}
