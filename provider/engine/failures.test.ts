import type { AuthScheme } from "../../sdk";
import { methodsFor } from "./runtime";
import { HIDDEN, quietFailures, withProviderKept, withQuietCheck } from "./failures";

// Issue 13, point 4: the engine prints a failing property's value beside it, so an unknown
// input holding a secret (`property apiKey value {sk-live-…}`) was echoed in clear.
const CANARY = "sk-live-canary-4e1f9a77";

describe("quietFailures", () => {
    it("drops the property, names it in the reason and hides quoted input strings", () => {
        const out = quietFailures(
            [
                { property: "apiKey", reason: "unknown input; the inputs are name, serverUrl" },
                { property: "serverUrl", reason: `serverUrl: ${CANARY} is not a URL` },
                { property: "", reason: "iblai:authScheme is wrong" },
            ],
            { apiKey: CANARY, serverUrl: CANARY, nested: { deep: [CANARY] } },
        );
        expect(out).toEqual([
            { property: "", reason: "apiKey: unknown input; the inputs are name, serverUrl" },
            { property: "", reason: `serverUrl: ${HIDDEN} is not a URL` },
            { property: "", reason: "iblai:authScheme is wrong" },
        ]);
    });
});

describe("every resource type's check, as the runtime serves it", () => {
    const types = ["ClawInstance", "MentorBinding", "AgentConfig", "Skill", "ConfigPush", "ProviderPush", "DeviceIdentity", "GatewayToken"];

    it.each(types.map((t) => [t]))("%s: an unknown input's value never reaches a failure, and no failure names a property", async (type) => {
        const r = await methodsFor(type).check({}, { apiKey: CANARY, token: { value: CANARY } });
        expect(r.failures?.length).toBeGreaterThan(0);
        expect(JSON.stringify(r.failures)).not.toContain(CANARY);
        expect(r.failures?.every((f) => f.property === "")).toBe(true);
        expect(r.failures?.some((f) => f.reason.startsWith("apiKey:"))).toBe(true);
    });
});

describe("the provider's own config at preview", () => {
    const saved = process.env.IBLAI_AUTH_SCHEME;
    afterEach(() => {
        if (saved === undefined) delete process.env.IBLAI_AUTH_SCHEME;
        else process.env.IBLAI_AUTH_SCHEME = saved;
    });

    it.each([
        ["Api-Key", /does not exist; use "Api-Token"/],
        ["Bearer", /must be "Api-Token" \(the default\) or "Token"/],
    ])("refuses iblai:authScheme %s in check, with zero requests", async (scheme, message) => {
        const { configure } = await import("./runtime");
        const config = new Map([
            ["iblai:baseUrl", "https://platform.ibl.ai"],
            ["iblai:org", "acme"],
            ["iblai:authScheme", scheme as AuthScheme],
        ]);
        await configure({ config: { get: (k: string) => config.get(k) } } as never);
        const r = await methodsFor("Skill").check({}, { name: "W", slug: "w" });
        expect(r.failures).toEqual([{ property: "", reason: expect.stringMatching(message) }]);
        config.set("iblai:authScheme", "Api-Token");
        await configure({ config: { get: (k: string) => config.get(k) } } as never);
        expect((await methodsFor("Skill").check({}, { name: "W", slug: "w" })).failures).toEqual([]);
    });
});

describe("withProviderKept", () => {
    const partial = () => Object.assign(new Error("push failed"), { id: "p-1", properties: { pushStatus: "failed" }, reasons: ["push failed"] });
    const methods = withProviderKept({
        create: async (_news: Record<string, unknown>): Promise<unknown> => {
            throw partial();
        },
        update: async (_id: string, _olds: Record<string, unknown>, _news: Record<string, unknown>): Promise<unknown> => {
            throw partial();
        },
    });

    it("puts the serialized provider back into a partial failure's properties (create and update)", async () => {
        await expect(methods.create({ __provider: "stub-code", binding: 7 })).rejects.toMatchObject({ id: "p-1", properties: { pushStatus: "failed", __provider: "stub-code" } });
        await expect(methods.update("p-1", {}, { __provider: "stub-code" })).rejects.toMatchObject({ properties: { __provider: "stub-code" } });
    });

    it("leaves other errors alone", async () => {
        const plain = withProviderKept({
            create: async (_news: Record<string, unknown>): Promise<unknown> => {
                throw new Error("no properties");
            },
            update: async (): Promise<unknown> => undefined,
        });
        await expect(plain.create({ __provider: "stub-code" })).rejects.toEqual(new Error("no properties"));
    });
});

describe("a check that throws", () => {
    it("becomes a check failure instead of an error of the provider host", async () => {
        const methods = withQuietCheck({
            check: async (_olds: Record<string, unknown>, _news: Record<string, unknown>): Promise<{ inputs: Record<string, unknown>; failures?: { property: string; reason: string }[] }> => {
                throw new TypeError("cannot read properties of undefined");
            },
        });
        const r = await methods.check({}, { name: "x" });
        expect(r.failures).toEqual([{ property: "", reason: expect.stringMatching(/^the inputs could not be checked \(cannot read properties of undefined\)/) }]);
    });
});

describe("quietFailures and input names", () => {
    it("never hides an input's name because some value equals it", () => {
        const out = quietFailures([{ property: "", reason: "heartbeat: must be a string, not an object" }], { heartbeat: { every: "30m" }, config: ["heartbeat"] });
        expect(out[0].reason).toBe("heartbeat: must be a string, not an object");
    });
});
