import { type Emulator, startEmulator } from "../../emulator";
import { type Gateway, startGateway } from "../../emulator/gateway";
import { PulumiProject, requirePulumi, summary } from "../helpers/pulumi";

// verifyConnectivity and the action functions, with the real CLI, against the emulator
// probing a real claw gateway stand-in (and a port where nothing listens).
const ORG = "conn-org";
const TOKEN = "conn-api-token-3a9f";

const program = (serverUrl: string) => `
import { ClawInstance, healthCheck, refreshVersion, testConnectivity } from "pulumi-iblai-claw";
const server = new ClawInstance("server", {
    name: "probed", serverUrl: ${JSON.stringify(serverUrl)}, gatewayToken: "gw-conn-0000", verifyConnectivity: true,
});
export const connectivity = server.connectivity;
export const report = testConnectivity(server.id);
export const health = healthCheck(server.id);
export const version = refreshVersion(server.id);
`;

describe("connectivity checks with the real pulumi CLI", () => {
    let emu: Emulator;
    let gateway: Gateway;
    let project: PulumiProject;
    const deadUrl = "http://127.0.0.1:9"; // discard port: nothing listens on loopback

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN }, probeTimeoutMs: 1000 });
        gateway = await startGateway();
        PulumiProject.ensureRoot();
        project = new PulumiProject("connectivity", program(deadUrl));
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG }, { "iblai:apiToken": TOKEN });
    });
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
        await gateway?.close();
        await emu?.close();
    });

    it("fails an unreachable server with the failing check, its detail and a hint, keeping the instance", async () => {
        const r = await project.up([], { allowFail: true });
        const text = r.stdout + r.stderr;
        expect(r.code).not.toBe(0);
        expect(text).toContain("test-connectivity failed (tls_reachable");
        expect(text).toMatch(/hint: the platform cannot reach serverUrl/);
        expect(emu.store.list(ORG, "claw/instances")).toHaveLength(1);
        // Kept in state: the next up tests again even with nothing changed.
        const p = await project.preview();
        expect(summary(p.stdout)).toMatchObject({ "to update": 1 });
    });

    it("passes once the server answers, and the functions report, without a request during preview", async () => {
        project.writeProgram(program(gateway.url));
        const before = emu.requestCounts();
        await project.preview();
        expect(emu.requestCounts()).toEqual(before);
        await project.up();
        const out = await project.outputs();
        expect(out.connectivity).toMatchObject({ allPassed: true });
        expect(out.report).toMatchObject({ all_passed: true, checks: [{ name: "tls_reachable", passed: true }, { name: "health_check", passed: true }] });
        expect(out.health).toBeDefined();
        expect(out.version).toBeDefined();
        expect(emu.store.list(ORG, "claw/instances")[0]).toMatchObject({ last_health_status: expect.anything() });
        await project.destroy();
    });
});
