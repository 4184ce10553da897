import { type Emulator, startEmulator } from "../../emulator";
import { PulumiProject, requirePulumi, summary } from "../helpers/pulumi";

// The walking skeleton with the real pulumi CLI: up → empty preview → update in place →
// refresh shows an out-of-band change → token rotation is no diff → destroy leaves nothing.
const ORG = "e2e-org";
const API_TOKEN = "e2e-api-token-71c2";
const GATEWAY_TOKEN = "gw-plaintext-must-not-leak-3b9d";
const ROTATED_TOKEN = "e2e-api-token-rotated-55aa";

const program = (name: string) => `
import { ClawInstance } from "pulumi-iblai-claw";
const server = new ClawInstance("server", {
    name: ${JSON.stringify(name)},
    serverUrl: "https://claw.e2e.example",
    // A plain string on purpose: the resource itself must keep it secret in state.
    gatewayToken: ${JSON.stringify(GATEWAY_TOKEN)},
    connectionParams: { device_identity: { private_key_pem: "-----BEGIN PRIVATE KEY-----e2e" } },
});
export const id = server.id;
export const name = server.name;
export const status = server.status;
export const gatewayToken = server.gatewayToken;
`;

describe("ClawInstance with the real pulumi CLI", () => {
    let emu: Emulator;
    let project: PulumiProject;
    const rows = () => emu.store.list(ORG, "claw/instances");

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: API_TOKEN, [`${ORG}-rotated`]: "unused" } });
        PulumiProject.ensureRoot();
        project = new PulumiProject("instance-lifecycle", program("e2e-server"));
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG }, { "iblai:apiToken": API_TOKEN });
    });
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
        await emu?.close();
    });

    it("creates the instance on up", async () => {
        const r = await project.up();
        expect(summary(r.stdout).created).toBe(2); // the stack and the instance
        expect(rows()).toHaveLength(1);
        expect(rows()[0]).toMatchObject({ name: "e2e-server", gateway_token: GATEWAY_TOKEN });
        const out = await project.outputs();
        expect(out).toMatchObject({ id: String(rows()[0].id), name: "e2e-server", status: "active" });
        expect(out.gatewayToken).toBe("[secret]");
    });

    it("previews no change right after", async () => {
        const r = await project.preview(["--expect-no-changes"]);
        expect(summary(r.stdout)).toEqual({ unchanged: 2 });
    });

    it("keeps every secret out of the state export, and the serialized provider small", async () => {
        const state = await project.exportState();
        expect(state).not.toContain(GATEWAY_TOKEN);
        expect(state).not.toContain(API_TOKEN);
        expect(state).not.toContain("BEGIN PRIVATE KEY");
        const resource = JSON.parse(state).deployment.resources.find((r: { type: string }) => r.type === "pulumi-nodejs:dynamic/iblai:ClawInstance");
        expect(resource).toBeDefined();
        const stub: string = resource.outputs.__provider;
        // The installed package's per-type stub module, by reference (provider/engine/stub.ts).
        expect(stub).toContain('require("pulumi-iblai-claw/dynamic/ClawInstance")');
        expect(Buffer.byteLength(stub)).toBeLessThan(320);
        expect(stub).not.toMatch(/\/(work|home|root|tmp)\//); // no local paths
        expect(stub).toMatchSnapshot("serialized ClawInstance provider");
        // Its source position is the program's line, not one inside this package, and its
        // stack holds only the program's frames (provider/engine/registrationStack.ts).
        expect(resource.sourcePosition).toBe("project:///index.ts#3,16");
        expect(resource.stackTrace).toEqual([{ sourcePosition: "project:///index.ts#3,16" }]);
        expect(resource.outputs.gatewayToken).toHaveProperty("ciphertext");
    });

    it("updates in place when an input changes", async () => {
        const id = rows()[0].id;
        project.writeProgram(program("e2e-server-renamed"));
        const r = await project.up();
        expect(summary(r.stdout)).toMatchObject({ updated: 1 });
        expect(rows()).toHaveLength(1);
        expect(rows()[0]).toMatchObject({ id, name: "e2e-server-renamed" });
    });

    it("shows an out-of-band change on refresh, and the next up restores the program's value", async () => {
        const row = rows()[0];
        emu.store.put(ORG, "claw/instances", { ...row, name: "changed-by-hand" });
        const r = await project.refresh(["--diff"]);
        expect(r.stdout).toContain("changed-by-hand");
        expect(summary(r.stdout)).toMatchObject({ updated: 1 });
        await project.up();
        expect(rows()[0]).toMatchObject({ name: "e2e-server-renamed" });
    });

    it("treats a rotated API token as no change", async () => {
        // Same service, same port, same objects; only the accepted token changes.
        const saved = rows();
        await emu.close();
        emu = await startEmulator({ port: emu.port, orgs: { [ORG]: ROTATED_TOKEN } });
        for (const r of saved) emu.store.put(ORG, "claw/instances", r);
        await project.cli(["config", "set", "-s", project.stack, "--secret", "iblai:apiToken", ROTATED_TOKEN]);
        const preview = await project.preview(["--expect-no-changes"]);
        expect(summary(preview.stdout)).toEqual({ unchanged: 2 });
        // Pulumi keeps the default provider's config in state and refresh/destroy use it;
        // an `up` renews it without touching any resource (or use --run-program; see README).
        const up = await project.up();
        expect(summary(up.stdout)).toEqual({ unchanged: 2 });
        const refresh = await project.refresh();
        expect(summary(refresh.stdout)).toEqual({ unchanged: 2 });
    });

    it("destroys everything and leaves the emulator empty", async () => {
        await project.destroy();
        expect(rows()).toHaveLength(0);
        const state = await project.exportState();
        expect(JSON.parse(state).deployment.resources ?? []).toHaveLength(0);
    });
});
