/**
 * Loading the built package on an unsupported Node fails at once with the version it needs
 * (issue 13: on Node 20 it used to die inside undici with `TypeError ... (reading 'bind')`).
 * Runs a real old Node when the machine has one (Debian's Node 20 at /usr/bin/node here);
 * elsewhere the current Node, with `process.versions.node` overridden before the package loads.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

function oldNode(): string | undefined {
    for (const candidate of ["/usr/bin/node", "/usr/local/bin/node"]) {
        if (!fs.existsSync(candidate)) continue;
        const r = spawnSync(candidate, ["-p", "process.versions.node"], { encoding: "utf8" });
        const major = Number.parseInt(r.stdout, 10);
        if (r.status === 0 && major > 0 && major < 22) return candidate;
    }
    return undefined;
}

function load(entry: string): { status: number | null; stderr: string } {
    const node = oldNode();
    const fake = `Object.defineProperty(process, "versions", { value: { ...process.versions, node: "20.20.2" } });`;
    const args = node ? ["-e", `require(${JSON.stringify(entry)})`] : ["-e", `${fake} require(${JSON.stringify(entry)})`];
    const r = spawnSync(node ?? process.execPath, args, { cwd: ROOT, encoding: "utf8" });
    return { status: r.status, stderr: r.stderr };
}

describe("loading the package on Node 20", () => {
    beforeAll(() => {
        if (!fs.existsSync(path.join(ROOT, "dist/index.js"))) throw new Error("dist/ is missing: run `npm run build` (scripts/setup.sh does)");
    });

    it.each(["./dist/index.js", "./dist/sdk/index.js", "./dist/provider/index.js", "./dist/provider/engine/runtime.js"])(
        "%s fails at once, naming the Node.js version needed and how to get it",
        (entry) => {
            const r = load(entry);
            expect(r.status).not.toBe(0);
            expect(r.stderr).toContain("pulumi-iblai-claw needs Node.js >= 22.19.0");
            expect(r.stderr).toContain("runs Node.js 20.");
            expect(r.stderr).toContain("nvm install 24");
            expect(r.stderr).not.toContain("reading 'bind'");
        },
    );
});
