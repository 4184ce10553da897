/**
 * A small client for a real OpenClaw gateway's WebSocket protocol (v4; v3 accepted), as
 * the platform's backend uses it: connect as an operator with the gateway's shared token,
 * sign the gateway's `connect.challenge` with the instance's Ed25519 device key, then make
 * request/response calls (`config.get`, `config.patch`, `agents.files.set`, ...).
 *
 * Written from OpenClaw's protocol docs (docs/gateway/protocol/*.md in the `openclaw`
 * package). Why not a library: `@openclaw/gateway-client` (official) is ESM-only, needs
 * Node >= 22.19 and a reconnecting state machine plus host callbacks for signing anyway;
 * `openclaw-node` is a third-party chat client that loads device keys from files. A push
 * needs one connection and a handful of calls, so this file holds just that, on undici's
 * WebSocket (already a dependency; it takes a custom CA through its dispatcher).
 */
import * as crypto from "node:crypto";
import { Agent, WebSocket } from "undici";

/** The protocol versions this client speaks. */
export const PROTOCOL_MIN = 3;
export const PROTOCOL_MAX = 4;

/** What the platform asks for: `config.*` needs admin, files need write. */
export const OPERATOR_SCOPES: readonly string[] = ["operator.read", "operator.write", "operator.admin"];

/** Client identity sent in `connect` (ids are a closed set on the gateway: "cli", "gateway-client", ...). */
const CLIENT = { id: "cli", mode: "cli", platform: "linux", version: "iblai-claw-emulator" } as const;

/**
 * An error answered by the gateway (`{code, message, details}`), or a transport failure
 * (code `TRANSPORT`), or a refused handshake (method `connect`).
 *
 * @example
 * ```ts
 * try { await session.request("config.patch", { raw, baseHash }); }
 * catch (e) { if (GatewayRpcError.isInstance(e) && e.code === "INVALID_REQUEST") console.error(e.message); }
 * ```
 */
export class GatewayRpcError extends Error {
    readonly isGatewayRpcError = true;
    constructor(
        readonly method: string,
        readonly code: string,
        message: string,
        readonly details?: Record<string, unknown>,
    ) {
        super(message);
        this.name = "GatewayRpcError";
    }
    static isInstance(e: unknown): e is GatewayRpcError {
        return typeof e === "object" && e !== null && (e as { isGatewayRpcError?: unknown }).isGatewayRpcError === true;
    }
    /** The gateway's detail code (e.g. `PAIRING_REQUIRED`, `MISSING_SCOPE`) when it gave one. */
    get detailCode(): string | undefined {
        const c = this.details?.code;
        return typeof c === "string" ? c : undefined;
    }
}

/**
 * A push failure whose message already reads as the push's status (a step of ours refused
 * it, or it adds the fix to the gateway's own words), so no gateway-error formatting applies.
 *
 * @example
 * ```ts
 * throw new PushFailure("workspace refused: heartbeat: 300000 bytes, over the 256 KiB cap …");
 * ```
 */
export class PushFailure extends Error {
    readonly isPushFailure = true;
    static isInstance(e: unknown): e is PushFailure {
        return typeof e === "object" && e !== null && (e as { isPushFailure?: unknown }).isPushFailure === true;
    }
}

/** The device key, as `connection_params.device_identity.private_key_pem` holds it. */
export interface DeviceKey {
    /** SHA-256 (hex) of the raw 32-byte Ed25519 public key: OpenClaw's device id. */
    id: string;
    /** The raw public key, base64url (the protocol's `device.publicKey`). */
    publicKey: string;
    privateKey: crypto.KeyObject;
}

/**
 * Reads a PKCS8 PEM Ed25519 key into what the handshake needs. Throws with a reason.
 *
 * @example
 * ```ts
 * const { id } = deviceKeyFromPem(pem); // "3f9a…" (64 hex chars)
 * ```
 */
export function deviceKeyFromPem(pem: string): DeviceKey {
    let privateKey: crypto.KeyObject;
    try {
        privateKey = crypto.createPrivateKey({ key: pem, format: "pem" });
    } catch (e) {
        throw new Error(`private_key_pem is not a PKCS8 PEM key (${(e as Error).message})`);
    }
    if (privateKey.asymmetricKeyType !== "ed25519") throw new Error(`private_key_pem is a ${String(privateKey.asymmetricKeyType)} key, expected Ed25519`);
    const spki = crypto.createPublicKey(privateKey).export({ format: "der", type: "spki" });
    const raw = spki.subarray(spki.length - 32);
    return { id: crypto.createHash("sha256").update(raw).digest("hex"), publicKey: raw.toString("base64url"), privateKey };
}

export interface GatewayConnectOptions {
    /** The instance's `server_url` (http/https; the WebSocket is served on the same origin and path). */
    serverUrl: string;
    /** The gateway's shared token. */
    token: string;
    /** The device key; without one the gateway grants no operator scopes. */
    device?: DeviceKey;
    scopes?: readonly string[];
    /** Handshake and per-request timeout, ms. Default 10000. */
    timeoutMs?: number;
    /** Extra CA (PEM) for wss. */
    ca?: string;
    /** Headers on the WebSocket upgrade, e.g. the instance's proxy `auth_headers`. */
    headers?: Record<string, string>;
    /** Only check that the server sends `connect.challenge` (gateway detection); resolves with an empty hello. */
    challengeOnly?: boolean;
}

/** What the gateway said in `hello-ok`. */
export interface Hello {
    protocol: number;
    serverVersion: string;
    role: string;
    scopes: string[];
    methods: string[];
}

type Frame = { type: "res"; id: string; ok: boolean; payload?: unknown; error?: { code?: string; message?: string; details?: Record<string, unknown> } } | { type: "event"; event: string; payload?: unknown };

/** An open, authenticated operator connection. */
export interface GatewaySession {
    hello: Hello;
    request<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
    close(): void;
}

/** `http(s)://host:port/path` → `ws(s)://host:port/path`. */
export function wsUrlOf(serverUrl: string): string {
    const u = new URL(serverUrl);
    if (u.protocol !== "http:" && u.protocol !== "https:" && u.protocol !== "ws:" && u.protocol !== "wss:") throw new Error(`server_url ${serverUrl} is not http(s)`);
    u.protocol = u.protocol === "https:" || u.protocol === "wss:" ? "wss:" : "ws:";
    u.search = "";
    u.hash = "";
    return u.toString();
}

/**
 * Connects and authenticates; resolves after `hello-ok`, rejects with a
 * {@link GatewayRpcError} carrying the gateway's code (e.g. `NOT_PAIRED` with
 * `details.code: "PAIRING_REQUIRED"` and the request id).
 *
 * @example
 * ```ts
 * const s = await connectGateway({ serverUrl: "http://127.0.0.1:18789", token, device: deviceKeyFromPem(pem) });
 * const cfg = await s.request("config.get");
 * s.close();
 * ```
 */
export async function connectGateway(opts: GatewayConnectOptions): Promise<GatewaySession> {
    // A gateway still starting its sidecars answers a retryable UNAVAILABLE: retry within the timeout.
    const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
    for (;;) {
        try {
            return await connectOnce(opts);
        } catch (e) {
            const wait = GatewayRpcError.isInstance(e) && e.code === "UNAVAILABLE" ? Number(e.details?.retryAfterMs ?? 500) || 500 : -1;
            if (wait < 0 || Date.now() + wait > deadline) throw e;
            await new Promise((r) => setTimeout(r, wait));
        }
    }
}

function connectOnce(opts: GatewayConnectOptions): Promise<GatewaySession> {
    const timeoutMs = opts.timeoutMs ?? 10_000;
    const scopes = [...(opts.scopes ?? OPERATOR_SCOPES)];
    const dispatcher = opts.ca ? new Agent({ connect: { ca: opts.ca } }) : undefined;
    const ws = new WebSocket(wsUrlOf(opts.serverUrl), { ...(dispatcher ? { dispatcher } : {}), headers: { ...opts.headers } });
    const pending = new Map<string, { method: string; resolve(v: unknown): void; reject(e: Error): void; timer: NodeJS.Timeout }>();
    let seq = 0;
    let closedWith: GatewayRpcError | undefined;
    let dispatcherClosed = false;

    const send = (method: string, params: Record<string, unknown>): Promise<unknown> =>
        new Promise((resolve, reject) => {
            if (closedWith) return reject(closedWith);
            const id = `r${++seq}`;
            const timer = setTimeout(() => {
                pending.delete(id);
                reject(new GatewayRpcError(method, "TIMEOUT", `${method}: no answer from the gateway within ${timeoutMs} ms`));
            }, timeoutMs);
            pending.set(id, { method, resolve, reject, timer });
            ws.send(JSON.stringify({ type: "req", id, method, params }));
        });

    const shutdown = (err: GatewayRpcError) => {
        closedWith ??= err;
        for (const [id, p] of pending) {
            clearTimeout(p.timer);
            pending.delete(id);
            p.reject(new GatewayRpcError(p.method, err.code, `${p.method}: ${err.message}`, err.details));
        }
        if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close();
        if (dispatcher && !dispatcherClosed) {
            dispatcherClosed = true;
            dispatcher.close().catch(() => undefined);
        }
    };

    return new Promise<GatewaySession>((resolve, reject) => {
        const handshakeTimer = setTimeout(() => fail(new GatewayRpcError("connect", "TIMEOUT", `no handshake from ${opts.serverUrl} within ${timeoutMs} ms`)), timeoutMs);
        let settled = false;
        const fail = (e: GatewayRpcError) => {
            shutdown(e);
            if (!settled) {
                settled = true;
                clearTimeout(handshakeTimer);
                reject(e);
            }
        };
        // An error is followed by a close that carries the code and reason: report both there.
        let transportError = "";
        ws.addEventListener("error", (ev) => {
            const cause = (ev as unknown as { error?: Error }).error;
            transportError = cause?.message ? `: ${cause.message}` : "";
        });
        ws.addEventListener("close", (ev) =>
            fail(new GatewayRpcError("connect", "TRANSPORT", `the connection to ${wsUrlOf(opts.serverUrl)} closed (${ev.code}${ev.reason ? ` ${ev.reason}` : ""})${transportError}`)),
        );
        ws.addEventListener("message", (ev) => {
            let frame: Frame;
            try {
                frame = JSON.parse(typeof ev.data === "string" ? ev.data : Buffer.from(ev.data as ArrayBuffer).toString("utf8")) as Frame;
            } catch {
                return;
            }
            if (frame.type === "event") {
                if (frame.event === "connect.challenge") onChallenge(frame.payload as { nonce?: string; ts?: number });
                return;
            }
            if (frame.type !== "res") return;
            const p = pending.get(frame.id);
            if (!p) return;
            pending.delete(frame.id);
            clearTimeout(p.timer);
            if (frame.ok) p.resolve(frame.payload ?? {});
            else p.reject(new GatewayRpcError(p.method, frame.error?.code ?? "ERROR", frame.error?.message ?? "request failed", frame.error?.details));
        });

        const session = (hello: Hello): GatewaySession => ({
            hello,
            request: <T>(method: string, params: Record<string, unknown> = {}) => send(method, params) as Promise<T>,
            close: () => shutdown(new GatewayRpcError("close", "CLOSED", "the session was closed")),
        });
        const onChallenge = (c: { nonce?: string; ts?: number }) => {
            if (opts.challengeOnly) {
                settled = true;
                clearTimeout(handshakeTimer);
                return resolve(session({ protocol: 0, serverVersion: "", role: "", scopes: [], methods: [] }));
            }
            const signedAt = typeof c.ts === "number" ? c.ts : Date.now();
            const params: Record<string, unknown> = {
                minProtocol: PROTOCOL_MIN,
                maxProtocol: PROTOCOL_MAX,
                client: { id: CLIENT.id, version: CLIENT.version, platform: CLIENT.platform, mode: CLIENT.mode },
                role: "operator",
                scopes,
                caps: [],
                auth: { token: opts.token },
                userAgent: CLIENT.version,
            };
            if (opts.device) {
                const nonce = String(c.nonce ?? "");
                // Signed payload v3 (docs/gateway/protocol/auth.md): fields joined by "|"; no device family.
                const payload = ["v3", opts.device.id, CLIENT.id, CLIENT.mode, "operator", scopes.join(","), String(signedAt), opts.token, nonce, CLIENT.platform, ""].join("|");
                const signature = crypto.sign(null, Buffer.from(payload, "utf8"), opts.device.privateKey).toString("base64url");
                params.device = { id: opts.device.id, publicKey: opts.device.publicKey, signature, signedAt, nonce };
            }
            send("connect", params).then(
                (p) => {
                    const h = p as { protocol?: number; server?: { version?: string }; auth?: { role?: string; scopes?: string[] }; features?: { methods?: string[] } };
                    settled = true;
                    clearTimeout(handshakeTimer);
                    resolve(
                        session({
                            protocol: Number(h.protocol ?? 0),
                            serverVersion: String(h.server?.version ?? ""),
                            role: String(h.auth?.role ?? ""),
                            scopes: h.auth?.scopes ?? [],
                            methods: h.features?.methods ?? [],
                        }),
                    );
                },
                (e: GatewayRpcError) => fail(e),
            );
        };
    });
}
