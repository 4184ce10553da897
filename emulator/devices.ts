/**
 * The platform's device on each claw server: its Ed25519 key comes from the instance's
 * `connection_params.device_identity.private_key_pem`; the server pairs it automatically
 * or keeps it waiting for `openclaw devices approve <requestId>` (modelled by the admin
 * API's approve-device). Pairing can be dropped again (revoke-device), as gateway
 * updates do.
 */
import * as crypto from "node:crypto";
import { DEVICES } from "./collections";
import { ApiFault } from "./entity";
import { deviceKeyFromPem } from "./openclawGateway";
import type { Row, Store } from "./store";

export type DeviceStatus = "pending" | "approved" | "revoked";

/** How long a pending pairing request lives (the guide: "about 5 minutes"). */
export const PAIRING_REQUEST_TTL_MS = 5 * 60 * 1000;

/**
 * Claw types whose servers are OpenClaw gateways (device pairing, security audit): NemoClaw
 * runs OpenClaw inside its sandbox.
 *
 * @example
 * ```ts
 * speaksOpenclaw({ id: 1, claw_type: "nemoclaw" }); // true
 * ```
 */
export const speaksOpenclaw = (instance: Row): boolean => instance.claw_type === "openclaw" || instance.claw_type === "nemoclaw";

/** The instance's device id, or why the platform cannot connect with operator scopes. */
export function deviceOf(instance: Row): { deviceId: string } | { error: string } {
    const params = instance.connection_params as Record<string, unknown> | undefined;
    const ident = params?.device_identity as Record<string, unknown> | undefined;
    const pem = ident?.private_key_pem;
    // Without a device the gateway grants a token-only connection no operator scopes.
    if (typeof pem !== "string" || pem.trim() === "") return { error: "missing scope: operator.read" };
    try {
        return { deviceId: deviceKeyFromPem(pem).id };
    } catch (e) {
        return { error: `invalid device identity: ${(e as Error).message}` };
    }
}

const findDevice = (store: Store, org: string, instanceId: number, deviceId: string): Row | undefined =>
    store.list(org, DEVICES).find((d) => d.instance === instanceId && d.device_id === deviceId);

/**
 * What the server says when the platform connects with this device: paired, or a
 * pairing error. Records the connection attempt (a pending request) as the server does.
 */
export function connectDevice(store: Store, org: string, instanceId: number, deviceId: string, requireApproval: boolean, now: string): { ok: true } | { ok: false; error: string } {
    const row = findDevice(store, org, instanceId, deviceId);
    if (row?.status === "approved") return { ok: true };
    if (!requireApproval) {
        const fields = { instance: instanceId, device_id: deviceId, request_id: row?.request_id ?? crypto.randomUUID(), status: "approved", updated_at: now, approved_at: now };
        if (row) store.put(org, DEVICES, { ...row, ...fields });
        else store.insert(org, DEVICES, { ...fields, created_at: now });
        return { ok: true };
    }
    const short = deviceId.slice(0, 12);
    if (!row) {
        const requestId = crypto.randomUUID();
        store.insert(org, DEVICES, { instance: instanceId, device_id: deviceId, request_id: requestId, status: "pending", created_at: now, updated_at: now, approved_at: null });
        return { ok: false, error: pairingRequired(short, requestId) };
    }
    if (row.status === "revoked") {
        const requestId = crypto.randomUUID();
        store.put(org, DEVICES, { ...row, status: "pending", request_id: requestId, updated_at: now });
        return {
            ok: false,
            error: `NOT_PAIRED: the server no longer knows device ${short} (its pairing was dropped, e.g. by a gateway update); approve it again on the server with \`openclaw devices approve ${requestId}\``,
        };
    }
    return { ok: false, error: pairingRequired(short, String(row.request_id)) };
}

function pairingRequired(short: string, requestId: string): string {
    return `PAIRING_REQUIRED: device ${short} is waiting for approval on the server; run \`openclaw devices list\`, then \`openclaw devices approve ${requestId}\``;
}

/**
 * `request-pairing/`: the platform connects with the instance's device so that the server
 * records a pending pairing request (expiring after {@link PAIRING_REQUEST_TTL_MS}) for
 * `openclaw devices approve`. An approved device is left alone; an instance without a
 * device identity (or not an OpenClaw server) is refused with 400.
 */
export function requestPairing(store: Store, org: string, instance: Row, now: string): Row {
    if (!speaksOpenclaw(instance)) throw ApiFault.detail(400, "Device pairing is only available for OpenClaw instances.");
    const dev = deviceOf(instance);
    if ("error" in dev) throw ApiFault.detail(400, `This instance has no usable device identity (${dev.error}); set connection_params.device_identity.private_key_pem first.`);
    const row = findDevice(store, org, instance.id, dev.deviceId);
    if (row?.status === "approved") return row;
    const expires_at = new Date(Date.parse(now) + PAIRING_REQUEST_TTL_MS).toISOString();
    const fields = { instance: instance.id, device_id: dev.deviceId, request_id: crypto.randomUUID(), status: "pending", updated_at: now, approved_at: null, expires_at };
    if (row) {
        const next = { ...row, ...fields };
        store.put(org, DEVICES, next);
        return next;
    }
    return store.insert(org, DEVICES, { ...fields, created_at: now });
}

/**
 * Approves a device of an instance: the pending request `requestId`, or (without one)
 * the instance's current device key, which pre-pairs it before any push.
 */
export function approveDevice(store: Store, org: string, instance: Row, requestId: string | undefined, now: string): Row {
    let row: Row | undefined;
    if (requestId) {
        row = store.list(org, DEVICES).find((d) => d.instance === instance.id && d.request_id === requestId);
        if (!row) throw ApiFault.detail(404, `No device request ${requestId} for instance ${instance.id}.`);
        if (row.status === "pending" && typeof row.expires_at === "string" && row.expires_at < now) {
            throw ApiFault.detail(400, `Device request ${requestId} expired at ${row.expires_at}; request pairing again.`);
        }
    } else {
        const dev = deviceOf(instance);
        if ("error" in dev) {
            row = store.list(org, DEVICES).find((d) => d.instance === instance.id && d.status === "pending");
            if (!row) throw ApiFault.detail(400, `Instance ${instance.id} has no usable device identity (${dev.error}) and no pending device request.`);
        } else {
            row = findDevice(store, org, instance.id, dev.deviceId);
            if (!row) {
                return store.insert(org, DEVICES, { instance: instance.id, device_id: dev.deviceId, request_id: crypto.randomUUID(), status: "approved", created_at: now, updated_at: now, approved_at: now });
            }
        }
    }
    const approved: Row = { ...row, status: "approved", updated_at: now, approved_at: now };
    store.put(org, DEVICES, approved);
    return approved;
}

/** Drops every approved pairing of an instance (the next push fails with NOT_PAIRED while approval is required). */
export function revokeDevices(store: Store, org: string, instanceId: number, now: string): number {
    let n = 0;
    for (const d of store.list(org, DEVICES)) {
        if (d.instance === instanceId && d.status === "approved") {
            store.put(org, DEVICES, { ...d, status: "revoked", updated_at: now });
            n++;
        }
    }
    return n;
}
