/**
 * Ids: opaque (numbers or strings, compared as strings, issue 10 point 5) and branded per
 * resource (issue 11 point 4).
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { changedKeys, check, diff } from "../../provider/engine/crud";
import { pushMethods } from "../../provider/engine/push";
import { mentorBindingFacts } from "../../provider/resources/mentorBinding";
import { modelProviderFacts } from "../../provider/resources/modelProvider";
import { providerPushFacts } from "../../provider/resources/providerPush";
import { skillAssignmentFacts } from "../../provider/resources/skillAssignment";
import { sameId } from "../../sdk";

const conn = { baseUrl: "https://platform.ibl.ai", org: "acme", apiToken: "tok-123456" };
const where = { apiBaseUrl: conn.baseUrl, org: conn.org };
const MENTOR = "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10";

describe("opaque ids", () => {
    it("sameId compares as strings", () => {
        expect(sameId(42, "42")).toBe(true);
        expect(sameId("abc-1", "abc-1")).toBe(true);
        expect(sameId(42, "43")).toBe(false);
        expect(sameId(undefined, "undefined")).toBe(false);
    });

    it("state holding number ids vs inputs holding string ids: no diff", () => {
        const state = { ...where, mentor: MENTOR, server: 42, enabled: true };
        const inputs = { ...where, mentor: MENTOR, server: "42", enabled: true };
        expect(changedKeys(mentorBindingFacts, state, inputs)).toEqual([]);
        expect(diff(mentorBindingFacts, "7", state, inputs)).toMatchObject({ changes: false, replaces: [] });
        // And the other way round, through check as the engine runs it.
        const checked = check(skillAssignmentFacts, conn, {}, { mentor: MENTOR, skill: 9 }).inputs;
        expect(diff(skillAssignmentFacts, "3", { ...where, mentor: MENTOR, skill: "9" }, checked)).toMatchObject({ changes: false });
    });

    it("string ids pass check as they are and still replace when they really change", () => {
        const r = check(modelProviderFacts, conn, {}, { server: "srv-7f3a", name: "or", baseUrl: "https://or.example", apiType: "a", credentialName: "c" });
        expect(r.failures).toEqual([]);
        expect(r.inputs.server).toBe("srv-7f3a");
        expect(diff(modelProviderFacts, "1", { ...r.inputs }, { ...r.inputs, server: "srv-8" })).toMatchObject({ replaces: ["server"] });
        const bad = check(mentorBindingFacts, conn, {}, { mentor: MENTOR, server: "not an id" });
        expect(bad.failures?.map((f) => f.reason)).toEqual([expect.stringMatching(/^server: must be an object id/)]);
    });

    it("accepts a string adoptId", () => {
        expect(check(mentorBindingFacts, conn, {}, { mentor: MENTOR, server: 1, adoptId: "b-9" }).failures).toEqual([]);
    });
});

describe("ProviderPush: `server`, with `instance` as its deprecated name", () => {
    const m = pushMethods(providerPushFacts, () => conn);
    const oldState = { ...where, instance: 7, triggers: ["h"], triggersHash: "x", pushStatus: "succeeded" };

    it("takes either name and keeps both equal in its inputs", async () => {
        for (const given of [{ server: "7" }, { instance: "7" }, { server: 7, instance: "7" }]) {
            const r = await m.check({}, { ...given, triggers: [] });
            expect(r.failures).toEqual([]);
            expect(r.inputs).toMatchObject({ server: 7, instance: 7 });
        }
    });

    it("refuses both names with different ids, and neither", async () => {
        expect((await m.check({}, { server: 7, instance: 8, triggers: [] })).failures).toEqual([expect.objectContaining({ reason: expect.stringMatching(/given twice/) })]);
        expect((await m.check({}, { triggers: [] })).failures).toEqual([expect.objectContaining({ reason: expect.stringMatching(/^server: required/) })]);
    });

    it("sees no change when a program moves from `instance` to `server` over old state", async () => {
        const news = (await m.check(oldState, { server: "7", triggers: ["h"] })).inputs;
        const d = await m.diff("p", oldState, { ...news, triggersHash: undefined });
        expect(d.replaces).toEqual([]);
        expect((await m.diff("p", oldState, { ...news, server: 8, instance: 8 })).replaces).toEqual(["server"]);
    });
});

describe("branded id types (a tsc run over test/types/branded-ids.ts)", () => {
    jest.setTimeout(120_000);
    const root = path.resolve(__dirname, "../..");
    const file = path.join(root, "test/types/branded-ids.ts");
    const tsc = (f: string) =>
        promisify(execFile)(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "--strict", "--esModuleInterop", "--skipLibCheck", "--target", "ES2022", "--lib", "ES2022", "--module", "commonjs", "--types", "node", f], { cwd: root })
            .then(() => "")
            .catch((e: { stdout?: string }) => e.stdout ?? String(e));

    it("compiles: every @ts-expect-error line is a type error, every other line is fine", async () => {
        expect(await tsc(file)).toBe("");
    });

    it("without the @ts-expect-error comments, fails on exactly those lines", async () => {
        const text = fs.readFileSync(file, "utf8");
        const lines = text.split("\n");
        const marker = (l: string) => l.trim().startsWith("// @ts-expect-error");
        const expected = lines.flatMap((l, i) => (marker(l) ? [i + 2] : [])); // the line below, 1-based
        expect(expected.length).toBeGreaterThanOrEqual(8);
        const stripped = path.join(root, "test/types/branded-ids.stripped.tmp.ts");
        fs.writeFileSync(stripped, lines.map((l) => (marker(l) ? "" : l)).join("\n"));
        try {
            const out = await tsc(stripped);
            const failing = [...new Set([...out.matchAll(/branded-ids\.stripped\.tmp\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1])))];
            expect(failing.sort((a, b) => a - b)).toEqual(expected);
        } finally {
            fs.rmSync(stripped, { force: true });
        }
    });
});
