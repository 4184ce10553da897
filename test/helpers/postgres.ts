import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A throwaway PostgreSQL cluster on loopback, for the Pulumi PostgreSQL state backend. */
export interface PostgresServer {
    /** Backend URL without the password (`pulumi login` / PULUMI_BACKEND_URL). */
    readonly url: string;
    /** The password; pass it as PGPASSWORD ({@link PostgresServer.env}), never in the URL. */
    readonly password: string;
    /** Environment a client needs beside the URL (PGPASSWORD). */
    readonly env: Record<string, string>;
    readonly port: number;
    /** The postmaster's pid. */
    readonly pid: number;
    /** Runs one SQL statement with psql; rows as lines, columns joined by `|`. */
    query(sql: string): Promise<string[]>;
    /** Stops the cluster (pg_ctl stop, then SIGKILL of its pid if that failed) and removes its folder. */
    stop(): Promise<void>;
}

/**
 * The folder of Debian's PostgreSQL binaries (`/usr/lib/postgresql/<major>/bin`), newest
 * major first; throws naming the package when none is installed.
 *
 * @example
 * ```ts
 * postgresBinDir(); // "/usr/lib/postgresql/15/bin"
 * ```
 */
export function postgresBinDir(root = "/usr/lib/postgresql"): string {
    const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
    for (const m of majors) {
        const bin = path.join(root, m, "bin");
        if (fs.existsSync(path.join(bin, "initdb")) && fs.existsSync(path.join(bin, "pg_ctl"))) return bin;
    }
    throw new Error(
        `no PostgreSQL server binaries under ${root}/<major>/bin (initdb, pg_ctl): install Debian's "postgresql" package ` +
            "(apt-get install -y postgresql; scripts/setup.sh does it for the test tier)",
    );
}

async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const s = net.createServer();
        s.once("error", reject);
        s.listen(0, "127.0.0.1", () => {
            const { port } = s.address() as net.AddressInfo;
            s.close(() => resolve(port));
        });
    });
}

/**
 * initdb refuses to run as root: as root, the cluster's commands run as the `postgres` user
 * the Debian package creates, through runuser.
 */
function asOwner(cmd: string, args: string[]): [string, string[]] {
    if (process.getuid?.() !== 0) return [cmd, args];
    return ["runuser", ["-u", "postgres", "--", cmd, ...args]];
}

/**
 * Starts a throwaway cluster: `initdb` into a temp folder (one superuser `claw` with a
 * random password, scram-sha-256), `pg_ctl start` on 127.0.0.1 at a free port, its socket in
 * the same folder. Nothing listens beyond loopback; `stop()` ends it by pid.
 *
 * @example
 * ```ts
 * const pg = await startPostgres();
 * // PULUMI_BACKEND_URL=pg.url, PGPASSWORD=pg.password
 * await pg.stop();
 * ```
 */
export async function startPostgres(): Promise<PostgresServer> {
    const bin = postgresBinDir();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iblai-pg-"));
    const data = path.join(dir, "data");
    const password = randomBytes(18).toString("base64url");
    const pwfile = path.join(dir, "pw");
    fs.writeFileSync(pwfile, password, { mode: 0o600 });
    if (process.getuid?.() === 0) execFileSync("chown", ["-R", "postgres:", dir]);
    const owner = (cmd: string, args: string[]) => {
        const [c, a] = asOwner(path.join(bin, cmd), args);
        return run(c, a, { maxBuffer: 16 << 20 });
    };
    await owner("initdb", ["-D", data, "-U", "claw", `--pwfile=${pwfile}`, "-A", "scram-sha-256", "--no-sync", "--no-instructions"]);
    fs.rmSync(pwfile);
    const port = await freePort();
    try {
        await owner("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "-o", `-k ${dir} -h 127.0.0.1 -p ${port}`, "start"]);
    } catch (e) {
        const log = fs.existsSync(path.join(dir, "server.log")) ? fs.readFileSync(path.join(dir, "server.log"), "utf8") : "";
        fs.rmSync(dir, { recursive: true, force: true });
        throw new Error(`pg_ctl start on 127.0.0.1:${port} failed: ${(e as Error).message}\n${log}`);
    }
    const pid = Number(fs.readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
    const env = { PGPASSWORD: password };
    return {
        url: `postgres://claw@127.0.0.1:${port}/postgres?sslmode=disable`,
        password,
        env,
        port,
        pid,
        async query(sql) {
            const { stdout } = await run(path.join(bin, "psql"), ["-h", "127.0.0.1", "-p", String(port), "-U", "claw", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-Atc", sql], {
                env: { ...process.env, ...env },
            });
            return stdout.split("\n").filter((l) => l !== "");
        },
        async stop() {
            try {
                await owner("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"]);
            } catch {
                try {
                    process.kill(pid, "SIGKILL");
                } catch {
                    // already gone
                }
            }
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}
