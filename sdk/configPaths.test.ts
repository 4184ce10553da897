import { BLOCKED_CONFIG_PATHS, findBlockedPaths } from "./configPaths";

const blocked = (v: unknown) => findBlockedPaths(v).filter((f) => f.kind === "blocked").map((f) => (f.kind === "blocked" ? f.path : ""));

describe("findBlockedPaths", () => {
    it.each(BLOCKED_CONFIG_PATHS.map((p) => [p]))("finds %s nested, dotted and mixed", (p) => {
        const segs = p.split(".");
        const nested = segs.reduceRight<unknown>((acc, s) => ({ [s]: acc }), true);
        expect(blocked(nested)).toEqual([p]);
        expect(blocked({ [p]: true })).toEqual([p]);
        expect(blocked({ [segs[0]]: { [segs.slice(1).join(".")]: true } })).toEqual([p]);
    });

    it("finds deeper paths once, letter case and stray spaces notwithstanding", () => {
        expect(blocked({ gateway: { auth: { token: "x", mode: "none" } } })).toEqual(["gateway.auth"]);
        expect(blocked({ "Gateway . Auth": "x" })).toEqual(["gateway.auth"]);
        expect(blocked({ "tools..exec": { HOST: "gateway" } })).toEqual(["tools.exec.host"]);
    });

    it("finds paths through arrays and in JSON strings", () => {
        expect(blocked({ sandbox: [{ mode: "off" }] })).toContain("sandbox.mode");
        expect(blocked(JSON.stringify({ "hooks.allowUnsafeExternalContent": true }))).toEqual(["hooks.allowUnsafeExternalContent"]);
    });

    it("flags a parent of a blocked path replaced or deleted wholesale", () => {
        expect(blocked({ gateway: null })).toEqual(["gateway.auth", "gateway.controlUi.dangerouslyDisableDeviceAuth"]);
        expect(blocked({ tools: { exec: "anything" } })).toEqual(["tools.exec.host"]);
    });

    it("leaves safe settings alone, including siblings of blocked paths", () => {
        expect(findBlockedPaths({ gateway: { port: 18789, controlUi: { enabled: true } }, tools: { exec: { timeout: 30 } }, heartbeat: { every: "30m" } })).toEqual([]);
        expect(findBlockedPaths({})).toEqual([]);
        expect(findBlockedPaths("not json")).toEqual([]);
    });

    it("reports prototype-polluting keys and $include, naming where, never the value", () => {
        const found = findBlockedPaths(JSON.parse('{"__proto__": {"x": 1}, "a": {"constructor.prototype": {}}, "b": {"$include": "./secret-value.json5"}}'));
        expect(found.map((f) => f.kind).sort()).toEqual(["include", "prototype-pollution", "prototype-pollution", "prototype-pollution"]);
        expect(found.map((f) => f.message).join("\n")).not.toContain("secret-value");
    });

    it("names the location as spelled", () => {
        const [f] = findBlockedPaths({ gateway: { "controlUi.dangerouslyDisableDeviceAuth": true } });
        expect(f).toMatchObject({ kind: "blocked", path: "gateway.controlUi.dangerouslyDisableDeviceAuth", at: 'gateway["controlUi.dangerouslyDisableDeviceAuth"]' });
    });
});
