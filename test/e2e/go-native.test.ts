import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { ORG, TOKEN, useEmulator } from "../helpers/emulator";
import { NativeQuickstart } from "../helpers/nativeQuickstart";
import { PulumiProject, ROOT, requirePulumi } from "../helpers/pulumi";

// examples/go (the quickstart's objects, on the generated Go SDK sdks/go) through the Go
// language host and the native provider plugin (both installed by scripts/setup.sh), against
// the emulator. The program is built once here; Pulumi.yaml then names the binary, so the
// host does not run `go build` again for every command (the first build compiles sdk/v3:
// minutes on a fresh machine, then Go's build cache holds it).
const run = promisify(execFile);
const emulator = useEmulator();

describe("a Go program on the native provider", () => {
    let app: PulumiProject;
    const quickstart = new NativeQuickstart(emulator, "gw-plain-token-go-4711");

    beforeAll(async () => {
        await requirePulumi();
        PulumiProject.ensureRoot();
        // A copy at the same depth as examples/go, so its `replace => ../../sdks/go` still holds.
        app = new PulumiProject("go-native", "", { copyFrom: path.join(ROOT, "examples/go") });
        await run("nice", ["-n", "10", "go", "build", "-trimpath", "-o", "quickstart", "."], { cwd: app.dir });
        const project = fs.readFileSync(path.join(app.dir, "Pulumi.yaml"), "utf8");
        expect(project).toContain("runtime: go\n");
        fs.writeFileSync(path.join(app.dir, "Pulumi.yaml"), project.replace("runtime: go\n", "runtime:\n  name: go\n  options:\n    binary: ./quickstart\n"));
        await app.init({ "iblai:baseUrl": emulator.emu.url, "iblai:org": ORG }, { "iblai:apiToken": TOKEN, gatewayToken: quickstart.gatewayToken });
    }, 600_000); // a fresh machine's first build of sdk/v3 takes minutes
    afterAll(async () => {
        await app?.destroy().catch(() => undefined);
        await app?.dispose();
    });

    it("compiles every package of the generated Go SDK (go vet, in the example's module)", async () => {
        const pkgs = (await run("go", ["list", "github.com/iblai/pulumi-iblai-claw/sdks/go/..."], { cwd: app.dir })).stdout.trim().split("\n");
        expect(pkgs).toEqual(["iblai", "iblai/config", "iblai/internal"].map((p) => `github.com/iblai/pulumi-iblai-claw/sdks/go/${p}`));
        // go vet type-checks each package (a compile error fails it, naming file and line) and reports suspect code.
        await run("nice", ["-n", "10", "go", "vet", ...pkgs], { cwd: app.dir });
    });

    // Preview, up (pushes succeeded; getSkill and healthCheck invokes answered), an empty preview.
    it("previews, deploys, and a second preview is empty", () => quickstart.deploys(app));

    it("keeps the API token and the gateway token out of state and output", () => quickstart.keepsSecretsOut(app));

    it("destroys everything", () => quickstart.destroys(app));
});
