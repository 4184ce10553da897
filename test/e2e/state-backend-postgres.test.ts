import { type ChildProcess, execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { type Emulator, startEmulator } from "../../emulator";
import { type PostgresServer, startPostgres } from "../helpers/postgres";
import { PulumiProject, ROOT, requirePulumi, summary } from "../helpers/pulumi";

const run = promisify(execFile);
const RECOVER = path.join(ROOT, "node_modules", "pulumi-iblai-claw", "dist", "provider", "recovery", "cli.js");

// The pinned engine's PostgreSQL state backend (pkg/backend/diy/postgres in pulumi/pulumi:
// the DIY backend over one table of keys), against a throwaway cluster started here: the
// groundwork of issue 22's team backend. One stack: up → empty preview → no secret in the
// state or the table → two concurrent ups (the second is refused, nothing stays locked) →
// an up killed with SIGKILL leaves its lock, which iblai-claw-recover --force clears → destroy.
const ORG = "pg-org";
const API_TOKEN = "pg-api-token-6c1d";
const GATEWAY_TOKEN = "pg-gateway-token-must-not-leak-90ab";

const program = (name: string) => `
import { ClawInstance } from "pulumi-iblai-claw";
const server = new ClawInstance("server", { name: ${JSON.stringify(name)}, serverUrl: "https://claw.pg.example", gatewayToken: ${JSON.stringify(GATEWAY_TOKEN)} });
export const id = server.id;
`;

/** Collects a started command's output and exit code. */
function finished(child: ChildProcess): Promise<{ code: number; out: string }> {
    let out = "";
    child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
    return new Promise((resolve) => child.once("close", (code) => resolve({ code: code ?? 1, out })));
}

describe("the PostgreSQL state backend with the real pulumi CLI", () => {
    let pg: PostgresServer;
    let emu: Emulator;
    let project: PulumiProject;
    const outputs: string[] = [];
    const rows = () => emu.store.list(ORG, "claw/instances");
    const lockKeys = () => pg.query("select key from pulumi_state where key like '%/.pulumi/locks/%'");

    beforeAll(async () => {
        await requirePulumi();
        pg = await startPostgres();
        emu = await startEmulator({ orgs: { [ORG]: API_TOKEN } });
        PulumiProject.ensureRoot();
        project = new PulumiProject("state-backend-postgres", program("pg-server"), { backend: { url: pg.url, env: pg.env } });
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG }, { "iblai:apiToken": API_TOKEN });
    });
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
        await emu?.close();
        await pg?.stop();
    });

    it("keeps the stack in the database and creates the instance on up", async () => {
        const r = await project.up();
        outputs.push(r.stdout, r.stderr);
        expect(summary(r.stdout).created).toBe(2);
        expect(rows()).toHaveLength(1);
        const keys = await pg.query("select key from pulumi_state");
        expect(keys).toEqual(expect.arrayContaining([expect.stringMatching(/\.pulumi\/stacks\/state-backend-postgres\/e2e\.json$/)]));
    });

    it("previews no change right after", async () => {
        const r = await project.preview(["--expect-no-changes"]);
        outputs.push(r.stdout, r.stderr);
        expect(summary(r.stdout)).toEqual({ unchanged: 2 });
    });

    it("keeps every secret out of the export and out of the table", async () => {
        const state = await project.exportState();
        // Each row holds its object base64-encoded in a JSON column: {"data": "<base64>"}.
        const table = (await pg.query("select data->>'data' from pulumi_state")).map((b) => Buffer.from(b, "base64").toString("utf8")).join("\n");
        expect(table).toContain("iblai:ClawInstance"); // the rows decoded: the state itself
        for (const text of [state, table]) {
            expect(text).not.toContain(GATEWAY_TOKEN);
            expect(text).not.toContain(API_TOKEN);
            expect(text).not.toContain(pg.password);
        }
    });

    it("refuses a second up while one runs, naming the lock, and leaves nothing locked", async () => {
        project.writeProgram(program("pg-server-renamed"));
        const first = project.start(["up", "-s", project.stack, "--yes", "--skip-preview"]);
        const firstDone = finished(first);
        // The second starts once the first holds the lock (polled in the table), not after a sleep.
        expect(await lockTaken(first)).toBe(true);
        const second = await project.up([], { allowFail: true });
        const one = await firstDone;
        outputs.push(one.out, second.stdout, second.stderr);
        expect(one.code).toBe(0);
        expect(second.code).not.toBe(0);
        expect(second.stderr).toMatch(/the stack is currently locked by 1 lock\(s\)/);
        expect(second.stderr).toMatch(/pulumi cancel/);
        expect(rows()).toEqual([expect.objectContaining({ name: "pg-server-renamed" })]);
        expect(await lockKeys()).toEqual([]);
    });

    /** Waits (polling the table) until a pulumi holds the stack's lock, or the command ended. */
    async function lockTaken(child: ChildProcess): Promise<boolean> {
        while ((await lockKeys()).length === 0) {
            if (child.exitCode !== null) return false;
            await new Promise((r) => setTimeout(r, 100));
        }
        return true;
    }

    it("keeps the lock of a killed up until iblai-claw-recover --force clears it", async () => {
        project.writeProgram(program("pg-server-killed"));
        const killed = project.start(["up", "-s", project.stack, "--yes", "--skip-preview"]);
        const done = finished(killed);
        expect(await lockTaken(killed)).toBe(true);
        process.kill(-(killed.pid as number), "SIGKILL");
        await done;
        expect(await lockKeys()).toHaveLength(1);
        const plain = await run("node", [RECOVER, "-s", project.stack], { cwd: project.dir, env: project.env() });
        expect(plain.stdout).toMatch(/locks of a postgres backend are not inspected here.*--force/);
        expect(await lockKeys()).toHaveLength(1);
        const forced = await run("node", [RECOVER, "-s", project.stack, "--force"], { cwd: project.dir, env: project.env() });
        outputs.push(plain.stdout, plain.stderr, forced.stdout, forced.stderr);
        expect(forced.stdout).toMatch(/removed any lock of stack e2e/);
        expect(await lockKeys()).toEqual([]);
    });

    it("destroys everything, and no output ever printed the database password", async () => {
        const r = await project.destroy();
        outputs.push(r.stdout, r.stderr);
        expect(rows()).toHaveLength(0);
        expect(await lockKeys()).toEqual([]);
        expect(outputs.join("\n")).not.toContain(pg.password);
    });
});
