import { contentHash } from "./hash";
import { UNKNOWN } from "./crud";
import { withProviderKept } from "./failures";
import { type PushFacts, pushMethods } from "./push";

const facts: PushFacts = {
    type: "ConfigPush",
    target: "binding",
    targetType: "MentorBinding",
    push: async () => ({ status: "success", warnings: [] }),
    lastPush: async () => ({}),
};
const conn = () => ({ baseUrl: "https://platform.ibl.ai", org: "acme", apiToken: "tok-123456" });
const m = pushMethods(facts, conn);
const state = (triggers: unknown, pushStatus = "succeeded") => ({
    binding: 7,
    triggers,
    triggersHash: contentHash(triggers),
    pushStatus,
    apiBaseUrl: "https://platform.ibl.ai",
    org: "acme",
});

describe("push diff", () => {
    it("does nothing for the same triggers, whatever their key order", async () => {
        const r = await m.diff("p", state([{ a: 1, b: 2 }]), { binding: 7, triggers: [{ b: 2, a: 1 }] });
        expect(r).toMatchObject({ changes: false, replaces: [] });
    });

    it("pushes again (an update) for new triggers, or triggers not known yet", async () => {
        expect(await m.diff("p", state(["h1"]), { binding: 7, triggers: ["h2"] })).toMatchObject({ changes: true, replaces: [] });
        expect(await m.diff("p", state(["h1"]), { binding: 7, triggers: ["h1", UNKNOWN] })).toMatchObject({ changes: true });
    });

    it("pushes again when the last push did not succeed", async () => {
        for (const status of ["failed", "timeout", "error", "superseded"]) {
            expect(await m.diff("p", state(["h1"], status), { binding: 7, triggers: ["h1"] })).toMatchObject({ changes: true, replaces: [] });
        }
    });

    it("replaces for another binding", async () => {
        expect(await m.diff("p", state(["h1"]), { binding: 8, triggers: ["h1"] })).toMatchObject({ replaces: ["binding"] });
    });
});

describe("push check", () => {
    it("turns the binding's string id into a number and names bad inputs", async () => {
        expect((await m.check({}, { binding: "7", triggers: [] })).inputs).toMatchObject({ binding: 7 });
        const bad = await m.check({}, { binding: "not an id", triggers: [], timeoutSeconds: -1, trigger: 1 });
        expect(bad.failures?.map((f) => f.property).sort()).toEqual(["binding", "timeoutSeconds", "trigger"]);
    });
});

describe("push update", () => {
    it("sends nothing when only the timeout changed", async () => {
        let pushed = 0;
        const counting = pushMethods({ ...facts, push: async () => (pushed++, { status: "success", warnings: [] }) }, conn);
        await counting.update("p", state(["h1"]), { binding: 7, triggers: ["h1"], timeoutSeconds: 60 });
        expect(pushed).toBe(0);
        await counting.update("p", state(["h1"]), { binding: 7, triggers: ["h2"] });
        expect(pushed).toBe(1);
    });

    it("keeps a failed push as a partial failure with its status, for the next up", async () => {
        const { PushFailedError } = await import("../../sdk");
        // As the runtime serves it: withProviderKept puts the serialized provider back.
        const failing = withProviderKept(
            pushMethods({ ...facts, push: async () => Promise.reject(new PushFailedError("the config push failed", { pushStatus: "error: missing scope: operator.read", hint: "set device_identity" })) }, conn),
        );
        const err = (await failing.create({ binding: 7, triggers: ["h1"], __provider: "serialized" }).catch((e) => e)) as { id: string; properties: Record<string, unknown>; message: string };
        expect(err.id).toMatch(/^binding-7-/);
        // The serialized provider rides along: without it in state, deleting the push later fails.
        expect(err.properties).toMatchObject({ pushStatus: "failed", serviceStatus: "error: missing scope: operator.read", triggersHash: contentHash(["h1"]), __provider: "serialized" });
        expect(err.message).toContain("hint: set device_identity");
        expect(err.message).not.toContain("tok-123456");
    });
});

describe("push adopt", () => {
    const base = { binding: 7, triggers: ["h1"], apiBaseUrl: "https://platform.ibl.ai", org: "acme" };
    const counting = (last: { at?: string; status?: string }) => {
        const calls = { push: 0 };
        const f: PushFacts = { ...facts, push: async () => (calls.push++, { status: "success", warnings: [] }), lastPush: async () => last };
        return { calls, m: pushMethods(f, conn) };
    };

    it("records the triggers as delivered, sending nothing, when the target's last push succeeded", async () => {
        const { calls, m: adopting } = counting({ at: "2026-12-01T10:00:00Z", status: "success" });
        const r = await adopting.create({ ...base, adopt: true });
        expect(calls.push).toBe(0);
        expect(r.outs).toMatchObject({ pushStatus: "succeeded", triggersHash: contentHash(["h1"]), pushedAt: "2026-12-01T10:00:00Z", serviceStatus: "success" });
        // Equal triggers afterwards: nothing to do.
        expect(await adopting.diff(r.id, r.outs, { ...base, adopt: true })).toMatchObject({ changes: false });
    });

    it.each([["failed: pairing required"], ["pending"], [undefined]])("pushes when the last push's status is %s", async (status) => {
        const { calls, m: adopting } = counting({ status });
        const r = await adopting.create({ ...base, adopt: true });
        expect(calls.push).toBe(1);
        expect(r.outs).toMatchObject({ pushStatus: "succeeded" });
    });

    it("refuses a non-boolean adopt at check", async () => {
        const r = await m.check({}, { ...base, adopt: "yes" });
        expect(r.failures).toEqual([{ property: "adopt", reason: "adopt: must be true or false" }]);
    });
});

describe("push waiting", () => {
    const seen = async (tuning?: { pushPollIntervalMs?: number }) => {
        const waits: unknown[] = [];
        const recording = pushMethods(
            { ...facts, push: async (_c, _id, wait) => (waits.push(wait), { status: "success", warnings: [] }) },
            () => ({ ...conn(), tuning }),
        );
        await recording.create({ binding: 7, triggers: ["h1"], timeoutSeconds: 30 });
        return waits[0];
    };

    it("hands the pushPollIntervalMs setting to the wait", async () => {
        expect(await seen({ pushPollIntervalMs: 100 })).toMatchObject({ timeoutMs: 30_000, pollIntervalMs: 100 });
    });

    it("leaves the sdk's default poll interval alone when the setting is unset", async () => {
        const wait = await seen();
        expect(wait).toMatchObject({ timeoutMs: 30_000 });
        expect(Object.keys(wait as object)).not.toContain("pollIntervalMs");
    });
});
