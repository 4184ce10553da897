/**
 * Pushes delivered to a real OpenClaw gateway, as ibl.ai's backend does it: connect to the
 * instance's `server_url` as an operator with its gateway token (and its proxy
 * `auth_headers` on the WebSocket upgrade), sign the challenge with the device key from
 * `connection_params`, then `config.get` → `config.patch` (with the base hash) → the
 * workspace per the server's OpenClaw version (realWorkspace.ts) → the skills
 * (realSkills.ts). The outcome is the gateway's own answer.
 *
 * Which instances get real delivery: see {@link DeliveryMode} and docs/emulator.md.
 */
import { deepMerge } from "./configPaths";
import { type ConfigPushContent, type WrittenWorkspace, writtenWorkspace } from "./delivery";
import { connectGateway, deviceKeyFromPem, type DeviceKey, GatewayRpcError, type GatewaySession, PushFailure } from "./openclawGateway";
import { checkReachable, httpGet, type ProbeOptions } from "./probe";
import { deliverSkillsReal, unassignedSkills } from "./realSkills";
import { planWorkspace, writeFiles, writeHeartbeatScratch } from "./realWorkspace";
import type { Row } from "./store";

/**
 * How pushes are delivered: `standin` (default: modelled inside the emulator, nothing is
 * contacted), `real` (every OpenClaw instance's `server_url` is a real gateway), `auto`
 * (real when the `server_url` answers with the gateway's `connect.challenge`). An instance
 * may override it with `connection_params.emulator_delivery: "real" | "standin"`.
 */
export type DeliveryMode = "standin" | "real" | "auto";
export const DELIVERY_MODES: readonly DeliveryMode[] = ["standin", "real", "auto"];

/**
 * A push's outcome: success (with what the gateway reported and, for a config push, what was
 * written into the agent's workspace), or the failure text.
 */
export type Outcome = { ok: true; detail: Record<string, unknown>; written?: WrittenWorkspace } | { ok: false; error: string };

/** Timeout per request and an extra trusted CA for wss: the probes' options. */
export type RealOptions = ProbeOptions;

const stringRecord = (v: unknown): Record<string, string> => {
    const out: Record<string, string> = {};
    if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) if (typeof x === "string") out[k] = x;
    return out;
};

/** The instance's own choice of delivery, if it made one. */
export function instanceDeliveryChoice(instance: Row): "real" | "standin" | undefined {
    const v = (instance.connection_params as Record<string, unknown> | undefined)?.emulator_delivery;
    return v === "real" || v === "standin" ? v : undefined;
}

/** Whether the instance's `server_url` speaks the gateway protocol: it sends `connect.challenge` on a WebSocket. */
export async function speaksGatewayProtocol(instance: Row, opts: RealOptions): Promise<boolean> {
    try {
        const s = await connectGateway({
            serverUrl: String(instance.server_url),
            token: "",
            scopes: [],
            headers: stringRecord(instance.auth_headers),
            timeoutMs: opts.timeoutMs,
            ca: opts.ca,
            challengeOnly: true,
        });
        s.close();
        return true;
    } catch {
        return false;
    }
}

/** Opens an operator session to the instance, or says why not (a local key problem or the gateway's refusal). */
async function open(instance: Row, opts: RealOptions, scopes?: readonly string[]): Promise<{ session: GatewaySession } | { error: string }> {
    const pem = (instance.connection_params as { device_identity?: { private_key_pem?: unknown } } | undefined)?.device_identity?.private_key_pem;
    let device: DeviceKey | undefined;
    if (typeof pem === "string" && pem.trim() !== "") {
        try {
            device = deviceKeyFromPem(pem);
        } catch (e) {
            return { error: `invalid device identity: ${(e as Error).message}` };
        }
    }
    try {
        const session = await connectGateway({
            serverUrl: String(instance.server_url),
            token: String(instance.gateway_token ?? ""),
            device,
            scopes,
            headers: stringRecord(instance.auth_headers),
            timeoutMs: opts.timeoutMs,
            ca: opts.ca,
        });
        return { session };
    } catch (e) {
        // The WebSocket does not say why a connection failed (TLS, refused, ...): ask the probe.
        if (GatewayRpcError.isInstance(e) && e.code === "TRANSPORT") {
            const reach = await checkReachable(String(instance.server_url), opts);
            if (!reach.passed) return { error: `connect: ${reach.detail}` };
        }
        return { error: describeFailure(e, device) };
    }
}

/**
 * The failure text of a push, from the gateway's error: its code, message and details
 * (pairing request id with the approval command, missing scope, config issues with paths).
 */
export function describeFailure(e: unknown, device?: DeviceKey, agentId?: string): string {
    if (!GatewayRpcError.isInstance(e)) return `gateway error: ${String((e as Error)?.message ?? e)}`;
    const d = e.details ?? {};
    const code = e.detailCode;
    if (code === "PAIRING_REQUIRED" || e.code === "NOT_PAIRED") {
        const requestId = typeof d.requestId === "string" ? d.requestId : "<requestId>";
        const dev = typeof d.deviceId === "string" ? d.deviceId : device?.id;
        return (
            `PAIRING_REQUIRED: ${e.message} (device ${String(dev ?? "?").slice(0, 12)}, requestId ${requestId}); ` +
            `on the server run \`openclaw devices list\`, then \`openclaw devices approve ${requestId}\``
        );
    }
    if (code === "MISSING_SCOPE") return `${e.message} (${e.method}: the gateway granted this connection no such scope${device ? "" : "; the platform connected without a device identity"})`;
    const issues = Array.isArray(d.issues) ? (d.issues as Array<{ path?: unknown }>) : [];
    const prefix = agentId ? `agents.entries.${agentId}.` : undefined;
    const mentorPaths = prefix ? issues.map((i) => String(i.path ?? "")).filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length)) : [];
    const where = mentorPaths.length ? ` [in the mentor's config: ${mentorPaths.join(", ")}]` : "";
    return `${e.method}: ${code && code !== e.code ? `${code}: ` : ""}${e.message}${where}`;
}

/** Patches the live config with its base hash; one retry when another writer moved the hash in between. */
async function patchConfig(
    s: GatewaySession,
    patchOf: (current: Record<string, unknown> | undefined) => Record<string, unknown>,
    replacePaths: string[],
    note: string,
): Promise<Record<string, unknown>> {
    for (let attempt = 0; ; attempt++) {
        const current = await s.request<{ hash?: string; config?: Record<string, unknown> }>("config.get");
        try {
            const patch = patchOf(current.config);
            return await s.request("config.patch", { raw: JSON.stringify(patch), baseHash: String(current.hash ?? ""), ...(replacePaths.length ? { replacePaths } : {}), note });
        } catch (e) {
            if (attempt === 0 && GatewayRpcError.isInstance(e) && /hash/i.test(e.message) && !/required/i.test(e.message)) continue;
            throw e;
        }
    }
}

/**
 * A session that opens again once when the gateway drops the connection (a config patch
 * that needs a restart does), and repeats the request that failed.
 */
function reopening(first: GatewaySession, reopen: () => Promise<{ session: GatewaySession } | { error: string }>): GatewaySession {
    let s = first;
    let reopened = false;
    return {
        get hello() {
            return s.hello;
        },
        async request<T>(method: string, params?: Record<string, unknown>): Promise<T> {
            try {
                return await s.request<T>(method, params);
            } catch (e) {
                if (reopened || !GatewayRpcError.isInstance(e) || (e.code !== "TRANSPORT" && e.code !== "CLOSED")) throw e;
                reopened = true;
                s.close();
                const again = await reopen();
                if ("error" in again) throw new PushFailure(again.error);
                s = again.session;
                return s.request<T>(method, params);
            }
        },
        close: () => s.close(),
    };
}

/**
 * A config push on a real gateway, following the server's OpenClaw version (its handshake's,
 * else the instance's `claw_version`) through openclaw/workspace.ts:
 *
 * 1. plan the workspace writes; a text that cannot be placed (a heartbeat over the scratch's
 *    cap) fails the push before anything is sent;
 * 2. patch the config (this creates the mentor's agent, its heartbeat job and its skills
 *    allowlist; skills no other agent lists any more are disabled, realSkills.ts);
 * 3. write the files (a section merged into the file's current text), then the heartbeat
 *    scratch;
 * 4. upload and install the skills whose content changed.
 *
 * @example
 * ```ts
 * const outcome = await deliverConfigReal(instance, configPushContent(store, org, binding), { timeoutMs: 10000 });
 * ```
 */
export async function deliverConfigReal(instance: Row, content: ConfigPushContent, opts: RealOptions): Promise<Outcome> {
    const opened = await open(instance, opts);
    if ("error" in opened) return { ok: false, error: opened.error };
    const s = reopening(opened.session, () => open(instance, opts));
    try {
        const version = s.hello.serverVersion || (typeof instance.claw_version === "string" && instance.claw_version !== "" ? instance.claw_version : null);
        const first = writtenWorkspace(content.texts, version);
        if (!first.ok) return first;
        let skills: { unassigned: string[]; disable: string[] } = { unassigned: [], disable: [] };
        const patched = await patchConfig(
            s,
            (current) => {
                skills = unassignedSkills(current, content.agent_id, content.skills.map((k) => k.slug));
                if (skills.disable.length === 0) return content.config_patch;
                return deepMerge(content.config_patch, { skills: { entries: Object.fromEntries(skills.disable.map((k) => [k, { enabled: false }])) } });
            },
            content.replace_paths,
            `ibl.ai config push for agent ${content.agent_id}`,
        );
        const written = await planWorkspace(s, content, version);
        const fileHashes = await writeFiles(s, content.agent_id, written.files);
        const scratch = written.heartbeat_scratch !== undefined ? await writeHeartbeatScratch(s, content.agent_id, written.heartbeat_scratch) : undefined;
        const delivered = await deliverSkillsReal(s, content.agent_id, content.skill_bundles, skills.unassigned);
        return {
            ok: true,
            written,
            detail: {
                gateway_version: s.hello.serverVersion,
                layout: written.layout,
                ...(written.layout_note ? { layout_note: written.layout_note } : {}),
                config_hash: patched.hash ?? null,
                changed_paths: patched.changedPaths ?? [],
                file_hashes: fileHashes,
                ...(scratch ? { heartbeat_scratch: scratch } : {}),
                skills: { ...delivered, disabled: skills.disable },
            },
        };
    } catch (e) {
        return { ok: false, error: PushFailure.isInstance(e) ? e.message : describeFailure(e, undefined, content.agent_id) };
    } finally {
        s.close();
    }
}

/** A provider push on a real gateway: one `config.patch` of `models`. */
export async function deliverProvidersReal(instance: Row, patch: Record<string, unknown>, opts: RealOptions): Promise<Outcome> {
    const opened = await open(instance, opts);
    if ("error" in opened) return { ok: false, error: opened.error };
    const s = opened.session;
    try {
        const providers = (patch.models as { providers?: Record<string, unknown> } | undefined)?.providers ?? {};
        const patched = await patchConfig(s, () => patch, Object.keys(providers).map((n) => `models.providers.${n}.models`), "ibl.ai provider push");
        return { ok: true, detail: { gateway_version: s.hello.serverVersion, config_hash: patched.hash ?? null, changed_paths: patched.changedPaths ?? [] } };
    } catch (e) {
        return { ok: false, error: describeFailure(e) };
    } finally {
        s.close();
    }
}

/**
 * The gateway's version from its handshake (`hello-ok.server.version`), connecting with the
 * instance's token and no scopes (no device approval needed).
 */
export async function gatewayVersion(instance: Row, opts: RealOptions): Promise<{ version: string } | { error: string }> {
    const opened = await open({ ...instance, connection_params: undefined }, opts, []);
    if ("error" in opened) return opened;
    opened.session.close();
    const v = opened.session.hello.serverVersion;
    return v ? { version: v } : { error: "the gateway's hello did not name its version" };
}

/**
 * The version a claw server reports, as refresh-version reads it: a real OpenClaw gateway
 * names it in its WebSocket handshake (`hello-ok.server.version`, reached with the
 * instance's gateway token and no scopes); the stand-in in `/api/status` JSON or the
 * `x-openclaw-version` header of `/`.
 *
 * @example
 * ```ts
 * await detectVersion(instanceRow, { timeoutMs: 3000 }); // { version: "2026.9.6" }
 * ```
 */
export async function detectVersion(instance: Row, opts: ProbeOptions): Promise<{ version: string } | { error: string }> {
    const serverUrl = String(instance.server_url);
    const hello = await gatewayVersion(instance, opts);
    if ("version" in hello) return hello;
    const status = await httpGet(serverUrl, "/api/status", opts);
    if (status.ok) {
        try {
            const v = (JSON.parse(status.body ?? "") as { version?: unknown }).version;
            if (typeof v === "string" && v !== "") return { version: v };
        } catch {
            // not JSON: try the header below
        }
    }
    const root = await httpGet(serverUrl, "/", opts);
    const header = root.headers?.["x-openclaw-version"];
    if (typeof header === "string" && header !== "") return { version: header };
    if (root.status === undefined) return { error: status.status === undefined ? status.detail : root.detail };
    return { error: `the server did not report a version (gateway handshake: ${hello.error})` };
}
