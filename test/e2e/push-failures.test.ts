import { type Emulator, startEmulator } from "../../emulator";
import { PulumiProject, requirePulumi, summary } from "../helpers/pulumi";

// The service's push failures, surfaced by the real CLI with their hints; the failed push
// is kept in state and the next `up` after the fix pushes again.
const ORG = "push-org";
const TOKEN = "push-api-token-4f7a";
const MENTOR = "9a0b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";

const program = (withDevice: boolean) => `
import { AgentConfig, ClawInstance, ConfigPush, DeviceIdentity, MentorBinding } from "pulumi-iblai-claw";
const device = new DeviceIdentity("device");
const server = new ClawInstance("server", {
    name: "push-failures", clawType: "openclaw", serverUrl: "https://claw.push.example", gatewayToken: "gw-push-0000",
    ${withDevice ? "connectionParams: device.connectionParams," : ""}
});
const binding = new MentorBinding("binding", { mentor: "${MENTOR}", server: server.id });
const agent = new AgentConfig("agent", { mentor: "${MENTOR}", identity: "# Bo" }, { dependsOn: [binding] });
const push = new ConfigPush("push", { binding: binding.id, triggers: [agent.contentHash, server.connectionParams], timeoutSeconds: 30 });
export const pushStatus = push.pushStatus;
export const instanceId = server.instanceId;
`;

describe("push failures with the real pulumi CLI", () => {
    let emu: Emulator;
    let project: PulumiProject;
    const pushes = () => emu.requestCounts()["POST claw/mentor-configs/{id}/push-config/"] ?? 0;

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN } });
        PulumiProject.ensureRoot();
        project = new PulumiProject("push-failures", program(false));
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG }, { "iblai:apiToken": TOKEN });
    });
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
        await emu?.close();
    });

    it("fails with 'missing scope: operator.read' and the device-identity hint, keeping everything it made", async () => {
        const r = await project.up([], { allowFail: true });
        const text = r.stdout + r.stderr;
        expect(r.code).not.toBe(0);
        expect(text).toContain("missing scope: operator.read");
        expect(text).toMatch(/connection_params\.device_identity/);
        expect(text).not.toContain(TOKEN);
        expect(pushes()).toBe(1);
        const state = JSON.parse(await project.exportState());
        const push = state.deployment.resources.find((x: { type: string }) => x.type.endsWith(":ConfigPush"));
        expect(push.outputs.pushStatus).toBe("failed");
    });

    it("pushes again once the instance has a device identity", async () => {
        project.writeProgram(program(true));
        await project.up();
        expect(pushes()).toBe(2);
        expect((await project.outputs()).pushStatus).toBe("succeeded");
    });

    it("fails with the pairing hint while the device is unapproved, and succeeds after approval", async () => {
        emu.settings.requireDeviceApproval = true;
        const instanceId = Number((await project.outputs()).instanceId);
        await emu.revokeDevice(ORG, instanceId); // as a gateway update can
        project.writeProgram(program(true).replace('identity: "# Bo"', 'identity: "# Bo, v2"'));
        const r = await project.up([], { allowFail: true });
        const text = r.stdout + r.stderr;
        expect(r.code).not.toBe(0);
        expect(text).toMatch(/PAIRING_REQUIRED|NOT_PAIRED/);
        expect(text).toContain("openclaw devices approve");

        // Nothing changed in the program: the failed push alone makes the next up push again.
        const preview = await project.preview();
        expect(summary(preview.stdout)).toMatchObject({ "to update": 1 });
        await emu.approveDevice(ORG, instanceId);
        await project.up();
        expect((await project.outputs()).pushStatus).toBe("succeeded");
    });

    it("shows what the service reports in the push's row while it waits (issue 13)", async () => {
        emu.settings.requireDeviceApproval = false;
        emu.settings.pushDelayMs = 3000;
        try {
            project.writeProgram(program(true).replace("# Bo", "# Bo, slower"));
            const up = await project.up();
            // The engine shows the provider's ephemeral lines in the resource's row.
            expect(up.stdout).toMatch(/ConfigPush push .*waiting for the push, \d+ s of at most 30 s: last push status: pending/);
            expect(await project.outputs()).toMatchObject({ pushStatus: "succeeded" });
        } finally {
            emu.settings.pushDelayMs = 50;
        }
    });

    it("destroys cleanly", async () => {
        await project.destroy();
        expect(emu.store.list(ORG, "claw/instances")).toHaveLength(0);
    });
});
