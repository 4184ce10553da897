import type { EngineEvent } from "@pulumi/pulumi/automation";
import { redactText } from "../sdk";

/**
 * The fleet's one live view. On a terminal: a block redrawn in place, a line per running
 * stack (name, phase, resources done, ops counts, elapsed) and the totals. Elsewhere (CI,
 * tests, a pipe): plain timestamped lines, one per start, finish, skip and failure. At the
 * end a summary table and the failures with their first error line. Every line goes
 * through the sdk's redaction with the fleet's secrets, so no token reaches the output.
 */

/** How a stack ended. `refused`: locked by another process (nothing ran). */
export type StackOutcome = "succeeded" | "failed" | "skipped" | "refused";

/** One stack's row of the summary. */
export interface StackRow {
    stack: string;
    outcome: StackOutcome;
    /** What the engine did: op → count (`create`, `update`, `delete`, `same`, ...). */
    changes: Record<string, number>;
    ms: number;
    /** First line of the error (failed, refused) or why it was skipped. */
    note?: string;
}

interface Running {
    phase: string;
    startedAt: number;
    done: number;
    ops: Record<string, number>;
}

export interface ProgressOptions {
    /** Redraw in place (a terminal) or plain lines. Default: `out.isTTY`. */
    tty?: boolean;
    /** Values never printed (tokens, keys); redacted in every line. */
    secrets?: Iterable<string | undefined>;
    /** Clock, ms (tests). */
    now?: () => number;
    /** Redraw period on a terminal, ms. */
    redrawMs?: number;
}

const OP_SIGNS: Record<string, string> = { create: "+", update: "~", delete: "-", replace: "+-", "create-replacement": "+-", "delete-replaced": "+-", read: ">", refresh: "~r" };

/**
 * The engine's changes in words: `2 created, 1 updated` (or `no changes`).
 *
 * @example
 * ```ts
 * changesText({ create: 2, update: 1, same: 4 }); // "2 create, 1 update"
 * changesText({ same: 4 }); // "no changes"
 * ```
 */
export function changesText(changes: Record<string, number>): string {
    const parts = Object.entries(changes)
        .filter(([op, n]) => op !== "same" && n > 0)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([op, n]) => `${n} ${op}`);
    return parts.length ? parts.join(", ") : "no changes";
}

/**
 * The first meaningful line of an error message (the engine's "error: ..." line when there is one).
 *
 * @example
 * ```ts
 * firstErrorLine("Command failed\n  error: POST claw/instances/: 400 bad serverUrl\n..."); // "error: POST claw/instances/: 400 bad serverUrl"
 * ```
 */
export function firstErrorLine(text: string): string {
    const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
    const at = lines.findIndex((l) => /^error:/.test(l) && !/^error: (update|preview|refresh|destroy) failed$/.test(l));
    const engine = at < 0 ? undefined : /errors? occurred:$/.test(lines[at]!) && lines[at + 1] ? `${lines[at]} ${lines[at + 1]!.replace(/^\*\s*/, "")}` : lines[at];
    return engine ?? lines.find((l) => !/^(code|stdout|stderr):/.test(l) && !/^Command failed/.test(l)) ?? lines[0] ?? "";
}

function seconds(ms: number): string {
    return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * The summary table (stack, result, changes, time) and the failures with their first error line.
 *
 * @example
 * ```ts
 * summaryLines([{ stack: "acme.edge-1", outcome: "succeeded", changes: { create: 3 }, ms: 4200 }]);
 * // ["stack        result     changes   time", "acme.edge-1  succeeded  3 create  4.2 s", "1 stack: 1 succeeded"]
 * ```
 */
export function summaryLines(rows: StackRow[]): string[] {
    const table = [["stack", "result", "changes", "time"], ...rows.map((r) => [r.stack, r.outcome, Object.keys(r.changes).length === 0 ? "-" : changesText(r.changes), seconds(r.ms)])];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((t) => t[i]!.length)));
    const out = table.map((t) => t.map((c, i) => (i === t.length - 1 ? c : c.padEnd(widths[i]!))).join("  "));
    const count = (o: StackOutcome) => rows.filter((r) => r.outcome === o).length;
    const totals = (["succeeded", "skipped", "failed", "refused"] as const).filter((o) => count(o) > 0).map((o) => `${count(o)} ${o}`);
    out.push(`${rows.length} stack${rows.length === 1 ? "" : "s"}: ${totals.join(", ") || "nothing to do"}`);
    const bad = rows.filter((r) => r.outcome === "failed" || r.outcome === "refused");
    if (bad.length) {
        out.push("failures:");
        for (const r of bad) out.push(`  ${r.stack}: ${r.note ?? r.outcome}`);
    }
    return out;
}

/**
 * The live view of one fleet command.
 *
 * @example
 * ```ts
 * const p = new Progress(process.stderr, { secrets: [token] });
 * p.start("acme.edge-1", "up");
 * p.event("acme.edge-1", engineEvent); // from the Automation API's onEvent
 * p.finish({ stack: "acme.edge-1", outcome: "succeeded", changes: { create: 3 }, ms: 4200 });
 * p.end(); // prints the summary table
 * ```
 */
export class Progress {
    readonly rows: StackRow[] = [];
    private readonly running = new Map<string, Running>();
    private readonly tty: boolean;
    private readonly secrets: string[];
    private readonly now: () => number;
    private drawn = 0;
    private timer?: NodeJS.Timeout;

    constructor(
        private readonly out: NodeJS.WritableStream & { isTTY?: boolean },
        o: ProgressOptions = {},
    ) {
        this.tty = o.tty ?? out.isTTY === true;
        this.secrets = [...(o.secrets ?? [])].filter((s): s is string => typeof s === "string");
        this.now = o.now ?? Date.now;
        if (this.tty) {
            this.timer = setInterval(() => this.redraw(), o.redrawMs ?? 250);
            this.timer.unref();
        }
    }

    /** A message outside any stack (a move, a plan). */
    note(text: string): void {
        this.print(text);
    }

    start(stack: string, phase: string): void {
        this.running.set(stack, { phase, startedAt: this.now(), done: 0, ops: {} });
        if (!this.tty) this.print(`start    ${stack} ${phase}`);
    }

    /** A new phase of a running stack (recover, wait for lock, up). */
    phase(stack: string, phase: string): void {
        const r = this.running.get(stack);
        if (r) r.phase = phase;
        if (!this.tty) this.print(`${"phase".padEnd(8)} ${stack} ${phase}`);
    }

    /** An engine event of a running stack: counts resources done and their ops. */
    event(stack: string, e: EngineEvent): void {
        const r = this.running.get(stack);
        if (!r) return;
        const done = e.resOutputsEvent?.metadata;
        if (done && done.type !== "pulumi:pulumi:Stack") {
            r.done++;
            r.ops[done.op] = (r.ops[done.op] ?? 0) + 1;
        }
    }

    finish(row: StackRow): void {
        const started = this.running.get(row.stack);
        this.running.delete(row.stack);
        const note = row.note === undefined ? undefined : this.redact(row.note);
        this.rows.push({ ...row, note, ms: row.ms || (started ? this.now() - started.startedAt : 0) });
        const what = row.outcome === "succeeded" ? changesText(row.changes) : (note ?? "");
        if (this.tty) {
            // Finished stacks scroll above the live block.
            this.clear();
            this.print(`${row.outcome.padEnd(9)} ${row.stack}: ${what} (${seconds(row.ms)})`);
            this.redraw();
        } else {
            this.print(`${row.outcome.padEnd(8)} ${row.stack}: ${what} (${seconds(row.ms)})`);
        }
    }

    /** Stops redrawing and prints the summary. */
    end(): void {
        if (this.timer) clearInterval(this.timer);
        this.clear();
        for (const l of summaryLines(this.rows)) this.out.write(`${l}\n`);
    }

    /** The live block's lines (one per running stack, then the totals). */
    liveLines(): string[] {
        const t = this.now();
        const lines = [...this.running].map(([stack, r]) => {
            const ops = Object.entries(r.ops)
                .filter(([op]) => op !== "same")
                .map(([op, n]) => `${OP_SIGNS[op] ?? op}${n}`)
                .join(" ");
            return `  ${stack.padEnd(24)} ${r.phase.padEnd(10)} ${String(r.done).padStart(4)} done ${ops.padEnd(12)} ${seconds(t - r.startedAt)}`;
        });
        const c = (o: StackOutcome) => this.rows.filter((r) => r.outcome === o).length;
        lines.push(`  done ${c("succeeded")}  running ${this.running.size}  failed ${c("failed") + c("refused")}  skipped ${c("skipped")}`);
        return lines;
    }

    private redact(text: string): string {
        return redactText(text, this.secrets);
    }

    private print(text: string): void {
        const stamp = new Date(this.now()).toISOString().slice(11, 19);
        this.out.write(`${this.tty ? "" : `[${stamp}] `}${this.redact(text)}\n`);
    }

    private clear(): void {
        if (!this.tty || this.drawn === 0) return;
        this.out.write(`\x1b[${this.drawn}A\x1b[J`);
        this.drawn = 0;
    }

    private redraw(): void {
        if (!this.tty) return;
        this.clear();
        const lines = this.liveLines().map((l) => this.redact(l));
        this.out.write(`${lines.join("\n")}\n`);
        this.drawn = lines.length;
    }
}
