import * as path from "node:path";
import { type Emulator, startEmulator } from "../../emulator";
import { type Gateway, startGateway } from "../../emulator/gateway";
import { PulumiProject, ROOT, requirePulumi, summary } from "../helpers/pulumi";

// examples/agent-set as committed (its Pulumi.dev.yaml), pointed at the emulator.
describe("examples/agent-set with the real pulumi CLI", () => {
    let emu: Emulator;
    let gateway: Gateway;
    let project: PulumiProject;
    const ORG = "acme";
    const TOKEN = "example-set-token-90ad";

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN } });
        gateway = await startGateway();
        PulumiProject.ensureRoot();
        // Copied to .e2e/<name>/, as deep as examples/agent-set, so its relative folder still resolves.
        project = new PulumiProject("example-agent-set", "", { copyFrom: path.join(ROOT, "examples", "agent-set") });
        await project.cli(["stack", "init", "dev"]);
        await project.cli(["config", "set", "-s", "dev", "iblai:baseUrl", emu.url]);
        await project.cli(["config", "set", "-s", "dev", "serverUrl", gateway.url]);
        await project.cli(["config", "set", "-s", "dev", "--secret", "iblai:apiToken", TOKEN]);
    });
    afterAll(async () => {
        await project?.cli(["stack", "rm", "-s", "dev", "--yes", "--force"], { allowFail: true });
        await project?.dispose();
        await gateway?.close();
        await emu?.close();
    });

    it("deploys the set from the stack's folder and mentors, and destroys it", async () => {
        const up = await project.cli(["up", "-s", "dev", "--yes", "--skip-preview"]);
        expect(summary(up.stdout).created).toBe(45);
        const out = JSON.parse((await project.cli(["stack", "output", "-s", "dev", "--json"])).stdout);
        expect(out.pushes).toEqual({ dean: "succeeded", "tutor-math": "succeeded", "tutor-writing": "succeeded", researcher: "succeeded" });
        expect(out.gatewayToken).toBe("[secret]");
        expect(out.deviceFingerprint).toMatch(/^[0-9a-f]{64}$/);
        expect(out.notDeployed).toEqual(expect.arrayContaining([expect.stringMatching(/^agents\/dean\/agent\/auth-profiles\.json: not pushed: a secret/)]));
        await project.cli(["destroy", "-s", "dev", "--yes", "--skip-preview"]);
        expect(emu.store.list(ORG, "claw/instances")).toHaveLength(0);
        expect(emu.store.list(ORG, "agent-skills")).toHaveLength(0);
    });
});
