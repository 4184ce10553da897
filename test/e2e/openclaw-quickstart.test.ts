/**
 * The quickstart program (quickstart/index.ts, as users run it) with the real pulumi CLI,
 * pointed at a real OpenClaw gateway: the emulator runs with `deliver: "real"`, so its
 * pushes connect to the gateway over its WebSocket protocol. The gateway is on loopback
 * and the platform's new device is paired silently, as OpenClaw does for local clients.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type Emulator, startEmulator } from "../../emulator";
import { agentIdOf } from "../../emulator/placement";
import { workspaceSkills } from "../helpers/agentSetReadBack";
import { useOpenClaw } from "../helpers/openclaw";
import { PulumiProject, ROOT, requirePulumi } from "../helpers/pulumi";

const ORG = "quickstart-org";
const TOKEN = "qs-api-token-81c3";
const MENTOR = "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10";

describe("the quickstart on a real OpenClaw gateway", () => {
    const oc = useOpenClaw();
    let emu: Emulator;
    let project: PulumiProject;
    const agent = () => ((oc().configFile().agents as { entries?: Record<string, any> } | undefined)?.entries ?? {})[agentIdOf(MENTOR)];

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN }, deliver: "real", gatewayTimeoutMs: 60_000 });
        PulumiProject.ensureRoot();
        project = new PulumiProject("openclaw-quickstart", fs.readFileSync(path.join(ROOT, "quickstart/index.ts"), "utf8"));
        await project.init(
            { "iblai:baseUrl": emu.url, "iblai:org": ORG, serverUrl: oc().url, verifyConnectivity: "true", mentor: MENTOR },
            { "iblai:apiToken": TOKEN, gatewayToken: oc().token },
        );
    }, 240_000);
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
        await emu?.close();
    });

    it("up: the mentor's files and config and the provider land on the gateway", async () => {
        await project.up();
        const out = await project.outputs();
        expect(out).toMatchObject({ configPush: "succeeded", providerPush: "succeeded" });
        expect(await oc().agentFile(agentIdOf(MENTOR), "IDENTITY.md")).toBe("# Ada\nA patient maths tutor for first-year students.");
        expect(agent()).toMatchObject({ model: { primary: "anthropic/claude-sonnet-4-6" }, skills: ["weather"] });
        const cfg = oc().configFile() as any;
        expect(cfg.skills.entries.weather).toEqual({ enabled: true });
        // The skill itself, installed in the mentor's workspace with its script (OpenClaw 2026.9 takes uploads).
        expect(await workspaceSkills(oc(), agentIdOf(MENTOR))).toEqual([{ name: "weather", blockedByAgentFilter: false }]);
        expect(await oc().workspaceFile(agentIdOf(MENTOR), "skills/weather/scripts/wttr.sh")).toContain("wttr.in");
        expect(cfg.models.providers.openrouter).toMatchObject({ baseUrl: "https://openrouter.ai/api/v1", api: "openai-completions" });
    });

    it("a config the gateway refuses fails the ConfigPush with the gateway's message and field path; the fix succeeds", async () => {
        await project.cli(["config", "set", "-s", project.stack, "--path", "agentConfig.heartbeat.every", "30m"]);
        await project.cli(["config", "set", "-s", project.stack, "--path", "agentConfig.heartbeat.bogusKey", "true"]);
        // With the schema check on (the default), preview stops it before anything is sent...
        const early = await project.preview([], { allowFail: true });
        expect(early.code).not.toBe(0);
        expect(early.stdout + early.stderr).toContain("config.heartbeat.bogusKey: unknown key (OpenClaw 2026.9.6)");
        // ...so turn the check off to let the real gateway answer for itself.
        await project.cli(["config", "set", "-s", project.stack, "iblai:openclawVersion", "none"]);
        const r = await project.up([], { allowFail: true });
        const text = r.stdout + r.stderr;
        expect(r.code).not.toBe(0);
        expect(text).toContain("config.patch: invalid config:");
        expect(text).toContain(`agents.entries.${agentIdOf(MENTOR)}.heartbeat`);
        expect(text).toContain('Unrecognized key: "bogusKey"');
        expect(text).toContain("[in the mentor's config: heartbeat]");
        expect(text).not.toContain(oc().token);
        // The gateway applied nothing of the refused patch: the heartbeat is the one pushed before.
        expect(agent().heartbeat).toEqual({ every: "30m" });

        await project.cli(["config", "rm", "-s", project.stack, "--path", "agentConfig.heartbeat.bogusKey"]);
        await project.cli(["config", "rm", "-s", project.stack, "iblai:openclawVersion"]);
        await project.up();
        expect((await project.outputs()).configPush).toBe("succeeded");
        expect(agent().heartbeat).toEqual({ every: "30m" });
    });

    it("destroys cleanly", async () => {
        await project.destroy();
        expect(emu.store.list(ORG, "claw/instances")).toEqual([]);
    });
});
