import type { PulumiTiming } from "./pulumiRun";
import type { ProgramKind, ProgramMode } from "./programs";

/** Requests the emulator counted in one phase: by kind, and raw by `METHOD route-pattern`. */
export interface RequestCounts {
    total: number;
    byKind: Record<string, number>;
    raw: Record<string, number>;
}

export interface PhaseResult {
    program: ProgramKind;
    command: "up" | "preview (no-op)" | "up (no-op)" | "destroy";
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
    curl?: { wallS: number; calls: number; cpuS: number; peakRssMB: number; requests: RequestCounts };
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
