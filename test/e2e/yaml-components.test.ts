import * as fs from "node:fs";
import * as path from "node:path";
import { ORG, TOKEN, useEmulator } from "../helpers/emulator";
import { PulumiProject, ROOT, requirePulumi, summary } from "../helpers/pulumi";

// examples/yaml-agent-set: ClawServer and AgentSet as components of the native provider
// (`construct`), deploying the academy agent set (test/fixtures/agent-set/academy) from a
// YAML program against the emulator.
const emulator = useEmulator();
const AGENTS = ["dean", "researcher", "tutor-math", "tutor-writing"];

describe("a YAML program deploys an agent-set folder through the provider's components", () => {
    let app: PulumiProject;
    const outputs: string[] = [];
    const track = <T extends { stdout: string; stderr: string }>(r: T): T => {
        outputs.push(r.stdout, r.stderr);
        return r;
    };

    beforeAll(async () => {
        await requirePulumi();
        PulumiProject.ensureRoot();
        app = new PulumiProject("yaml-agent-set", "", { copyFrom: path.join(ROOT, "examples/yaml-agent-set") });
        fs.cpSync(path.join(ROOT, "test/fixtures/agent-set/academy"), path.join(app.dir, "academy"), { recursive: true });
        // The example server does not exist: skip its connectivity test.
        await app.init({ "iblai:baseUrl": emulator.emu.url, "iblai:org": ORG, folder: "academy", verifyConnectivity: "false" }, { "iblai:apiToken": TOKEN });
    });
    afterAll(async () => {
        await app?.destroy().catch(() => undefined);
        await app?.dispose();
    });

    it("previews the components and their native children", async () => {
        const preview = track(await app.preview());
        expect(preview.stdout).toContain("iblai:index:ClawServer claw create");
        expect(preview.stdout).toContain("iblai:index:AgentSet set create");
        // The children are the plugin's native types, not dynamic resources.
        expect(preview.stdout).toMatch(/iblai:index:ClawInstance claw-instance create/);
        expect(preview.stdout).not.toContain("pulumi-nodejs:dynamic");
    });

    it("deploys every agent of the folder, pushed, and a second preview is empty", async () => {
        const up = track(await app.up());
        expect(summary(up.stdout).created).toBeGreaterThan(AGENTS.length * 4);
        const out = await app.outputs();
        expect(out.pushes).toEqual(Object.fromEntries(AGENTS.map((a) => [a, "succeeded"])));
        expect(out.gatewayToken).toBe("[secret]");
        // Each agent's config reached the (emulated) server.
        const mentors = new Set(emulator.emu.deliveries(ORG).filter((d) => d.kind === "config").map((d) => d.mentor));
        expect(mentors.size).toBe(AGENTS.length);
        track(await app.preview(["--expect-no-changes"]));
    });

    it("keeps the API token and the generated gateway token out of state and output", async () => {
        const state = await app.exportState();
        const token = (JSON.parse(state) as { deployment: { resources: { type: string; outputs?: { value?: unknown } }[] } }).deployment.resources.find((r) => r.type === "iblai:index:GatewayToken");
        expect(token?.outputs?.value).toMatchObject({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" });
        for (const o of [state, ...outputs]) expect(o).not.toContain(TOKEN);
    });

    it("destroys everything", async () => {
        const r = track(await app.destroy());
        expect(summary(r.stdout).deleted).toBeGreaterThan(AGENTS.length * 4);
        const left: unknown[] = [];
        for await (const s of emulator.client().skills.list({})) left.push(s);
        expect(left).toEqual([]);
    });
});
