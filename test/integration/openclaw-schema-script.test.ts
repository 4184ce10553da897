import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { openclawPackage } from "../helpers/openclawCli";

// Issue 10: "update the snapshot with one command". Re-makes the pinned snapshot with the real
// openclaw package (as setup installs it) into a temp folder and compares it byte for byte
// with the committed one: the command works, and the committed snapshot is what it makes.
const ROOT = path.resolve(__dirname, "..", "..");
const V = "2026.9.6";

describe("npm run schema:openclaw", () => {
    let out: string;
    beforeAll(() => {
        out = fs.mkdtempSync(path.join(os.tmpdir(), "openclaw-schema-test-"));
    });
    afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

    it("re-makes the committed snapshot of the pinned version, byte for byte", () => {
        const log = execFileSync(process.execPath, [path.join(ROOT, "scripts", "openclaw-schema.mjs"), V], {
            encoding: "utf8",
            env: { ...process.env, OPENCLAW_SCHEMA_OUT: out },
        });
        expect(log).toContain(`wrote ${path.join(out, `${V}.json.gz`)}`);
        expect(fs.readFileSync(path.join(out, `${V}.json.gz`)).equals(fs.readFileSync(path.join(ROOT, "openclaw-schema", `${V}.json.gz`)))).toBe(true);
        const made = JSON.parse(fs.readFileSync(path.join(out, "index.json"), "utf8")).snapshots[V];
        const committed = JSON.parse(fs.readFileSync(path.join(ROOT, "openclaw-schema", "index.json"), "utf8")).snapshots[V];
        expect(made).toEqual(committed);
    }, 120_000);

    it("refuses a missing package, a package of another version than asked for, and a bad version", () => {
        const bin = path.join(os.homedir(), ".cache", "pulumi-iblai-claw", "nonexistent", "openclaw.mjs");
        const run = (args: string[]) => {
            try {
                execFileSync(process.execPath, [path.join(ROOT, "scripts", "openclaw-schema.mjs"), ...args], { encoding: "utf8", stdio: "pipe", env: { ...process.env, OPENCLAW_SCHEMA_OUT: out } });
                return "";
            } catch (e) {
                return String((e as { stderr?: string }).stderr);
            }
        };
        expect(run(["2026.9.6", "--bin", bin])).toContain(`no openclaw at ${bin}`);
        expect(run(["2026.9.5", "--bin", openclawPackage(V)])).toContain(`is openclaw@${V}, not openclaw@2026.9.5`);
        expect(run(["not-a-version"])).toContain('"not-a-version" is not an OpenClaw version');
    });
});
