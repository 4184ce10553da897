import { type Emulator, startEmulator } from "../../emulator";
import { type Gateway, startGateway } from "../../emulator/gateway";
import { PulumiProject, requirePulumi, summary } from "../helpers/pulumi";

// Issue 10 points 3, 4 and 7, issue 13 point 4, with the real CLI: a base URL with a
// path prefix (the platform's /dm host), the Api-Token scheme (Api-Key refused at
// preview), action functions that preview cleanly, and check failures that never print
// an input's value.
const ORG = "dm-org";
const TOKEN = "dm-api-token-5c8e";
const MENTOR = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";
const CANARY = "sk-live-canary-93be1f0a";

const program = (serverUrl: string) => `
import { ClawInstance, MentorBinding, Skill, healthCheck, testConnectivity } from "pulumi-iblai-claw";
const server = new ClawInstance("server", { name: "dm", serverUrl: ${JSON.stringify(serverUrl)}, gatewayToken: "gw-dm-0000" });
new MentorBinding("ada", { mentor: "${MENTOR}", server: server.id });
new Skill("weather", { name: "Weather", slug: "weather-dm" });
export const health = healthCheck(server.id);
export const report = testConnectivity(server.id);
export const serverId = server.id;
`;

describe("preview fidelity with the real pulumi CLI", () => {
    let emu: Emulator;
    let gateway: Gateway;
    let project: PulumiProject;
    const requests = () => Object.values(emu.requestCounts()).reduce((a, b) => a + b, 0);

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN }, basePath: "/dm" });
        gateway = await startGateway();
        PulumiProject.ensureRoot();
        project = new PulumiProject("preview-fidelity", program(gateway.url));
        // The base URL carries the prefix, as the platform's own client's host does.
        expect(emu.url).toMatch(/\/dm$/);
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG, "iblai:authScheme": "Api-Token" }, { "iblai:apiToken": TOKEN });
    });
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
        await gateway?.close();
        await emu?.close();
    });

    it("deploys under a base URL with a path prefix, with the Api-Token scheme", async () => {
        await project.up();
        expect(emu.store.list(ORG, "claw/instances")).toHaveLength(1);
        expect(emu.store.list(ORG, "claw/mentor-configs")).toHaveLength(1);
        expect(emu.store.list(ORG, "agent-skills")).toHaveLength(1);
        const out = await project.outputs();
        expect(out.report).toMatchObject({ all_passed: true });
        expect(out.health).toBeDefined();
    });

    it("previews action functions as values to come: no 'Undefined value' warning, no output removed, no request", async () => {
        const before = requests();
        const r = await project.preview(["--diff"]);
        const text = r.stdout + r.stderr;
        expect(text).not.toMatch(/Undefined value/);
        expect(text).not.toMatch(/will not show as a stack output/);
        expect(text).not.toMatch(/^\s*-\s*(health|report)\s*:/m);
        expect(summary(r.stdout)).not.toHaveProperty("to delete");
        expect(summary(r.stdout)).not.toHaveProperty("to replace");
        expect(requests()).toBe(before);
    });

    it("never prints an unknown input's value in a check failure", async () => {
        project.writeProgram(`
import { Skill } from "pulumi-iblai-claw";
new Skill("weather", { name: "Weather", slug: "weather-dm", apiKey: "${CANARY}" } as never);
`);
        const before = requests();
        const r = await project.preview([], { allowFail: true });
        const text = r.stdout + r.stderr;
        expect(r.code).not.toBe(0);
        expect(text).toMatch(/apiKey: unknown input/);
        expect(text).not.toContain(CANARY);
        expect(text).not.toContain(CANARY.slice(0, 12));
        expect(requests()).toBe(before);
    });

    it("refuses iblai:authScheme Api-Key at preview with a hint naming Api-Token, sending nothing", async () => {
        project.writeProgram(program(gateway.url));
        await project.cli(["config", "set", "-s", project.stack, "iblai:authScheme", "Api-Key"]);
        const before = requests();
        const r = await project.preview([], { allowFail: true });
        expect(r.code).not.toBe(0);
        expect(r.stdout + r.stderr).toMatch(/authScheme "Api-Key" does not exist; use "Api-Token"/);
        expect(r.stdout + r.stderr).not.toContain(TOKEN);
        expect(requests()).toBe(before);
        await project.cli(["config", "set", "-s", project.stack, "iblai:authScheme", "Api-Token"]);
        expect(summary((await project.preview()).stdout)).toMatchObject({ unchanged: 4 }); // the stack and its three resources
    });

    it("sees no diff when a ProviderPush moves from `instance` to `server`, or ids change only in type", async () => {
        const stage = (target: string, id: string) => `
import { ClawInstance, MentorBinding, ProviderPush, Skill } from "pulumi-iblai-claw";
const server = new ClawInstance("server", { name: "dm", serverUrl: ${JSON.stringify(gateway.url)}, gatewayToken: "gw-dm-0000" });
new MentorBinding("ada", { mentor: "${MENTOR}", server: ${id} });
new Skill("weather", { name: "Weather", slug: "weather-dm" });
new ProviderPush("providers", { ${target}: ${id}, triggers: ["t1"] });
`;
        project.writeProgram(stage("instance", "server.id"));
        await project.up();
        const before = requests();
        for (const [target, id] of [["server", "server.id"], ["server", "server.id.apply(Number)"], ["instance", "server.id.apply(Number)"]]) {
            project.writeProgram(stage(target as string, id as string));
            const r = await project.preview();
            expect([target, id, summary(r.stdout)]).toEqual([target, id, { unchanged: 5 }]);
        }
        expect(requests()).toBe(before);
    });

    it("destroys under the prefix, leaving nothing", async () => {
        await project.destroy();
        expect(emu.store.list(ORG, "claw/instances")).toHaveLength(0);
        expect(emu.store.list(ORG, "claw/mentor-configs")).toHaveLength(0);
        expect(emu.store.list(ORG, "agent-skills")).toHaveLength(0);
    });
});
