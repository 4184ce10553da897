/**
 * One table of config-path cases that both blocked-path matchers run: the sdk's
 * `findBlockedPaths` (sdk/configPaths.test.ts) and the emulator's `blockedPathsIn`
 * (emulator/configPaths.test.ts). The two are written independently; this table is the
 * written rule of docs/config-paths.md as data, so they cannot drift apart unnoticed.
 *
 * `blocked` lists the canonical blocked paths the config writes, in canonical order.
 */
export interface ConfigPathCase {
    name: string;
    config: unknown;
    blocked: string[];
}

const ALL = ["gateway.auth", "gateway.controlUi.dangerouslyDisableDeviceAuth", "tools.exec.host", "sandbox.mode", "hooks.allowUnsafeExternalContent"];

/** Every way of cutting a dotted path into a nesting of dotted keys: "a.b.c" → {a:{b:{c}}}, {"a.b":{c}}, {a:{"b.c"}}, {"a.b.c"}. */
function splits(path: string, leaf: unknown): Array<{ how: string; config: unknown }> {
    const segs = path.split(".");
    const out: Array<{ how: string; config: unknown }> = [];
    // Each of the n-1 gaps between segments is either a dot (same key) or a nesting.
    for (let mask = 0; mask < 1 << (segs.length - 1); mask++) {
        const keys: string[] = [segs[0] as string];
        for (let i = 1; i < segs.length; i++) {
            if (mask & (1 << (i - 1))) keys.push(segs[i] as string);
            else keys[keys.length - 1] += `.${segs[i]}`;
        }
        out.push({ how: keys.map((k) => JSON.stringify(k)).join(" > "), config: keys.reduceRight<unknown>((acc, k) => ({ [k]: acc }), leaf) });
    }
    return out;
}

export const CONFIG_PATH_CASES: ConfigPathCase[] = [
    // Each blocked path, every split between nesting and dots, at the path itself...
    ...ALL.flatMap((p) => splits(p, true).map(({ how, config }) => ({ name: `${p} as ${how}`, config, blocked: [p] }))),
    // ...and one level below it (issue 10: `{"gateway.auth.mode": "none"}` passed the sdk).
    ...ALL.flatMap((p) => splits(`${p}.mode`, "none").map(({ how, config }) => ({ name: `below ${p} as ${how}`, config, blocked: [p] }))),
    { name: "gateway.auth.mode as one dotted key", config: { "gateway.auth.mode": "none" }, blocked: ["gateway.auth"] },
    { name: "auth.mode dotted under gateway", config: { gateway: { "auth.mode": "none" } }, blocked: ["gateway.auth"] },
    { name: "deep under tools.exec.host", config: { "tools.exec": { "host.name.x": 1 } }, blocked: ["tools.exec.host"] },

    // Letter case, `_`/`-` separators and blanks fold away.
    { name: "upper and mixed case", config: { TOOLS: { Exec: { HOST: "x" } } }, blocked: ["tools.exec.host"] },
    { name: "snake_case segment", config: { gateway: { control_ui: { dangerously_disable_device_auth: true } } }, blocked: ["gateway.controlUi.dangerouslyDisableDeviceAuth"] },
    { name: "kebab-case segment", config: { hooks: { "allow-unsafe-external-content": true } }, blocked: ["hooks.allowUnsafeExternalContent"] },
    { name: "snake_case in a dotted key", config: { "gateway.control_ui.dangerously_disable_device_auth": true }, blocked: ["gateway.controlUi.dangerouslyDisableDeviceAuth"] },
    { name: "blanks around dots", config: { " Gateway . Auth ": "x" }, blocked: ["gateway.auth"] },
    { name: "empty segments", config: { "tools..exec": { ".host.": "x" } }, blocked: ["tools.exec.host"] },

    // Brackets separate like dots; quotes inside them drop.
    { name: "bracketed segment", config: { "gateway[auth]": { mode: "none" } }, blocked: ["gateway.auth"] },
    { name: "quoted bracketed segment", config: { 'gateway["auth"]': "x" }, blocked: ["gateway.auth"] },
    { name: "single-quoted brackets, nested", config: { gateway: { "['controlUi']['dangerouslyDisableDeviceAuth']": true } }, blocked: ["gateway.controlUi.dangerouslyDisableDeviceAuth"] },
    { name: "an unmatched quote in brackets", config: { "gateway['auth\"]": 1 }, blocked: ["gateway.auth"] },
    { name: "brackets and dots mixed", config: { "sandbox[mode]": "off", "tools[exec].host": "h" }, blocked: ["tools.exec.host", "sandbox.mode"] },

    // A key of nothing but separators adds no segment: its value sits at the parent's path.
    { name: "a key of only dots", config: { "...": { gateway: { auth: 1 } } }, blocked: ["gateway.auth"] },

    // A parent replaced by a non-object (a merge patch's null deletes the whole subtree).
    { name: "gateway deleted", config: { gateway: null }, blocked: ["gateway.auth", "gateway.controlUi.dangerouslyDisableDeviceAuth"] },
    { name: "sandbox as a string", config: { sandbox: "off" }, blocked: ["sandbox.mode"] },
    { name: "hooks as an array", config: { hooks: [] }, blocked: ["hooks.allowUnsafeExternalContent"] },
    { name: "tools.exec as a string, dotted", config: { "tools.exec": "anything" }, blocked: ["tools.exec.host"] },
    { name: "controlUi as null under gateway", config: { gateway: { control_ui: null } }, blocked: ["gateway.controlUi.dangerouslyDisableDeviceAuth"] },
    { name: "sandbox as an array of objects", config: { sandbox: [{ mode: "off" }] }, blocked: ["sandbox.mode"] },

    // Several at once, each reported once.
    {
        name: "several paths, some twice",
        config: { "sandbox.mode": 1, sandbox: { mode: 2 }, "gateway.auth": 1, gateway: { auth: { token: "t" } } },
        blocked: ["gateway.auth", "sandbox.mode"],
    },

    // Neighbours stay allowed.
    { name: "an empty object parent", config: { hooks: {} }, blocked: [] },
    { name: "siblings of blocked paths", config: { gateway: { port: 1, authx: 1, controlUi: { enabled: true } } }, blocked: [] },
    { name: "an agent's own sandbox (not the top-level path)", config: { agents: { defaults: { sandbox: { mode: "off" } } } }, blocked: [] },
    { name: "longer segment names", config: { "tools.exec.security": "full", "tools.exec.hostname": "x" }, blocked: [] },
    { name: "a blocked path deeper in the tree", config: { agents: { "gateway.auth": 1 } }, blocked: [] },
    { name: "a harmless config", config: { agents: { defaults: { heartbeat: { every: "30m" } } }, session: { dmScope: "per-peer" } }, blocked: [] },
    { name: "an empty config", config: {}, blocked: [] },
];
