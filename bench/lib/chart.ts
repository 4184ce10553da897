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

/**
 * Renders the results as an SVG string.
 *
 * @example
 * ```ts
 * fs.writeFileSync("docs/perf/workflow.svg", await renderChart(results));
 * ```
 */
export async function renderChart(results: WorkflowResult[]): Promise<string> {
    const vl = await importEsm("vega-lite");
    const vega = await importEsm("vega");
    const spec = {
        $schema: "https://vega.github.io/schema/vega-lite/v6.json",
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
                tooltip: [{ field: "part" }, { field: "seconds", format: ".1f" }],
            },
        },
    };
    const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: "none" });
    return (await view.toSVG()) as string;
}
