/**
 * The benchmark's chart: vega-lite compiled to vega, rendered to SVG headless in Node
 * (no browser, no canvas). vega 6 is ESM with top-level await, so it is loaded with a
 * real dynamic import (TypeScript's CommonJS output would turn `import()` into require).
 */
import type { WorkflowResult } from "./result";

// eslint-disable-next-line @typescript-eslint/no-implied-eval
const importEsm = new Function("s", "return import(s)") as (s: string) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Bar {
    run: string;
    phase: string;
    part: string;
    seconds: number;
    order: number;
    /** Orders the panels: by latency, then by resources (latency × 1e6 + resources). */
    n: number;
}

/** Stacked bars per run: program start, engine, the rest of the wall time; one panel per N and latency. */
function bars(results: WorkflowResult[]): Bar[] {
    const out: Bar[] = [];
    for (const r of results) {
        const run = `N = ${r.mentors} (${r.resources} resources), ${r.latencyMs} ms${r.variant ? `, ${r.variant}` : ""}`;
        const n = r.resources + r.latencyMs * 1e6;
        if (r.curl) out.push({ run, phase: "curl workflow", part: "curl (sequential requests)", seconds: r.curl.wallS, order: 0, n });
        for (const p of r.phases) {
            const start = p.timing.programStartS ?? 0;
            const engine = p.timing.engineS ?? 0;
            const phase = `${p.program} ${p.command}`;
            out.push({ run, phase, part: "program start", seconds: start, order: 1, n });
            out.push({ run, phase, part: "engine", seconds: engine, order: 2, n });
            out.push({ run, phase, part: "after the summary", seconds: Math.max(0, p.timing.wallS - start - engine), order: 3, n });
        }
    }
    return out;
}

interface Point {
    resources: number;
    series: string;
    value: number;
}

/**
 * Growth with N (the runs given): wall time; time per resource (the engine's part for the
 * pulumi commands, so that program start, paid once, does not hide the growth; the wall
 * time for curl); checkpoint bytes.
 */
function growth(results: WorkflowResult[]): { wall: Point[]; perResource: Point[]; written: Point[] } {
    const wall: Point[] = [];
    const perResource: Point[] = [];
    const written: Point[] = [];
    for (const r of results) {
        if (r.curl) {
            wall.push({ resources: r.resources, series: "curl workflow", value: r.curl.wallS });
            perResource.push({ resources: r.resources, series: "curl workflow", value: (1000 * r.curl.wallS) / r.resources });
        }
        for (const p of r.phases) {
            const series = `${p.program} ${p.command}`;
            wall.push({ resources: r.resources, series, value: p.timing.wallS });
            if (p.timing.engineS !== undefined) perResource.push({ resources: r.resources, series, value: (1000 * p.timing.engineS) / r.resources });
            if (p.command === "up" || p.command === "destroy") written.push({ resources: r.resources, series, value: p.timing.cliWrittenMB });
        }
    }
    return { wall, perResource, written };
}

const RUN_PANELS = { row: { field: "run", type: "nominal", title: null, sort: { field: "n", op: "min" }, header: { labelAngle: 0, labelAlign: "left", labelAnchor: "start", labelOrient: "top", labelFontSize: 12, labelLimit: 500 } } };

/** Horizontal bars with `encoding`, one panel per run (field `run`) in the order of field `n`, titled at its top left, each with its own x scale: both charts' layout. */
function barsByRun(encoding: Record<string, unknown>): Record<string, unknown> {
    return { facet: RUN_PANELS, resolve: { scale: { x: "independent" } }, spec: { width: 520, mark: "bar", encoding } };
}

/** A vega-lite spec drawn as SVG text. */
async function toSvg(spec: Record<string, unknown>): Promise<string> {
    const vl = await importEsm("vega-lite");
    const vega = await importEsm("vega");
    const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: "none" });
    return (await view.toSVG()) as string;
}

const SERIES_COLORS = {
    domain: ["curl workflow", "ours up", "floor up", "ours preview (no-op)", "floor preview (no-op)", "ours up (no-op)", "floor up (no-op)", "ours destroy", "floor destroy"],
    range: ["#8c6d31", "#d62728", "#ff9896", "#1f77b4", "#aec7e8", "#2ca02c", "#98df8a", "#9467bd", "#c5b0d5"],
};

function lines(values: Point[], title: string, yTitle: string, yScale: Record<string, unknown> = { type: "log" }) {
    return {
        title,
        width: 520,
        height: 240,
        data: { values },
        mark: { type: "line", point: true },
        encoding: {
            x: { field: "resources", type: "quantitative", title: "resources in the program (N mentors × 5 + 13), log scale", scale: { type: "log" } },
            y: { field: "value", type: "quantitative", title: yTitle, scale: yScale },
            color: { field: "series", type: "nominal", title: null, scale: SERIES_COLORS, legend: { labelLimit: 220 } },
        },
    };
}

/**
 * Renders the results as an SVG string: wall time split by phase (one panel per run), and,
 * when runs at several N exist, how wall time, wall time per resource and checkpoint writes
 * grow with N. Runs with a variant (a switch, a label) are drawn only when `variants` is set.
 *
 * @example
 * ```ts
 * fs.writeFileSync("docs/perf/workflow.svg", await renderChart(results));
 * ```
 */
export async function renderChart(results: WorkflowResult[], options: { variants?: boolean } = {}): Promise<string> {
    const shown = results.filter((r) => options.variants || !r.variant).sort((a, b) => a.latencyMs - b.latencyMs || a.mentors - b.mentors);
    const split = {
        title: { text: "Guide workflow: curl vs pulumi-iblai-claw vs the engine floor", subtitle: "wall time split by phase; file backend, emulator on loopback" },
        data: { values: bars(shown) },
        ...barsByRun({
            y: { field: "phase", type: "nominal", title: null, sort: null },
            x: { field: "seconds", type: "quantitative", aggregate: "sum", title: "seconds (wall)" },
            color: {
                field: "part",
                type: "nominal",
                title: "part of the wall time",
                sort: ["curl (sequential requests)", "program start", "engine", "after the summary"],
                scale: { range: ["#8c6d31", "#e6550d", "#3182bd", "#bdbdbd"] },
                legend: { labelLimit: 220, titleLimit: 220 },
            },
            order: { field: "order", type: "quantitative" },
        }),
    };
    const g = growth(shown.filter((r) => r.latencyMs === shown[shown.length - 1]?.latencyMs));
    const sizes = new Set(g.wall.map((p) => p.resources));
    const spec = {
        $schema: "https://vega.github.io/schema/vega-lite/v6.json",
        vconcat:
            sizes.size > 1
                ? [
                      split,
                      lines(g.wall, "Growth with N: wall time", "seconds (wall), log scale"),
                      lines(g.perResource, "Time per resource: flat = linear growth (pulumi: engine part; curl: wall)", "ms per resource", { type: "linear" }),
                      lines(g.written, "Checkpoint bytes the CLI wrote (up, destroy)", "MB written, log scale"),
                  ]
                : [split],
        resolve: { scale: { color: "independent" } },
    };
    return toSvg(spec);
}

/** One run of bench/fleet.ts, as far as the chart needs it. */
export interface FleetChartRun {
    mentors: number;
    servers: number;
    shardSize: number;
    latencyMs: number;
    curl?: { wallS: number };
    phases: { command: string; wallS: number }[];
}

/**
 * The fleet benchmark's chart: wall time of the curl workflow and of each fleet command,
 * one panel per fleet size.
 *
 * @example
 * ```ts
 * fs.writeFileSync("docs/perf/fleet.svg", await renderFleetChart(runs));
 * ```
 */
export async function renderFleetChart(runs: FleetChartRun[]): Promise<string> {
    const values = runs
        .sort((a, b) => a.mentors - b.mentors)
        .flatMap((r) => {
            const run = `N = ${r.mentors} mentors over ${r.servers} servers, shards of ${r.shardSize}, ${r.latencyMs} ms per request`;
            const rows = r.curl ? [{ run, command: "curl workflow (sequential)", seconds: r.curl.wallS, n: r.mentors }] : [];
            return [...rows, ...r.phases.map((p) => ({ run, command: `iblai-claw fleet ${p.command}`, seconds: p.wallS, n: r.mentors }))];
        });
    const spec = {
        $schema: "https://vega.github.io/schema/vega-lite/v6.json",
        title: { text: "Fleet: the guide's curl workflow vs iblai-claw fleet", subtitle: "whole commands as a user runs them; file backend, emulator on loopback, 2 cores" },
        data: { values },
        ...barsByRun({
            y: { field: "command", type: "nominal", title: null, sort: null },
            x: { field: "seconds", type: "quantitative", title: "seconds (wall)" },
            color: { field: "command", type: "nominal", legend: null, scale: { range: ["#8c6d31", "#d62728", "#1f77b4", "#9467bd"] } },
        }),
    };
    return toSvg(spec);
}
