import { CONFIG_PATH_CASES } from "../test/shared/configPathCases";
import { BLOCKED_CONFIG_PATHS, findBlockedPaths, foldSegment, keySegments } from "./configPaths";

const blocked = (v: unknown) => findBlockedPaths(v).filter((f) => f.kind === "blocked").map((f) => (f.kind === "blocked" ? f.path : ""));
/** The distinct blocked paths found, in canonical order (as the emulator reports them). */
const blockedSet = (v: unknown) => BLOCKED_CONFIG_PATHS.filter((p) => blocked(v).includes(p));

describe("the shared table of config-path cases (docs/config-paths.md)", () => {
    it.each(CONFIG_PATH_CASES.map((c) => [c.name, c]))("%s", (_, c) => {
        expect(blockedSet(c.config)).toEqual(c.blocked);
        // A JSON string of the same config is read the same way.
        expect(blockedSet(JSON.stringify(c.config))).toEqual(c.blocked);
    });
});

describe("keySegments and foldSegment", () => {
    it("split at dots and brackets, drop quotes, blanks and empties, fold case and _/-", () => {
        expect(keySegments(`gateway["auth"] . mode`)).toEqual(["gateway", "auth", "mode"]);
        expect(keySegments("a..b[]['c']")).toEqual(["a", "b", "c"]);
        expect(keySegments("...")).toEqual([]);
        expect(foldSegment("Control_UI")).toBe(foldSegment("control-ui"));
        expect(foldSegment("controlUi")).toBe("controlui");
    });
});

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
    });

    it("fails closed on a string that is not JSON: a finding, never nothing found", () => {
        const found = findBlockedPaths('{"gateway": {"auth": "secret-value"');
        expect(found).toEqual([expect.objectContaining({ kind: "unparsable" })]);
        expect(JSON.stringify(found)).not.toContain("secret-value");
        expect(findBlockedPaths("not json")).toHaveLength(1);
    });

    it("fails closed on a config nested too deep to walk", () => {
        const deep = Array.from({ length: 80 }).reduce<unknown>((acc) => ({ a: acc }), 1);
        expect(findBlockedPaths(deep).map((f) => f.kind)).toEqual(["unparsable"]);
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
