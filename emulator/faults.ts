/**
 * Faults on demand: rules that make API requests fail, slow down or lose their answer,
 * so clients' retry and recovery paths can be tested against a real server.
 */

/**
 * The kinds of fault a rule can inject.
 *
 * @example
 * ```ts
 * FAULT_KINDS.includes("reset-after"); // true
 * ```
 */
export const FAULT_KINDS = ["status", "latency", "reset-before", "reset-after", "slow-push"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * One fault rule. Rules apply to API routes only, never to the admin API.
 *
 * @example
 * ```ts
 * // Every third-ish POST of an instance is throttled, at most five times:
 * const rule: FaultRule = { method: "POST", route: "claw/instances/", kind: "status", status: 429, retryAfter: "1", rate: 0.3, times: 5 };
 * ```
 */
export interface FaultRule {
    /** `"POST"`; default any method. */
    method?: string;
    /**
     * Route pattern as in the request log, e.g. `claw/instances/`, `claw/instances/{id}/`,
     * `claw/mentor-configs/{id}/push-config/`; a trailing `*` matches a prefix. Default any API route.
     */
    route?: string;
    kind: FaultKind;
    /** kind `status`: 429, 500, 502, 503, 504 …, answered with a DRF body `{"detail": …}`. */
    status?: number;
    /** kind `status`: `Retry-After` header value (seconds or HTTP date). 429 gets `"1"` when unset. */
    retryAfter?: string;
    /** kind `latency`: added delay; kind `slow-push`: how long a push stays pending. */
    ms?: number;
    /** Probability 0..1 that a matching request is hit; default 1. */
    rate?: number;
    /** Apply to at most this many matching requests, then the rule is spent; default unlimited. */
    times?: number;
}

/** A rule as the admin API lists it: how often it fired and how many hits it has left. */
export type FaultRuleState = FaultRule & { applied: number; remaining: number | null };

/** What the faults decided for one request. */
export interface FaultDecision {
    /** Total added latency, ms. */
    latencyMs: number;
    /** The status or reset rule that hit, if any (first in rule order). */
    terminal?: FaultRule;
}

// DRF's default details for these statuses.
const DETAILS: Record<number, string> = {
    429: "Request was throttled.",
    500: "A server error occurred.",
    502: "Bad gateway.",
    503: "Service temporarily unavailable, try again later.",
    504: "Gateway timeout.",
};

/** The DRF body and headers of a `status` fault. */
export function faultReply(rule: FaultRule): { status: number; body: { detail: string }; headers: Record<string, string> } {
    const status = rule.status ?? 500;
    const retryAfter = rule.retryAfter ?? (status === 429 ? "1" : undefined);
    let detail = DETAILS[status] ?? `Injected fault (HTTP ${status}).`;
    if (status === 429 && retryAfter && /^\d+$/.test(retryAfter)) detail = `Request was throttled. Expected available in ${retryAfter} seconds.`;
    return { status, body: { detail }, headers: retryAfter ? { "retry-after": retryAfter } : {} };
}

/**
 * Checks rules from an untrusted source (admin API, CLI); returns messages naming the rule.
 *
 * @example
 * ```ts
 * parseFaultRules([{ kind: "status", status: 503 }]); // → { ok: true, rules: [...] }
 * ```
 */
export function parseFaultRules(input: unknown): { ok: true; rules: FaultRule[] } | { ok: false; errors: string[] } {
    if (!Array.isArray(input)) return { ok: false, errors: ['Expected "rules" to be a list of fault rules.'] };
    const errors: string[] = [];
    const rules: FaultRule[] = [];
    input.forEach((r: unknown, i) => {
        const bad = (m: string) => errors.push(`rule ${i}: ${m}`);
        if (typeof r !== "object" || r === null || Array.isArray(r)) return bad("must be an object");
        const o = r as Record<string, unknown>;
        const known = ["method", "route", "kind", "status", "retryAfter", "ms", "rate", "times"];
        for (const k of Object.keys(o)) if (!known.includes(k)) bad(`unknown key "${k}" (known: ${known.join(", ")})`);
        if (!FAULT_KINDS.includes(o.kind as FaultKind)) bad(`"kind" must be one of ${FAULT_KINDS.join(", ")}`);
        if (o.method !== undefined && typeof o.method !== "string") bad('"method" must be a string');
        if (o.route !== undefined && typeof o.route !== "string") bad('"route" must be a string');
        if (o.kind === "status" && !(Number.isInteger(o.status) && (o.status as number) >= 400 && (o.status as number) <= 599)) {
            bad('kind "status" needs "status", an HTTP error code 400-599');
        }
        if (o.retryAfter !== undefined && typeof o.retryAfter !== "string") bad('"retryAfter" must be a string (seconds or an HTTP date)');
        if ((o.kind === "latency" || o.kind === "slow-push") && !(typeof o.ms === "number" && o.ms >= 0)) bad(`kind "${String(o.kind)}" needs "ms" ≥ 0`);
        if (o.rate !== undefined && !(typeof o.rate === "number" && o.rate >= 0 && o.rate <= 1)) bad('"rate" must be a number from 0 to 1');
        if (o.times !== undefined && !(Number.isInteger(o.times) && (o.times as number) >= 0)) bad('"times" must be a non-negative integer');
        rules.push({ ...(o as unknown as FaultRule), ...(typeof o.method === "string" ? { method: o.method.toUpperCase() } : {}) });
    });
    return errors.length ? { ok: false, errors } : { ok: true, rules };
}

function normalizeRoute(route: string): string {
    let r = route.trim().replace(/^\/+/, "");
    if (!r.endsWith("*") && !r.endsWith("/")) r += "/";
    return r;
}

/** A small seeded PRNG (mulberry32), so a fault run can be replayed with `--seed`. */
export function seededRandom(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

interface Live {
    rule: FaultRule;
    route?: string;
    applied: number;
}

/**
 * The active fault rules of one emulator.
 *
 * @example
 * ```ts
 * const faults = new Faults([{ kind: "status", status: 503, times: 1 }]);
 * faults.decide("GET", "claw/instances/"); // → { latencyMs: 0, terminal: { kind: "status", status: 503, times: 1 } }
 * faults.decide("GET", "claw/instances/"); // → { latencyMs: 0 } (spent)
 * ```
 */
export class Faults {
    private live: Live[] = [];

    constructor(
        rules: FaultRule[] = [],
        private readonly random: () => number = Math.random,
    ) {
        this.set(rules);
    }

    /** Replaces every rule (their counters start again). */
    set(rules: FaultRule[]): void {
        this.live = rules.map((rule) => ({ rule: { ...rule }, route: rule.route === undefined ? undefined : normalizeRoute(rule.route), applied: 0 }));
    }

    clear(): void {
        this.live = [];
    }

    list(): FaultRuleState[] {
        return this.live.map((l) => ({ ...l.rule, applied: l.applied, remaining: l.rule.times === undefined ? null : Math.max(0, l.rule.times - l.applied) }));
    }

    get size(): number {
        return this.live.length;
    }

    private matches(l: Live, method: string, route: string): boolean {
        if (l.rule.method !== undefined && l.rule.method.toUpperCase() !== method) return false;
        if (l.route !== undefined) {
            if (l.route.endsWith("*") ? !route.startsWith(l.route.slice(0, -1)) : l.route !== route) return false;
        }
        return true;
    }

    /** Draws the rule's dice and spends one of its `times` when it fires. */
    private fire(l: Live): boolean {
        if (l.rule.times !== undefined && l.applied >= l.rule.times) return false;
        if (this.random() >= (l.rule.rate ?? 1)) return false;
        l.applied++;
        return true;
    }

    /** Decides the fate of one API request (`route` is the request-log pattern). */
    decide(method: string, route: string): FaultDecision {
        const out: FaultDecision = { latencyMs: 0 };
        if (this.live.length === 0) return out;
        for (const l of this.live) {
            if (l.rule.kind === "slow-push" || !this.matches(l, method, route)) continue;
            if (l.rule.kind === "latency") {
                if (this.fire(l)) out.latencyMs += l.rule.ms ?? 0;
            } else if (!out.terminal && this.fire(l)) {
                out.terminal = l.rule;
            }
        }
        return out;
    }

    /** How long a push queued by this request stays pending, when a slow-push rule fires. */
    slowPushMs(method: string, route: string): number | undefined {
        for (const l of this.live) {
            if (l.rule.kind === "slow-push" && this.matches(l, method, route) && this.fire(l)) return l.rule.ms ?? 0;
        }
        return undefined;
    }
}
