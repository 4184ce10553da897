import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { PulumiProject, requirePulumi, summary } from "../helpers/pulumi";

// @pulumi/command 1.2.1 on our own pulumi-resource-command (tools/pulumi-resource-command,
// installed by scripts/setup.sh), with the real CLI.
const run = promisify(execFile);
const SECRET = "s3cret-env-value-7f4e";

describe("the pulumi-resource-command plugin (our build)", () => {
    beforeAll(requirePulumi);

    it("is installed as resource plugin command 1.2.1, and it is ours", async () => {
        const { stdout } = await run("pulumi", ["plugin", "ls", "--json"], { env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } });
        const plugins = JSON.parse(stdout) as { name: string; kind: string; version: string }[];
        expect(plugins).toContainEqual(expect.objectContaining({ name: "command", kind: "resource", version: "1.2.1" }));
        const home = process.env.PULUMI_HOME ?? path.join(os.homedir(), ".pulumi");
        const binary = path.join(home, "plugins", "resource-command-v1.2.1", "pulumi-resource-command");
        const version = await run(binary, ["--version"]);
        expect(version.stdout).toContain("pulumi-resource-command 1.2.1 (pulumi-iblai-claw build");
    });
});

// config: who, trigger, fail, markers (a folder the commands write to).
const program = `
import * as pulumi from "@pulumi/pulumi";
import { local } from "@pulumi/command";
const cfg = new pulumi.Config();
const markers = cfg.require("markers");
const greet = new local.Command("greet", {
    create: 'printf "hello %s\\\\n" "$WHO"; echo "created $TRIGGER for $WHO" >> "$MARKERS/log"',
    delete: 'echo "deleted $TRIGGER after: $PULUMI_COMMAND_STDOUT" >> "$MARKERS/log"',
    environment: { WHO: cfg.require("who"), TRIGGER: cfg.require("trigger"), MARKERS: markers },
    triggers: [cfg.require("trigger")],
});
const secretive = new local.Command("secretive", {
    create: 'printf "%s" "$TOKEN" > "$MARKERS/token"; echo "token written"',
    environment: { TOKEN: pulumi.secret(${JSON.stringify(SECRET)}), MARKERS: markers },
});
if (cfg.getBoolean("fail")) {
    new local.Command("broken", { create: "echo 'provisioning started'; echo 'disk full: /srv/claw' >&2; exit 7" }, { dependsOn: [greet] });
}
export const greeting = greet.stdout;
export const greetingErr = greet.stderr;
export const secretOut = secretive.stdout;
`;

describe("@pulumi/command local.Command with the real pulumi CLI", () => {
    let project: PulumiProject;
    let markers: string;
    const log = () => fs.readFileSync(path.join(markers, "log"), "utf8").trim().split("\n");

    beforeAll(async () => {
        await requirePulumi();
        PulumiProject.ensureRoot();
        project = new PulumiProject("command-plugin", program);
        markers = path.join(project.dir, "markers");
        fs.mkdirSync(markers);
        await project.init({ markers, who: "claw", trigger: "v1" });
    });
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
    });

    it("creates: runs create with the environment, outputs stdout (one trailing newline trimmed) and stderr", async () => {
        const r = await project.up();
        expect(summary(r.stdout)).toMatchObject({ created: 3 });
        const out = await project.outputs();
        expect(out.greeting).toBe("hello claw");
        expect(out.greetingErr).toBe("");
        expect(log()).toEqual(["created v1 for claw"]);
    });

    it("keeps a secret environment value secret: passed to the command, encrypted in state, stdout secret", async () => {
        expect(fs.readFileSync(path.join(markers, "token"), "utf8")).toBe(SECRET);
        const out = await project.outputs();
        expect(out.secretOut).toBe("[secret]");
        const shown = JSON.parse((await project.cli(["stack", "output", "-s", project.stack, "--json", "--show-secrets"])).stdout);
        expect(shown.secretOut).toBe("token written");
        expect(await project.exportState()).not.toContain(SECRET);
        // nor in plain text anywhere in the backend's files
        const stateDir = path.join(project.dir, ".state");
        const files = (fs.readdirSync(stateDir, { recursive: true }) as string[]).map((f) => path.join(stateDir, f)).filter((f) => fs.statSync(f).isFile());
        expect(files.length).toBeGreaterThan(0);
        for (const f of files) expect(fs.readFileSync(f, "utf8")).not.toContain(SECRET);
    });

    it("refreshes and previews no change when nothing changed", async () => {
        const f = await project.refresh();
        expect(summary(f.stdout)).toEqual({ unchanged: 3 });
        const p = await project.preview();
        expect(summary(p.stdout)).toEqual({ unchanged: 3 });
        expect(log()).toEqual(["created v1 for claw"]); // a preview runs nothing
    });

    it("updates in place when the environment changes: create runs again, delete does not", async () => {
        await project.cli(["config", "set", "-s", project.stack, "who", "world"]);
        const r = await project.up();
        expect(summary(r.stdout)).toMatchObject({ updated: 1, unchanged: 2 });
        expect((await project.outputs()).greeting).toBe("hello world");
        expect(log()).toEqual(["created v1 for claw", "created v1 for world"]);
    });

    it("replaces when triggers change: the new one is created, then the old one's delete command runs", async () => {
        await project.cli(["config", "set", "-s", project.stack, "trigger", "v2"]);
        const p = await project.preview();
        expect(summary(p.stdout)).toMatchObject({ "to replace": 1 });
        const r = await project.up();
        expect(summary(r.stdout)).toMatchObject({ replaced: 1 });
        // delete runs with the old inputs and the old stdout in PULUMI_COMMAND_STDOUT
        expect(log()).toEqual(["created v1 for claw", "created v1 for world", "created v2 for world", "deleted v1 after: hello world"]);
    });

    it("fails up with the command's stderr when the command exits non-zero, and keeps nothing of it", async () => {
        await project.cli(["config", "set", "-s", project.stack, "fail", "true"]);
        const r = await project.up([], { allowFail: true });
        const text = r.stdout + r.stderr;
        expect(r.code).not.toBe(0);
        expect(text).toContain("create command failed: exit status 7");
        expect(text).toContain("disk full: /srv/claw");
        expect(await project.exportState()).not.toContain("local:Command::broken");
        await project.cli(["config", "set", "-s", project.stack, "fail", "false"]);
        expect(summary((await project.preview()).stdout)).toEqual({ unchanged: 3 });
    });

    it("destroy runs the delete command", async () => {
        const r = await project.destroy();
        expect(summary(r.stdout)).toMatchObject({ deleted: 3 });
        expect(log().at(-1)).toBe("deleted v2 after: hello world");
        expect(log()).toHaveLength(5);
    });
});

// examples/provision (a real OpenClaw gateway started and stopped by local.Command): test/e2e/openclaw-provision.test.ts
