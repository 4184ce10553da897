import * as path from "node:path";
import { type Emulator, startEmulator } from "../../emulator";
import { PulumiProject, ROOT, requirePulumi } from "../helpers/pulumi";

// Issue 10 with the real CLI: the provider's check refuses what OpenClaw's schema refuses,
// naming the path and the version, with no request sent; and the pack's
// claw-openclaw-security policy reports each of OpenClaw's security-sensitive settings
// (advisory: the preview passes), in one program and one preview.
const ORG = "openclaw-org";
const TOKEN = "openclaw-api-token-3c9a";
const MENTOR = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";
const PACK = ["--policy-pack", path.join(ROOT, "policy", "analyzer")];
const out = (r: { stdout: string; stderr: string }) => `${r.stdout}\n${r.stderr}`;
const total = (emu: Emulator) => Object.values(emu.requestCounts()).reduce((a, b) => a + b, 0);

// [resource name, config, the finding's text after `AgentConfig "<name>": `]
const CASES: [string, string, string][] = [
    ["sandbox-off", `{ agents: { defaults: { sandbox: { mode: "off" } } } }`, "config.agents.defaults.sandbox.mode is \"off\""],
    ["sandbox-docker", `{ sandbox: { docker: { network: "host" } } }`, "config.sandbox.docker.network weakens the sandbox container's isolation"],
    ["elevated", `{ tools: { elevated: { enabled: true } } }`, "config.tools.elevated.enabled lets tools run elevated"],
    ["exec-security", `{ tools: { exec: { security: "full" } } }`, "config.tools.exec.security is \"full\""],
    ["exec-ask", `{ tools: { exec: { ask: "off" } } }`, "config.tools.exec.ask is \"off\""],
    ["apply-patch", `{ tools: { exec: { applyPatch: { workspaceOnly: false } } } }`, "config.tools.exec.applyPatch.workspaceOnly is false"],
    ["hook-mapping", `{ hooks: { mappings: [{ id: "m", allowUnsafeExternalContent: true }] } }`, "config.hooks.mappings[0].allowUnsafeExternalContent is true"],
    ["hook-gmail", `{ hooks: { gmail: { allowUnsafeExternalContent: true } } }`, "config.hooks.gmail.allowUnsafeExternalContent is true"],
    ["bind", `{ gateway: { bind: "lan" } }`, "config.gateway.bind exposes the gateway beyond loopback"],
    ["control-ui", `{ gateway: { controlUi: { dangerouslyAllowHostHeaderOriginFallback: true } } }`, "config.gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback weakens the Control UI's origin checks"],
    ["ssrf", `{ browser: { ssrfPolicy: { dangerouslyAllowPrivateNetwork: true } } }`, "config.browser.ssrfPolicy.dangerouslyAllowPrivateNetwork is true"],
    ["mcp", `{ mcp: { servers: { files: { command: "npx" } } } }`, "config.mcp.servers.files adds an MCP server"],
    ["plugins", `{ plugins: { entries: { imap: { enabled: true } } } }`, "config.plugins.entries.imap enables or loads plugin code"],
    ["dangerous", `{ channels: { slack: { dangerouslyAllowNameMatching: true } } }`, "config.channels.slack.dangerouslyAllowNameMatching is true"],
];

describe("OpenClaw's config schema and security settings with the real pulumi CLI", () => {
    let emu: Emulator;
    let project: PulumiProject;

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN } });
        PulumiProject.ensureRoot();
        project = new PulumiProject("openclaw-config", "");
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG, "iblai:openclawVersion": "2026.9.6" }, { "iblai:apiToken": TOKEN });
    });
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
        await emu?.close();
    });

    it("fails the preview of a config OpenClaw would refuse, naming path and version, with no request sent", async () => {
        project.writeProgram(`
import { AgentConfig } from "pulumi-iblai-claw";
new AgentConfig("typo", { mentor: "${MENTOR}", config: { heartbeat: { evry: "30m" }, session: { dmScope: "per-chanel-peer" } } });
`);
        const before = total(emu);
        const r = await project.preview([], { allowFail: true });
        expect(r.code).not.toBe(0);
        expect(out(r)).toContain("config.heartbeat.evry: unknown key; did you mean every? (OpenClaw 2026.9.6)");
        expect(out(r)).toContain('config.session.dmScope: must be one of "main", "per-peer", "per-channel-peer", "per-account-channel-peer"; did you mean "per-channel-peer"? (OpenClaw 2026.9.6)');
        expect(total(emu) - before).toBe(0);
    });

    it("reports each of OpenClaw's security-sensitive settings as advisory, and passes the guide's example", async () => {
        project.writeProgram(`
import { AgentConfig } from "pulumi-iblai-claw";
new AgentConfig("guide", { mentor: "${MENTOR}", config: { heartbeat: { every: "30m" }, session: { dmScope: "per-channel-peer" } } });
${CASES.map(([name, config]) => `new AgentConfig("${name}", { mentor: "${MENTOR}", config: ${config} });`).join("\n")}
`);
        const before = total(emu);
        const r = await project.preview(PACK);
        const text = out(r);
        expect(r.code).toBe(0);
        for (const [name, , finding] of CASES) expect(text).toContain(`AgentConfig "${name}": ${finding}`);
        expect(text).toMatch(/\[advisory\].*claw-openclaw-security/);
        expect(text).not.toContain('AgentConfig "guide":');
        expect(text).not.toContain("claw-openclaw-config-schema");
        expect(total(emu) - before).toBe(0);
    });
});
