import { type Emulator, startEmulator } from "../../emulator";
import { PulumiProject, requirePulumi } from "../helpers/pulumi";

// The provider's own check refuses blocked config paths before any request: at preview
// when the value is known, and at `up` when it was unknown at preview (which a policy
// pack cannot see).
const ORG = "blocked-org";
const TOKEN = "blocked-api-token-6e2d";
const MENTOR = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a";
const writes = (emu: Emulator) =>
    Object.entries(emu.requestCounts())
        .filter(([k]) => !k.startsWith("GET "))
        .reduce((n, [, v]) => n + v, 0);

describe("blocked config paths, refused by the provider", () => {
    let emu: Emulator;
    let project: PulumiProject;

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN } });
        PulumiProject.ensureRoot();
        project = new PulumiProject("blocked-config", "");
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG }, { "iblai:apiToken": TOKEN });
    });
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
        await emu?.close();
    });

    it("fails the preview of a known blocked path, naming it, with no request sent", async () => {
        project.writeProgram(`
import { AgentConfig } from "pulumi-iblai-claw";
new AgentConfig("agent", { mentor: "${MENTOR}", config: { gateway: { "controlUi.dangerouslyDisableDeviceAuth": "canary-value-77" } } });
`);
        const r = await project.preview([], { allowFail: true });
        expect(r.code).not.toBe(0);
        expect(r.stdout + r.stderr).toContain("gateway.controlUi.dangerouslyDisableDeviceAuth");
        expect(r.stdout + r.stderr).not.toContain("canary-value-77"); // the path, never the value
        expect(emu.requestCounts()).toEqual({});
    });

    // Issue 10 point 6 (paths reached below a blocked path through dotted keys) and issue 13
    // point 4 (one rule for brackets and _/- separators, docs/config-paths.md).
    it.each([
        [{ "gateway.auth.mode": "canary-value-77" }, "gateway.auth"],
        [{ gateway: { "auth.mode": "canary-value-77" } }, "gateway.auth"],
        [{ "gateway[auth]": { mode: "canary-value-77" } }, "gateway.auth"],
        [{ gateway: { control_ui: { dangerously_disable_device_auth: "canary-value-77" } } }, "gateway.controlUi.dangerouslyDisableDeviceAuth"],
        [{ "tools.exec": { "host.kind": "canary-value-77" } }, "tools.exec.host"],
        [{ "sandbox.mode.level": "canary-value-77" }, "sandbox.mode"],
        [{ hooks: { "allow-unsafe-external-content": "canary-value-77" } }, "hooks.allowUnsafeExternalContent"],
    ])("fails the preview of %j as %s, with no request sent", async (config, path) => {
        project.writeProgram(`
import { AgentConfig } from "pulumi-iblai-claw";
new AgentConfig("agent", { mentor: "${MENTOR}", config: ${JSON.stringify(config)} });
`);
        const r = await project.preview([], { allowFail: true });
        expect(r.code).not.toBe(0);
        expect(r.stdout + r.stderr).toContain(`blocked config path ${path}`);
        expect(r.stdout + r.stderr).not.toContain("canary-value-77");
        expect(emu.requestCounts()).toEqual({});
    });

    it("refuses at up a blocked path that was unknown at preview, before any write", async () => {
        project.writeProgram(`
import { AgentConfig, GatewayToken } from "pulumi-iblai-claw";
const t = new GatewayToken("t");
// Known only once the token exists: invisible to preview and to a policy pack.
new AgentConfig("agent", { mentor: "${MENTOR}", config: t.bytes.apply(() => ({ "sandbox.mode": "off" })) });
`);
        const preview = await project.preview();
        expect(preview.code).toBe(0);
        const r = await project.up([], { allowFail: true });
        expect(r.code).not.toBe(0);
        expect(r.stdout + r.stderr).toContain("sandbox.mode");
        expect(writes(emu)).toBe(0);
        expect(emu.store.list(ORG, "agent-configs")).toHaveLength(0);
    });
});
