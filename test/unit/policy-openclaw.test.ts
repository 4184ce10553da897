import { runResource, secret, unknown } from "../../policy/harness";
import { SECURITY_RULES, securityFindings } from "../../policy/openclawSecurity";
import { openclawConfigSchema, openclawSecurity } from "../../policy/policies";
import { TOKENS } from "../../policy/tokens";

// Issue 10: the pack's OpenClaw schema check (item 1) and OpenClaw's own security-sensitive
// settings (item 2), both reading a mentor's config as the placement rule puts it.
const V = "2026.9.6";
const CANARY = "canary-value-must-not-appear-0b7c";
const agent = (config: unknown, name = "ada") => ({ type: TOKENS.AgentConfig, name, props: { mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", config } });
const messages = (r: { violations: { message: string }[] }) => r.violations.map((v) => v.message);

describe("claw-openclaw-config-schema", () => {
    const run = (config: unknown, packConfig = {}) => runResource([openclawConfigSchema], agent(config), packConfig);

    it("passes the integration guide's example and rejects a typo, mandatory by default, naming path and version", async () => {
        expect((await run({ heartbeat: { every: "30m" }, session: { dmScope: "per-channel-peer" } })).violations).toEqual([]);
        const r = await run({ agents: { defaults: { heartbeat: { evry: "30m" } } } });
        expect(r.violations).toEqual([
            expect.objectContaining({
                policy: "claw-openclaw-config-schema",
                level: "mandatory",
                message: `AgentConfig "ada": config.agents.defaults.heartbeat.evry: unknown key; did you mean every? (OpenClaw ${V})`,
            }),
        ]);
    });

    it("reads JSON5 strings and secrets, and keeps values out of messages", async () => {
        const r1 = await run(`{ session: { dmScope: '${CANARY}' } }`);
        const r2 = await run(secret({ gateway: { port: CANARY } }));
        expect(messages(r1)).toEqual([expect.stringContaining("config.session.dmScope: must be one of")]);
        expect(messages(r2)).toEqual([expect.stringContaining("config.gateway.port: must be an integer")]);
        for (const m of [...messages(r1), ...messages(r2)]) expect(m).not.toContain(CANARY);
    });

    it("refuses agents.list and agents.entries in a mentor's config", async () => {
        expect(messages(await run({ agents: { list: [] } }))).toEqual([expect.stringContaining("config.agents.list: a mentor's config may not set agents.list")]);
    });

    it("takes the version from the pack's config; an unknown one is reported with the snapshots available; none skips", async () => {
        expect(messages(await run({ heartbeat: { evry: "1h" } }, { "claw-openclaw-config-schema": { openclawVersion: V } }))).toHaveLength(1);
        expect(messages(await run({ heartbeat: {} }, { "claw-openclaw-config-schema": { openclawVersion: "1999.1.1" } }))).toEqual([
            expect.stringMatching(/openclawVersion: no OpenClaw config schema snapshot for "1999\.1\.1"; snapshots: .*2026\.9\.6/),
        ]);
        expect((await run({ heartbeat: { evry: "1h" } }, { "claw-openclaw-config-schema": { openclawVersion: "none" } })).violations).toEqual([]);
    });

    it("checks the known keys around a value unknown at preview, and notes the unknown", async () => {
        const r = await run({ heartbeat: { every: unknown.string }, session: { dmScop: "main" } });
        expect(messages(r)).toEqual([expect.stringContaining("config.session.dmScop: unknown key")]);
        expect(r.unknownNotes.length).toBe(1);
    });
});

describe("claw-openclaw-security", () => {
    const run = (config: unknown, packConfig = {}) => runResource([openclawSecurity], agent(config), packConfig);

    // One case per rule: the config, and where the finding is written.
    const cases: [string, unknown, string][] = [
        ["sandbox-off", { agents: { defaults: { sandbox: { mode: "off" } } } }, "config.agents.defaults.sandbox.mode"],
        ["sandbox-docker-escape", { sandbox: { docker: { network: "host" } } }, "config.sandbox.docker.network"],
        ["elevated-tools", { tools: { elevated: { enabled: true } } }, "config.tools.elevated.enabled"],
        ["exec-security-full", { tools: { exec: { security: "full" } } }, "config.tools.exec.security"],
        ["exec-ask-off", { tools: { exec: { ask: "off" } } }, "config.tools.exec.ask"],
        ["apply-patch-outside-workspace", { tools: { exec: { applyPatch: { workspaceOnly: false } } } }, "config.tools.exec.applyPatch.workspaceOnly"],
        ["unsafe-external-content", { hooks: { mappings: [{ id: "m" }, { allowUnsafeExternalContent: true }] } }, "config.hooks.mappings[1].allowUnsafeExternalContent"],
        ["gateway-exposed", { gateway: { bind: "lan" } }, "config.gateway.bind"],
        ["control-ui-insecure", { gateway: { controlUi: { allowedOrigins: ["https://ok.example", "*"] } } }, "config.gateway.controlUi.allowedOrigins"],
        ["ssrf-private-network", { browser: { ssrfPolicy: { dangerouslyAllowPrivateNetwork: true } } }, "config.browser.ssrfPolicy.dangerouslyAllowPrivateNetwork"],
        ["mcp-servers", { mcp: { servers: { files: { command: "npx" } } } }, "config.mcp.servers.files"],
        ["plugins", { plugins: { entries: { imap: { enabled: true } } } }, "config.plugins.entries.imap"],
        ["dangerous-flag", { channels: { slack: { dangerouslyAllowNameMatching: true } } }, "config.channels.slack.dangerouslyAllowNameMatching"],
    ];

    it("has a test case for every rule", () => {
        expect(cases.map(([id]) => id).sort()).toEqual(SECURITY_RULES.map((r) => r.id).sort());
    });

    it.each(cases)("%s: reports the setting, advisory by default, where it was written", async (id, config, at) => {
        const r = await run(config);
        expect(r.violations).toEqual([expect.objectContaining({ policy: "claw-openclaw-security", level: "advisory" })]);
        expect(r.violations[0]?.message).toMatch(new RegExp(`^AgentConfig "ada": ${at.replace(/[.[\]]/g, "\\$&")} .*\\[${id}\\]$`));
    });

    it("reads agent-level keys where they land: on the mentor's own agent entry", () => {
        const [f] = securityFindings({ sandbox: { mode: "off" } }, V);
        expect(f).toMatchObject({ rule: "sandbox-off", at: "config.sandbox.mode", placedAt: "agents.entries.<agent>.sandbox.mode" });
        expect(f?.message).toContain("lands on the mentor's own agent");
        // Dotted keys are paths too.
        expect(securityFindings({ "tools.exec.security": "full" }, V).map((x) => x.rule)).toEqual(["exec-security-full"]);
        // Safe values are not findings.
        expect(securityFindings({ sandbox: { mode: "all" }, tools: { exec: { security: "allowlist", ask: "always" } }, gateway: { bind: "loopback" } }, V)).toEqual([]);
    });

    it("reports each path once, under its most specific rule", () => {
        const rules = securityFindings({ gateway: { controlUi: { dangerouslyAllowHostHeaderOriginFallback: true } } }, V).map((f) => f.rule);
        expect(rules).toEqual(["control-ui-insecure"]);
    });

    it("can be made mandatory, and can ignore rules, through the pack's config", async () => {
        const config = { tools: { exec: { security: "full" } }, mcp: { servers: { x: { command: "npx" } } } };
        const mandatory = await run(config, { "claw-openclaw-security": { enforcementLevel: "mandatory", ignore: ["mcp-servers"] } });
        expect(mandatory.violations).toEqual([expect.objectContaining({ level: "mandatory", message: expect.stringContaining("[exec-security-full]") })]);
    });

    it("keeps values out of messages", async () => {
        const r = await run(secret({ mcp: { servers: { files: { command: CANARY, env: { TOKEN: CANARY } } } }, sandbox: { docker: { network: `container:${CANARY}` } } }));
        expect(r.violations).toHaveLength(2);
        for (const m of messages(r)) expect(m).not.toContain(CANARY);
    });

    it("skips values unknown at preview, and says so", async () => {
        const r = await run({ tools: { exec: { security: unknown.string } }, gateway: { bind: "lan" } });
        expect(messages(r)).toEqual([expect.stringContaining("config.gateway.bind")]);
        expect(r.unknownNotes.length).toBe(1);
    });
});
