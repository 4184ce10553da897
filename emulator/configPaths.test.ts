import { CONFIG_PATH_CASES } from "../test/shared/configPathCases";
import { BLOCKED_CONFIG_PATHS, blockedPathsIn, configNodes, deepMerge, expandConfig, keySegments } from "./configPaths";

describe("the shared table of config-path cases (docs/config-paths.md)", () => {
    it.each(CONFIG_PATH_CASES.map((c) => [c.name, c]))("%s", (_, c) => {
        expect(blockedPathsIn(c.config)).toEqual(c.blocked);
    });
});

describe("keySegments", () => {
    it("splits on dots and brackets and drops quotes, blanks and empty segments", () => {
        expect(keySegments("a.b")).toEqual(["a", "b"]);
        expect(keySegments(" a . b ")).toEqual(["a", "b"]);
        expect(keySegments("a..b.")).toEqual(["a", "b"]);
        expect(keySegments("a[b]['c']")).toEqual(["a", "b", "c"]);
        expect(keySegments("...")).toEqual([]);
    });
});

describe("blockedPathsIn", () => {
    it("finds each blocked path written as nested objects", () => {
        for (const p of BLOCKED_CONFIG_PATHS) {
            const nested = p
                .split(".")
                .reverse()
                .reduce<unknown>((acc, seg) => ({ [seg]: acc }), true);
            expect(blockedPathsIn(nested)).toEqual([p]);
        }
    });

    it("finds each blocked path written as one dotted key", () => {
        for (const p of BLOCKED_CONFIG_PATHS) expect(blockedPathsIn({ [p]: 1 })).toEqual([p]);
    });

    it("finds every split of a path into dotted and nested parts", () => {
        const p = "gateway.controlUi.dangerouslyDisableDeviceAuth";
        const segs = p.split(".");
        for (let i = 1; i < segs.length; i++) {
            const config = { [segs.slice(0, i).join(".")]: { [segs.slice(i).join(".")]: true } };
            expect(blockedPathsIn(config)).toEqual([p]);
        }
    });

    it("is blind to letter case, _ and - separators", () => {
        expect(blockedPathsIn({ TOOLS: { Exec: { HOST: "x" } } })).toEqual(["tools.exec.host"]);
        expect(blockedPathsIn({ hooks: { "allow-unsafe-external-content": true } })).toEqual(["hooks.allowUnsafeExternalContent"]);
    });

    it("counts writes under a blocked path and non-object writes over its ancestors", () => {
        expect(blockedPathsIn({ gateway: { auth: { password: "x" } } })).toEqual(["gateway.auth"]);
        expect(blockedPathsIn({ sandbox: "off" })).toEqual(["sandbox.mode"]);
        expect(blockedPathsIn({ hooks: [] })).toEqual(["hooks.allowUnsafeExternalContent"]);
        expect(blockedPathsIn({ hooks: {} })).toEqual([]);
    });

    it("lets neighbours through", () => {
        expect(blockedPathsIn({ gateway: { port: 1, authx: 1, controlUi: { enabled: true } } })).toEqual([]);
        expect(blockedPathsIn({ agents: { defaults: { sandbox: { mode: "off" } } } })).toEqual([]);
        expect(blockedPathsIn({ "tools.exec.security": "full", "tools.exec.hostname": "x" })).toEqual([]);
        expect(blockedPathsIn(null)).toEqual([]);
        expect(blockedPathsIn(["gateway.auth"])).toEqual([]);
    });

    it("reports each blocked path once, in canonical order", () => {
        expect(blockedPathsIn({ "sandbox.mode": 1, sandbox: { mode: 2 }, "gateway.auth": 1 })).toEqual(["gateway.auth", "sandbox.mode"]);
    });
});

describe("configNodes", () => {
    it("lists intermediate objects and leaves with their expanded paths", () => {
        expect(configNodes({ "a.b": { c: 1 } }).map((n) => n.path.join("."))).toEqual(["a.b", "a.b.c"]);
    });
});

describe("expandConfig", () => {
    it("expands dotted keys and merges them with nested siblings", () => {
        expect(expandConfig({ "agents.defaults.model": "m", agents: { defaults: { heartbeat: { every: "1h" } } } })).toEqual({
            agents: { defaults: { model: "m", heartbeat: { every: "1h" } } },
        });
    });

    it("keeps letter case and arrays as written", () => {
        expect(expandConfig({ "A.b": [1, { "c.d": 2 }] })).toEqual({ A: { b: [1, { "c.d": 2 }] } });
    });
});

describe("deepMerge", () => {
    it("merges objects key by key; anything else on the right wins", () => {
        expect(deepMerge({ a: { b: 1, c: 2 }, d: [1] }, { a: { c: 3 }, d: [2] })).toEqual({ a: { b: 1, c: 3 }, d: [2] });
    });
});
