import { type Emulator, startEmulator } from "../../emulator";
import { ClawClient } from "../../sdk";
import { PulumiProject, requirePulumi, summary } from "../helpers/pulumi";

// Bringing objects made outside Pulumi under management. The `import` resource option
// cannot work for dynamic providers (pulumi/pulumi#16175: the engine's import Read carries
// no serialized provider); this test pins that, so we notice when upstream fixes it. The
// supported way is the explicit `adoptId` input. Nothing is ever adopted silently by name.
const ORG = "adopt-org";
const TOKEN = "adopt-api-token-2c6b";

describe("adopting existing objects with the real pulumi CLI", () => {
    let emu: Emulator;
    let client: ClawClient;
    let project: PulumiProject;
    let skillId: number | string;
    let instanceId: number | string;

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN } });
        client = new ClawClient({ baseUrl: emu.url, org: ORG, token: TOKEN });
        skillId = (await client.skills.create({ name: "Weather", slug: "weather", instruction: "Use wttr.in" })).id;
        instanceId = (await client.instances.create({ name: "legacy", server_url: "https://claw.legacy.example", gateway_token: "gw-legacy-1234" })).id;
        PulumiProject.ensureRoot();
        project = new PulumiProject("adoption", "");
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG }, { "iblai:apiToken": TOKEN });
    });
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
        await client?.close();
        await emu?.close();
    });

    it("never adopts by name: a second skill with the same slug fails with the service's uniqueness error", async () => {
        project.writeProgram(`
import { Skill } from "pulumi-iblai-claw";
new Skill("weather", { name: "Weather", slug: "weather", instruction: "Use wttr.in" });
`);
        const r = await project.up([], { allowFail: true });
        expect(r.code).not.toBe(0);
        expect(r.stdout + r.stderr).toMatch(/slug/);
        expect(r.stdout + r.stderr).toMatch(/hint: .*set adoptId: <its id>/);
        expect(emu.store.list(ORG, "agent-skills")).toHaveLength(1);
    });

    it("cannot use the import option yet (pulumi/pulumi#16175), and says so", async () => {
        project.writeProgram(`
import { Skill } from "pulumi-iblai-claw";
new Skill("weather", { name: "Weather", slug: "weather", instruction: "Use wttr.in" }, { import: "${skillId}" });
`);
        const r = await project.up([], { allowFail: true });
        expect(r.code).not.toBe(0);
        expect(r.stdout + r.stderr).toContain("code must be a string");
    });

    it("adopts an existing skill and instance by id with adoptId, then shows no diff", async () => {
        const before = emu.requestCounts();
        project.writeProgram(`
import { ClawInstance, Skill } from "pulumi-iblai-claw";
new Skill("weather", { name: "Weather", slug: "weather", instruction: "Use wttr.in", adoptId: ${skillId} });
new ClawInstance("legacy", { name: "legacy", serverUrl: "https://claw.legacy.example", gatewayToken: "gw-legacy-5678", adoptId: "${instanceId}" });
`);
        const r = await project.up();
        expect(summary(r.stdout)).toMatchObject({ created: 2 });
        expect(emu.store.list(ORG, "agent-skills")).toHaveLength(1);
        expect(emu.store.list(ORG, "claw/instances")).toHaveLength(1);
        // The skill matched the program: read only. The instance's write-only token is sent.
        expect(emu.requestCounts()["PATCH agent-skills/{id}/"] ?? 0).toBe(before["PATCH agent-skills/{id}/"] ?? 0);
        expect(emu.store.get(ORG, "claw/instances", Number(instanceId))).toMatchObject({ gateway_token: "gw-legacy-5678" });
        const p = await project.preview(["--expect-no-changes"]);
        expect(summary(p.stdout)).toEqual({ unchanged: 3 });
    });

    it("fails clearly when there is nothing to adopt", async () => {
        project.writeProgram(`
import { Skill } from "pulumi-iblai-claw";
new Skill("ghost", { name: "Ghost", slug: "ghost", adoptId: 999999 });
`);
        // --target: only the ghost; the adopted objects stay as they are.
        const up = await project.up(["--target", "urn:pulumi:e2e::adoption::pulumi-nodejs:dynamic/iblai:Skill::ghost"], { allowFail: true });
        expect(up.code).not.toBe(0);
        expect(up.stdout + up.stderr).toMatch(/iblai:Skill adopt failed: GET agent-skills\/999999\/: not found/);
    });

    it("manages the adopted objects from then on", async () => {
        project.writeProgram(`
import { ClawInstance, Skill } from "pulumi-iblai-claw";
new Skill("weather", { name: "Weather", slug: "weather", instruction: "Use wttr.in/<city>?format=3", adoptId: ${skillId} });
new ClawInstance("legacy", { name: "legacy", serverUrl: "https://claw.legacy.example", gatewayToken: "gw-legacy-5678" });
`);
        const r = await project.up();
        expect(summary(r.stdout)).toMatchObject({ updated: 1 });
        expect(emu.store.get(ORG, "agent-skills", Number(skillId))).toMatchObject({ instruction: "Use wttr.in/<city>?format=3" });
        await project.destroy();
        expect(emu.store.list(ORG, "agent-skills")).toHaveLength(0);
        expect(emu.store.list(ORG, "claw/instances")).toHaveLength(0);
    });
});
