import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { type Emulator, startEmulator } from "../../emulator";
import { ORG, TOKEN, writesSince } from "../helpers/emulator";
import { CLI, Fleet } from "../helpers/fleet";
import { GuideCurl, populateOrg, pushesSettled } from "../helpers/guideWorkflow";
import { PulumiProject, requirePulumi } from "../helpers/pulumi";

const run = promisify(execFile);

// issue 22, item 5: an org made by hand (the guide's curl calls), written as a fleet
// declaration by `iblai-claw generate --fleet`, adopted by `iblai-claw fleet up` with no
// writes but the write-only values, as `generate` does for one stack.
describe("iblai-claw generate --fleet: from an existing org to an adopted fleet", () => {
    let emu: Emulator;
    let fleet: Fleet;

    beforeAll(async () => {
        await requirePulumi();
        PulumiProject.ensureRoot();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN }, pushDelayMs: 20 });
        const org = await populateOrg(new GuideCurl(emu.url, ORG, TOKEN), () => pushesSettled(emu, ORG));
        fleet = new Fleet(undefined, emu);
        const { stdout } = await run(process.execPath, [CLI, "generate", "--fleet", "--out", path.join(fleet.dir, "fleet.yaml")], {
            cwd: fleet.dir,
            env: { ...process.env, IBLAI_BASE_URL: emu.url, IBLAI_ORG: ORG, IBLAI_API_TOKEN: TOKEN },
        });
        // The variables it names, set as a user would from their secret store.
        expect(stdout).toContain("PROD_EU_GATEWAY_TOKEN");
        fleet.extraEnv = {
            IBLAI_API_TOKEN: TOKEN,
            PROD_EU_GATEWAY_TOKEN: org.gatewayTokens["Prod EU"] as string,
            PROD_EU_DEVICE_KEY: org.devicePrivateKeyPem,
            STAGING_GATEWAY_TOKEN: org.gatewayTokens.Staging as string,
            STAGING_DEVICE_KEY: org.devicePrivateKeyPem,
        };
    });
    afterAll(async () => {
        await emu?.close();
        if (fleet) fs.rmSync(fleet.dir, { recursive: true, force: true });
    });

    it("the declaration holds no secret and every object's id", () => {
        const text = fs.readFileSync(path.join(fleet.dir, "fleet.yaml"), "utf8");
        for (const v of Object.values(fleet.extraEnv)) expect(text).not.toContain(v.trim());
        expect(text).toMatch(/adoptId:/);
        expect(text).toMatch(/binding:/);
    });

    it("fleet up adopts everything, writing only the instances' write-only values; a preview after is empty", async () => {
        const before = emu.requestCounts();
        const up = await fleet.run("up", "--yes");
        expect({ code: up.code, out: up.code === 0 ? "" : up.out }).toEqual({ code: 0, out: "" });
        expect(up.out).not.toMatch(/failed/);
        expect(writesSince(emu, before)).toEqual({ "PATCH claw/instances/{id}/": 2 });
        for (const v of Object.values(fleet.extraEnv)) expect(up.out).not.toContain(v.trim());
        const mid = emu.requestCounts();
        const preview = await fleet.run("preview");
        expect(preview.code).toBe(0);
        expect(preview.out).toMatch(/\d+ stacks: \d+ succeeded/);
        expect(preview.out).not.toMatch(/\d+ (create|update|delete|replace)/);
        expect(writesSince(emu, mid)).toEqual({});
    });
});
