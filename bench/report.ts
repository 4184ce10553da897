/**
 * Prints results of bench/workflow.ts as the Markdown tables docs/performance.md shows,
 * so the numbers there are copied from the data, not retyped.
 *
 *   npx ts-node --transpile-only bench/report.ts docs/perf/workflow-n50-l150.json [...]
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type PhaseResult, type WorkflowResult, phaseOf, requestKinds } from "./lib/result";

const f1 = (v: number | undefined) => (v === undefined ? "–" : v.toFixed(1));

/** ours ÷ floor of one command, as "cpu; wall". */
function ratio(res: WorkflowResult, command: PhaseResult["command"]): string {
    const o = phaseOf(res, "ours", command)?.timing;
    const f = phaseOf(res, "floor", command)?.timing;
    if (!o || !f) return "–";
    return `${(o.cpuS / f.cpuS).toFixed(2)}; ${(o.wallS / f.wallS).toFixed(2)}`;
}

function report(file: string): void {
    const res = JSON.parse(fs.readFileSync(file, "utf8")) as WorkflowResult;
    const load = res.machine.loadavgAtStart.map((l) => l.toFixed(1)).join(", ");
    console.log(
        `**N = ${res.mentors} mentors (${res.resources} resources, ${res.apiObjects} API objects), ${res.latencyMs} ms per request${res.variant ? `, ${res.variant}` : ""}** — ` +
            `commit ${res.commit ?? "?"}, load average at start ${load}; \`${path.relative(path.resolve(__dirname, ".."), file)}\`\n`,
    );
    console.log("| run | wall s | start s | engine s | cpu s | peak MB | ckpt MB | requests |");
    console.log("|---|---|---|---|---|---|---|---|");
    if (res.curl) console.log(`| curl workflow | ${f1(res.curl.wallS)} | – | – | ${f1(res.curl.cpuS)} | ${res.curl.peakRssMB.toFixed(0)} | – | ${res.curl.requests.total} (${requestKinds(res.curl.requests)}) |`);
    for (const p of res.phases) {
        const t = p.timing;
        const n = p.samples ? ` (median of ${p.samples.length})` : "";
        console.log(
            `| ${p.program} ${p.command}${n} | ${f1(t.wallS)} | ${f1(t.programStartS)} | ${f1(t.engineS)} | ${f1(t.cpuS)} | ${t.peakRssMB.toFixed(0)} | ${f1(t.cliWrittenMB)} | ${p.requests.total}${p.requests.total ? ` (${requestKinds(p.requests)})` : ""} |`,
        );
    }
    console.log("");
    const st = Object.entries(res.state).map(([k, s]) => `${k} ${(s.bytes / 1024).toFixed(0)} KB for ${s.resources} resources = ${s.bytesPerResource.toFixed(0)} B/resource`);
    if (st.length) console.log(`State (\`pulumi stack export\`): ${st.join("; ")}.`);
    const up = phaseOf(res, "ours", "up")?.timing.wallS;
    console.log(
        `Ratios ours ÷ floor (cpu; wall): up ${ratio(res, "up")}, no-op preview ${ratio(res, "preview (no-op)")}, no-op up ${ratio(res, "up (no-op)")}, destroy ${ratio(res, "destroy")}` +
            (res.curl && up ? `; curl ÷ ours up (wall) ${(res.curl.wallS / up).toFixed(2)}.` : "."),
    );
    console.log("");
}

const files = process.argv.slice(2);
if (files.length === 0) throw new Error("usage: bench/report.ts <result.json> [...]");
for (const f of files) report(f);
