import { TimeoutError } from "./errors";
import { classifyPushStatus, isPushFinished, pollUntil, pushFailureHint, queuedMoment, warningText } from "./push";

describe("classifyPushStatus", () => {
    it.each([
        [null, "pending"],
        ["", "pending"],
        ["pending", "pending"],
        ["Queued", "pending"],
        ["in_progress", "pending"],
        ["success", "succeeded"],
        ["succeeded", "succeeded"],
        ["OK", "succeeded"],
        ["completed with 2 warnings", "succeeded"],
        ["failed", "failed"],
        ["error: missing scope: operator.read", "failed"],
        ["PAIRING_REQUIRED", "failed"],
        ["NOT_PAIRED", "failed"],
        ["something odd", "unknown"],
    ])("reads %p as %s", (status, state) => {
        expect(classifyPushStatus(status)).toBe(state);
    });
});

describe("pushFailureHint", () => {
    it("tells how to approve the device for pairing errors, with the request id when given", () => {
        const h = pushFailureHint("error: PAIRING_REQUIRED (requestId: r-81f2a)");
        expect(h).toContain("openclaw devices list");
        expect(h).toContain("openclaw devices approve r-81f2a");
        expect(pushFailureHint("failed: NOT_PAIRED")).toContain("openclaw devices approve <requestId>");
        expect(pushFailureHint("failed: PAIRING_REQUIRED: run `openclaw devices list`, then `openclaw devices approve 5d0c-77ab`")).toContain("openclaw devices approve 5d0c-77ab`");
    });
    it("tells to set a device identity for a missing operator scope", () => {
        expect(pushFailureHint("error: missing scope: operator.read")).toContain("connection_params.device_identity");
    });
    it("falls back to checking the server", () => {
        expect(pushFailureHint("failed: connection refused")).toContain("testConnectivity");
        expect(pushFailureHint("weird")).toContain("does not recognise");
    });
});

describe("isPushFinished", () => {
    const before = { at: "2026-01-01T00:00:00Z", status: "success" };
    it("waits while the status is pending or nothing changed", () => {
        expect(isPushFinished(before, before)).toBe(false);
        expect(isPushFinished(before, { at: "2026-01-01T00:05:00Z", status: "pending" })).toBe(false);
        expect(isPushFinished({}, { at: null, status: null })).toBe(false);
    });
    it("finishes on a new timestamp or a new status", () => {
        expect(isPushFinished(before, { at: "2026-01-01T00:05:00Z", status: "success" })).toBe(true);
        expect(isPushFinished(before, { at: before.at, status: "failed: NOT_PAIRED" })).toBe(true);
        expect(isPushFinished({ at: null, status: null }, { at: "2026-01-01T00:05:00Z", status: "ok" })).toBe(true);
    });
    it("ignores a push that finished before ours was queued", () => {
        const queuedAt = Date.parse("2026-01-01T00:10:00Z");
        expect(isPushFinished(before, { at: "2026-01-01T00:05:00Z", status: "success" }, queuedAt)).toBe(false);
        expect(isPushFinished(before, { at: "2026-01-01T00:10:00.300Z", status: "success" }, queuedAt)).toBe(true);
    });
});

describe("queuedMoment and warningText", () => {
    it("reads the Date header", () => {
        expect(queuedMoment({ date: "Thu, 01 Jan 2026 00:00:05 GMT" })).toBe(Date.parse("2026-01-01T00:00:05Z"));
        expect(queuedMoment({})).toBeUndefined();
    });
    it("renders warnings of any shape", () => {
        expect(warningText("plain")).toBe("plain");
        expect(warningText({ code: "W1", message: "sandbox off" })).toBe("sandbox off");
        expect(warningText({ path: "tools.exec" })).toBe('{"path":"tools.exec"}');
    });
});

describe("pollUntil", () => {
    const what = { method: "POST", route: "claw/mentor-configs/7/push-config/", describe: (n: number | undefined) => `last seen ${n}` };
    it("returns the first value that satisfies the condition, polling with growing waits", async () => {
        let n = 0;
        const stamps: number[] = [];
        const v = await pollUntil(async () => (stamps.push(Date.now()), ++n), (x) => x >= 4, what, { pollIntervalMs: 40, maxPollIntervalMs: 1000 });
        expect(v).toBe(4);
        const gaps = stamps.slice(1).map((s, i) => s - stamps[i]);
        expect(gaps[2]).toBeGreaterThan(gaps[0]); // 40 → 60 → 90 ms, ±20%
    });
    it("throws TimeoutError naming the route and the last state after the deadline", async () => {
        const t0 = Date.now();
        const e = (await pollUntil(async () => 1, () => false, what, { timeoutMs: 300, pollIntervalMs: 50 }).catch((x: unknown) => x)) as TimeoutError;
        expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
        expect(Date.now() - t0).toBeLessThan(2000);
        expect(e).toBeInstanceOf(TimeoutError);
        expect(e.message).toContain("POST claw/mentor-configs/7/push-config/");
        expect(e.message).toContain("last seen 1");
    });
});

describe("pollUntil's progress", () => {
    it("reports what each unfinished poll saw, with the time spent, and ignores a broken reporter", async () => {
        const seen: Array<[string, number]> = [];
        let n = 0;
        const what = { method: "POST", route: "x/", describe: (v: number | undefined) => `seen ${v}` };
        const v = await pollUntil(async () => ++n, (x) => x >= 3, what, {
            pollIntervalMs: 10,
            onWait: (text, ms) => {
                seen.push([text, ms]);
                if (n === 1) throw new Error("broken reporter");
            },
        });
        expect(v).toBe(3);
        expect(seen.map(([t]) => t)).toEqual(["seen 1", "seen 2"]);
        expect(seen.every(([, ms]) => ms >= 0)).toBe(true);
    });
});
