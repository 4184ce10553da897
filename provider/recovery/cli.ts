#!/usr/bin/env node
import { execFileSync, spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { resolveConnection } from "../engine/connection";
import { fileBackendDir, programDir, repairEmptyAttrs, stackLocks } from "./backend";
import { type ExportedStack, resolvePendingCreates } from "./pending";

const USAGE = `usage: iblai-claw-recover [--stack S] [--force]

After a pulumi up, destroy or refresh was killed (SIGKILL, crash, CI timeout), run this
once in the program's folder, with the environment you run pulumi with; then run the
interrupted command again (pulumi up, or pulumi destroy). It:
  1. removes an empty <stack>.json.attrs of a file backend ("failed to load checkpoint: EOF");
  2. removes the stack's lock when the pulumi that held it is gone (pulumi cancel);
     a lock of a live process, or of another machine, is left alone (--force removes it);
     on other backends (PostgreSQL, s3, ...) it cannot see locks: --force runs pulumi cancel;
  3. resolves pending creates: each object the provider can prove it made goes into the
     state with its id; the rest are dropped (the next up creates what is declared).
See docs/operations.md.`;

function pulumi(args: string[], input?: string): string {
    return execFileSync("pulumi", [...args, "--non-interactive"], { encoding: "utf8", input, maxBuffer: 512 * 1024 * 1024, stdio: ["pipe", "pipe", "pipe"] });
}

function say(line: string): void {
    process.stdout.write(`[recover] ${line}\n`);
}

async function main(): Promise<number> {
    const { values } = parseArgs({ options: { stack: { type: "string", short: "s" }, force: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
    if (values.help) {
        say(USAGE);
        return 0;
    }
    const stackArgs = values.stack ? ["-s", values.stack] : [];

    const whoami = JSON.parse(pulumi(["whoami", "--json"])) as { url?: string };
    const dir = fileBackendDir(whoami.url ?? process.env.PULUMI_BACKEND_URL);
    if (dir) for (const f of repairEmptyAttrs(dir)) say(`removed the empty ${f} a kill left ("failed to load checkpoint: EOF")`);

    const stack = values.stack ?? pulumi(["stack", "--show-name"]).trim();
    if (dir) {
        const locks = stackLocks(dir, stack);
        const live = locks.filter((l) => !l.stale);
        if (live.length && !values.force) {
            for (const l of live) say(`lock ${l.file}: pid ${l.pid ?? "?"} on ${l.hostname ?? "?"} since ${l.timestamp ?? "?"} may still run`);
            say("another pulumi may still be running on this stack: wait for it, or rerun with --force if you know it is gone");
            return 1;
        }
        if (locks.length) {
            pulumi(["cancel", "--yes", ...stackArgs]);
            say(`removed ${locks.length} lock(s) of stack ${stack} left by a pulumi that is gone`);
        }
    } else if (values.force) {
        // Other DIY backends (PostgreSQL, s3, ...) keep their locks out of reach of this tool:
        // --force clears them through the engine itself.
        pulumi(["cancel", "--yes", ...stackArgs]);
        say(`removed any lock of stack ${stack} (pulumi cancel, --force)`);
    } else {
        const scheme = (whoami.url ?? process.env.PULUMI_BACKEND_URL ?? "").split(":")[0] || "this";
        say(`locks of a ${scheme} backend are not inspected here: if pulumi says "the stack is currently locked" and the pulumi it names is gone, rerun with --force (runs pulumi cancel)`);
    }

    const state = JSON.parse(pulumi(["stack", "export", "--show-secrets", ...stackArgs])) as ExportedStack;
    const creates = (state.deployment.pending_operations ?? []).filter((o) => o.type === "creating");
    if (creates.length === 0) {
        say(`stack ${stack}: no pending creates`);
        return 0;
    }
    const token = spawnSync("pulumi", ["config", "get", "iblai:apiToken", ...stackArgs], { encoding: "utf8" });
    const conn = resolveConnection((k) => {
        if (k === "iblai:apiToken" && token.status === 0) return token.stdout.trim() || undefined;
        return undefined;
    });
    // The provider's journal lives where the program runs (journal.ts).
    process.chdir(programDir(process.cwd()));
    const results = await resolvePendingCreates(state, conn);
    // Secrets are opened in the export, and sealed again by the import: nothing touches the disk.
    pulumi(["stack", "import", ...stackArgs], JSON.stringify(state));
    for (const r of results) say(`${r.outcome === "imported" ? "in state" : "dropped "}  ${r.urn}: ${r.note}`);
    say(`resolved ${results.length} pending create(s); now run the interrupted command again (pulumi up, or pulumi destroy)`);
    return 0;
}

main().then(
    (code) => process.exit(code),
    (e: unknown) => {
        const err = e as { stderr?: string; message?: string };
        process.stderr.write(`[recover] failed: ${err.stderr?.trim() || err.message || String(e)}\n`);
        process.exit(1);
    },
);
