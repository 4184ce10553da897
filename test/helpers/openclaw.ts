/**
 * A real OpenClaw gateway as a test fixture: `openclaw gateway` from the pinned package that
 * scripts/setup.sh installs into the user cache, started on a free loopback port with its
 * own temp state folder and HOME, always `--bind loopback`. One per test file (startup
 * takes seconds); stopped by pid, with its process group and every descendant, in afterAll.
 *
 * The fixture's config allows uploaded skill archives (`skills.install.allowUploadedArchives`),
 * as provisioning does for the platform's skill delivery.
 *
 * The gateway trusts 127.0.0.1 as a reverse proxy (`gateway.trustedProxies`), as a gateway
 * behind its TLS proxy does: a client that sends `X-Forwarded-For: <public ip>` (the
 * emulator sends an instance's `auth_headers`) is then a remote client, which needs device
 * pairing and gets no scopes without a device, exactly as ibl.ai's backend does. Without
 * that header a loopback client is local and its device is paired silently.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { Agent, fetch as undiciFetch } from "undici";
import { connectGateway, type GatewaySession } from "../../emulator/openclawGateway";

/** What the emulator's instance sends to look like ibl.ai's backend reaching the gateway through its proxy. */
export const REMOTE_CLIENT_HEADERS = { "X-Forwarded-For": "203.0.113.7" } as const;

/** The installed `openclaw` binary and the Node it needs, or an error saying how to get them. */
export function openclawInstall(): { bin: string; nodeDir: string } {
    const cache = process.env.IBLAI_CLAW_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "pulumi-iblai-claw");
    const env = fs.readFileSync(path.join(__dirname, "../../scripts/toolchain.env"), "utf8");
    const version = /^OPENCLAW_VERSION=(\S+)/m.exec(env)?.[1];
    const nodeVersion = /^NODE_VERSION=(\S+)/m.exec(env)?.[1];
    const bin = process.env.IBLAI_OPENCLAW_BIN ?? path.join(cache, `openclaw-v${version}`, "node_modules", ".bin", "openclaw");
    const nodeDir = process.env.IBLAI_OPENCLAW_NODE ?? path.join(cache, `node-v${nodeVersion}`, "bin");
    if (!fs.existsSync(bin)) {
        throw new Error(`the real OpenClaw gateway (npm openclaw@${version}) is not installed at ${bin}: run scripts/test.sh, or scripts/setup.sh --with-openclaw (it installs it into the user cache; see docs/emulator.md)`);
    }
    return { bin, nodeDir };
}

/** A free loopback port (for a server that takes its port on the command line). */
export async function freePort(): Promise<number> {
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
    const port = (srv.address() as net.AddressInfo).port;
    await new Promise<void>((r) => srv.close(() => r()));
    return port;
}

/** Pids of every descendant of `pid` (from /proc), deepest last. */
function descendants(pid: number): number[] {
    const children = new Map<number, number[]>();
    for (const entry of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        try {
            const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
            const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
            children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
        } catch {
            // gone meanwhile
        }
    }
    const out: number[] = [];
    const walk = (p: number) => {
        for (const c of children.get(p) ?? []) {
            out.push(c);
            walk(c);
        }
    };
    walk(pid);
    return out;
}

/** Whether a process of that pid exists. */
export const alive = (pid: number): boolean => {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
};

export interface OpenClawOptions {
    /** Extra config merged over the fixture's (`gateway.trustedProxies`, `logging.file`, `skills.install`). */
    config?: Record<string, unknown>;
    /** How long to wait for readiness, ms. Default 120000. */
    readyTimeoutMs?: number;
    /** Serve https/wss with this certificate and key (PEM; `gateway.tls`); the certificate is trusted by the helper. */
    tls?: { cert: string; key: string };
}

/** A running real gateway. */
export interface OpenClawGateway {
    /** `http://127.0.0.1:<port>` (`https://` with `tls`): an instance's `server_url`. */
    url: string;
    port: number;
    token: string;
    pid: number;
    stateDir: string;
    /** How long it took from spawn to ready, ms. */
    startupMs: number;
    /** The config file as the gateway keeps it (`<state>/openclaw.json`). */
    configFile(): Record<string, unknown>;
    /** Calls a gateway method as a local operator (token only: loopback clients are trusted). */
    rpc<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
    /** An agent's workspace file as the gateway serves it (`agents.files.get`), or undefined when missing. */
    agentFile(agentId: string, name: string): Promise<string | undefined>;
    /** Any file under an agent's workspace (`agents.workspace.get`): text as a string, images as their bytes; undefined when missing. */
    workspaceFile(agentId: string, path: string): Promise<string | Buffer | undefined>;
    /** The monitor scratch of the agent's heartbeat job (`cron.list`, `cron.scratch.get`), or undefined when it has none. */
    heartbeatScratch(agentId: string): Promise<{ content: string; revision: number } | undefined>;
    /** Runs the `openclaw` CLI against this gateway (its state folder and HOME; `--url`/`--token` added for gateway commands). */
    cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
    /** `openclaw devices list --json`. */
    devices(): Promise<{ pending: Array<{ requestId: string; deviceId: string }>; paired?: Array<{ deviceId: string }> }>;
    /** `openclaw devices approve <requestId>`. */
    approve(requestId: string): Promise<void>;
    /** The gateway's log so far (for failure messages). */
    log(): string;
    stop(): Promise<void>;
}

/**
 * Starts a real gateway and waits until it is ready (`/readyz` says so and a handshake works).
 *
 * @example
 * ```ts
 * const gw = await startOpenClaw();
 * await gw.rpc("config.get");
 * await gw.stop();
 * ```
 */
export async function startOpenClaw(options: OpenClawOptions = {}): Promise<OpenClawGateway> {
    const { bin, nodeDir } = openclawInstall();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "iblai-openclaw-"));
    const stateDir = path.join(root, "state");
    const home = path.join(root, "home");
    const tmp = path.join(root, "tmp");
    for (const d of [stateDir, home, tmp]) fs.mkdirSync(d, { recursive: true });
    const logFile = path.join(root, "gateway.log");
    const tlsConfig: Record<string, unknown> = {};
    if (options.tls) {
        fs.writeFileSync(path.join(root, "cert.pem"), options.tls.cert);
        fs.writeFileSync(path.join(root, "key.pem"), options.tls.key, { mode: 0o600 });
        Object.assign(tlsConfig, { tls: { enabled: true, certPath: path.join(root, "cert.pem"), keyPath: path.join(root, "key.pem") } });
    }
    // Provisioned as the platform needs it: uploaded skill archives allowed (docs/real-server.md).
    const base = {
        gateway: { trustedProxies: ["127.0.0.1"], ...tlsConfig },
        logging: { file: path.join(root, "openclaw-file.log") },
        skills: { install: { allowUploadedArchives: true } },
    };
    fs.writeFileSync(path.join(stateDir, "openclaw.json"), JSON.stringify({ ...base, ...options.config, gateway: { ...base.gateway, ...(options.config?.gateway as object | undefined) } }, null, 2));
    const port = await freePort();
    const token = crypto.randomBytes(24).toString("base64url");
    const env = { ...process.env, HOME: home, OPENCLAW_STATE_DIR: stateDir, TMPDIR: tmp, PATH: `${nodeDir}:${process.env.PATH ?? ""}`, NO_COLOR: "1" };
    const out = fs.openSync(logFile, "a");
    const started = Date.now();
    // ALWAYS --bind loopback: only loopback may be used here.
    const child: ChildProcess = spawn(bin, ["gateway", "--bind", "loopback", "--port", String(port), "--auth", "token", "--token", token, "--allow-unconfigured"], {
        env,
        detached: true,
        stdio: ["ignore", out, out],
    });
    fs.closeSync(out);
    const pid = child.pid as number;
    const url = `${options.tls ? "https" : "http"}://127.0.0.1:${port}`;
    const dispatcher = options.tls ? new Agent({ connect: { ca: options.tls.cert } }) : undefined;
    const log = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").replace(token, "<token>") : "");

    const stop = async () => {
        const pids = [pid, ...descendants(pid)];
        try {
            process.kill(-pid, "SIGTERM");
        } catch {
            // already gone
        }
        for (const p of pids) {
            try {
                process.kill(p, "SIGTERM");
            } catch {
                // already gone
            }
        }
        const deadline = Date.now() + 15_000;
        while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        for (const p of pids.filter(alive)) process.kill(p, "SIGKILL");
        fs.rmSync(root, { recursive: true, force: true });
    };

    const deadline = started + (options.readyTimeoutMs ?? 120_000);
    let exited: string | undefined;
    child.once("exit", (code, signal) => (exited = `exited with ${code ?? signal}`));
    for (;;) {
        if (exited) throw new Error(`openclaw gateway ${exited} before it was ready:\n${log().slice(-3000)}`);
        if (Date.now() > deadline) {
            await stop();
            throw new Error(`openclaw gateway not ready within ${options.readyTimeoutMs ?? 120_000} ms:\n${log().slice(-3000)}`);
        }
        const ready = await undiciFetch(`${url}/readyz`, dispatcher ? { dispatcher } : {}).then(
            (r) => r.json().then((b) => (b as { ready?: boolean }).ready === true),
            () => false,
        );
        if (ready) break;
        await new Promise((r) => setTimeout(r, 250));
    }
    let operator: GatewaySession | undefined;
    const rpc = async <T>(method: string, params: Record<string, unknown> = {}): Promise<T> => {
        operator ??= await connectGateway({ serverUrl: url, token, timeoutMs: 60_000, ...(options.tls ? { ca: options.tls.cert } : {}) });
        return operator.request<T>(method, params);
    };
    await rpc("config.get"); // the handshake works too (startup sidecars done)
    const startupMs = Date.now() - started;

    const cli = (args: string[]) =>
        new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
            const gatewayArgs = ["devices", "config"].includes(args[0] ?? "") && args[1] !== "schema" ? ["--url", `${options.tls ? "wss" : "ws"}://127.0.0.1:${port}`, "--token", token] : [];
            execFile(bin, [...args, ...gatewayArgs], { env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
                resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr: stderr.replace(token, "<token>") }),
            );
        });

    return {
        url,
        port,
        token,
        pid,
        stateDir,
        startupMs,
        configFile: () => JSON.parse(fs.readFileSync(path.join(stateDir, "openclaw.json"), "utf8")) as Record<string, unknown>,
        rpc,
        agentFile: async (agentId, name) => {
            const r = await rpc<{ file?: { missing?: boolean; content?: string } }>("agents.files.get", { agentId, name });
            return r.file?.missing ? undefined : r.file?.content;
        },
        workspaceFile: async (agentId, p) => {
            try {
                const r = await rpc<{ file?: { encoding?: string; content?: string } }>("agents.workspace.get", { agentId, path: p });
                return r.file?.encoding === "base64" ? Buffer.from(String(r.file.content), "base64") : r.file?.content;
            } catch (e) {
                if (/not found/.test((e as Error).message)) return undefined;
                throw e;
            }
        },
        heartbeatScratch: async (agentId) => {
            const { jobs = [] } = await rpc<{ jobs?: Array<{ id: string; declarationKey?: string }> }>("cron.list", { includeDisabled: true });
            const job = jobs.find((j) => j.declarationKey === `heartbeat:${agentId}`);
            if (!job) return undefined;
            const r = await rpc<{ scratch?: { content: string; revision: number } | null }>("cron.scratch.get", { id: job.id });
            return r.scratch ?? undefined;
        },
        cli,
        devices: async () => {
            const r = await cli(["devices", "list", "--json"]);
            if (r.code !== 0) throw new Error(`openclaw devices list failed (${r.code}): ${r.stderr}`);
            return JSON.parse(r.stdout.slice(r.stdout.indexOf("{")));
        },
        approve: async (requestId) => {
            const r = await cli(["devices", "approve", requestId]);
            if (r.code !== 0) throw new Error(`openclaw devices approve failed (${r.code}): ${r.stdout}${r.stderr}`);
        },
        log,
        stop: async () => {
            operator?.close();
            await dispatcher?.close();
            await stop();
        },
    };
}

/**
 * One real gateway for a test file: started in beforeAll (its startup time printed), stopped in afterAll.
 *
 * @example
 * ```ts
 * const oc = useOpenClaw();
 * it("...", async () => { await oc().rpc("config.get"); });
 * ```
 */
export function useOpenClaw(options: OpenClawOptions = {}): () => OpenClawGateway {
    let gw: OpenClawGateway | undefined;
    beforeAll(async () => {
        gw = await startOpenClaw(options);
        process.stdout.write(`[openclaw] gateway ${gw.url} ready in ${gw.startupMs} ms (pid ${gw.pid})\n`);
    }, 180_000);
    afterAll(async () => {
        await gw?.stop();
    }, 30_000);
    return () => {
        if (!gw) throw new Error("the openclaw gateway is not started yet (use it inside a test)");
        return gw;
    };
}
