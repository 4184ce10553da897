/**
 * examples/provision with the real pulumi CLI: `local.Command` (our pulumi-resource-command)
 * starts a real OpenClaw gateway with the generated GatewayToken, the ClawInstance registers
 * it with connectivity verified, a mentor is bound, configured and pushed for real (the
 * emulator delivers with `deliver: "real"`), and destroy stops the gateway, leaving no
 * process behind.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type Emulator, startEmulator } from "../../emulator";
import { connectGateway, type GatewaySession } from "../../emulator/openclawGateway";
import { agentIdOf } from "../../emulator/placement";
import { alive, freePort, openclawInstall } from "../helpers/openclaw";
import { PulumiProject, ROOT, requirePulumi, summary } from "../helpers/pulumi";

const ORG = "provision-org";
const TOKEN = "provision-api-token-51c2";
const MENTOR = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

describe("examples/provision: a real OpenClaw gateway provisioned with @pulumi/command", () => {
    let emu: Emulator;
    let project: PulumiProject;
    let serverDir: string;
    let port: number;
    let gatewayPid = 0;
    const sessions: GatewaySession[] = [];

    /** Reads an agent file back from the running gateway, as a local operator with its token. */
    const agentFile = async (name: string) => {
        const token = emu.store.list(ORG, "claw/instances")[0]?.gateway_token as string;
        const s = await connectGateway({ serverUrl: `http://127.0.0.1:${port}`, token, timeoutMs: 30_000 });
        sessions.push(s);
        const r = await s.request<{ file?: { content?: string } }>("agents.files.get", { agentId: agentIdOf(MENTOR), name });
        s.close();
        return r.file?.content;
    };

    beforeAll(async () => {
        await requirePulumi();
        const { bin } = openclawInstall();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN }, deliver: "real", probeTimeoutMs: 5000, gatewayTimeoutMs: 60_000 });
        PulumiProject.ensureRoot();
        project = new PulumiProject("provision", "", { copyFrom: path.join(ROOT, "examples", "provision") });
        serverDir = path.join(project.dir, "srv", "openclaw");
        port = await freePort();
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG, serverDir, gatewayPort: String(port), openclawBin: bin, mentor: MENTOR }, { "iblai:apiToken": TOKEN });
    });
    afterAll(async () => {
        for (const s of sessions) s.close();
        // Never leave a gateway behind, even when a test failed before destroy.
        if (gatewayPid && alive(gatewayPid)) process.kill(-gatewayPid, "SIGKILL");
        if (!process.env.KEEP_E2E) await project?.dispose();
        await emu?.close();
    });

    it("starts the gateway with the generated token, registers it, and the mentor's push lands on it", async () => {
        const started = Date.now();
        const r = await project.up();
        process.stdout.write(`[openclaw] provision up (gateway start included) took ${Date.now() - started} ms\n`);
        expect(summary(r.stdout)).toMatchObject({ created: 8 }); // stack, token, device, command, instance, binding, agent config, push
        gatewayPid = Number(fs.readFileSync(path.join(serverDir, "gateway.pid"), "utf8"));
        expect(alive(gatewayPid)).toBe(true);
        const [instance] = emu.store.list(ORG, "claw/instances");
        const config = JSON.parse(fs.readFileSync(path.join(serverDir, "state", "openclaw.json"), "utf8"));
        expect(config.gateway.auth.token).toBe(instance?.gateway_token);
        expect(config.skills.install.allowUploadedArchives).toBe(true); // the platform's skill delivery needs it
        expect(String(instance?.gateway_token)).toMatch(/^[A-Za-z0-9_-]{43}$/);
        const out = await project.outputs();
        expect(out).toMatchObject({ connectivity: { allPassed: true }, configPush: "succeeded", provisioned: "[secret]" });
        expect(await project.exportState()).not.toContain(String(instance?.gateway_token));
        expect(config.agents.entries[agentIdOf(MENTOR)]).toMatchObject({ model: { primary: "anthropic/claude-sonnet-4-6" }, heartbeat: { every: "30m" } });
        expect(await agentFile("IDENTITY.md")).toBe("# Ada\nA patient maths tutor.");
    });

    it("re-pushes an edited agent config, and the gateway shows the new text", async () => {
        await project.cli(["config", "set", "-s", project.stack, "identity", "# Ada v2\nNow also teaches statistics."]);
        const r = await project.up();
        expect(summary(r.stdout)).toMatchObject({ updated: 2 }); // the agent config and its push
        expect(await agentFile("IDENTITY.md")).toBe("# Ada v2\nNow also teaches statistics.");
    });

    it("destroy deregisters the server and stops the gateway, leaving no process behind", async () => {
        expect(summary((await project.preview()).stdout)).toEqual({ unchanged: 8 });
        await project.destroy();
        expect(emu.store.list(ORG, "claw/instances")).toHaveLength(0);
        expect(alive(gatewayPid)).toBe(false);
        const leftovers = fs
            .readdirSync("/proc")
            .filter((p) => /^\d+$/.test(p))
            .filter((p) => {
                try {
                    return fs.readFileSync(`/proc/${p}/cmdline`, "utf8").includes(serverDir) || fs.readFileSync(`/proc/${p}/environ`, "utf8").includes(serverDir);
                } catch {
                    return false;
                }
            });
        expect(leftovers).toEqual([]);
        expect(fs.existsSync(serverDir)).toBe(false);
        await expect(fetch(`http://127.0.0.1:${port}/readyz`)).rejects.toThrow();
    });
});
