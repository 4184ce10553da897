import { type ChildProcess, execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { repairEmptyAttrs } from "../../provider/recovery/backend";

const run = promisify(execFile);
export const ROOT = path.resolve(__dirname, "../..");
export const PASSPHRASE = "e2e-passphrase";

/**
 * The e2e tier needs the real engine. No skip: without it the suite fails and says why.
 */
export async function requirePulumi(): Promise<string> {
    try {
        const { stdout } = await run("pulumi", ["version"], { env: cliEnv() });
        return stdout.trim();
    } catch {
        throw new Error(
            "the pulumi CLI is not on PATH: run the tests through scripts/test.sh, which builds the pinned engine " +
                "(see README, 'What setup does')",
        );
    }
}

function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
        ...process.env,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
        PULUMI_DIY_BACKEND_DISABLE_CHECKPOINT_BACKUPS: "true",
        NO_COLOR: "1",
        ...extra,
    };
    // The connection must come from stack config in these tests, never from the runner.
    delete env.IBLAI_BASE_URL;
    delete env.IBLAI_ORG;
    delete env.IBLAI_API_TOKEN;
    delete env.PULUMI_ACCESS_TOKEN;
    return env;
}

export interface CliResult {
    code: number;
    stdout: string;
    stderr: string;
}

/**
 * A throwaway Pulumi project under .e2e/ (inside the repo, so the program resolves the
 * installed package node_modules/pulumi-iblai-claw by name, as a user's would), with its
 * own file backend (or the given one, e.g. PostgreSQL) and one stack.
 */
export class PulumiProject {
    readonly dir: string;
    readonly stack = "e2e";
    private readonly backend: string;
    /** Another state backend than the project's own file backend (PostgreSQL), and the env it needs. */
    private readonly stateBackend?: { url: string; env?: Record<string, string> };

    constructor(name: string, program: string, options: { dir?: string; copyFrom?: string; backend?: { url: string; env?: Record<string, string> } } = {}) {
        this.dir = options.dir ?? fs.mkdtempSync(path.join(ROOT, ".e2e", `${name}-`));
        this.backend = path.join(this.dir, ".state");
        this.stateBackend = options.backend;
        fs.mkdirSync(this.backend, { recursive: true });
        if (options.copyFrom) {
            // An existing project (an example) as it is, run from a throwaway copy.
            fs.cpSync(options.copyFrom, this.dir, { recursive: true, filter: (src) => !src.includes("node_modules") });
            return;
        }
        fs.writeFileSync(
            path.join(this.dir, "Pulumi.yaml"),
            `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`,
        );
        // Without a package.json of its own, the language host would take the nearest one
        // up the tree (the repo's) and run the library as the program.
        fs.writeFileSync(path.join(this.dir, "package.json"), JSON.stringify({ name, private: true, main: "index.ts" }));
        this.writeProgram(program);
    }

    static ensureRoot(): void {
        fs.mkdirSync(path.join(ROOT, ".e2e"), { recursive: true });
    }

    writeProgram(program: string): void {
        fs.writeFileSync(path.join(this.dir, "index.ts"), program);
    }

    /**
     * A kill can leave the file backend's `<stack>.json.attrs` empty, after which every
     * command fails with "failed to load checkpoint: EOF" (docs/operations.md): this project
     * owns its backend, so it detects that before each command, repairs it and says so.
     */
    repairBackend(): string[] {
        if (this.stateBackend) return [];
        const removed = repairEmptyAttrs(this.backend);
        for (const f of removed) console.warn(`[e2e] removed the empty ${path.relative(this.dir, f)} a killed pulumi left`);
        return removed;
    }

    /** Environment of a pulumi command on this project's backend. */
    env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
        if (this.stateBackend) return cliEnv({ PULUMI_BACKEND_URL: this.stateBackend.url, ...this.stateBackend.env, ...extra });
        return cliEnv({ PULUMI_BACKEND_URL: `file://${this.backend}`, ...extra });
    }

    /** Starts a pulumi command in its own process group (so the whole tree can be killed), output piped. */
    start(args: string[], extra: Record<string, string> = {}): ChildProcess {
        this.repairBackend();
        return spawn("pulumi", [...args, "--non-interactive"], { cwd: this.dir, env: this.env(extra), detached: true, stdio: ["ignore", "pipe", "pipe"] });
    }

    async cli(args: string[], opts: { env?: Record<string, string>; allowFail?: boolean } = {}): Promise<CliResult> {
        this.repairBackend();
        const env = this.env(opts.env);
        try {
            const { stdout, stderr } = await run("pulumi", [...args, "--non-interactive"], {
                cwd: this.dir,
                env,
                maxBuffer: 64 * 1024 * 1024,
            });
            return { code: 0, stdout, stderr };
        } catch (e) {
            const err = e as { code?: number; stdout?: string; stderr?: string };
            const res = { code: typeof err.code === "number" ? err.code : 1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
            if (opts.allowFail) return res;
            throw new Error(`pulumi ${args.join(" ")} failed (exit ${res.code}):\n${res.stdout}\n${res.stderr}`);
        }
    }

    async init(config: Record<string, string>, secrets: Record<string, string> = {}): Promise<void> {
        await this.cli(["stack", "init", this.stack]);
        for (const [k, v] of Object.entries(config)) await this.cli(["config", "set", "-s", this.stack, "--plaintext", k, v]);
        for (const [k, v] of Object.entries(secrets)) await this.cli(["config", "set", "-s", this.stack, "--secret", k, v]);
    }

    up(extra: string[] = [], opts: { allowFail?: boolean } = {}) {
        return this.cli(["up", "-s", this.stack, "--yes", "--skip-preview", ...extra], opts);
    }
    preview(extra: string[] = [], opts: { allowFail?: boolean; env?: Record<string, string> } = {}) {
        return this.cli(["preview", "-s", this.stack, ...extra], opts);
    }
    refresh(extra: string[] = []) {
        return this.cli(["refresh", "-s", this.stack, "--yes", "--skip-preview", ...extra]);
    }
    destroy(extra: string[] = []) {
        return this.cli(["destroy", "-s", this.stack, "--yes", "--skip-preview", ...extra]);
    }
    async outputs(): Promise<Record<string, unknown>> {
        const r = await this.cli(["stack", "output", "-s", this.stack, "--json"]);
        return JSON.parse(r.stdout) as Record<string, unknown>;
    }
    async exportState(): Promise<string> {
        return (await this.cli(["stack", "export", "-s", this.stack])).stdout;
    }
    /** Removes the stack (if any) and the project folder. */
    async dispose(): Promise<void> {
        await this.cli(["stack", "rm", "-s", this.stack, "--yes", "--force"], { allowFail: true });
        fs.rmSync(this.dir, { recursive: true, force: true });
    }
}

/** Counts of the change summary Pulumi prints ("+ 1 created", "~ 1 updated", ...). */
export function summary(stdout: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const m of stdout.matchAll(/^\s*[+~\-+]*-?\s*(\d+) (created|updated|deleted|replaced|unchanged|to create|to update|to delete|to replace)\b/gm)) {
        out[m[2]] = Number(m[1]);
    }
    return out;
}
