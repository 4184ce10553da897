import * as fs from "node:fs";
import * as path from "node:path";
import { type Emulator, startEmulator } from "../../emulator";
import { type Gateway, startGateway } from "../../emulator/gateway";
import { PulumiProject, ROOT, requirePulumi, summary } from "../helpers/pulumi";

// Issue 20: the quickstart, unchanged, against the emulator in hosted mode (Api-Token only,
// mentor routes, bare lists) with default settings: its ClawAgent, given no mentor UUID, makes
// its own mentor through the platform's mentor API (the org admin looked up as the guide
// does), binds and pushes it; a second preview is empty and sends nothing; destroy keeps the
// mentor, disables claw on it and says so in one warning. One emulator, one gateway
// stand-in, four pulumi runs.
const ORG = "mentor-org";
const TOKEN = "mentor-api-token-7d2b";

describe("the quickstart in hosted mode makes its own mentor, with the real pulumi CLI", () => {
    let emu: Emulator;
    let gateway: Gateway;
    let project: PulumiProject;
    const mentors = () => emu.store.list(ORG, "mentors");

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN }, hosted: true });
        gateway = await startGateway();
        PulumiProject.ensureRoot();
        project = new PulumiProject("mentor", fs.readFileSync(path.join(ROOT, "quickstart/index.ts"), "utf8"));
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG, serverUrl: gateway.url }, { "iblai:apiToken": TOKEN });
    }, 120_000);
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
        await gateway?.close();
        await emu?.close();
    });

    it("up makes the mentor (claw on), binds it by its UUID and pushes; no UUID was copied by hand", async () => {
        await project.up();
        const out = await project.outputs();
        expect(out).toMatchObject({ configPush: "succeeded", providerPush: "succeeded" });
        expect(mentors()).toEqual([expect.objectContaining({ name: "ada", display_name: "Ada", description: "A patient maths tutor for first-year students.", enable_claw: true, unique_id: out.mentorId })]);
        expect(emu.store.list(ORG, "claw/mentor-configs")).toEqual([expect.objectContaining({ mentor: out.mentorId })]);
    });

    it("a second preview shows no change and sends no request", async () => {
        const before = emu.requestCounts();
        const p = await project.preview(["--expect-no-changes"]);
        expect(summary(p.stdout).unchanged).toBeGreaterThan(0);
        expect(emu.requestCounts()).toEqual(before);
    });

    it("destroy unbinds, keeps the mentor with claw off, and warns once", async () => {
        const r = await project.destroy();
        const text = r.stdout + r.stderr;
        // Once among the diagnostics (the engine also shows it in the resource's row).
        const diagnostics = text.slice(text.indexOf("Diagnostics:"));
        expect(diagnostics.match(/warning: .*no DELETE of a mentor/g)?.length).toBe(1);
        expect(emu.store.list(ORG, "claw/mentor-configs")).toEqual([]);
        expect(mentors()).toEqual([expect.objectContaining({ name: "ada", enable_claw: false })]);
    });
});
