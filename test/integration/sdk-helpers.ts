import { randomUUID } from "node:crypto";
import type { ClawClient, RequestEvent } from "../../sdk";
import { ORG } from "../helpers/emulator";

/**
 * Helpers for the sdk's integration tests: the emulator's admin API by HTTP (the
 * documented contract: PUT /__emulator/faults, GET /__emulator/counts and /requests), so
 * the tests need nothing of the emulator's TypeScript beyond `useEmulator`.
 */

/** One fault rule of the emulator's contract. */
export interface FaultRule {
    method?: string;
    route?: string;
    kind: "status" | "latency" | "reset-before" | "reset-after" | "slow-push";
    status?: number;
    retryAfter?: string;
    ms?: number;
    rate?: number;
    times?: number;
}

/** One call of the emulator's admin API, e.g. `admin(url, "PUT", "settings", {...})`. */
export async function admin(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${url}/__emulator/${path}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`emulator admin ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    const text = await res.text();
    return text ? JSON.parse(text) : undefined;
}

export const setFaults = (url: string, rules: FaultRule[]) => admin(url, "PUT", "faults", { rules });
export const clearFaults = (url: string) => admin(url, "PUT", "faults", { rules: [] });

/** Objects stored in one collection of the test org (`agent-skills` or `agent-skills/`). */
export async function countOf(url: string, collection: string): Promise<number> {
    const all = (await admin(url, "GET", "counts")) as Record<string, Record<string, number>>;
    const cols = all[ORG] ?? {};
    const bare = collection.replace(/\/$/, "");
    return cols[bare] ?? cols[`${bare}/`] ?? 0;
}

/** Requests the emulator logged for `METHOD pattern`, e.g. `GET agent-skills/`. */
export async function requestsFor(url: string, key: string): Promise<number> {
    const r = (await admin(url, "GET", "requests")) as { counts: Record<string, number> };
    return r.counts[key] ?? 0;
}

/** A fresh mentor id. */
export const mentorId = (): string => randomUUID();

/** A unique suffix, so tests sharing one emulator never collide. */
let n = 0;
export const uniq = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${++n}`;

/** A client with fast retries that records its log events. */
export function recording(make: (o: object) => ClawClient, o: object = {}): { client: ClawClient; events: RequestEvent[] } {
    const events: RequestEvent[] = [];
    const client = make({ retry: { baseDelayMs: 5, maxDelayMs: 50 }, onRequest: (e: RequestEvent) => events.push(e), ...o });
    return { client, events };
}
