/**
 * Raw-HTTP helpers for the emulator's own integration tests. They talk to the wire
 * directly (no sdk), so these tests pin the API contract independently of the client.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import * as crypto from "node:crypto";
import * as path from "node:path";
import { type Emulator, type EmulatorOptions, startEmulator } from "../../emulator";

export const ORG = "acme";
export const TOKEN = "emu-test-token-1";
export const OTHER_ORG = "globex";
export const OTHER_TOKEN = "emu-test-token-2";
export const MENTOR = "6f1c2a4e-9b0d-4c1e-8f3a-2b5d7e9a1c3f";
export const MENTOR_2 = "0b7e5d3c-1a2f-4e6d-9c8b-7a6f5e4d3c2b";

export interface Answer<T = any> {
    status: number;
    body: T;
    headers: Headers;
}

export interface RequestOptions {
    token?: string | null;
    scheme?: string;
    org?: string;
    contentType?: string;
    /** Raw body (sent as is) instead of JSON. */
    raw?: NonNullable<RequestInit["body"]>;
}

/** A client of one running emulator. */
export class Api {
    /** `scheme`: the auth scheme sent when a request names none (`Api-Token` for a hosted emulator). */
    constructor(
        readonly emu: Emulator,
        readonly scheme = "Token",
    ) {}

    base(org = ORG): string {
        return `${this.emu.url}/api/ai-mentor/orgs/${org}/`;
    }

    async req<T = any>(method: string, path: string, body?: unknown, o: RequestOptions = {}): Promise<Answer<T>> {
        const headers: Record<string, string> = {};
        const token = o.token === undefined ? (o.org === OTHER_ORG ? OTHER_TOKEN : TOKEN) : o.token;
        if (token !== null) headers.authorization = `${o.scheme ?? this.scheme} ${token}`;
        let payload: RequestInit["body"] = o.raw;
        if (payload === undefined && body !== undefined) {
            payload = JSON.stringify(body);
            headers["content-type"] = "application/json";
        }
        if (o.contentType) headers["content-type"] = o.contentType;
        const res = await fetch(this.base(o.org) + path, { method, headers, body: payload, redirect: "manual" });
        const text = await res.text();
        let parsed: unknown = text;
        if (res.headers.get("content-type")?.includes("json")) parsed = JSON.parse(text);
        return { status: res.status, body: parsed as T, headers: res.headers };
    }

    get = <T = any>(path: string, o?: RequestOptions) => this.req<T>("GET", path, undefined, o);
    post = <T = any>(path: string, body?: unknown, o?: RequestOptions) => this.req<T>("POST", path, body, o);
    patch = <T = any>(path: string, body?: unknown, o?: RequestOptions) => this.req<T>("PATCH", path, body, o);
    put = <T = any>(path: string, body?: unknown, o?: RequestOptions) => this.req<T>("PUT", path, body, o);
    del = <T = any>(path: string, o?: RequestOptions) => this.req<T>("DELETE", path, undefined, o);

    /** Creates an object and returns it, failing the test on anything but 201. */
    async create<T = any>(path: string, body: unknown, o?: RequestOptions): Promise<T> {
        const r = await this.post<T>(path, body, o);
        if (r.status !== 201) throw new Error(`POST ${path} answered ${r.status}: ${JSON.stringify(r.body)}`);
        return r.body;
    }

    async admin<T = any>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
        const res = await fetch(`${this.emu.url}/__emulator/${path}`, {
            method,
            headers: body === undefined ? {} : { "content-type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
    }

    /** Polls an object until `field` is no longer "pending"; returns the object. */
    async settle<T = any>(path: string, field: string, timeoutMs = 5000): Promise<T> {
        const until = Date.now() + timeoutMs;
        for (;;) {
            const r = await this.get(path);
            if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}`);
            if (r.body[field] !== "pending") return r.body as T;
            if (Date.now() > until) throw new Error(`${path}: ${field} still pending after ${timeoutMs} ms`);
            await new Promise((res) => setTimeout(res, 10));
        }
    }
}

/** Starts one emulator (orgs acme and globex) for a test file. */
export function useApi(options: EmulatorOptions = {}, scheme = "Token"): () => Api {
    let api: Api | undefined;
    beforeAll(async () => {
        api = new Api(await startEmulator({ orgs: { [ORG]: TOKEN, [OTHER_ORG]: OTHER_TOKEN }, pushDelayMs: 10, probeTimeoutMs: 1500, ...options }), scheme);
    });
    afterAll(async () => {
        await api?.emu.close();
    });
    return () => {
        if (!api) throw new Error("emulator not started yet");
        return api;
    };
}

/** A fresh Ed25519 device key as the reference wants it: PKCS8 PEM. */
export function ed25519Pem(): string {
    return crypto.generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
}

/** A valid instance body. */
export function instanceBody(over: Record<string, unknown> = {}): Record<string, unknown> {
    return { name: "prod", claw_type: "openclaw", server_url: "https://claw.example.com", gateway_token: "gw-secret-1", ...over };
}

// ---- the CLI as a child process ------------------------------------------------------

const ROOT = path.resolve(__dirname, "../..");
/** Runs the CLI from source, as `node -r ts-node/register/transpile-only emulator/cli.ts …`. */
const CLI = ["-r", "ts-node/register/transpile-only", path.join(ROOT, "emulator/cli.ts")];
const CLI_ENV = { ...process.env, TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json") };

/** A CLI emulator running in a child process. */
export interface CliEmulator {
    child: ChildProcess;
    url: string;
    /** The gateway stand-in's URL when --gateway-port was given. */
    gatewayUrl?: string;
    stderr: () => string;
    /** Resolves when the process has exited. */
    exited: Promise<void>;
}

/** Starts `iblai-claw-emulator serve` with the args and waits for its "listening on" line(s). */
export function spawnCli(args: string[]): Promise<CliEmulator> {
    const child = spawn(process.execPath, [...CLI, ...args], { cwd: ROOT, env: CLI_ENV, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stderr?.on("data", (c: Buffer) => (err += c.toString()));
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    const wantGateway = args.includes("--gateway-port");
    return new Promise<CliEmulator>((resolve, reject) => {
        child.stdout?.on("data", (c: Buffer) => {
            out += c.toString();
            const url = /iblai-claw-emulator listening on (http:\/\/\S+)/.exec(out)?.[1];
            const gatewayUrl = /claw gateway stand-in listening on (https?:\/\/\S+)/.exec(out)?.[1];
            if (url && (!wantGateway || gatewayUrl)) resolve({ child, url, gatewayUrl, stderr: () => err, exited });
        });
        child.once("exit", (code, signal) => reject(new Error(`CLI exited (${code ?? signal}) before listening: ${out}${err}`)));
    });
}

/** Runs a CLI command to completion; returns its exit code and output. */
export function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        execFile(process.execPath, [...CLI, ...args], { cwd: ROOT, env: CLI_ENV }, (e, stdout, stderr) => {
            const code = e ? (typeof e.code === "number" ? e.code : 1) : 0;
            resolve({ code, stdout, stderr });
        });
    });
}

/** An Api over a CLI emulator (same routes, no Emulator object). */
export function cliApi(url: string): Api {
    return new Api({ url } as Emulator);
}
