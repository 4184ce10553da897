import { type ChildProcess, spawn } from "node:child_process";

/**
 * Starts the emulator CLI with `node <nodeArgs>` (a script and its flags) and waits for its
 * "listening on" line; the emulator's stderr goes to ours.
 *
 * @example
 * ```ts
 * const { child, url } = await startEmulatorCli(["dist/emulator/cli.js", "--port", "0", "--org", "o", "--token", "t"]);
 * ```
 */
export async function startEmulatorCli(nodeArgs: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ child: ChildProcess; url: string }> {
    const child = spawn(process.execPath, nodeArgs, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "inherit"] });
    const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout?.on("data", (c: Buffer) => {
            out += c.toString();
            const m = /listening on (http:\/\/\S+)/.exec(out);
            if (m) resolve(m[1] as string);
        });
        child.once("exit", (code) => reject(new Error(`emulator exited with ${code}: ${out}`)));
    });
    return { child, url };
}
