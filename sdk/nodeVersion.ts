/**
 * The Node.js version guard. Every entry point of the package imports this module first,
 * so that an unsupported Node fails at once with the version it needs, instead of deep
 * inside undici (on Node 20 undici 8 dies with `TypeError ... (reading 'bind')`, because
 * `zlib.createZstdDecompress` does not exist there).
 *
 * @example
 * ```ts
 * import { assertSupportedNode } from "pulumi-iblai-claw/sdk";
 * assertSupportedNode("20.20.2"); // throws ConfigError: ... needs Node.js >= 22.19.0 ...
 * ```
 */
import { ConfigError } from "./errors";

/** The oldest Node.js the package runs on: undici 8, the sdk's HTTP client, needs 22.19. */
export const MIN_NODE_VERSION = "22.19.0";

function parts(v: string): number[] {
    return v
        .replace(/^v/, "")
        .split(".")
        .map((p) => Number.parseInt(p, 10) || 0);
}

/** Whether `version` (e.g. `"24.21.0"` or `"v20.20.2"`) is at least {@link MIN_NODE_VERSION}. */
export function isSupportedNode(version: string): boolean {
    const [a, b] = [parts(version), parts(MIN_NODE_VERSION)];
    for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
    return true;
}

/** Throws a {@link ConfigError} naming the version needed and how to get it, unless `version` is supported. */
export function assertSupportedNode(version: string = process.versions.node, execPath: string = process.execPath): void {
    if (isSupportedNode(version)) return;
    throw new ConfigError(`pulumi-iblai-claw needs Node.js >= ${MIN_NODE_VERSION}; this process runs Node.js ${version} (${execPath})`, {
        hint:
            "install Node.js 22.19+ or 24 (e.g. `nvm install 24`, or your distribution's nodejs package) and run pulumi with it on PATH; " +
            "in a clone of this repository, `bash scripts/setup.sh` brings Node 24 and `source .toolchain/env` puts it first on PATH",
    });
}

assertSupportedNode();
