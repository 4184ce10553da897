import * as fs from "node:fs";
import * as path from "node:path";

// Walks the relative imports of the shipped code (type-only imports included: a circle of
// types still ties two modules into one unit) and fails on any circle, naming its files.

const ROOT = path.resolve(__dirname, "../..");
const FOLDERS = ["sdk", "provider", "components", "emulator", "generate", "openclaw", "fleet"];
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']*)["']/gm;

function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) return e.name === "node_modules" ? [] : sources(p);
        return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && !e.name.endsWith(".d.ts") ? [p] : [];
    });
}

function resolve(from: string, spec: string): string | undefined {
    const base = path.resolve(path.dirname(from), spec);
    return [`${base}.ts`, path.join(base, "index.ts"), base].find((p) => p.endsWith(".ts") && fs.existsSync(p));
}

/** The import graph: file → files it imports. */
function graph(files: string[]): Map<string, string[]> {
    const g = new Map<string, string[]>();
    for (const f of files) {
        const text = fs.readFileSync(f, "utf8");
        const deps = [...text.matchAll(SPECIFIER)].map((m) => resolve(f, m[1])).filter((d): d is string => d !== undefined);
        g.set(f, [...new Set(deps)]);
    }
    return g;
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
function circles(g: Map<string, string[]>): string[][] {
    let index = 0;
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const on = new Set<string>();
    const out: string[][] = [];
    const visit = (v: string) => {
        idx.set(v, index);
        low.set(v, index++);
        stack.push(v);
        on.add(v);
        for (const w of g.get(v) ?? []) {
            if (!idx.has(w)) {
                visit(w);
                low.set(v, Math.min(low.get(v)!, low.get(w)!));
            } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
        }
        if (low.get(v) === idx.get(v)) {
            const scc: string[] = [];
            let w: string;
            do {
                w = stack.pop()!;
                on.delete(w);
                scc.push(w);
            } while (w !== v);
            if (scc.length > 1 || (g.get(v) ?? []).includes(v)) out.push(scc.map((p) => path.relative(ROOT, p)).sort());
        }
    };
    for (const v of g.keys()) if (!idx.has(v)) visit(v);
    return out;
}

describe("imports", () => {
    const files = FOLDERS.flatMap((d) => sources(path.join(ROOT, d)));

    it("reads the shipped sources and their relative imports", () => {
        const g = graph(files);
        expect(files.length).toBeGreaterThan(50);
        // The walker must see the imports it is meant to judge.
        expect(g.get(path.join(ROOT, "sdk/client.ts"))).toContain(path.join(ROOT, "sdk/errors.ts"));
    });

    it("finds a circle when there is one", () => {
        const a = path.join(ROOT, "a.ts");
        const b = path.join(ROOT, "b.ts");
        expect(circles(new Map([[a, [b]], [b, [a]]]))).toEqual([["a.ts", "b.ts"]]);
    });

    it("has no import circle in the shipped code", () => {
        expect(circles(graph(files))).toEqual([]);
    });
});
