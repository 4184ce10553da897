import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Emulator } from "../../emulator";
import { ORG, TOKEN } from "./emulator";
import { PASSPHRASE, ROOT } from "./pulumi";

/**
 * `iblai-claw fleet` as a user runs it in the e2e tier: the installed package's CLI, one
 * process per command, in a folder under .e2e/ (where the engine resolves pulumi-iblai-claw)
 * with its declaration and, unless a backend is given, a file backend of its own.
 */

export const CLI = path.join(ROOT, "node_modules/pulumi-iblai-claw/dist/generate/cli.js");
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

export interface Run {
    code: number | null;
    out: string;
}

/** A fleet folder under .e2e/ (so the engine resolves pulumi-iblai-claw) with its declaration and backend. */
export class Fleet {
    readonly dir = fs.mkdtempSync(path.join(ROOT, ".e2e", "fleet-"));
    constructor(
        private readonly backend: { url: string; env?: Record<string, string> } | undefined,
        private readonly emu: Emulator,
    ) {
        if (!backend) fs.mkdirSync(path.join(this.dir, ".state"));
    }

    declare(text: string): void {
        fs.writeFileSync(path.join(this.dir, "fleet.yaml"), text);
    }

    env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
        const env: NodeJS.ProcessEnv = {
            ...process.env,
            PULUMI_BACKEND_URL: this.backend?.url ?? `file://${path.join(this.dir, ".state")}`,
            PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            FLEET_API_TOKEN: TOKEN,
            ...this.backend?.env,
        };
        // The token reaches the fleet only as its declaration says (FLEET_API_TOKEN), unless a test gives it.
        delete env.IBLAI_API_TOKEN;
        return { ...env, ...extra };
    }

    /** Variables every command of this fleet gets (e.g. the `{ env }` refs of a generated declaration). */
    extraEnv: Record<string, string> = {};

    start(args: string[]): { child: ChildProcess; done: Promise<Run> } {
        // Its own process group, so a kill -9 takes the engines it started with it (a crashed machine).
        const child = spawn(process.execPath, [CLI, "fleet", ...args, "-f", path.join(this.dir, "fleet.yaml")], { cwd: this.dir, env: this.env(this.extraEnv), detached: true, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
        child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
        const done = new Promise<Run>((resolve) => child.on("close", (code) => resolve({ code, out })));
        return { child, done };
    }

    /** Runs a command to its end; one that hangs is killed (its whole group) after 150 s, so a test fails instead of hanging. */
    async run(...args: string[]): Promise<Run> {
        const { child, done } = this.start(args);
        const guard = setTimeout(() => process.kill(-(child.pid as number), "SIGKILL"), 150_000);
        try {
            return await done;
        } finally {
            clearTimeout(guard);
        }
    }

    /**
     * Kills what a killed fleet left running in its folder: the engine starts each provider host
     * in a process group of its own, so a kill of the fleet's group leaves them behind (ppid 1).
     * Returns how many it stopped.
     */
    killStrays(): number {
        let n = 0;
        for (const name of fs.readdirSync("/proc")) {
            if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
            let cwd: string;
            try {
                cwd = fs.readlinkSync(`/proc/${name}/cwd`);
            } catch {
                continue; // gone, or not ours to read
            }
            if (cwd !== this.dir && !cwd.startsWith(`${this.dir}/`)) continue;
            try {
                process.kill(Number(name), "SIGKILL");
                n++;
            } catch {
                // exited meanwhile
            }
        }
        return n;
    }

    rows(collection: string): Record<string, unknown>[] {
        return this.emu.store.list(ORG, collection);
    }
}

