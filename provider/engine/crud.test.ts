import { clawInstanceFacts as facts } from "../resources/clawInstance";
import { UNKNOWN, changedKeys, check, deepEqual, diff, fromApi, toApi } from "./crud";

const conn = { baseUrl: "https://platform.ibl.ai", org: "acme", apiToken: "tok-123456" };
const good = { name: "prod", serverUrl: "https://claw.acme.dev", gatewayToken: "gw-abcdef" };

describe("check", () => {
    it("fills the connection identity from config", () => {
        const r = check(facts, conn, {}, { ...good, __provider: "stub" });
        expect(r.failures).toEqual([]);
        expect(r.inputs).toMatchObject({ ...good, apiBaseUrl: conn.baseUrl, org: "acme" });
        expect(r.inputs).not.toHaveProperty("__provider");
    });

    it("names each bad input by its camelCase name", () => {
        const r = check(facts, conn, {}, { name: "", serverUrl: "not a url", clawType: "nemo" });
        // Every reason starts with the input's name (the property itself is left empty for
        // secret and object inputs, whose values the engine would print).
        const byProp = Object.fromEntries((r.failures ?? []).map((f) => [f.reason.split(":")[0], f.reason]));
        expect(Object.keys(byProp).sort()).toEqual(["clawType", "gatewayToken", "name", "serverUrl"]);
        expect(r.failures?.find((f) => f.reason.startsWith("gatewayToken"))?.property).toBe("");
        expect(r.failures?.find((f) => f.reason.startsWith("serverUrl"))?.property).toBe("serverUrl");
        expect(byProp.gatewayToken).toMatch(/required/);
        expect(byProp.serverUrl).toMatch(/http\(s\) URL/);
    });

    it("rejects an unknown input instead of dropping it", () => {
        const r = check(facts, conn, {}, { ...good, serverURL: "https://x" });
        expect(r.failures).toEqual([expect.objectContaining({ property: "serverURL" })]);
    });

    it("defers values unknown at preview", () => {
        const r = check(facts, conn, {}, { ...good, serverUrl: UNKNOWN });
        expect(r.failures).toEqual([]);
    });

    it("fails with the config key to set when there is no base URL or org", () => {
        const r = check(facts, {}, {}, good);
        expect(r.failures?.map((f) => f.property).sort()).toEqual(["apiBaseUrl", "org"]);
        expect(r.failures?.[0].reason).toMatch(/pulumi config set iblai:/);
    });
});

describe("diff", () => {
    const olds = { ...good, apiBaseUrl: conn.baseUrl, org: "acme", clawType: "openclaw", status: "active", __provider: "old code" };

    it("reports no change for equal inputs, whatever the serialized provider", () => {
        expect(diff(facts, "1", olds, { ...good, apiBaseUrl: conn.baseUrl, org: "acme", __provider: "new code" })).toEqual({
            changes: false,
            replaces: [],
            deleteBeforeReplace: false,
        });
    });

    it("updates in place for a rename, and notices a new write-only value", () => {
        const r = diff(facts, "1", olds, { ...good, name: "prod-eu", gatewayToken: "rotated", apiBaseUrl: conn.baseUrl, org: "acme" });
        expect(r).toMatchObject({ changes: true, replaces: [] });
        expect(changedKeys(facts, olds, { ...good, name: "prod-eu", gatewayToken: "rotated" })).toEqual(["name", "gatewayToken"]);
    });

    it("replaces when the org or base URL changes", () => {
        expect(diff(facts, "1", olds, { ...good, apiBaseUrl: conn.baseUrl, org: "other" }).replaces).toEqual(["org"]);
    });

    it("treats an omitted optional input as no opinion, but a removed write-only object as a change", () => {
        expect(changedKeys(facts, olds, { ...good, apiBaseUrl: conn.baseUrl, org: "acme" })).toEqual([]);
        expect(changedKeys(facts, { ...olds, authHeaders: { a: "b" } }, { ...good, apiBaseUrl: conn.baseUrl, org: "acme" })).toEqual(["authHeaders"]);
    });
});

describe("mapping", () => {
    it("maps camelCase inputs to the API body and back, never reading write-only fields", () => {
        expect(toApi(facts, { ...good, authHeaders: { x: "y" } })).toEqual({
            name: "prod",
            server_url: "https://claw.acme.dev",
            gateway_token: "gw-abcdef",
            auth_headers: { x: "y" },
        });
        const state = fromApi(facts, { id: 7, name: "prod", server_url: "https://claw.acme.dev", status: "active", gateway_token: "leak?" });
        expect(state).toMatchObject({ name: "prod", serverUrl: "https://claw.acme.dev", instanceId: 7, status: "active" });
        expect(state).not.toHaveProperty("gatewayToken");
    });

    it("compares JSON values structurally", () => {
        expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
        expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
        expect(deepEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
    });
});

describe("check: issue 20's bad inputs, all at preview", () => {
    it("refuses a deploymentBackend that is not an integer, and takes its digit string", () => {
        const bad = check(facts, conn, {}, { ...good, deploymentBackend: "abc" });
        expect(bad.failures?.map((f) => f.reason)).toEqual([expect.stringMatching(/^deploymentBackend: must be an integer id/)]);
        const digits = check(facts, conn, {}, { ...good, deploymentBackend: "3" });
        expect(digits.failures).toEqual([]);
    });

    it("refuses an org that is empty or no platform key, naming `org`", () => {
        for (const org of ["", "a b", "acme/x", 42]) {
            const r = check(facts, conn, {}, { ...good, org });
            expect(r.failures?.map((f) => f.reason)).toEqual([expect.stringMatching(/^org: must be the org's platform key/)]);
        }
    });
});

describe("check: identity inputs of the wrong type", () => {
    it("refuses an apiBaseUrl given as a list holding a URL", () => {
        const r = check(facts, conn, {}, { ...good, apiBaseUrl: ["https://platform.ibl.ai"] });
        expect(r.failures?.map((f) => f.reason)).toEqual([expect.stringMatching(/^apiBaseUrl: must be an http\(s\) URL/)]);
    });

    it("calls a key-value object an object, not a record", () => {
        const r = check(facts, conn, {}, { ...good, authHeaders: "Bearer x" });
        expect(r.failures?.map((f) => f.reason)).toEqual(["authHeaders: must be an object, not a string"]);
    });
});
