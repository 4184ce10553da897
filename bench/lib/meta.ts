import { execFileSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/**
 * The commit a bench ran at (with "+dirty" when the tree has changes), or undefined outside git.
 *
 * @example
 * ```ts
 * const result = { at: new Date().toISOString(), commit: gitCommit() };
 * ```
 */
export function gitCommit(): string | undefined {
    try {
        const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
        const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8" }).trim();
        return dirty ? `${head}+dirty` : head;
    } catch {
        return undefined;
    }
}

/**
 * Calls the emulator's admin API (`/__emulator/<p>`): reset, requests, faults.
 *
 * @example
 * ```ts
 * await emulatorAdmin(url, "POST", "reset");
 * ```
 */
export async function emulatorAdmin(url: string, method: string, p: string): Promise<unknown> {
    const r = await fetch(`${url}/__emulator/${p}`, { method });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} /__emulator/${p}: ${r.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
}
