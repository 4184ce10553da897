import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { type Emulator, startEmulator } from "../../emulator";
import { PulumiProject, ROOT, requirePulumi, summary } from "../helpers/pulumi";

const run = promisify(execFile);
const ORG = "pkg-org";
const TOKEN = "pkg-token-19ab";

// The package as a user gets it: `npm pack`, installed into a fresh project outside this
// repository (from the npm cache, no network needed after setup), then `pulumi up` and
// `destroy` with the real CLI.
describe("the packed package in a fresh project", () => {
    let emu: Emulator;
    let dir: string;
    let project: PulumiProject;

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN } });
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "iblai-claw-user-"));
        const pack = await run("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: ROOT });
        const tarball = pack.stdout.trim().split("\n").pop() as string;
        const rootPkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
        const dev = rootPkg.devDependencies as Record<string, string>;
        project = new PulumiProject("user-project", "", { dir });
        fs.writeFileSync(
            path.join(dir, "package.json"),
            JSON.stringify({
                name: "user-project",
                private: true,
                main: "index.ts",
                dependencies: {
                    "pulumi-iblai-claw": `file:./${tarball}`,
                    "@pulumi/pulumi": dev["@pulumi/pulumi"],
                    typescript: dev.typescript,
                    "ts-node": dev["ts-node"],
                    "@types/node": dev["@types/node"],
                },
            }),
        );
        await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: dir, maxBuffer: 16 << 20 });
        project.writeProgram(`
import * as pulumi from "@pulumi/pulumi";
import { ClawInstance } from "pulumi-iblai-claw";
import { ClawClient, checkMentorConfig, resolveOpenClawVersion } from "pulumi-iblai-claw/sdk";
const inst = new ClawInstance("srv", { name: "from-tarball", serverUrl: "https://claw.user.example", gatewayToken: pulumi.secret("gw-user-0001") });
export const id = inst.id;
export const sdkLoads = typeof ClawClient;
// The OpenClaw schema snapshot ships in the package (issue 10).
export const schemaProblems = checkMentorConfig({ heartbeat: { evry: "30m" } }, { version: resolveOpenClawVersion(undefined)! }).map((p) => p.message);
`);
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG }, { "iblai:apiToken": TOKEN });
    });
    afterAll(async () => {
        await project?.dispose();
        await emu?.close();
    });

    it("installs with only its declared files, no sources or tests", () => {
        const pkgDir = path.join(dir, "node_modules", "pulumi-iblai-claw");
        const files = fs.readdirSync(pkgDir, { recursive: true }).map(String);
        expect(files).toContain(path.join("dist", "provider", "engine", "runtime.js"));
        expect(files).toContain(path.join("openclaw-schema", "index.json"));
        expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
        expect(files.filter((f) => /\.test\./.test(f))).toEqual([]);
    });

    it("runs pulumi up and destroy", async () => {
        const up = await project.up();
        expect(summary(up.stdout).created).toBe(2);
        expect(await project.outputs()).toMatchObject({ sdkLoads: "function", schemaProblems: [expect.stringContaining("config.heartbeat.evry: unknown key; did you mean every?")] });
        expect(emu.store.list(ORG, "claw/instances")).toEqual([expect.objectContaining({ name: "from-tarball" })]);
        await project.destroy();
        expect(emu.store.list(ORG, "claw/instances")).toEqual([]);
    });
});
