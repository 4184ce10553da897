import { runResource, secret, unknown } from "../../policy/harness";
import { noBlockedConfigPaths, policies } from "../../policy/policies";
import { TOKENS } from "../../policy/tokens";

// Issue 6, point 1: no blocked config path in an AgentConfig's config, however spelled.
const CANARY = "canary-value-must-not-appear-71f3";
const agent = (config: unknown, name = "ada") => ({ type: TOKENS.AgentConfig, name, props: { mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", config } });
const run = (config: unknown, packConfig = {}) => runResource([noBlockedConfigPaths], agent(config), packConfig);
const messages = (r: { violations: { message: string }[] }) => r.violations.map((v) => v.message);

describe("claw-no-blocked-config-paths", () => {
    it.each([
        ["nested", { gateway: { auth: { mode: "none", token: CANARY } } }, "gateway.auth"],
        ["dotted", { "gateway.controlUi.dangerouslyDisableDeviceAuth": true }, "gateway.controlUi.dangerouslyDisableDeviceAuth"],
        ["mixed", { tools: { "exec.host": CANARY } }, "tools.exec.host"],
        ["odd case and spaces", { Sandbox: { " MODE ": "off" } }, "sandbox.mode"],
        ["a parent replaced wholesale", { hooks: null }, "hooks.allowUnsafeExternalContent"],
        ["a JSON string", JSON.stringify({ gateway: { auth: CANARY } }), "gateway.auth"],
        ["a JSON5 string", `{ // comment\n hooks: { allowUnsafeExternalContent: true, }, note: '${CANARY}' }`, "hooks.allowUnsafeExternalContent"],
        ["a secret", secret({ sandbox: { mode: CANARY } }), "sandbox.mode"],
        // Issue 10 point 6: dotted keys reaching below a blocked path.
        ["one dotted key below it", { "gateway.auth.mode": CANARY }, "gateway.auth"],
        ["a dotted key below it, nested", { gateway: { "auth.mode": CANARY } }, "gateway.auth"],
        ["dotted below controlUi", { "gateway.controlUi": { "dangerouslyDisableDeviceAuth.x": CANARY } }, "gateway.controlUi.dangerouslyDisableDeviceAuth"],
        ["dotted below tools.exec.host", { tools: { "exec.host.kind": CANARY } }, "tools.exec.host"],
        ["dotted below sandbox.mode", { "sandbox.mode.level": CANARY }, "sandbox.mode"],
        ["dotted below hooks.allowUnsafeExternalContent", { hooks: { "allowUnsafeExternalContent.all": CANARY } }, "hooks.allowUnsafeExternalContent"],
        // Issue 13 point 4: brackets and _/- separators (docs/config-paths.md).
        ["brackets", { "gateway[auth]": { mode: CANARY } }, "gateway.auth"],
        ["quoted brackets", { 'tools["exec"]["host"]': CANARY }, "tools.exec.host"],
        ["snake_case", { gateway: { control_ui: { dangerously_disable_device_auth: CANARY } } }, "gateway.controlUi.dangerouslyDisableDeviceAuth"],
        ["kebab-case", { hooks: { "allow-unsafe-external-content": CANARY } }, "hooks.allowUnsafeExternalContent"],
        ["a JSON5 string with a dotted key below it", `{ 'gateway.auth.mode': '${CANARY}' }`, "gateway.auth"],
    ])("rejects a blocked path given %s, naming the resource and the path", async (_, config, path) => {
        const r = await run(config);
        expect(r.violations).toHaveLength(1);
        expect(r.violations[0]).toMatchObject({ policy: "claw-no-blocked-config-paths", level: "mandatory" });
        expect(r.violations[0].message).toContain('AgentConfig "ada"');
        expect(r.violations[0].message).toContain(path);
        expect(r.violations[0].message).not.toContain(CANARY);
        expect(r.unknownNotes).toEqual([]);
    });

    it("reports every blocked path, not only the first", async () => {
        const r = await run({ gateway: { auth: 1, controlUi: { dangerouslyDisableDeviceAuth: true } }, "tools.exec": { host: "h" }, sandbox: { mode: "x" } });
        expect(messages(r).join("\n")).toEqual(expect.stringContaining("gateway.auth"));
        expect(r.violations.map((v) => v.message.match(/blocked config path (\S+)/)?.[1]).sort()).toEqual([
            "gateway.auth",
            "gateway.controlUi.dangerouslyDisableDeviceAuth",
            "sandbox.mode",
            "tools.exec.host",
        ]);
    });

    it("rejects prototype-polluting keys in a JSON or JSON5 string", async () => {
        for (const text of ['{"__proto__": {"polluted": true}}', "{constructor: {prototype: {x: 1}}}"]) {
            const r = await run(text);
            expect(messages(r).some((m) => /could pollute an object prototype/.test(m))).toBe(true);
            expect(r.violations.every((v) => v.level === "mandatory")).toBe(true);
        }
    });

    it("rejects a constructor/prototype key in an object config (a __proto__ key cannot survive Pulumi's serialization)", async () => {
        const r = await run({ agents: { "constructor.prototype": { x: 1 } } });
        expect(messages(r).some((m) => m.includes('"constructor"') && m.includes("pollute"))).toBe(true);
    });

    it("reports $include without printing what it includes", async () => {
        const r = await run({ agents: { $include: `./${CANARY}.json5` } });
        expect(messages(r)).toEqual([expect.stringContaining("$include")]);
        expect(messages(r)[0]).not.toContain(CANARY);
    });

    it("passes a harmless config, an empty one and none at all", async () => {
        for (const config of [{ agents: { defaults: { heartbeat: { every: "30m" } } }, gateway: { port: 18789 } }, {}, "", undefined]) {
            expect((await run(config)).diagnostics).toEqual([]);
        }
    });

    it("rejects a string that is neither JSON nor JSON5, without quoting it", async () => {
        const r = await run(`{ gateway: { auth: ${CANARY} `);
        expect(messages(r)).toEqual([expect.stringContaining("neither JSON nor JSON5")]);
        expect(messages(r)[0]).not.toContain(CANARY);
    });

    it("leaves a wholly unknown config to the SDK's advisory note (the provider checks it at up)", async () => {
        const r = await run(unknown.object);
        expect(r.violations).toEqual([]);
        expect(r.unknownNotes).toEqual([expect.objectContaining({ level: "advisory", message: expect.stringContaining(".config can't be known during preview") })]);
    });

    it("still checks the known parts of a partly unknown config", async () => {
        const r = await run({ sandbox: { mode: "off" }, agents: unknown.object });
        expect(messages(r)).toEqual([expect.stringContaining("sandbox.mode")]);
        expect(r.unknownNotes).toEqual([expect.objectContaining({ message: expect.stringContaining(".config.agents can't be known") })]);
    });

    it("counts a blocked key set to an unknown value as set", async () => {
        const r = await run({ gateway: { auth: unknown.string } });
        expect(messages(r)).toEqual([expect.stringContaining("gateway.auth")]);
    });

    it("does not flag a parent that is unknown as a whole (it may be an object)", async () => {
        const r = await run({ gateway: unknown.object });
        expect(r.violations).toEqual([]);
        expect(r.unknownNotes).toHaveLength(1);
    });

    it("matches our full type token only, not any dynamic resource with a config input", async () => {
        for (const type of ["pulumi-nodejs:dynamic:Resource", "pulumi-nodejs:dynamic/other:AgentConfig", TOKENS.ClawInstance]) {
            const r = await runResource(policies, { type, name: "x", props: { config: { gateway: { auth: 1 } } } });
            expect(r.diagnostics.filter((d) => d.policy === "claw-no-blocked-config-paths")).toEqual([]);
        }
    });

    it("follows the enforcement level a policy config sets", async () => {
        expect((await run({ sandbox: { mode: 1 } }, { "claw-no-blocked-config-paths": { enforcementLevel: "advisory" } })).violations[0].level).toBe("advisory");
        expect((await run({ sandbox: { mode: 1 } }, { "claw-no-blocked-config-paths": { enforcementLevel: "disabled" } })).diagnostics).toEqual([]);
    });
});
