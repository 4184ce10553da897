import * as fs from "node:fs";
import * as path from "node:path";
import { ADMIN_PREFIX } from "../../emulator/admin";
import { ORG, TOKEN, useEmulator } from "../helpers/emulator";
import { PREVIOUS_RELEASE, buildRelease } from "../helpers/previousRelease";
import { PulumiProject, ROOT, requirePulumi, summary } from "../helpers/pulumi";

// The upgrade proof of docs/native-provider.md ("Upgrading a stack"): a stack made by the
// previous release's dynamic resources (test/fixtures/upgrade/v0.1.0, one of every kind),
// upgraded to this version's dynamic resources, then moved to the native types with aliases
// (test/fixtures/upgrade/Pulumi.yaml): no replace, no diff, no API write at either step, and
// destroy still deletes everything.
const emulator = useEmulator();
const FIXTURE = path.join(ROOT, "test/fixtures/upgrade");
const KINDS = ["DeviceIdentity", "GatewayToken", "ClawInstance", "ModelProvider", "ProviderPush", "Mentor", "Skill", "SkillResource", "MentorBinding", "AgentConfig", "SkillAssignment", "ConfigPush"];

type Row = Record<string, unknown>;
/** What the service holds for the org: collection → rows. */
const serviceRows = (): Record<string, Record<string, Row>> => (emulator.emu.store.snapshot().orgs[ORG] ?? {}) as Record<string, Record<string, Row>>;
const typesInState = (state: string) =>
    (JSON.parse(state) as { deployment: { resources: { type: string }[] } }).deployment.resources.map((r) => r.type).filter((t) => !t.startsWith("pulumi:"));

describe("a stack made by the previous release moves to the native provider", () => {
    let release: { dir: string; dispose(): void } | undefined;
    let app: PulumiProject;
    const writes = () => Object.entries(emulator.emu.requestCounts()).filter(([route]) => !route.startsWith("GET "));
    /** An empty preview, then an `up` that changes nothing and sends no write. */
    const expectNoChangeAndNoWrite = async () => {
        await fetch(`${emulator.emu.url}${ADMIN_PREFIX}reset-requests`, { method: "POST" });
        const preview = await app.preview(["--expect-no-changes", "--diff"]);
        expect(summary(preview.stdout)).toEqual({ unchanged: KINDS.length + 1 });
        const up = await app.up();
        expect(summary(up.stdout)).toEqual({ unchanged: KINDS.length + 1 });
        expect(writes()).toEqual([]);
    };

    beforeAll(async () => {
        await requirePulumi();
        PulumiProject.ensureRoot();
        release = await buildRelease(PREVIOUS_RELEASE);
        // The project name is the one the fixture's alias URNs name.
        app = new PulumiProject("claw-upgrade", "");
        fs.rmSync(path.join(app.dir, "index.ts"));
        fs.writeFileSync(path.join(app.dir, "Pulumi.yaml"), "name: claw-upgrade\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n");
        fs.copyFileSync(path.join(FIXTURE, "v0.1.0/index.js"), path.join(app.dir, "index.js"));
        fs.mkdirSync(path.join(app.dir, "node_modules"));
        fs.symlinkSync(release.dir, path.join(app.dir, "node_modules/pulumi-iblai-claw"));
        await app.init({ "iblai:baseUrl": emulator.emu.url, "iblai:org": ORG }, { "iblai:apiToken": TOKEN });
    });
    afterAll(async () => {
        await app?.destroy().catch(() => undefined);
        await app?.dispose();
        release?.dispose();
    });

    it("deploys one of every kind with the previous release's dynamic resources", async () => {
        const up = await app.up();
        expect(summary(up.stdout)).toMatchObject({ created: KINDS.length + 1 });
        expect(typesInState(await app.exportState()).sort()).toEqual(KINDS.map((k) => `pulumi-nodejs:dynamic/iblai:${k}`).sort());
        expect(await app.outputs()).toMatchObject({ configPush: "succeeded" });
    });

    it("upgrades to this version's dynamic resources with no change (the per-type stub modules)", async () => {
        // The state holds the previous release's stubs, serialized by value; this version
        // writes a require of pulumi-iblai-claw/dynamic/<Type> instead (provider/engine/stub.ts).
        expect(await app.exportState()).not.toContain("pulumi-iblai-claw/dynamic/");
        fs.rmSync(path.join(app.dir, "node_modules/pulumi-iblai-claw"));
        fs.symlinkSync(path.join(ROOT, "node_modules/pulumi-iblai-claw"), path.join(app.dir, "node_modules/pulumi-iblai-claw"));
        await expectNoChangeAndNoWrite();
        expect(await app.exportState()).toContain('require(\\"pulumi-iblai-claw/dynamic/Skill\\")');
    });

    it("previews no change on the native types with aliases, and up writes nothing", async () => {
        // The same project folder, now a YAML program (what a user would do: rewrite the program in place).
        fs.rmSync(path.join(app.dir, "node_modules"), { recursive: true });
        fs.rmSync(path.join(app.dir, "index.js"));
        fs.rmSync(path.join(app.dir, "package.json"));
        fs.copyFileSync(path.join(FIXTURE, "Pulumi.yaml"), path.join(app.dir, "Pulumi.yaml"));
        await expectNoChangeAndNoWrite();
        expect(typesInState(await app.exportState()).sort()).toEqual(KINDS.map((k) => `iblai:index:${k}`).sort());
        expect(await app.outputs()).toMatchObject({ configPush: "succeeded" });
    });

    it("refreshes without a change, and the dynamic provider's code leaves state", async () => {
        expect(await app.exportState()).toContain('"__provider"');
        const refresh = await app.refresh();
        expect(summary(refresh.stdout)).toEqual({ unchanged: KINDS.length + 1 });
        expect(await app.exportState()).not.toContain('"__provider"');
        await app.preview(["--expect-no-changes"]);
        expect(writes()).toEqual([]);
    });

    it("still sees a real change after the move (the empty preview is not blind)", async () => {
        const yaml = fs.readFileSync(path.join(app.dir, "Pulumi.yaml"), "utf8");
        fs.writeFileSync(path.join(app.dir, "Pulumi.yaml"), yaml.replace("description: Current weather for a city", "description: Weather now"));
        const preview = await app.preview(["--diff"]);
        expect(summary(preview.stdout)).toMatchObject({ "to update": 2 }); // the skill, and the config push it triggers
        expect(preview.stdout).toContain("~ description");
        fs.writeFileSync(path.join(app.dir, "Pulumi.yaml"), yaml);
    });

    it("destroys everything on the service through the native provider", async () => {
        expect(Object.keys(serviceRows()).length).toBeGreaterThan(0);
        const r = await app.destroy();
        expect(summary(r.stdout)).toMatchObject({ deleted: KINDS.length + 1 });
        // The platform has no DELETE of a mentor: it is kept with claw turned off (MENTOR_KEPT).
        const left = Object.entries(serviceRows()).filter(([, rows]) => Object.keys(rows).length > 0).map(([collection]) => collection);
        const mentors = left.filter((c) => /mentor/i.test(c) && Object.values(serviceRows()[c]).every((m) => m.enable_claw === false));
        expect(left.filter((c) => !mentors.includes(c))).toEqual([]);
    });
});
