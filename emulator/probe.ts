/**
 * Real probes of a claw server, as the platform's test-connectivity and health-check do
 * them: can we reach it (TCP, and TLS for https URLs), and does `GET /` answer 200.
 */
import * as http from "node:http";
import * as https from "node:https";
import * as net from "node:net";
import * as tls from "node:tls";

/** One named check of a test-connectivity answer. */
export interface Check {
    name: string;
    passed: boolean;
    detail: string;
}

export interface ProbeOptions {
    timeoutMs: number;
    /** Extra trusted CA certificates (PEM) for https servers. */
    ca?: string;
}

function describe(e: unknown): string {
    const err = e as NodeJS.ErrnoException;
    return err.code && !err.message.includes(err.code) ? `${err.code}: ${err.message}` : err.message;
}

function target(serverUrl: string): { url: URL; host: string; port: number; secure: boolean } {
    const url = new URL(serverUrl);
    const secure = url.protocol === "https:";
    const host = url.hostname.replace(/^\[|\]$/g, "");
    return { url, host, port: url.port ? Number(url.port) : secure ? 443 : 80, secure };
}

/**
 * The `tls_reachable` check: a TCP connection, and a verified TLS handshake for https.
 * A plain http URL passes on TCP alone, and says so.
 */
export function checkReachable(serverUrl: string, opts: ProbeOptions): Promise<Check> {
    const name = "tls_reachable";
    let t: ReturnType<typeof target>;
    try {
        t = target(serverUrl);
    } catch (e) {
        return Promise.resolve({ name, passed: false, detail: `invalid server_url: ${describe(e)}` });
    }
    return new Promise<Check>((resolve) => {
        const where = `${t.host}:${t.port}`;
        const sock: net.Socket = t.secure
            ? tls.connect({
                  host: t.host,
                  port: t.port,
                  servername: net.isIP(t.host) ? undefined : t.host,
                  ca: opts.ca ? [...tls.rootCertificates, opts.ca] : undefined,
              })
            : net.connect({ host: t.host, port: t.port });
        let done = false;
        const finish = (c: Check) => {
            if (done) return;
            done = true;
            clearTimeout(timer);
            sock.destroy();
            resolve(c);
        };
        const timer = setTimeout(() => finish({ name, passed: false, detail: `no answer from ${where} within ${opts.timeoutMs} ms` }), opts.timeoutMs);
        sock.once("error", (e) => finish({ name, passed: false, detail: `${t.secure ? "TLS connection" : "connection"} to ${where} failed: ${describe(e)}` }));
        if (t.secure) {
            sock.once("secureConnect", () => {
                const s = sock as tls.TLSSocket;
                finish({ name, passed: true, detail: `TLS handshake with ${where} succeeded (${s.getProtocol() ?? "TLS"})` });
            });
        } else {
            sock.once("connect", () => finish({ name, passed: true, detail: `TCP connection to ${where} succeeded (plain http: no TLS)` }));
        }
    });
}

/** What `GET path` on the server answered. */
export interface HttpProbe {
    ok: boolean;
    status?: number;
    headers?: http.IncomingHttpHeaders;
    body?: string;
    detail: string;
}

/** `GET {origin}{path}` with the probe timeout; reads at most 64 KiB of the answer. */
export function httpGet(serverUrl: string, path: string, opts: ProbeOptions): Promise<HttpProbe> {
    let t: ReturnType<typeof target>;
    try {
        t = target(serverUrl);
    } catch (e) {
        return Promise.resolve({ ok: false, detail: `invalid server_url: ${describe(e)}` });
    }
    const u = new URL(path, t.url.origin);
    return new Promise<HttpProbe>((resolve) => {
        const mod = t.secure ? https : http;
        const req = mod.request(
            u,
            {
                method: "GET",
                timeout: opts.timeoutMs,
                agent: false,
                ...(t.secure && opts.ca ? { ca: [...tls.rootCertificates, opts.ca] } : {}),
                headers: { "user-agent": "iblai-claw-emulator-probe" },
            },
            (res) => {
                const chunks: Buffer[] = [];
                let size = 0;
                res.on("data", (c: Buffer) => {
                    if (size < 65536) chunks.push(c);
                    size += c.length;
                });
                res.on("end", () => {
                    const status = res.statusCode ?? 0;
                    resolve({
                        ok: status === 200,
                        status,
                        headers: res.headers,
                        body: Buffer.concat(chunks).toString("utf8"),
                        detail: `GET ${u.pathname} answered ${status}${status === 200 ? "" : " (expected 200)"}`,
                    });
                });
                res.on("error", (e) => resolve({ ok: false, detail: `GET ${u.pathname} failed: ${describe(e)}` }));
            },
        );
        req.on("timeout", () => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)));
        req.on("error", (e) => resolve({ ok: false, detail: `GET ${u.pathname} failed: ${describe(e)}` }));
        req.end();
    });
}

/**
 * Both checks of test-connectivity; the health check is skipped (failed, saying why)
 * when the server cannot be reached at all.
 *
 * @example
 * ```ts
 * const { checks, all_passed } = await testConnectivity("https://claw.example.com", { timeoutMs: 3000 });
 * ```
 */
export async function testConnectivity(serverUrl: string, opts: ProbeOptions): Promise<{ checks: Check[]; all_passed: boolean }> {
    const reach = await checkReachable(serverUrl, opts);
    const health: Check = reach.passed
        ? await httpGet(serverUrl, "/", opts).then((r) => ({ name: "health_check", passed: r.ok, detail: r.detail }))
        : { name: "health_check", passed: false, detail: "skipped: the server is not reachable (see tls_reachable)" };
    return { checks: [reach, health], all_passed: reach.passed && health.passed };
}

