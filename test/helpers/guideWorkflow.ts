/**
 * An org populated the way a user does it by hand: the integration guide's curl calls,
 * real `curl` processes, one after another (README of the API: nine ordered steps per
 * mentor). For tests that start from an existing org (adoption, `iblai-claw generate`).
 */
import { execFile } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import type { Emulator } from "../../emulator";

const run = promisify(execFile);

/** One `curl` call against the org's API; answers the parsed JSON body. */
export class GuideCurl {
    constructor(
        private readonly baseUrl: string,
        private readonly org: string,
        private readonly token: string,
    ) {}

    async call(method: string, route: string, body?: unknown, form?: Record<string, string>): Promise<Record<string, unknown>> {
        const url = `${this.baseUrl}/api/ai-mentor/orgs/${this.org}/${route}`;
        const args = ["-sS", "--fail-with-body", "-X", method, url, "-H", `Authorization: Token ${this.token}`];
        if (body !== undefined) args.push("-H", "Content-Type: application/json", "-d", JSON.stringify(body));
        for (const [k, v] of Object.entries(form ?? {})) args.push("-F", `${k}=${v}`);
        const { stdout } = await run("curl", args, { maxBuffer: 16 << 20 });
        return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
    }
}

/** What {@link populateOrg} made, for assertions. */
export interface PopulatedOrg {
    instances: number[];
    mentors: string[];
    skills: number[];
    gatewayTokens: Record<string, string>;
    assetBytes: Buffer;
    /** The platform's device key (PEM) both instances were registered with. */
    devicePrivateKeyPem: string;
}

/**
 * Resolves once no config push of `org` on the emulator is pending any more (or after ~5 s):
 * the guide does not wait for its pushes, a test that reads the org afterwards must.
 *
 * @example
 * ```ts
 * await populateOrg(new GuideCurl(emu.url, ORG, TOKEN), () => pushesSettled(emu, ORG));
 * ```
 */
export async function pushesSettled(emu: Emulator, org: string): Promise<void> {
    for (let i = 0; i < 200 && JSON.stringify(emu.store.list(org, "claw/mentor-configs")).includes('"pending"'); i++) await new Promise((r) => setTimeout(r, 25));
}

/**
 * Two instances; a model provider on the first, pushed; three skills (a script each, one
 * with a reference and a binary asset); three mentors bound to the first instance and one
 * to the second, each with an agent config (files, model, config), two skills assigned and
 * its config pushed.
 */
export async function populateOrg(curl: GuideCurl, waitForPushes: () => Promise<void>): Promise<PopulatedOrg> {
    const devKey = crypto.generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    const gatewayTokens: Record<string, string> = {};
    const instances: number[] = [];
    for (const name of ["Prod EU", "Staging"]) {
        gatewayTokens[name] = `gw-${crypto.randomBytes(12).toString("hex")}`;
        const inst = await curl.call("POST", "claw/instances/", {
            name,
            server_url: `https://${name.toLowerCase().replace(/ /g, "-")}.claw.example.test`,
            gateway_token: gatewayTokens[name],
            connection_params: { device_identity: { private_key_pem: devKey } },
        });
        instances.push(Number(inst.id));
    }
    const [prod, staging] = instances as [number, number];
    await curl.call("POST", "claw/model-providers/", {
        server: prod,
        name: "openrouter",
        base_url: "https://openrouter.ai/api/v1",
        api_type: "openai-completions",
        credential_name: "openrouter-key",
        model_catalog: [{ id: "anthropic/claude-sonnet-4-6", name: "Claude Sonnet 4.6" }],
        enabled: true,
    });
    await curl.call("POST", `claw/instances/${prod}/push-providers/`);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "guide-asset-"));
    const assetBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...crypto.randomBytes(64)]);
    fs.writeFileSync(path.join(dir, "logo.png"), assetBytes);
    const skills: number[] = [];
    for (const [slug, name] of [["weather", "Weather"], ["web-search", "Web search"], ["notes", "Notes"]] as const) {
        const skill = await curl.call("POST", "agent-skills/", {
            name,
            slug,
            description: `${name}, as the guide makes it`,
            version: "1.0.0",
            instruction: `# ${name}\nRun scripts/run.sh with the user's question.\n`,
            metadata: { openclaw: { requires: { bins: ["curl"] } } },
            enabled: true,
        });
        skills.push(Number(skill.id));
        await curl.call("POST", "agent-skill-resources/", { skill: skill.id, file_type: "script", filename: "run.sh", content: `#!/bin/sh\necho ${slug} "$@"\n` });
        if (slug === "weather") {
            await curl.call("POST", "agent-skill-resources/", { skill: skill.id, file_type: "reference", filename: "cities.md", content: "# Cities\n- Lisbon\n- Oslo\n" });
            await curl.call("POST", "agent-skill-resources/", undefined, { skill: String(skill.id), file_type: "asset", filename: "logo.png", file: `@${path.join(dir, "logo.png")};type=image/png` });
        }
    }
    fs.rmSync(dir, { recursive: true, force: true });

    const people = [
        ["Ada", "A patient maths tutor.", prod, [0, 1]],
        ["Grace", "A compiler expert.", prod, [1, 2]],
        ["Linus", "Reviews patches.", prod, [0, 2]],
        ["Hedy", "Radio and spread spectrum.", staging, [0, 1]],
    ] as const;
    const mentors: string[] = [];
    for (const [name, about, server, held] of people) {
        const mentor = crypto.randomUUID();
        mentors.push(mentor);
        const binding = await curl.call("POST", "claw/mentor-configs/", { mentor, server, enabled: true });
        // Binding made the mentor's agent config; the guide finds it and fills it in.
        const configs = (await curl.call("GET", "agent-configs/?limit=1000")).results as Array<Record<string, unknown>>;
        const cfg = configs.find((c) => c.mentor === mentor) as Record<string, unknown>;
        await curl.call("PATCH", `agent-configs/${cfg.id}/`, {
            identity: `# ${name}\n${about}\n`,
            soul: `Be kind, ${name}.`,
            model: "anthropic/claude-sonnet-4-6",
            config: { heartbeat: { every: "30m" }, session: { dmScope: "per-channel-peer" } },
        });
        for (const i of held) await curl.call("POST", "mentor-skill-assignments/", { mentor, skill: skills[i], enabled: true });
        await curl.call("POST", `claw/mentor-configs/${binding.id}/push-config/`);
    }
    await waitForPushes();
    return { instances, mentors, skills, gatewayTokens, assetBytes, devicePrivateKeyPem: devKey };
}
