/**
 * The security audit of an OpenClaw instance. The reference leaves its body undocumented;
 * the emulator answers `{findings, summary, audited_at}` with findings in the style of
 * `openclaw security audit --json` (check id, severity, title, detail), derived from what
 * the platform knows: transport, device identity and pairing, proxy auth, and the
 * baseline check of every bound mentor's config.
 */
import { baselineWarnings } from "./baseline";
import { BINDINGS, DEVICES } from "./collections";
import { expandConfig } from "./configPaths";
import { agentConfigOf } from "./delivery";
import { deviceOf } from "./devices";
import type { Row, Store } from "./store";

export type Severity = "critical" | "warn" | "info";

export interface Finding {
    check_id: string;
    severity: Severity;
    title: string;
    detail: string;
}

export interface AuditReport {
    findings: Finding[];
    summary: Record<Severity, number>;
    audited_at: string;
}

/**
 * Audits one instance.
 *
 * @example
 * ```ts
 * securityAudit(store, "acme", instance, new Date().toISOString()).summary; // → { critical: 1, warn: 0, info: 1 }
 * ```
 */
export function securityAudit(store: Store, org: string, instance: Row, now: string): AuditReport {
    const findings: Finding[] = [];
    const add = (check_id: string, severity: Severity, title: string, detail: string) => findings.push({ check_id, severity, title, detail });
    if (String(instance.server_url).startsWith("http:")) {
        add("transport.plain_http", "warn", "Server URL is plain http", "The gateway token and device signatures cross the network unencrypted; put the gateway behind a TLS proxy.");
    }
    const dev = deviceOf(instance);
    if ("error" in dev) {
        add("device.identity", "critical", "No usable device identity", `Config pushes will fail: ${dev.error}. Set connection_params.device_identity.private_key_pem (PKCS8 PEM, Ed25519).`);
    } else {
        const pairing = store.list(org, DEVICES).find((d) => d.instance === instance.id && d.device_id === dev.deviceId);
        if (pairing && pairing.status !== "approved") {
            add("device.pairing", "warn", "Device not paired", `Device ${dev.deviceId.slice(0, 12)} is ${String(pairing.status)}; approve request ${String(pairing.request_id)} on the server.`);
        }
    }
    const headers = instance.auth_headers as Record<string, unknown> | undefined;
    if (!headers || Object.keys(headers).length === 0) {
        add("proxy.auth", "info", "No proxy auth headers", "The gateway is protected by its token alone.");
    }
    for (const b of store.list(org, BINDINGS)) {
        if (b.server !== instance.id) continue;
        const cfg = agentConfigOf(store, org, b.mentor);
        for (const w of baselineWarnings(expandConfig(cfg?.config ?? {}))) {
            add("config.baseline", "warn", `Risky setting for mentor ${String(b.mentor)}`, w);
        }
    }
    const summary: Record<Severity, number> = { critical: 0, warn: 0, info: 0 };
    for (const f of findings) summary[f.severity]++;
    return { findings, summary, audited_at: now };
}
