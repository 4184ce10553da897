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
}

/** Stacked bars per run: program start, engine, the rest of the wall time; one panel per N and latency. */
function bars(results: WorkflowResult[]): Bar[] {
    const out: Bar[] = [];
    for (const r of results) {
        const run = `N=${r.mentors}, ${r.latencyMs} ms${r.variant ? `, ${r.variant}` : ""}`;
        if (r.curl) out.push({ run, phase: "curl workflow", part: "curl (sequential requests)", seconds: r.curl.wallS, order: 0 });
        for (const p of r.phases) {
            const start = p.timing.programStartS ?? 0;
            const engine = p.timing.engineS ?? 0;
            const phase = `${p.program} ${p.command}`;
            out.push({ run, phase, part: "program start", seconds: start, order: 1 });
            out.push({ run, phase, part: "engine", seconds: engine, order: 2 });
            out.push({ run, phase, part: "after the summary", seconds: Math.max(0, p.timing.wallS - start - engine), order: 3 });
        }
    }
    return out;
}

interface Point {
    resources: number;
    series: string;
    value: number;
}

/** Growth with N (runs of the default variant only): wall time and checkpoint bytes per series. */
function growth(results: WorkflowResult[]): { wall: Point[]; written: Point[] } {
    const wall: Point[] = [];
    const written: Point[] = [];
    for (const r of results.filter((x) => !x.variant)) {
        if (r.curl) wall.push({ resources: r.resources, series: "curl workflow", value: r.curl.wallS });
        for (const p of r.phases) {
            const series = `${p.program} ${p.command}`;
            wall.push({ resources: r.resources, series, value: p.timing.wallS });
            if (p.command === "up" || p.command === "destroy") written.push({ resources: r.resources, series, value: p.timing.cliWrittenMB });
        }
    }
    return { wall, written };
}

const SERIES_COLORS = {
    domain: ["curl workflow", "ours up", "floor up", "ours preview (no-op)", "floor preview (no-op)", "ours up (no-op)", "floor up (no-op)", "ours destroy", "floor destroy"],
    range: ["#8c6d31", "#d62728", "#ff9896", "#1f77b4", "#aec7e8", "#2ca02c", "#98df8a", "#9467bd", "#c5b0d5"],
};

function lines(values: Point[], title: string, yTitle: string) {
    return {
        title,
        width: 520,
        height: 220,
        data: { values },
        mark: { type: "line", point: true },
        encoding: {
            x: { field: "resources", type: "quantitative", title: "resources in the program (N mentors × 5 + 13)" },
            y: { field: "value", type: "quantitative", title: yTitle },
            color: { field: "series", type: "nominal", title: null, scale: SERIES_COLORS },
        },
    };
}

/**
 * Renders the results as an SVG string: wall time split by phase (one panel per run), and,
 * when runs at several N exist, how wall time and checkpoint writes grow with N.
 *
 * @example
 * ```ts
 * fs.writeFileSync("docs/perf/workflow.svg", await renderChart(results));
 * ```
 */
export async function renderChart(results: WorkflowResult[]): Promise<string> {
    const vl = await importEsm("vega-lite");
    const vega = await importEsm("vega");
    const split = {
        title: { text: "Guide workflow: curl vs pulumi-iblai-claw vs the engine floor", subtitle: "wall time split by phase; file backend, emulator on loopback" },
        data: { values: bars(results) },
        facet: { row: { field: "run", type: "nominal", title: null } },
        resolve: { scale: { x: "independent" } },
        spec: {
            width: 520,
            mark: "bar",
            encoding: {
                y: { field: "phase", type: "nominal", title: null, sort: null },
                x: { field: "seconds", type: "quantitative", aggregate: "sum", title: "seconds (wall)" },
                color: {
                    field: "part",
                    type: "nominal",
                    title: "part of the wall time",
                    sort: ["curl (sequential requests)", "program start", "engine", "after the summary"],
                    scale: { range: ["#8c6d31", "#e6550d", "#3182bd", "#bdbdbd"] },
                },
                order: { field: "order", type: "quantitative" },
            },
        },
    };
    const g = growth(results);
    const sizes = new Set(g.wall.map((p) => p.resources));
    const spec = {
        $schema: "https://vega.github.io/schema/vega-lite/v6.json",
        vconcat: sizes.size > 1 ? [split, lines(g.wall, "Growth with N: wall time", "seconds (wall)"), lines(g.written, "Growth with N: checkpoint bytes the CLI wrote", "MB written")] : [split],
        resolve: { scale: { color: "independent" } },
    };
    const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: "none" });
    return (await view.toSVG()) as string;
}
