import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The pinned OpenClaw version (the schema snapshot's). */
export const OPENCLAW_VERSION = "2026.9.6";

/**
 * The installed openclaw package of `version`: where scripts/setup.sh puts it, or its
 * `.partial` folder while an install is being moved into place. Throws when neither exists.
 *
 * @example
 * ```ts
 * const pkg = openclawPackage(); // ~/.cache/pulumi-iblai-claw/openclaw-v2026.9.6/node_modules/openclaw
 * ```
 */
export function openclawPackage(version = OPENCLAW_VERSION): string {
    const cache = process.env.IBLAI_CLAW_CACHE || path.join(os.homedir(), ".cache", "pulumi-iblai-claw");
    const found = [`openclaw-v${version}`, `openclaw-v${version}.partial`].map((d) => path.join(cache, d, "node_modules", "openclaw")).find((d) => fs.existsSync(path.join(d, "openclaw.mjs")));
    if (!found) throw new Error(`openclaw@${version} is not installed in ${cache}: run scripts/test.sh, or scripts/setup.sh --with-openclaw`);
    return found;
}

/**
 * Runs the real `openclaw` CLI with HOME and OPENCLAW_STATE_DIR in `home` (never this
 * machine's own), on this Node (>= 24.16 under jest here). Returns stdout and stderr together.
 *
 * @example
 * ```ts
 * openclaw(home, ["config", "patch", "--stdin", "--dry-run"], JSON.stringify(patch));
 * ```
 */
export function openclaw(home: string, args: string[], input?: string): string {
    const env = { ...process.env, HOME: home, OPENCLAW_STATE_DIR: path.join(home, "state"), NO_COLOR: "1" };
    try {
        return execFileSync(process.execPath, [path.join(openclawPackage(), "openclaw.mjs"), ...args], { input, env, encoding: "utf8", stdio: "pipe", timeout: 60_000 });
    } catch (e) {
        const x = e as { stdout?: string; stderr?: string };
        return `${x.stdout ?? ""}${x.stderr ?? ""}`;
    }
}
