#!/usr/bin/env node
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { type FaultRule, parseFaultRules } from "./faults";
import { startGateway } from "./gateway";
import { ROUTE_GENERATIONS } from "./entity";
import { normaliseBasePath, startEmulator } from "./server";

const USAGE = `usage:
  iblai-claw-emulator [serve] [--port P] [--host H] --org O --token T [--org O2 --token T2 ...] [--data FILE] [options]
  iblai-claw-emulator gateway [--port P] [--host H] [--gateway-version V] [--gateway-tls-cert F --gateway-tls-key F]
  iblai-claw-emulator approve-device --org O --instance ID [--request-id R] [--url U]
  iblai-claw-emulator revoke-device  --org O --instance ID [--url U]
  iblai-claw-emulator devices        --org O [--url U]

Runs a local emulator of the ibl.ai claw API. Point a stack at it with
  pulumi config set iblai:baseUrl http://127.0.0.1:P
  pulumi config set iblai:org O
  pulumi config set --secret iblai:apiToken T
Accepted auth schemes: "Token T" and "Api-Token T" ("Api-Token T" only with --auth hosted).
Each --org pairs with the --token at the same position. State lives in memory unless
--data FILE is given (atomic writes; survives restarts and kill -9).

serve options:
  --require-device-approval   new device keys wait for approve-device (PAIRING_REQUIRED); default: paired on first push
  --push-delay MS             how long a push stays pending (default 50)
  --probe-timeout MS          timeout of each probe of a server_url (default 3000)
  --probe-ca FILE             extra CA (PEM) trusted when probing https server URLs
  --deliver MODE              how pushes reach OpenClaw servers: standin (default, modelled here),
                              real (server_url is a real OpenClaw gateway), auto (detect the gateway)
  --gateway-timeout MS        per-request timeout of real gateway deliveries (default 30000)
  --gateway-port P            also start a claw gateway stand-in on port P (0 = any free port)
  --gateway-host H, --gateway-version V, --gateway-tls-cert FILE, --gateway-tls-key FILE
  --fault JSON                a fault rule, repeatable, e.g. '{"kind":"status","status":503,"rate":0.1}'
  --rate-429 R  --rate-500 R  --rate-502 R  --rate-503 R  --rate-504 R
                              answer that share (0..1) of API requests with that status
  --retry-after S             Retry-After of the --rate-429 answers (default 1)
  --rate-reset-before R       drop that share of connections before processing
  --rate-reset-after R        process and commit that share, then drop the connection unanswered
  --latency MS                add MS to every API request
  --base-path /P              serve the API under a path prefix, as the platform's /dm host does
                              (then iblai:baseUrl is http://127.0.0.1:P/P)
  --routes GEN                route generations served: both (default), collection (the older
                              guide's claw/mentor-configs/, agent-configs/, mentor-skill-assignments/)
                              or mentor (the 2026 guide's mentors/<mentor>/... only)
  --auth MODE                 any (default: Token and Api-Token) or hosted (Api-Token only; Token
                              answers 401 {"detail": "Invalid Token"} as the hosted service does)
  --bare-lists                every list answers a bare JSON array instead of {count, ..., results}
  --hosted                    the hosted service of 2026: --routes mentor --auth hosted --bare-lists
  --admin-user NAME           each org's admin user (mentors API, admin lookup); default admin
  --slow-push MS              keep every push pending for MS
  --seed N                    seed the fault dice (replayable runs)
  -v, --verbose               log every API request to stderr

approve-device / revoke-device / devices talk to a running emulator's admin API
(default --url http://127.0.0.1:8787); approve-device stands in for
\`openclaw devices approve <requestId>\` on the claw server.`;

function fail(message: string): never {
    console.error(`iblai-claw-emulator: ${message}\n\n${USAGE}`);
    process.exit(2);
}

function basePath(v: string | undefined): string | undefined {
    if (v === undefined) return undefined;
    try {
        return normaliseBasePath(v);
    } catch (e) {
        return fail(`--base-path: ${(e as Error).message}`);
    }
}

function userName(v: string | undefined): string | undefined {
    if (v === undefined || /^[\w.@+-]+$/.test(v)) return v;
    fail(`--admin-user must be a user name (letters, digits, @.+-_), not ${JSON.stringify(v)}`);
}

function num(name: string, v: string | undefined, min = 0, max = Infinity): number | undefined {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || n > max) fail(`--${name} must be a number from ${min} to ${max}, not ${JSON.stringify(v)}`);
    return n;
}

function oneOf<T extends string>(name: string, v: string | undefined, choices: readonly T[]): T | undefined {
    if (v === undefined || (choices as readonly string[]).includes(v)) return v as T | undefined;
    fail(`--${name} must be ${choices.join(", ").replace(/, ([^,]*)$/, " or $1")}, not ${JSON.stringify(v)}`);
}

function deliverMode(v: string | undefined): "standin" | "real" | "auto" | undefined {
    if (v === undefined || v === "standin" || v === "real" || v === "auto") return v;
    fail(`--deliver must be standin, real or auto, not ${JSON.stringify(v)}`);
}

/** The fault rules the flags describe (shorthands first, then --fault rules in order). */
export function faultsFromFlags(v: Record<string, string | string[] | boolean | undefined>): FaultRule[] {
    const rules: FaultRule[] = [];
    for (const status of [429, 500, 502, 503, 504]) {
        const rate = num(`rate-${status}`, v[`rate-${status}`] as string | undefined, 0, 1);
        if (rate !== undefined) rules.push({ kind: "status", status, rate, ...(status === 429 ? { retryAfter: (v["retry-after"] as string | undefined) ?? "1" } : {}) });
    }
    for (const kind of ["reset-before", "reset-after"] as const) {
        const rate = num(`rate-${kind}`, v[`rate-${kind}`] as string | undefined, 0, 1);
        if (rate !== undefined) rules.push({ kind, rate });
    }
    const latency = num("latency", v.latency as string | undefined);
    if (latency !== undefined) rules.push({ kind: "latency", ms: latency });
    const slow = num("slow-push", v["slow-push"] as string | undefined);
    if (slow !== undefined) rules.push({ kind: "slow-push", ms: slow });
    for (const text of (v.fault as string[] | undefined) ?? []) {
        let rule: unknown;
        try {
            rule = JSON.parse(text);
        } catch (e) {
            fail(`--fault is not JSON: ${(e as Error).message}`);
        }
        rules.push(rule as FaultRule);
    }
    const parsed = parseFaultRules(rules);
    if (!parsed.ok) fail(`invalid fault rule: ${parsed.errors.join("; ")}`);
    return parsed.rules;
}

async function admin(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${url.replace(/\/$/, "")}/__emulator/${path}`, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} /__emulator/${path} answered ${res.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
}

/** The flags, as node's parseArgs wants them. */
const OPTIONS = {
    port: { type: "string" },
    host: { type: "string", default: "127.0.0.1" },
    org: { type: "string", multiple: true },
    token: { type: "string", multiple: true },
    data: { type: "string" },
    "require-device-approval": { type: "boolean" },
    "push-delay": { type: "string" },
    "probe-timeout": { type: "string" },
    "probe-ca": { type: "string" },
    deliver: { type: "string" },
    "gateway-timeout": { type: "string" },
    "gateway-port": { type: "string" },
    "gateway-host": { type: "string" },
    "gateway-version": { type: "string" },
    "gateway-tls-cert": { type: "string" },
    "gateway-tls-key": { type: "string" },
    fault: { type: "string", multiple: true },
    "rate-429": { type: "string" },
    "rate-500": { type: "string" },
    "rate-502": { type: "string" },
    "rate-503": { type: "string" },
    "rate-504": { type: "string" },
    "retry-after": { type: "string" },
    "rate-reset-before": { type: "string" },
    "rate-reset-after": { type: "string" },
    latency: { type: "string" },
    "slow-push": { type: "string" },
    seed: { type: "string" },
    verbose: { type: "boolean", short: "v" },
    url: { type: "string", default: "http://127.0.0.1:8787" },
    instance: { type: "string" },
    "request-id": { type: "string" },
    help: { type: "boolean", short: "h" },
    "base-path": { type: "string" },
    routes: { type: "string" },
    auth: { type: "string" },
    "bare-lists": { type: "boolean" },
    hosted: { type: "boolean" },
    "admin-user": { type: "string" },
} as const;

/**
 * Parses the command line; a bad one (unknown flag, missing or ambiguous value such as
 * `--latency -5`) exits with code 2 and the usage, like every other bad flag.
 */
function parseCommandLine(args: string[]) {
    try {
        return parseArgs({ args, allowPositionals: true, options: OPTIONS });
    } catch (e) {
        // node's messages name the flag ("Unknown option '--nope'"); a negative number
        // after a flag reads as another flag, so say how to pass one.
        const text = (e as Error).message.replace(/\. To specify an option argument starting with a dash use.*$/s, "");
        const negative = /argument is ambiguous/.test((e as Error).message) ? " (a value starting with - must be written --flag=VALUE)" : "";
        fail(`${text}${negative}`);
    }
}

async function main(): Promise<void> {
    const { values: v, positionals } = parseCommandLine(process.argv.slice(2));
    if (v.help) {
        console.log(USAGE);
        return;
    }
    const command = positionals[0] ?? "serve";
    const gatewayTls = () => {
        const cert = v["gateway-tls-cert"];
        const key = v["gateway-tls-key"];
        if (!cert && !key) return undefined;
        if (!cert || !key) fail("--gateway-tls-cert and --gateway-tls-key go together");
        return { cert: fs.readFileSync(cert, "utf8"), key: fs.readFileSync(key, "utf8") };
    };

    if (command === "approve-device" || command === "revoke-device" || command === "devices") {
        if (!v.org) fail(`${command} needs --org`);
        const org = encodeURIComponent(v.org[0] as string);
        if (command === "devices") {
            console.log(JSON.stringify(await admin(v.url, "GET", `orgs/${org}/devices`), null, 2));
            return;
        }
        const id = num("instance", v.instance, 1);
        if (id === undefined) fail(`${command} needs --instance ID`);
        const body = v["request-id"] ? { request_id: v["request-id"] } : {};
        console.log(JSON.stringify(await admin(v.url, "POST", `orgs/${org}/instances/${id}/${command}`, body), null, 2));
        return;
    }
    if (command === "gateway") {
        const gw = await startGateway({ port: num("port", v.port ?? "18789", 0, 65535), host: v.host, version: v["gateway-version"], tls: gatewayTls() });
        console.log(`claw gateway stand-in listening on ${gw.url}`);
        const stop = () => void gw.close().then(() => process.exit(0));
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
        return;
    }
    if (command !== "serve") fail(`unknown command ${JSON.stringify(command)}`);

    const orgs = v.org ?? ["acme"];
    const tokens = v.token ?? [];
    if (tokens.length !== orgs.length) fail(`give one --token per --org (got ${orgs.length} org(s), ${tokens.length} token(s))`);
    const orgTokens: Record<string, string[]> = {};
    orgs.forEach((o, i) => (orgTokens[o] ??= []).push(tokens[i] as string));
    const seed = num("seed", v.seed);
    const emu = await startEmulator({
        port: num("port", v.port ?? "8787", 0, 65535),
        host: v.host,
        orgs: orgTokens,
        dataFile: v.data,
        faults: faultsFromFlags(v),
        ...(seed !== undefined ? { seed } : {}),
        requireDeviceApproval: v["require-device-approval"] ?? false,
        pushDelayMs: num("push-delay", v["push-delay"]),
        probeTimeoutMs: num("probe-timeout", v["probe-timeout"]),
        probeCa: v["probe-ca"] ? fs.readFileSync(v["probe-ca"], "utf8") : undefined,
        deliver: deliverMode(v.deliver),
        gatewayTimeoutMs: num("gateway-timeout", v["gateway-timeout"]),
        logRequest: v.verbose ? (line) => console.error(line) : undefined,
        basePath: basePath(v["base-path"]),
        routes: oneOf("routes", v.routes, ROUTE_GENERATIONS),
        auth: oneOf("auth", v.auth, ["any", "hosted"] as const),
        ...(v["bare-lists"] ? { bareLists: true } : {}),
        hosted: v.hosted ?? false,
        adminUser: userName(v["admin-user"]),
    });
    // One parseable line for scripts that start it in the background. Tokens are not printed.
    const mode = `routes: ${emu.settings.routes ?? "both"}; auth: ${emu.auth}${emu.settings.bareLists ? "; bare lists" : ""}`;
    console.log(`iblai-claw-emulator listening on ${emu.url} (orgs: ${Object.keys(orgTokens).join(", ")}; ${mode}${v.data ? `; data: ${v.data}` : ""})`);
    const gw =
        v["gateway-port"] !== undefined
            ? await startGateway({ port: num("gateway-port", v["gateway-port"], 0, 65535), host: v["gateway-host"] ?? v.host, version: v["gateway-version"], tls: gatewayTls() })
            : undefined;
    if (gw) console.log(`claw gateway stand-in listening on ${gw.url}`);
    const stop = () => void Promise.all([emu.close(), gw?.close()]).then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
}

if (require.main === module) {
    main().catch((e) => {
        console.error(`iblai-claw-emulator: ${(e as Error).message}`);
        process.exit(1);
    });
}
