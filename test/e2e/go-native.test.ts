import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { ORG, TOKEN, useEmulator } from "../helpers/emulator";
import { PulumiProject, ROOT, requirePulumi, summary } from "../helpers/pulumi";

// examples/go (the quickstart's objects, on the generated Go SDK sdks/go) through the Go
// language host and the native provider plugin (both installed by scripts/setup.sh), against
// the emulator. The program is built once here; Pulumi.yaml then names the binary, so the
// host does not run `go build` again for every command (the first build compiles sdk/v3:
// minutes on a fresh machine, then Go's build cache holds it).
const run = promisify(execFile);
const emulator = useEmulator();
const GATEWAY_TOKEN = "gw-plain-token-go-4711";

describe("a Go program on the native provider", () => {
    let app: PulumiProject;
    const outputs: string[] = [];
    const track = <T extends { stdout: string; stderr: string }>(r: T): T => {
        outputs.push(r.stdout, r.stderr);
        return r;
    };

    beforeAll(async () => {
        await requirePulumi();
        PulumiProject.ensureRoot();
        // A copy at the same depth as examples/go, so its `replace => ../../sdks/go` still holds.
        app = new PulumiProject("go-native", "", { copyFrom: path.join(ROOT, "examples/go") });
        await run("nice", ["-n", "10", "go", "build", "-trimpath", "-o", "quickstart", "."], { cwd: app.dir });
        const project = fs.readFileSync(path.join(app.dir, "Pulumi.yaml"), "utf8");
        expect(project).toContain("runtime: go\n");
        fs.writeFileSync(path.join(app.dir, "Pulumi.yaml"), project.replace("runtime: go\n", "runtime:\n  name: go\n  options:\n    binary: ./quickstart\n"));
        await app.init({ "iblai:baseUrl": emulator.emu.url, "iblai:org": ORG }, { "iblai:apiToken": TOKEN, gatewayToken: GATEWAY_TOKEN });
    });
    afterAll(async () => {
        await app?.destroy().catch(() => undefined);
        await app?.dispose();
    });

    it("previews, deploys, and a second preview is empty", async () => {
        const preview = track(await app.preview());
        expect(summary(preview.stdout)).toMatchObject({ "to create": 12 });
        const up = track(await app.up());
        expect(summary(up.stdout)).toMatchObject({ created: 12 });
        const out = await app.outputs();
        // skillBySlug comes from the getSkill invoke; health from healthCheck (the example server does not exist).
        expect(out).toMatchObject({ providerPush: "succeeded", configPush: "succeeded", skillBySlug: "weather", serverStatus: "active" });
        expect(out.health).toMatchObject({ status: expect.any(String) });
        track(await app.preview(["--expect-no-changes"]));
    });

    it("keeps the API token and the gateway token out of state and output", async () => {
        const state = await app.exportState();
        expect(state).toContain("iblai:index:ClawInstance");
        for (const secret of [TOKEN, GATEWAY_TOKEN]) {
            expect(state).not.toContain(secret);
            for (const o of outputs) expect(o).not.toContain(secret);
        }
    });

    it("destroys everything", async () => {
        const r = track(await app.destroy());
        expect(summary(r.stdout)).toMatchObject({ deleted: 12 });
        const left: unknown[] = [];
        for await (const s of emulator.client().skills.list({})) left.push(s);
        expect(left).toEqual([]);
    });
});
