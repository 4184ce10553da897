import * as fs from "node:fs";
import * as path from "node:path";
import { type Emulator, startEmulator } from "../../emulator";
import { PulumiProject, ROOT, requirePulumi } from "../helpers/pulumi";

// Issue 6 with the real CLI: the pack stops a blocked config path at preview with nothing
// sent; an advisory policy warns and `up` proceeds; a policy config file changes the levels;
// a config unknown at preview is rejected at `up` (by the pack and, without it, by the
// provider's own check) before any agent-config request. The engine here starts the pack
// through policy/analyzer (docs/policy.md: the pinned language host cannot).
const ORG = "policy-org";
const API_TOKEN = "policy-api-token-5e1a";
const SECRET = "blocked-secret-value-must-not-leak-9c4d";
const MENTOR = "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10";
const PACK = ["--policy-pack", path.join(ROOT, "policy", "analyzer")];

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const agentConfigRequests = (counts: Record<string, number>) => Object.keys(counts).filter((k) => k.includes("agent-configs"));
const out = (r: { stdout: string; stderr: string }) => `${r.stdout}\n${r.stderr}`;

describe("the policy pack with the real pulumi CLI", () => {
    let emu: Emulator;
    const projects: PulumiProject[] = [];
    const project = async (name: string, program: string) => {
        const p = new PulumiProject(name, program);
        projects.push(p);
        await p.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG }, { "iblai:apiToken": API_TOKEN });
        return p;
    };

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: API_TOKEN } });
        PulumiProject.ensureRoot();
    });
    afterAll(async () => {
        if (!process.env.KEEP_E2E) for (const p of projects) await p.dispose();
        await emu?.close();
    });

    it("fails a preview with a blocked config path (however spelled), naming it, with zero requests sent", async () => {
        // The engine stops at the first invalid resource, so one spelling per preview.
        const spellings: [string, string, string][] = [
            ["nested", `{ gateway: { auth: { mode: "none", token: pulumi.secret("${SECRET}") } } }`, "gateway.auth"],
            ["dotted", `pulumi.secret({ "gateway.controlUi.dangerouslyDisableDeviceAuth": true, note: "${SECRET}" })`, "gateway.controlUi.dangerouslyDisableDeviceAuth"],
            // A JSON5 string (the secret keeps the engine from printing it with the provider's check failure).
            ["json5", `pulumi.secret("{ sandbox: { mode: 'off' }, // ${SECRET}\\n }") as any`, "sandbox.mode"],
        ];
        const program = (name: string, config: string) => `
import * as pulumi from "@pulumi/pulumi";
import { AgentConfig } from "pulumi-iblai-claw";
new AgentConfig("${name}", { mentor: "${MENTOR}", config: ${config} });
`;
        const p = await project("policy-blocked", "");
        for (const [name, config, blocked] of spellings) {
            p.writeProgram(program(name, config));
            const before = total(emu.requestCounts());
            const r = await p.preview(PACK, { allowFail: true });
            expect(r.code).not.toBe(0);
            const text = out(r);
            expect(text).toMatch(/\[mandatory\].*claw-no-blocked-config-paths/);
            expect(text).toContain(`AgentConfig "${name}": config sets blocked config path ${blocked}`);
            expect(text).not.toContain(SECRET);
            expect(total(emu.requestCounts()) - before).toBe(0);
        }
    });

    it("lets up proceed past an advisory policy, with its warning shown", async () => {
        const p = await project(
            "policy-advisory",
            `
import { ClawInstance } from "pulumi-iblai-claw";
// No device identity: claw-openclaw-device-identity is advisory by default.
new ClawInstance("server", { name: "advisory-server", serverUrl: "https://claw.policy.example", gatewayToken: "gw-policy-0001" });
`,
        );
        const r = await p.up(PACK);
        expect(out(r)).toMatch(/\[advisory\].*claw-openclaw-device-identity/);
        expect(out(r)).toContain('ClawInstance "server": an OpenClaw instance needs connectionParams.device_identity.private_key_pem');
        expect(emu.store.list(ORG, "claw/instances").map((row) => row.name)).toContain("advisory-server");
    });

    it("takes enforcement levels from a policy config file", async () => {
        const p = await project(
            "policy-levels",
            `
import { ClawInstance } from "pulumi-iblai-claw";
new ClawInstance("plain", { name: "plain-http", serverUrl: "http://claw.remote.example", gatewayToken: "gw-policy-0002" });
`,
        );
        // Defaults: https is mandatory (fails), the device identity advisory.
        const defaults = await p.preview(PACK, { allowFail: true });
        expect(defaults.code).not.toBe(0);
        expect(out(defaults)).toMatch(/\[mandatory\].*claw-server-https/);
        expect(out(defaults)).toMatch(/\[advisory\].*claw-openclaw-device-identity/);

        // Swapped: https off, the device identity mandatory.
        const swapped = path.join(p.dir, "swapped.json");
        fs.writeFileSync(swapped, JSON.stringify({ "claw-server-https": "disabled", "claw-openclaw-device-identity": { enforcementLevel: "mandatory" } }));
        const r1 = await p.preview([...PACK, "--policy-pack-config", swapped], { allowFail: true });
        expect(r1.code).not.toBe(0);
        expect(out(r1)).toMatch(/\[mandatory\].*claw-openclaw-device-identity/);
        expect(out(r1)).not.toContain("claw-server-https");

        // Everything advisory: the preview passes with both warnings.
        const lenient = path.join(p.dir, "lenient.json");
        fs.writeFileSync(lenient, JSON.stringify({ all: "advisory" }));
        const r2 = await p.preview([...PACK, "--policy-pack-config", lenient]);
        expect(out(r2)).toMatch(/\[advisory\].*claw-server-https/);
        expect(out(r2)).toMatch(/\[advisory\].*claw-openclaw-device-identity/);
    });

    it("warns when a MentorBinding has no ConfigPush in the stack, and stops once it has one", async () => {
        const program = (withPush: boolean) => `
import { ClawInstance, ConfigPush, MentorBinding } from "pulumi-iblai-claw";
const server = new ClawInstance("server", { name: "binding-server", serverUrl: "https://claw.policy.example", gatewayToken: "gw-policy-0003",
    connectionParams: { device_identity: { private_key_pem: "-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIA==\\n-----END PRIVATE KEY-----\\n" } } });
const binding = new MentorBinding("ada", { mentor: "${MENTOR}", server: server.id });
${withPush ? 'new ConfigPush("ada-push", { binding: binding.id, triggers: ["v1"] });' : ""}
`;
        const p = await project("policy-stack", program(false));
        const without = await p.preview(PACK);
        expect(out(without)).toMatch(/\[advisory\].*claw-binding-has-config-push/);
        expect(out(without)).toContain('MentorBinding "ada" has no ConfigPush in this stack');
        p.writeProgram(program(true));
        const withPush = await p.preview(PACK);
        expect(out(withPush)).not.toContain("claw-binding-has-config-push");
    });

    describe("a config unknown at preview", () => {
        let p: PulumiProject;
        beforeAll(async () => {
            // The config depends on the instance's id, unknown until the instance exists.
            p = await project(
                "policy-unknown",
                `
import { AgentConfig, ClawInstance } from "pulumi-iblai-claw";
const server = new ClawInstance("server", { name: "unknown-server", serverUrl: "https://claw.policy.example", gatewayToken: "gw-policy-0004",
    connectionParams: { device_identity: { private_key_pem: "-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIA==\\n-----END PRIVATE KEY-----\\n" } } });
new AgentConfig("late", { mentor: "${MENTOR}", config: server.id.apply((id) => ({ gateway: { auth: { mode: "none" } }, note: id })) });
`,
            );
        });

        it("cannot be checked by the pack at preview: an advisory note says so, and nothing is sent", async () => {
            const before = total(emu.requestCounts());
            const r = await p.preview(PACK);
            expect(out(r)).toMatch(/can't run policy 'claw-no-blocked-config-paths'.*during preview/);
            expect(total(emu.requestCounts()) - before).toBe(0);
        });

        it("is rejected by the pack at up, before any agent-config request", async () => {
            const r = await p.up(PACK, { allowFail: true });
            expect(r.code).not.toBe(0);
            expect(out(r)).toMatch(/\[mandatory\].*claw-no-blocked-config-paths/);
            expect(out(r)).toContain('AgentConfig "late": config sets blocked config path gateway.auth');
            expect(agentConfigRequests(emu.requestCounts())).toEqual([]);
        });

        it("is rejected by the provider's own check at up without the pack, before any agent-config request", async () => {
            const r = await p.up([], { allowFail: true });
            expect(r.code).not.toBe(0);
            expect(out(r)).toContain("gateway.auth");
            expect(agentConfigRequests(emu.requestCounts())).toEqual([]);
        });
    });
});
