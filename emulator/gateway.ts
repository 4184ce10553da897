/**
 * A stand-in for an OpenClaw gateway behind its reverse proxy, just enough for the
 * platform's probes: `GET /` answers 200 while alive, `GET /api/status` reports the
 * version (what refresh-version reads). Point an instance's `server_url` at it and
 * test-connectivity and health-check pass for real. It does not speak the gateway's
 * WebSocket protocol; pushes are modelled inside the emulator (see docs/emulator.md).
 */
import * as http from "node:http";
import * as https from "node:https";
import type { AddressInfo } from "node:net";

/** The version a stand-in reports unless told otherwise. */
export const DEFAULT_GATEWAY_VERSION = "2026.3.1";

export interface GatewayOptions {
    /** Port; 0 (default) picks a free one. */
    port?: number;
    /** Default `127.0.0.1`. */
    host?: string;
    /** Reported as `version` by `/api/status` and in the `x-openclaw-version` header. */
    version?: string;
    /** Serve https with this key and certificate (PEM); plain http without. */
    tls?: { key: string; cert: string };
}

/** A running gateway stand-in. */
export interface Gateway {
    /** e.g. `http://127.0.0.1:18789`: use it as an instance's `server_url`. */
    url: string;
    port: number;
    /** While false, `/` and `/api/status` answer 503 (a gateway that is up but unwell). */
    setHealthy(healthy: boolean): void;
    setVersion(version: string): void;
    /** Requests served so far. */
    requestCount(): number;
    close(): Promise<void>;
}

/**
 * Starts a gateway stand-in.
 *
 * @example
 * ```ts
 * const gw = await startGateway({ port: 18789 });
 * // POST claw/instances/ {"server_url": gw.url, ...}, then test-connectivity → all_passed: true
 * await gw.close();
 * ```
 */
export async function startGateway(options: GatewayOptions = {}): Promise<Gateway> {
    let healthy = true;
    let version = options.version ?? DEFAULT_GATEWAY_VERSION;
    let served = 0;
    const handler: http.RequestListener = (req, res) => {
        served++;
        const path = (req.url ?? "/").split("?")[0];
        const send = (status: number, type: string, body: string) => {
            res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), "x-openclaw-version": version });
            res.end(req.method === "HEAD" ? undefined : body);
        };
        if (req.method !== "GET" && req.method !== "HEAD") return send(405, "text/plain", "method not allowed\n");
        if (path === "/") {
            return healthy
                ? send(200, "text/html; charset=utf-8", `<!doctype html><title>OpenClaw Gateway</title><p>OpenClaw gateway ${version} (emulator stand-in)</p>\n`)
                : send(503, "text/plain", "gateway unavailable\n");
        }
        if (path === "/api/status") {
            return send(healthy ? 200 : 503, "application/json", JSON.stringify({ ok: healthy, version, protocol: 3 }));
        }
        return send(404, "text/plain", "not found\n");
    };
    const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, handler) : http.createServer(handler);
    const host = options.host ?? "127.0.0.1";
    await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port ?? 0, host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const shownHost = host.includes(":") ? `[${host}]` : host;
    return {
        url: `${options.tls ? "https" : "http"}://${shownHost}:${port}`,
        port,
        setHealthy: (h) => {
            healthy = h;
        },
        setVersion: (v) => {
            version = v;
        },
        requestCount: () => served,
        close: () =>
            new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            }),
    };
}
