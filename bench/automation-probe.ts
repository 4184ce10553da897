/**
 * Groundwork of issue 22 (fleet): does Pulumi's Automation API work here, and what does it
 * cost per stack? One run, against one in-process emulator on loopback:
 *
 *   1. first request: the same one-instance stack brought up by the CLI (a program folder:
 *      TypeScript as today, TypeScript transpile-only, JavaScript, and `up --yes` with its
 *      preview) and by the Automation API (inline program); the time from the start of the
 *      command to the emulator's first API request;
 *   2. a tiny fleet: a server stack (one ClawInstance, exports its id), then two mentor-shard
 *      stacks up in parallel, each reading the server's id through a StackReference and
 *      binding two mentors to it; a no-op preview of all three in parallel; destroy (shards in
 *      parallel, then the server); every phase timed.
 *
 *   npx ts-node --transpile-only bench/automation-probe.ts [--backend URL]
 *
 * --backend is any state backend URL (default: a file backend in a temp folder). For
 * PostgreSQL give `postgres://user@127.0.0.1:PORT/db?sslmode=disable` and the password in
 * PGPASSWORD, so that it never appears in a URL, a log or ~/.pulumi/credentials.json.
 * Peak memory: run it under `/usr/bin/time -v` (docs/fleet.md).
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs, promisify } from "node:util";
import * as automation from "@pulumi/pulumi/automation";
import { startEmulator } from "../emulator";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");
const ORG = "probe";
const TOKEN = "probe-api-token-2d8e";
const PROJECT = "fleet-probe";
const PASSPHRASE = "probe-passphrase";

/** The emulator's first request after `mark()`, in ms since the mark. */
class FirstRequest {
    private markedAt = 0;
    private first: number | undefined;
    count = 0;
    onRequest = (): void => {
        this.count++;
        if (this.markedAt && this.first === undefined) this.first = Date.now() - this.markedAt;
    };
    mark(): void {
        this.markedAt = Date.now();
        this.first = undefined;
    }
    get ms(): number | undefined {
        return this.first;
    }
}

/** Program text shared by the CLI folder and the inline program (a ClawInstance named `name`). */
const serverProgram = (name: string) => `
import { ClawInstance } from "pulumi-iblai-claw";
const server = new ClawInstance("server", { name: ${JSON.stringify(name)}, serverUrl: "https://claw.probe.example", gatewayToken: "probe-gateway-token-7f3a" });
export const serverId = server.id;
`;

async function main(): Promise<void> {
    const { values } = parseArgs({ options: { backend: { type: "string" } } });
    fs.mkdirSync(path.join(ROOT, ".e2e"), { recursive: true });
    // Inside the repo, so the engine's dynamic-provider host resolves pulumi-iblai-claw by name.
    const workDir = fs.mkdtempSync(path.join(ROOT, ".e2e", "automation-probe-"));
    const backend = values.backend ?? `file://${path.join(workDir, ".state")}`;
    if (backend.startsWith("file://")) fs.mkdirSync(backend.slice("file://".length), { recursive: true });
    const shown = backend.replace(/\/\/([^:@/]+):[^@]+@/, "//$1:****@");

    const first = new FirstRequest();
    const emu = await startEmulator({ orgs: { [ORG]: TOKEN }, logRequest: first.onRequest });
    const env: Record<string, string> = {
        PULUMI_BACKEND_URL: backend,
        PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PULUMI_DIY_BACKEND_DISABLE_CHECKPOINT_BACKUPS: "true",
    };
    const config = {
        "iblai:baseUrl": { value: emu.url },
        "iblai:org": { value: ORG },
        "iblai:apiToken": { value: TOKEN, secret: true },
    };
    const rows: [string, number][] = [];
    const timed = async <T>(label: string, f: () => Promise<T>): Promise<T> => {
        const t = Date.now();
        const r = await f();
        rows.push([label, Date.now() - t]);
        return r;
    };

    try {
        // 1a. The CLI on a program folder, as a user runs it, and variants of what runs before
        // the first request: ts-node's type check, TypeScript at all, the preview of `up --yes`.
        const cliEnv = { ...process.env, ...env };
        const variants = [
            { label: "TypeScript (type-checked, as today), up --skip-preview", ts: true, env: {}, preview: false },
            { label: "TypeScript, PULUMI_NODEJS_TRANSPILE_ONLY=true, up --skip-preview", ts: true, env: { PULUMI_NODEJS_TRANSPILE_ONLY: "true" }, preview: false },
            { label: "JavaScript, up --skip-preview", ts: false, env: {}, preview: false },
            { label: "TypeScript (type-checked), up --yes (preview first)", ts: true, env: {}, preview: true },
        ];
        const cliFirsts: [string, number | undefined][] = [];
        const cliDirs: string[] = [];
        for (const [i, v] of variants.entries()) {
            const cliDir = path.join(workDir, `cli-${i}`);
            cliDirs.push(cliDir);
            fs.mkdirSync(cliDir);
            const name = `${PROJECT}-cli-${i}`;
            fs.writeFileSync(path.join(cliDir, "Pulumi.yaml"), `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: ${v.ts}\n`);
            fs.writeFileSync(path.join(cliDir, "package.json"), JSON.stringify({ name, private: true, main: v.ts ? "index.ts" : "index.js" }));
            const text = serverProgram(`probe-cli-${i}`);
            fs.writeFileSync(
                path.join(cliDir, v.ts ? "index.ts" : "index.js"),
                v.ts ? text : text.replace(/import \{ (\w+) \} from ("[^"]+");/, "const { $1 } = require($2);").replace("export const serverId =", "exports.serverId ="),
            );
            const pulumi = (args: string[]) => run("pulumi", [...args, "--non-interactive"], { cwd: cliDir, env: { ...cliEnv, ...v.env }, maxBuffer: 64 << 20 });
            await pulumi(["stack", "init", "cli"]);
            for (const [k, c] of Object.entries(config)) await pulumi(["config", "set", k, c.value, ...("secret" in c ? ["--secret"] : ["--plaintext"])]);
            first.mark();
            await timed(`CLI up, 1 resource: ${v.label}`, () => pulumi(["up", "--yes", ...(v.preview ? [] : ["--skip-preview"])]));
            cliFirsts.push([v.label, first.ms]);
        }
        const cliDestroy = async () => {
            for (const [i, dir] of cliDirs.entries()) {
                const pulumi = (args: string[]) => run("pulumi", [...args, "--non-interactive"], { cwd: dir, env: { ...cliEnv, ...variants[i]?.env }, maxBuffer: 64 << 20 });
                await pulumi(["destroy", "--yes", "--skip-preview"]);
                await pulumi(["stack", "rm", "--yes", "cli"]);
            }
        };
        const cliFirst = cliFirsts[0]?.[1];

        // 1b. The Automation API, inline program, same resource.
        const ws = { workDir: path.join(workDir, "auto"), envVars: env, projectSettings: { name: PROJECT, runtime: "nodejs" as const } };
        fs.mkdirSync(ws.workDir);
        const inlineServer = async () => {
            const { ClawInstance } = await import("pulumi-iblai-claw");
            const server = new ClawInstance("server", { name: "probe-auto", serverUrl: "https://claw.probe.example", gatewayToken: "probe-gateway-token-7f3a" });
            return { serverId: server.id };
        };
        const server = await timed("Automation createOrSelectStack (server)", () =>
            automation.LocalWorkspace.createOrSelectStack({ stackName: "server", projectName: PROJECT, program: inlineServer }, ws),
        );
        await server.setAllConfig(config);
        first.mark();
        const upServer = await timed("Automation up, 1 resource (inline program)", () => server.up());
        const autoFirst = first.ms;
        const serverId = String(upServer.outputs.serverId?.value);

        // 2. Two shards in parallel, each reading the server's id through a StackReference.
        const shard = (letter: string) => async () => {
            const pulumiSdk = await import("@pulumi/pulumi");
            const { MentorBinding } = await import("pulumi-iblai-claw");
            const ref = new pulumiSdk.StackReference(`organization/${PROJECT}/server`);
            const id = ref.requireOutput("serverId") as import("@pulumi/pulumi").Output<string>;
            const bindings = [1, 2].map((i) => {
                const mentor = `00000000-0000-4000-8000-0000000${letter === "a" ? "a" : "b"}000${i}`;
                return new MentorBinding(`mentor-${letter}${i}`, { mentor, server: id });
            });
            return { bound: bindings.length };
        };
        const shards = await Promise.all(
            ["a", "b"].map(async (l) => {
                const s = await automation.LocalWorkspace.createOrSelectStack({ stackName: `shard-${l}`, projectName: PROJECT, program: shard(l) }, ws);
                await s.setAllConfig(config);
                return s;
            }),
        );
        await timed("Automation up, 2 shards in parallel (2 bindings each)", () => Promise.all(shards.map((s) => s.up())));
        const bound = emu.store.list(ORG, "claw/mentor-configs").filter((b) => String(b.server) === serverId).length;
        await timed("Automation preview, 3 stacks in parallel (no-op)", async () => {
            const previews = await Promise.all([server, ...shards].map((s) => s.preview()));
            const changes = previews.map((p) => Object.entries(p.changeSummary).filter(([op]) => op !== "same").length);
            if (changes.some((n) => n > 0)) throw new Error(`a no-op preview shows changes: ${JSON.stringify(previews.map((p) => p.changeSummary))}`);
        });
        await timed("Automation destroy, 2 shards in parallel", () => Promise.all(shards.map((s) => s.destroy())));
        await timed("Automation destroy, server", () => server.destroy());
        for (const s of [...shards, server]) await s.workspace.removeStack(s.name);
        await cliDestroy();

        console.log(`backend: ${shown}`);
        console.log(`first API request after start: CLI ${cliFirst} ms, Automation API ${autoFirst} ms`);
        for (const [label, ms] of cliFirsts) console.log(`  first request ${String(ms).padStart(6)} ms  CLI ${label}`);
        console.log(`bindings on the server made by the shards: ${bound} (expected 4); API requests in all: ${first.count}`);
        for (const [label, ms] of rows) console.log(`${String(ms).padStart(7)} ms  ${label}`);
        const left = emu.store.list(ORG, "claw/instances").length + emu.store.list(ORG, "claw/mentor-configs").length;
        console.log(`left on the service after destroy: ${left} (expected 0)`);
        if (bound !== 4 || left !== 0) process.exitCode = 1;
    } finally {
        await emu.close();
        fs.rmSync(workDir, { recursive: true, force: true });
    }
}

main().catch((e: unknown) => {
    const err = e as { message?: string; stdout?: string; stderr?: string };
    console.error([err.message ?? String(e), err.stdout, err.stderr].filter(Boolean).join("\n"));
    process.exit(1);
});
