import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * What a killed `pulumi` leaves in a local file backend (`pulumi login file://DIR`), and
 * how to tell it from a live run. See docs/operations.md.
 */

function walk(dir: string, out: string[] = []): string[] {
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
        return out;
    }
    for (const e of entries) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p, out);
        else out.push(p);
    }
    return out;
}

/**
 * Deletes the empty `<stack>.json.attrs` files of a file backend, and returns their paths.
 * The storage library Pulumi uses (gocloud.dev fileblob) rewrites this small metadata file
 * beside each state file in place, so a kill at that moment can leave it empty; from then
 * on every command fails with "failed to load checkpoint: EOF". An absent file is fine (the
 * library then assumes no metadata), an empty one is not.
 *
 * @example
 * ```ts
 * for (const f of repairEmptyAttrs("/home/me/.pulumi-state")) console.log(`removed empty ${f}`);
 * ```
 */
export function repairEmptyAttrs(backendDir: string): string[] {
    const removed: string[] = [];
    for (const f of walk(path.join(backendDir, ".pulumi"))) {
        if (!f.endsWith(".attrs")) continue;
        try {
            if (fs.statSync(f).size === 0) {
                fs.rmSync(f);
                removed.push(f);
            }
        } catch {
            // gone meanwhile
        }
    }
    return removed;
}

/** One lock file of a stack, and whether the process that wrote it is gone. */
export interface StackLock {
    file: string;
    pid?: number;
    hostname?: string;
    timestamp?: string;
    /** On this machine and its process no longer runs: a kill left it. */
    stale: boolean;
}

function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (e) {
        return (e as NodeJS.ErrnoException).code === "EPERM";
    }
}

/**
 * The lock files of a stack in a file backend (`.pulumi/locks/.../<stack>/*.json`). A live
 * `pulumi` holds one while it runs; a killed one leaves it, and every later command stops
 * with "the stack is currently locked" until `pulumi cancel` removes it.
 *
 * @example
 * ```ts
 * const locks = stackLocks("/home/me/.pulumi-state", "dev");
 * if (locks.length && locks.every((l) => l.stale)) console.log("safe to run: pulumi cancel --yes");
 * ```
 */
export function stackLocks(backendDir: string, stack: string): StackLock[] {
    const name = stack.split("/").pop() as string;
    const out: StackLock[] = [];
    for (const f of walk(path.join(backendDir, ".pulumi", "locks"))) {
        if (!f.endsWith(".json") || path.basename(path.dirname(f)) !== name) continue;
        let lock: { pid?: number; hostname?: string; timestamp?: string } = {};
        try {
            lock = JSON.parse(fs.readFileSync(f, "utf8")) as typeof lock;
        } catch {
            // unreadable: judged below as not provably stale
        }
        const here = lock.hostname === os.hostname();
        out.push({ file: f, pid: lock.pid, hostname: lock.hostname, timestamp: lock.timestamp, stale: here && typeof lock.pid === "number" && !alive(lock.pid) });
    }
    return out;
}

/**
 * The folder of a `file://` backend URL, or undefined for any other backend.
 *
 * @example
 * ```ts
 * fileBackendDir("file:///home/me/state"); // "/home/me/state"
 * fileBackendDir("file://~");              // the home folder
 * ```
 */
export function fileBackendDir(url: string | undefined): string | undefined {
    if (!url?.startsWith("file://")) return undefined;
    const rest = url.slice("file://".length).replace(/\?.*$/, "");
    return rest === "~" || rest.startsWith("~/") ? path.join(os.homedir(), rest.slice(1)) : rest;
}

/**
 * The folder the program (and so its dynamic provider, which keeps the journal there) runs
 * in: the project's `main` when it names a folder or a file in one, else the project folder.
 *
 * @example
 * ```ts
 * programDir("/repo"); // "/repo/quickstart" for `main: quickstart/index.ts`
 * ```
 */
export function programDir(projectDir: string): string {
    let text = "";
    for (const f of ["Pulumi.yaml", "Pulumi.yml"]) {
        try {
            text = fs.readFileSync(path.join(projectDir, f), "utf8");
            break;
        } catch {
            // try the other spelling
        }
    }
    const main = /^main:\s*["']?([^"'#\n]+?)["']?\s*(#.*)?$/m.exec(text)?.[1];
    if (!main) return projectDir;
    const p = path.resolve(projectDir, main);
    return fs.existsSync(p) && fs.statSync(p).isDirectory() ? p : path.dirname(p);
}
