import * as path from "node:path";
import { type Emulator, startEmulator } from "../../emulator";
import { PulumiProject, ROOT, requirePulumi, summary } from "../helpers/pulumi";

// examples/environments: one program, a stack per environment, each in its own org.
describe("examples/environments with the real pulumi CLI", () => {
    let emu: Emulator;
    let project: PulumiProject;
    const tokens = { "acme-staging": "staging-token-11aa", acme: "production-token-22bb" };

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: tokens });
        PulumiProject.ensureRoot();
        project = new PulumiProject("environments", "", { copyFrom: path.join(ROOT, "examples", "environments") });
        for (const [stack, org] of [["staging", "acme-staging"], ["production", "acme"]] as const) {
            await project.cli(["stack", "init", stack]);
            // The committed stack files name the real service; point them at the emulator.
            await project.cli(["config", "set", "-s", stack, "iblai:baseUrl", emu.url]);
            await project.cli(["config", "set", "-s", stack, "--secret", "iblai:apiToken", tokens[org]]);
        }
    });
    afterAll(async () => {
        for (const stack of ["staging", "production"]) await project?.cli(["stack", "rm", "-s", stack, "--yes", "--force"], { allowFail: true });
        await project?.dispose();
        await emu?.close();
    });

    it("deploys each environment into its own org, from its own stack config", async () => {
        const staging = await project.cli(["up", "-s", "staging", "--yes", "--skip-preview"]);
        const production = await project.cli(["up", "-s", "production", "--yes", "--skip-preview"]);
        expect(summary(staging.stdout).created).toBe(9); // 8 resources and the stack
        expect(summary(production.stdout).created).toBe(12); // a second mentor: 3 more
        expect(emu.store.list("acme-staging", "claw/instances")).toEqual([expect.objectContaining({ name: "staging-claw" })]);
        expect(emu.store.list("acme", "claw/instances")).toEqual([expect.objectContaining({ name: "prod-claw" })]);
        expect(emu.store.list("acme-staging", "agent-configs").map((c) => c.model)).toEqual(["anthropic/claude-haiku-4-5"]);
        expect(emu.store.list("acme", "claw/mentor-configs")).toHaveLength(2);
        const out = JSON.parse((await project.cli(["stack", "output", "-s", "production", "--json"])).stdout);
        expect(out.pushes).toEqual({ Ada: "succeeded", Brook: "succeeded" });
    });

    it("destroys one environment without touching the other", async () => {
        await project.cli(["destroy", "-s", "staging", "--yes", "--skip-preview"]);
        expect(emu.store.list("acme-staging", "claw/instances")).toHaveLength(0);
        expect(emu.store.list("acme", "claw/instances")).toHaveLength(1);
        await project.cli(["destroy", "-s", "production", "--yes", "--skip-preview"]);
        expect(emu.store.list("acme", "claw/instances")).toHaveLength(0);
    });
});
