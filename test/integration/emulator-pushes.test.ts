/**
 * Async pushes: outcomes by cause (device identity, pairing, credentials), the baseline
 * check's warnings, and exactly what each push delivered to the server.
 */
import * as crypto from "node:crypto";
import { startGateway } from "../../emulator";
import { ed25519Pem, instanceBody, MENTOR, MENTOR_2, ORG, useApi } from "./emulator-http";

describe("emulator pushes", () => {
    const api = useApi();
    beforeEach(async () => {
        await api().admin("POST", "reset");
        api().emu.settings.requireDeviceApproval = false;
    });

    const device = () => ({ connection_params: { device_identity: { private_key_pem: ed25519Pem() } } });
    const push = async (bindingId: number) => {
        expect((await api().post(`claw/mentor-configs/${bindingId}/push-config/`)).status).toBe(202);
        return api().settle(`claw/mentor-configs/${bindingId}/`, "last_config_push_status");
    };

    it("delivers the workspace texts (newest layout without a claw_version), the config patch with model and enabled skills, and the skills' folders", async () => {
        const inst = await api().create("claw/instances/", instanceBody(device()));
        const b = await api().create("claw/mentor-configs/", {
            mentor: MENTOR,
            server: inst.id,
            agent_config: {
                identity: "# Ada",
                soul: "Curious.",
                user_context: "Students",
                tools: "curl",
                agents: "",
                bootstrap: "Say hello.",
                heartbeat: "Check mail.",
                memory: "Nothing yet.",
                model: "anthropic/claude-sonnet-4-6",
                config: { "agents.defaults": { heartbeat: { every: "30m" }, model: { fallbacks: ["openai/gpt-5"] } }, skills: { entries: { legacy: { enabled: false } } } },
            },
        });
        const web = await api().create("agent-skills/", { name: "Web", slug: "web", description: "Fetch", instruction: "Use curl.", metadata: { openclaw: { requires: { bins: ["curl"] } } } });
        const off = await api().create("agent-skills/", { name: "Off", slug: "off", enabled: false });
        const mail = await api().create("agent-skills/", { name: "Mail", slug: "mail" });
        await api().create("agent-skill-resources/", { skill: web.id, file_type: "script", filename: "fetch.sh", content: "curl $1" });
        const form = new FormData();
        form.set("skill", String(web.id));
        form.set("file_type", "asset");
        form.set("filename", "logo.png");
        form.set("file", new Blob([Buffer.from("PNG!")], { type: "image/png" }), "logo.png");
        expect((await api().post("agent-skill-resources/", undefined, { raw: form })).status).toBe(201);
        await api().create("mentor-skill-assignments/", { mentor: MENTOR, skill: web.id });
        await api().create("mentor-skill-assignments/", { mentor: MENTOR, skill: off.id }); // skill disabled
        await api().create("mentor-skill-assignments/", { mentor: MENTOR, skill: mail.id, enabled: false }); // assignment disabled
        await api().create("mentor-skill-assignments/", { mentor: MENTOR_2, skill: mail.id }); // another mentor

        expect((await push(b.id)).last_config_push_status).toBe("success");
        const [d] = (await api().admin("GET", `orgs/${ORG}/deliveries`)).body.results;
        expect(d).toMatchObject({ kind: "config", instance: inst.id, binding: b.id, mentor: MENTOR, server_url: "https://claw.example.com" });
        // OpenClaw 2026.9's layout (openclaw/workspace.ts): tools in AGENTS.md's `## Tools`, heartbeat in the monitor scratch.
        expect(d).toMatchObject({ openclaw_version: null, layout: "2026.9", heartbeat_scratch: "Check mail." });
        expect(d.files).toEqual({
            "IDENTITY.md": "# Ada",
            "SOUL.md": "Curious.",
            "USER.md": "Students",
            "AGENTS.md": "## Tools\n\ncurl\n",
            "BOOTSTRAP.md": "Say hello.",
            "MEMORY.md": "Nothing yet.",
        });
        // Placed per mentor (emulator/placement.ts): the model and skills on the mentor's own agent;
        // agents.defaults stays server-wide as written.
        expect(d.agent_id).toBe(`mentor-${MENTOR}`);
        expect(d.config_patch).toEqual({
            agents: {
                defaults: { heartbeat: { every: "30m" }, model: { fallbacks: ["openai/gpt-5"] } },
                ownership: "explicit",
                entries: { [`mentor-${MENTOR}`]: { model: { primary: "anthropic/claude-sonnet-4-6" }, skills: ["web"] } },
            },
            skills: { entries: { legacy: { enabled: false }, web: { enabled: true } } },
        });
        expect(d.replace_paths).toEqual([`agents.entries.mentor-${MENTOR}.skills`]);
        expect(d.skills).toEqual([
            {
                slug: "web",
                files: {
                    "SKILL.md": '---\nname: "web"\ndescription: "Fetch"\nmetadata: {"openclaw":{"requires":{"bins":["curl"]}}}\n---\nUse curl.',
                    "scripts/fetch.sh": "curl $1",
                    "assets/logo.png": { bytes: 4, sha256: crypto.createHash("sha256").update("PNG!").digest("hex"), content_type: "image/png" },
                },
                sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
            },
        ]);
        expect(api().emu.deliveries(ORG)).toEqual([d]);
    });

    it("follows the instance's claw_version: older servers get TOOLS.md and HEARTBEAT.md, newer ones the newest layout with a note", async () => {
        const gw = await startGateway({ version: "2026.3.1" });
        try {
            const inst = await api().create("claw/instances/", instanceBody({ ...device(), server_url: gw.url }));
            const b = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: inst.id, agent_config: { agents: "# Team\n", tools: "curl", heartbeat: "Check mail." } });
            const delivered = async (version: string) => {
                gw.setVersion(version);
                expect((await api().post(`claw/instances/${inst.id}/refresh-version/`)).body).toEqual({ claw_version: version });
                expect((await push(b.id)).last_config_push_status).toBe("success");
                return api().emu.deliveries(ORG).filter((x) => x.binding === b.id).pop() as Record<string, unknown>;
            };
            expect(await delivered("2026.3.1")).toMatchObject({ openclaw_version: "2026.3.1", layout: "before 2026.9", files: { "AGENTS.md": "# Team\n", "TOOLS.md": "curl", "HEARTBEAT.md": "Check mail." } });
            const newer = await delivered("2027.1.0");
            expect(newer).toMatchObject({ layout: "2026.9", files: { "AGENTS.md": "# Team\n\n## Tools\n\ncurl\n" }, heartbeat_scratch: "Check mail." });
            expect(newer.layout_note).toBe("OpenClaw 2027.1.0 is newer than any workspace layout we know (checked through 2026.9.6); using the newest one (2026.9)");

            // Over the scratch's cap: refused with the field and the cap, nothing delivered.
            await api().patch(`agent-configs/${b.agent_config.id}/`, { heartbeat: "x".repeat(256 * 1024 + 1) });
            expect((await push(b.id)).last_config_push_status).toBe(
                "failed: workspace refused: heartbeat: 262145 bytes, over the 256 KiB cap of the heartbeat job's monitor scratch in OpenClaw 2026.9; shorten it",
            );
            expect(api().emu.deliveries(ORG).filter((x) => x.binding === b.id)).toHaveLength(2);
        } finally {
            await gw.close();
        }
    });

    it("fills last_push_warnings from the baseline check, and empties them when the config is clean", async () => {
        const inst = await api().create("claw/instances/", instanceBody(device()));
        const b = await api().create("claw/mentor-configs/", {
            mentor: MENTOR,
            server: inst.id,
            agent_config: { config: { "tools.exec": { security: "full", ask: "off" }, gateway: { bind: "lan" }, channels: { telegram: { dmPolicy: "open" } } } },
        });
        const warned = await push(b.id);
        expect(warned.last_config_push_status).toBe("success");
        expect(warned.last_push_warnings).toEqual([
            'tools.exec.security is "full": the agent may run any command, without an allowlist',
            'tools.exec.ask is "off": commands run without asking for approval',
            'gateway.bind is "lan": the gateway listens beyond loopback',
            'channels.telegram.dmPolicy is "open": anyone can message the agent',
        ]);
        await api().patch(`agent-configs/${warned.agent_config.id}/`, { config: { gateway: { bind: "loopback" } } });
        expect((await push(b.id)).last_push_warnings).toEqual([]);
    });

    it("fails an OpenClaw push without a device identity, or with a key that is not Ed25519; IronClaw needs none", async () => {
        const none = await api().create("claw/instances/", instanceBody());
        const b1 = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: none.id });
        const r1 = await push(b1.id);
        expect(r1.last_config_push_status).toBe("failed: missing scope: operator.read");
        expect(r1.last_config_push).not.toBeNull();
        const rsa = crypto.generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
        const bad = await api().create("claw/instances/", instanceBody({ connection_params: { device_identity: { private_key_pem: rsa } } }));
        const b2 = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: bad.id });
        expect((await push(b2.id)).last_config_push_status).toMatch(/^failed: invalid device identity: .*rsa key, expected Ed25519/);
        const iron = await api().create("claw/instances/", instanceBody({ claw_type: "ironclaw" }));
        const b3 = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: iron.id });
        expect((await push(b3.id)).last_config_push_status).toBe("success");
        // Only the successful push delivered anything.
        expect(api().emu.deliveries(ORG).map((d) => d.binding)).toEqual([b3.id]);
    });

    it("with approval required: PAIRING_REQUIRED until approved, NOT_PAIRED after the pairing is dropped, a new key pairs anew", async () => {
        api().emu.settings.requireDeviceApproval = true;
        const inst = await api().create("claw/instances/", instanceBody(device()));
        const b = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: inst.id });
        const first = await push(b.id);
        expect(first.last_config_push_status).toMatch(/^failed: PAIRING_REQUIRED: .*openclaw devices approve [0-9a-f-]{36}/);
        // Still pending on retry, with the same request id.
        expect((await push(b.id)).last_config_push_status).toBe(first.last_config_push_status);
        // Approving without a request id approves the instance's current key.
        expect((await api().admin("POST", `orgs/${ORG}/instances/${inst.id}/approve-device`)).body.status).toBe("approved");
        expect((await push(b.id)).last_config_push_status).toBe("success");
        expect((await api().admin("POST", `orgs/${ORG}/instances/${inst.id}/revoke-device`)).body).toEqual({ revoked: 1 });
        const dropped = await push(b.id);
        expect(dropped.last_config_push_status).toMatch(/^failed: NOT_PAIRED: /);
        await api().emu.approveDevice(ORG, inst.id);
        expect((await push(b.id)).last_config_push_status).toBe("success");
        await api().patch(`claw/instances/${inst.id}/`, device()); // a new key is a new device
        expect((await push(b.id)).last_config_push_status).toMatch(/PAIRING_REQUIRED/);
        const devices = (await api().admin("GET", `orgs/${ORG}/devices?instance=${inst.id}`)).body;
        expect(devices.results.map((d: { status: string }) => d.status)).toEqual(["approved", "pending"]);
    });

    it("pairs new devices automatically by default (no approval needed)", async () => {
        const inst = await api().create("claw/instances/", instanceBody(device()));
        const b = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: inst.id });
        expect((await push(b.id)).last_config_push_status).toBe("success");
        expect((await api().admin("GET", `orgs/${ORG}/devices`)).body.results[0].status).toBe("approved");
    });

    it("refuses to push a disabled binding", async () => {
        const inst = await api().create("claw/instances/", instanceBody(device()));
        const b = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: inst.id, enabled: false });
        const r = await api().post(`claw/mentor-configs/${b.id}/push-config/`);
        expect(r.status).toBe(400);
        expect(r.body.detail).toMatch(/disabled/);
    });

    it("push-providers pushes every enabled provider of the instance and reports each one's outcome", async () => {
        const inst = await api().create("claw/instances/", instanceBody(device()));
        const other = await api().create("claw/instances/", instanceBody(device()));
        const base = { base_url: "https://openrouter.ai/api/v1", api_type: "openai-completions" };
        const good = await api().create("claw/model-providers/", { ...base, server: inst.id, name: "openrouter", credential_name: "or-key", credential_key: "api_key", model_catalog: [{ id: "m1", name: "M1" }], models_mode: "replace" });
        const missing = await api().create("claw/model-providers/", { ...base, server: inst.id, name: "ghost", credential_name: "no-such-key" });
        const off = await api().create("claw/model-providers/", { ...base, server: inst.id, name: "off", credential_name: "or-key", enabled: false });
        const elsewhere = await api().create("claw/model-providers/", { ...base, server: other.id, name: "openrouter", credential_name: "or-key" });
        await api().admin("PUT", `orgs/${ORG}/credentials`, { names: ["or-key"] });
        expect((await api().get(`claw/model-providers/${missing.id}/`)).body.credential_resolved).toBe(false);

        // Held pending for a second, so that reading "pending" does not race the short push delay on a busy box.
        api().emu.setFaults([{ kind: "slow-push", ms: 1000, times: 1 }]);
        expect((await api().post(`claw/instances/${inst.id}/push-providers/`)).status).toBe(202);
        api().emu.clearFaults();
        expect((await api().get(`claw/model-providers/${good.id}/`)).body.last_provider_push_status).toBe("pending");
        const g = await api().settle(`claw/model-providers/${good.id}/`, "last_provider_push_status");
        expect(g.last_provider_push_status).toBe("success");
        expect(g.last_provider_push).not.toBeNull();
        const m = await api().settle(`claw/model-providers/${missing.id}/`, "last_provider_push_status");
        expect(m.last_provider_push_status).toBe('failed: credential "no-such-key" not found on the platform');
        expect((await api().get(`claw/model-providers/${off.id}/`)).body.last_provider_push_status).toBeNull();
        expect((await api().get(`claw/model-providers/${elsewhere.id}/`)).body.last_provider_push_status).toBeNull();
        const [d] = (await api().admin("GET", `orgs/${ORG}/deliveries?kind=providers`)).body.results;
        expect(d.providers).toEqual([good.id]);
        expect(d.config_patch).toEqual({
            models: { mode: "replace", providers: { openrouter: { baseUrl: base.base_url, api: base.api_type, apiKey: "credential:or-key#api_key", models: [{ id: "m1", name: "M1" }] } } },
        });
        expect(JSON.stringify(d)).not.toContain("ghost");
    });

    it("fails a provider push for the same device causes as a config push", async () => {
        const inst = await api().create("claw/instances/", instanceBody());
        const p = await api().create("claw/model-providers/", { server: inst.id, name: "a", base_url: "https://a.example", api_type: "x", credential_name: "k" });
        await api().post(`claw/instances/${inst.id}/push-providers/`);
        expect((await api().settle(`claw/model-providers/${p.id}/`, "last_provider_push_status")).last_provider_push_status).toBe("failed: missing scope: operator.read");
    });

    it("survives a binding deleted while its push is pending", async () => {
        const inst = await api().create("claw/instances/", instanceBody(device()));
        const b = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: inst.id });
        api().emu.setFaults([{ kind: "slow-push", ms: 150 }]);
        try {
            await api().post(`claw/mentor-configs/${b.id}/push-config/`);
            expect((await api().del(`claw/mentor-configs/${b.id}/`)).status).toBe(204);
            await new Promise((r) => setTimeout(r, 250));
            expect((await api().get("claw/mentor-configs/")).body.count).toBe(0);
            expect(api().emu.deliveries(ORG)).toEqual([]);
        } finally {
            api().emu.clearFaults();
        }
    });

    it("lists deliveries by filter and clears them", async () => {
        const inst = await api().create("claw/instances/", instanceBody(device()));
        const b1 = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: inst.id });
        const b2 = await api().create("claw/mentor-configs/", { mentor: MENTOR_2, server: inst.id });
        await push(b1.id);
        await push(b2.id);
        await push(b2.id);
        expect((await api().admin("GET", `orgs/${ORG}/deliveries`)).body.count).toBe(3);
        expect((await api().admin("GET", `orgs/${ORG}/deliveries?binding=${b2.id}`)).body.count).toBe(2);
        expect((await api().admin("GET", `orgs/${ORG}/deliveries?mentor=${MENTOR}`)).body.count).toBe(1);
        expect((await api().admin("DELETE", `orgs/${ORG}/deliveries`)).status).toBe(204);
        expect((await api().admin("GET", `orgs/${ORG}/deliveries`)).body.count).toBe(0);
        // Deliveries are the emulator's bookkeeping: not in the API counts.
        expect(Object.keys((await api().admin("GET", "counts")).body[ORG])).not.toContain("_deliveries");
    });
});
