import { DEFAULT_RETRY, backoffDelay, nextDelay, parseRetryAfter } from "./retry";

describe("backoff", () => {
    it("draws a full-jitter wait below an exponentially growing, capped ceiling", () => {
        const p = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
        expect(backoffDelay(p, 0, () => 0.999)).toBe(99);
        expect(backoffDelay(p, 3, () => 0.999)).toBe(799);
        expect(backoffDelay(p, 10, () => 0.999)).toBe(999);
        expect(backoffDelay(p, 10, () => 0)).toBe(0);
    });

    it("waits at least as long as Retry-After asks", () => {
        const p = { ...DEFAULT_RETRY, baseDelayMs: 10, maxDelayMs: 20 };
        expect(nextDelay(p, 0, 3000)).toBe(3000);
        expect(nextDelay(p, 0, undefined)).toBeLessThan(20);
    });
});

describe("parseRetryAfter", () => {
    it("reads seconds and HTTP dates", () => {
        expect(parseRetryAfter("2")).toBe(2000);
        expect(parseRetryAfter("0.5")).toBe(500);
        const now = Date.parse("2026-01-01T00:00:00Z");
        expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000);
        expect(parseRetryAfter("Thu, 01 Jan 2025 00:00:05 GMT", now)).toBe(0);
    });
    it("returns undefined for absent or garbage values", () => {
        expect(parseRetryAfter(undefined)).toBeUndefined();
        expect(parseRetryAfter("soon")).toBeUndefined();
    });
});
