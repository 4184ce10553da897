import * as fs from "node:fs";
import * as path from "node:path";
import { runResource, runStack, secret } from "../../policy/harness";
import { policies } from "../../policy/policies";
import { TOKENS } from "../../policy/tokens";

const POLICY_DIR = path.resolve(__dirname, "../../policy");
const all = policies;

describe("the iblai-claw policy pack", () => {
    it("names each policy once, in kebab-case, with a description and an explicit level", () => {
        const names = all.map((p) => p.name);
        expect(new Set(names).size).toBe(names.length);
        for (const p of all) {
            expect(p.name).toMatch(/^claw-[a-z0-9-]+$/);
            expect(p.description.length).toBeGreaterThan(20);
            expect(["advisory", "mandatory"]).toContain(p.enforcementLevel);
            // The engine reserves enforcementLevel in config schemas.
            expect(Object.keys(p.configSchema?.properties ?? {})).not.toContain("enforcementLevel");
        }
    });

    it("keeps the documented default levels", () => {
        expect(Object.fromEntries(all.map((p) => [p.name, p.enforcementLevel]))).toEqual({
            "claw-no-blocked-config-paths": "mandatory",
            "claw-openclaw-config-schema": "mandatory",
            "claw-openclaw-security": "advisory",
            "claw-server-https": "mandatory",
            "claw-openclaw-device-identity": "advisory",
            "claw-model-provider-https": "mandatory",
            "claw-model-allowlist": "mandatory",
            "claw-skill-resource-size": "advisory",
            "claw-binding-has-config-push": "advisory",
            "claw-instance-has-provider-push": "advisory",
        });
    });

    it("documents every policy in docs/policy.md", () => {
        const doc = fs.readFileSync(path.resolve(POLICY_DIR, "../docs/policy.md"), "utf8");
        for (const p of all) expect(doc).toContain(p.name);
    });

    it("has one version in PulumiPolicy.yaml and package.json", () => {
        const yaml = fs.readFileSync(path.join(POLICY_DIR, "PulumiPolicy.yaml"), "utf8");
        const pkg = JSON.parse(fs.readFileSync(path.join(POLICY_DIR, "package.json"), "utf8"));
        expect(yaml).toMatch(/^runtime: nodejs$/m);
        expect(yaml).toContain(`version: ${pkg.version}`);
        expect(pkg.dependencies["@pulumi/policy"]).toBe("1.21.0");
        expect(pkg.dependencies["@pulumi/pulumi"]).toBe("3.276.0");
    });

    it("never puts an input value into a message, whatever it fails", async () => {
        const C = "canary-7d1e";
        const bad = [
            { type: TOKENS.ClawInstance, name: "s", props: { name: C, serverUrl: `http://${C}.example/${C}`, gatewayToken: secret(C), connectionParams: secret({ device_identity: { private_key_pem: C } }), authHeaders: secret({ X: C }) } },
            { type: TOKENS.AgentConfig, name: "a", props: { mentor: C, identity: C, config: secret({ gateway: { auth: C }, sandbox: { mode: C }, x: { $include: C } }) } },
            { type: TOKENS.AgentConfig, name: "b", props: { mentor: C, config: `{ tools: { exec: { host: '${C}' } }, ${C} ` } },
            { type: TOKENS.ModelProvider, name: "m", props: { server: 1, name: "p", baseUrl: `ftp://${C}`, credentialName: C, credentialKey: C } },
            { type: TOKENS.SkillResource, name: "r", props: { skill: 1, fileType: "script", filename: C, content: C.repeat(10) } },
        ];
        const config = { "claw-skill-resource-size": { maxBytes: 8 } };
        const messages: string[] = [];
        for (const r of bad) messages.push(...(await runResource(policies, r, config)).diagnostics.map((d) => d.message));
        messages.push(...(await runStack(policies, [{ type: TOKENS.MentorBinding, name: "mb", props: { mentor: C, server: 1 } }])).diagnostics.map((d) => d.message));
        expect(messages.length).toBeGreaterThanOrEqual(9);
        for (const m of messages) expect(m).not.toContain(C);
    });
});
