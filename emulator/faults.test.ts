import { faultReply, Faults, parseFaultRules, seededRandom } from "./faults";

describe("Faults", () => {
    it("applies a status rule at most `times` times and reports what is left", () => {
        const f = new Faults([{ kind: "status", status: 503, times: 2 }]);
        expect(f.decide("GET", "claw/instances/").terminal?.status).toBe(503);
        expect(f.list()[0]).toMatchObject({ applied: 1, remaining: 1 });
        expect(f.decide("GET", "claw/instances/").terminal?.status).toBe(503);
        expect(f.decide("GET", "claw/instances/").terminal).toBeUndefined();
        expect(f.list()[0]).toMatchObject({ applied: 2, remaining: 0 });
    });

    it("matches method case-blind and routes exactly or by a trailing *", () => {
        const f = new Faults([
            { method: "post", route: "claw/instances", kind: "status", status: 500 },
            { route: "agent-*", kind: "status", status: 502 },
        ]);
        expect(f.decide("GET", "claw/instances/").terminal).toBeUndefined();
        expect(f.decide("POST", "claw/instances/").terminal?.status).toBe(500);
        expect(f.decide("POST", "claw/instances/{id}/").terminal).toBeUndefined();
        expect(f.decide("DELETE", "agent-skills/{id}/").terminal?.status).toBe(502);
    });

    it("adds up latency rules and takes the first terminal rule, leaving later ones unspent", () => {
        const f = new Faults([
            { kind: "latency", ms: 10 },
            { kind: "reset-after", times: 1 },
            { kind: "latency", ms: 5 },
            { kind: "status", status: 500, times: 1 },
        ]);
        expect(f.decide("GET", "x/")).toEqual({ latencyMs: 15, terminal: { kind: "reset-after", times: 1 } });
        expect(f.list()[3]).toMatchObject({ applied: 0, remaining: 1 });
        expect(f.decide("GET", "x/").terminal?.kind).toBe("status");
    });

    it("draws each rule's dice with the given random source", () => {
        const rolls = [0.1, 0.9];
        const f = new Faults([{ kind: "status", status: 503, rate: 0.5 }], () => rolls.shift() ?? 0);
        expect(f.decide("GET", "x/").terminal).toBeDefined();
        expect(f.decide("GET", "x/").terminal).toBeUndefined();
    });

    it("keeps slow-push rules out of request decisions and spends them on pushes", () => {
        const f = new Faults([{ kind: "slow-push", ms: 300, times: 1, route: "claw/mentor-configs/{id}/push-config/" }]);
        expect(f.decide("POST", "claw/mentor-configs/{id}/push-config/")).toEqual({ latencyMs: 0 });
        expect(f.slowPushMs("POST", "claw/instances/{id}/push-providers/")).toBeUndefined();
        expect(f.slowPushMs("POST", "claw/mentor-configs/{id}/push-config/")).toBe(300);
        expect(f.slowPushMs("POST", "claw/mentor-configs/{id}/push-config/")).toBeUndefined();
    });
});

describe("parseFaultRules", () => {
    it("accepts the documented shape and upper-cases methods", () => {
        const r = parseFaultRules([{ method: "post", kind: "status", status: 429, retryAfter: "2", rate: 0.5, times: 3 }]);
        expect(r).toEqual({ ok: true, rules: [{ method: "POST", kind: "status", status: 429, retryAfter: "2", rate: 0.5, times: 3 }] });
    });

    it("names the rule and the problem", () => {
        const r = parseFaultRules([{ kind: "latency" }, { kind: "status", status: 200 }, { kind: "reset-before", when: "now" }, 5]);
        expect(r).toEqual({
            ok: false,
            errors: [
                'rule 0: kind "latency" needs "ms" ≥ 0',
                'rule 1: kind "status" needs "status", an HTTP error code 400-599',
                'rule 2: unknown key "when" (known: method, route, kind, status, retryAfter, ms, rate, times)',
                "rule 3: must be an object",
            ],
        });
        expect(parseFaultRules({}).ok).toBe(false);
    });
});

describe("faultReply", () => {
    it("answers in DRF's words, with Retry-After for 429 by default", () => {
        expect(faultReply({ kind: "status", status: 429 })).toEqual({ status: 429, body: { detail: "Request was throttled. Expected available in 1 seconds." }, headers: { "retry-after": "1" } });
        expect(faultReply({ kind: "status", status: 503 })).toEqual({ status: 503, body: { detail: "Service temporarily unavailable, try again later." }, headers: {} });
        expect(faultReply({ kind: "status", status: 418 }).body.detail).toBe("Injected fault (HTTP 418).");
    });
});

describe("seededRandom", () => {
    it("repeats its sequence for a seed and stays in [0, 1)", () => {
        const a = seededRandom(7);
        const b = seededRandom(7);
        const xs = Array.from({ length: 100 }, () => a());
        expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
        expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
        expect(new Set(xs).size).toBe(100);
    });
});
