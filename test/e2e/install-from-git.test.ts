import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { ROOT } from "../helpers/pulumi";

const run = promisify(execFile);

// `npm install git+https://…/pulumi-iblai-claw.git` as a user runs it (README, "Install in
// your project"), from a local bare clone of this repository's HEAD: npm clones it, installs
// its dev dependencies, runs the `prepare` build and installs what `npm pack` would ship.
// Nothing here downloads after setup: npm takes every package from its cache.
describe("installing the package from a git URL", () => {
    let dir: string;
    let pkgDir: string;

    beforeAll(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "iblai-claw-git-"));
        const bare = path.join(dir, "pulumi-iblai-claw.git");
        await run("git", ["clone", "--quiet", "--bare", ROOT, bare]);
        const project = path.join(dir, "project");
        fs.mkdirSync(project);
        fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "git-user", private: true }));
        await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", `git+file://${bare}`], {
            cwd: project,
            maxBuffer: 16 << 20,
        });
        pkgDir = path.join(project, "node_modules", "pulumi-iblai-claw");
    }, 600_000);
    afterAll(() => {
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("builds on install (the prepare script) and ships only the built files", () => {
        const files = fs.readdirSync(pkgDir, { recursive: true }).map(String);
        expect(files).toContain(path.join("dist", "index.js"));
        expect(files).toContain(path.join("dist", "provider", "engine", "runtime.js"));
        expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
        expect(files.filter((f) => /\.test\./.test(f))).toEqual([]);
    });

    it("loads by name: resources, the sdk and the dynamic runtime", async () => {
        const probe = `const p = require("pulumi-iblai-claw"); const s = require("pulumi-iblai-claw/sdk"); require("pulumi-iblai-claw/dynamic");
console.log(typeof p.ClawInstance, typeof s.ClawClient);`;
        const { stdout } = await run(process.execPath, ["-e", probe], { cwd: path.dirname(path.dirname(pkgDir)) });
        expect(stdout.trim()).toBe("function function");
    });
});
