import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { ROOT } from "./pulumi";

const run = promisify(execFile);

/** The last release that landed (0.1.0): the dynamic resources as users have them today. */
export const PREVIOUS_RELEASE = "9e69307";

/**
 * Builds the package as it was at `commit` into a temp folder (git archive, the repo's
 * node_modules linked, tsc without declarations) and returns the folder: a program that
 * links it as `node_modules/pulumi-iblai-claw` runs that release. ~25 s on 2 shared cores.
 *
 * @example
 * ```ts
 * const old = await buildRelease(PREVIOUS_RELEASE);
 * fs.symlinkSync(old.dir, path.join(project.dir, "node_modules/pulumi-iblai-claw"));
 * await old.dispose();
 * ```
 */
export async function buildRelease(commit: string): Promise<{ dir: string; dispose(): void }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `iblai-claw-${commit}-`));
    const archive = path.join(dir, "src.tar");
    await run("git", ["-C", ROOT, "archive", "-o", archive, commit]);
    await run("tar", ["-xf", archive, "-C", dir]);
    fs.rmSync(archive);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
    const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
    try {
        await run("nice", ["-n", "10", process.execPath, tsc, "-p", path.join(dir, "tsconfig.json"), "--declaration", "false"], { cwd: dir });
    } catch (e) {
        const err = e as { stdout?: string };
        throw new Error(`building release ${commit} in ${dir} failed: ${err.stdout ?? String(e)}\nhint: the commit must exist in ${ROOT} (git fetch) and build with the repo's TypeScript`);
    }
    return { dir, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
