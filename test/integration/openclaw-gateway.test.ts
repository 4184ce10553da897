/**
 * The emulator delivering for real: one real OpenClaw gateway (npm `openclaw`, installed by
 * scripts/setup.sh) for this file, the emulator in `deliver: "auto"` mode. Pushes go over
 * the gateway's WebSocket protocol, and what they wrote is read back from the gateway.
 *
 * The instances send `X-Forwarded-For` (their proxy `auth_headers`) so the gateway, which
 * trusts 127.0.0.1 as its reverse proxy, sees the platform as the remote client it is in
 * production: devices need approval and a device-less connection gets no scopes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { startGateway, type Gateway } from "../../emulator";
import { agentIdOf } from "../../emulator/placement";
import { REMOTE_CLIENT_HEADERS, useOpenClaw } from "../helpers/openclaw";
import { ed25519Pem, instanceBody, MENTOR, MENTOR_2, ORG, useApi } from "./emulator-http";

jest.setTimeout(180_000);

const MENTOR_3 = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";
const OPENCLAW_VERSION = /^OPENCLAW_VERSION=(\S+)/m.exec(fs.readFileSync(path.join(__dirname, "../../scripts/toolchain.env"), "utf8"))?.[1];

describe("pushes on a real OpenClaw gateway", () => {
    const oc = useOpenClaw();
    const api = useApi({ deliver: "auto", pushDelayMs: 10, probeTimeoutMs: 5000, gatewayTimeoutMs: 60_000 });
    let standin: Gateway;
    beforeAll(async () => {
        standin = await startGateway();
    });
    afterAll(async () => {
        await standin?.close();
    });

    const realInstance = (over: Record<string, unknown> = {}) =>
        api().create("claw/instances/", instanceBody({ server_url: oc().url, gateway_token: oc().token, auth_headers: { ...REMOTE_CLIENT_HEADERS }, ...over }));
    const push = async (bindingId: number) => {
        expect((await api().post(`claw/mentor-configs/${bindingId}/push-config/`)).status).toBe(202);
        return api().settle(`claw/mentor-configs/${bindingId}/`, "last_config_push_status", 120_000);
    };
    const agents = (): Record<string, any> => (oc().configFile().agents as { entries?: Record<string, any> } | undefined)?.entries ?? {};

    let paired: { id: number; pem: string } | undefined;

    it("answers test-connectivity, health-check and refresh-version with the gateway's own facts", async () => {
        const inst = await realInstance();
        const conn = await api().post(`claw/instances/${inst.id}/test-connectivity/`);
        expect(conn.body).toMatchObject({ all_passed: true });
        expect(conn.body.checks[0].detail).toContain(`127.0.0.1:${oc().port}`);
        expect(conn.body.checks[0].detail).toContain("plain http: no TLS");
        expect((await api().post(`claw/instances/${inst.id}/health-check/`)).body).toMatchObject({ healthy: true, last_health_status: "healthy" });
        const v = await api().post(`claw/instances/${inst.id}/refresh-version/`);
        expect(v.body).toEqual({ claw_version: OPENCLAW_VERSION });
        expect((await api().get(`claw/instances/${inst.id}/`)).body.claw_version).toBe(OPENCLAW_VERSION);
    });

    it("fails a push without a device identity with the gateway's missing scope", async () => {
        const inst = await realInstance();
        const b = await api().create("claw/mentor-configs/", { mentor: MENTOR_3, server: inst.id, agent_config: { identity: "# Nobody" } });
        const done = await push(b.id);
        expect(done.last_config_push_status).toMatch(/^failed: missing scope: operator\.read \(config\.get: .*without a device identity\)$/);
        expect(agents()[agentIdOf(MENTOR_3)]).toBeUndefined();
    });

    it("waits for pairing, and after `openclaw devices approve` delivers files and config", async () => {
        const pem = ed25519Pem();
        const inst = await realInstance({ connection_params: { device_identity: { private_key_pem: pem } } });
        paired = { id: inst.id, pem };
        const b = await api().create("claw/mentor-configs/", {
            mentor: MENTOR,
            server: inst.id,
            agent_config: {
                identity: "# Ada\nA patient maths tutor.",
                soul: "Curious, kind, exact.",
                memory: "Nothing yet.",
                model: "anthropic/claude-sonnet-4-6",
                config: { heartbeat: { every: "30m" }, "session.dmScope": "per-channel-peer" },
            },
        });
        const first = await push(b.id);
        const m = /^failed: PAIRING_REQUIRED: .* requestId ([0-9a-f-]{36})\); on the server run `openclaw devices list`, then `openclaw devices approve \1`$/.exec(first.last_config_push_status);
        expect(m).not.toBeNull();
        const requestId = (m as RegExpExecArray)[1] as string;
        expect((await oc().devices()).pending.map((d) => d.requestId)).toContain(requestId);

        await oc().approve(requestId);
        const second = await push(b.id);
        expect(second.last_config_push_status).toBe("success");

        const id = agentIdOf(MENTOR);
        const cfg = oc().configFile();
        expect(agents()[id]).toEqual({ model: { primary: "anthropic/claude-sonnet-4-6" }, heartbeat: { every: "30m" }, skills: [] });
        expect(cfg.session).toEqual({ dmScope: "per-channel-peer" });
        expect(await oc().agentFile(id, "IDENTITY.md")).toBe("# Ada\nA patient maths tutor.");
        expect(await oc().agentFile(id, "SOUL.md")).toBe("Curious, kind, exact.");
        expect(await oc().agentFile(id, "MEMORY.md")).toBe("Nothing yet.");
        const [d] = api().emu.deliveries(ORG).filter((x) => x.binding === b.id);
        expect(d).toMatchObject({ delivery: "real", agent_id: id, gateway: { gateway_version: OPENCLAW_VERSION } });
    });

    it("fails a config the gateway refuses with its message and field path, and succeeds after the fix", async () => {
        if (!paired) throw new Error("needs the paired instance of the test before");
        const b = await api().create("claw/mentor-configs/", {
            mentor: MENTOR_2,
            server: paired.id,
            agent_config: { identity: "# Bo", config: { heartbeat: { every: "1h", bogusKey: true } } },
        });
        const bad = await push(b.id);
        expect(bad.last_config_push_status).toContain("failed: config.patch: invalid config: ");
        expect(bad.last_config_push_status).toContain(`agents.entries.${agentIdOf(MENTOR_2)}.heartbeat`);
        expect(bad.last_config_push_status).toContain('Unrecognized key: "bogusKey"');
        expect(bad.last_config_push_status).toContain("[in the mentor's config: heartbeat]");
        expect(agents()[agentIdOf(MENTOR_2)]).toBeUndefined();

        await api().patch(`agent-configs/${(await api().get(`claw/mentor-configs/${b.id}/`)).body.agent_config.id}/`, { config: { heartbeat: { every: "1h" } } });
        expect((await push(b.id)).last_config_push_status).toBe("success");
        expect(agents()[agentIdOf(MENTOR_2)]).toEqual({ heartbeat: { every: "1h" }, skills: [] });
    });

    it("fails a heartbeat text for an agent without a heartbeat job (2026.9 keeps it in the job's monitor scratch), saying what to set", async () => {
        if (!paired) throw new Error("needs the paired instance");
        const b = await api().create("claw/mentor-configs/", { mentor: MENTOR_3, server: paired.id, agent_config: { identity: "# Cy", heartbeat: "Check mail." } });
        const done = await push(b.id);
        expect(done.last_config_push_status).toBe(
            `failed: heartbeat: the agent ${agentIdOf(MENTOR_3)} has no heartbeat job on the server, whose monitor scratch holds the heartbeat text in OpenClaw 2026.9; ` +
                'give the agent config a heartbeat schedule (config `heartbeat.every`, e.g. "30m")',
        );
        expect(await oc().agentFile(agentIdOf(MENTOR_3), "IDENTITY.md")).toBe("# Cy");
    });

    it("keeps several mentors apart on one server: an edit of one leaves the others byte-identical", async () => {
        if (!paired) throw new Error("needs the paired instance");
        const bindings = (await api().get(`claw/mentor-configs/?limit=100`)).body.results.filter((x: any) => x.server === paired?.id);
        const byMentor = new Map<string, any>(bindings.map((x: any) => [x.mentor, x]));
        const cy = byMentor.get(MENTOR_3);
        await api().patch(`agent-configs/${cy.agent_config.id}/`, { heartbeat: "", model: "openai/gpt-5", config: { tools: { profile: "minimal" } } });
        expect((await push(cy.id)).last_config_push_status).toBe("success");

        const ids = [MENTOR, MENTOR_2, MENTOR_3].map(agentIdOf);
        const snapshot = async () => {
            const entries = agents();
            const files: Record<string, string | undefined> = {};
            for (const id of ids) for (const f of ["IDENTITY.md", "SOUL.md", "MEMORY.md"]) files[`${id}/${f}`] = await oc().agentFile(id, f);
            return { entries: Object.fromEntries(ids.map((id) => [id, JSON.stringify(entries[id])])), files };
        };
        const before = await snapshot();
        expect(JSON.parse(before.entries[ids[0] as string] as string).model).toEqual({ primary: "anthropic/claude-sonnet-4-6" });
        expect(JSON.parse(before.entries[ids[2] as string] as string)).toEqual({ model: { primary: "openai/gpt-5" }, tools: { profile: "minimal" }, skills: [] });
        expect(before.files[`${ids[0]}/IDENTITY.md`]).toBe("# Ada\nA patient maths tutor.");
        expect(before.files[`${ids[1]}/IDENTITY.md`]).toBe("# Bo");

        // Edit Bo only, and push him twice; Ada and Cy stay exactly as they were.
        const bo = byMentor.get(MENTOR_2);
        await api().patch(`agent-configs/${bo.agent_config.id}/`, { identity: "# Bo v2", model: "openai/gpt-5-mini" });
        expect((await push(bo.id)).last_config_push_status).toBe("success");
        expect((await push(bo.id)).last_config_push_status).toBe("success");
        const after = await snapshot();
        expect(after.entries[ids[0] as string]).toBe(before.entries[ids[0] as string]);
        expect(after.entries[ids[2] as string]).toBe(before.entries[ids[2] as string]);
        for (const id of [ids[0], ids[2]]) for (const f of ["IDENTITY.md", "SOUL.md", "MEMORY.md"]) expect(after.files[`${id}/${f}`]).toBe(before.files[`${id}/${f}`]);
        expect(after.files[`${ids[1]}/IDENTITY.md`]).toBe("# Bo v2");

        // Pushes of several mentors at once are delivered one after another (each patch needs the latest base hash).
        const ada = byMentor.get(MENTOR);
        await Promise.all([ada, cy, bo].map((x) => api().post(`claw/mentor-configs/${x.id}/push-config/`)));
        for (const x of [ada, cy, bo]) expect((await api().settle(`claw/mentor-configs/${x.id}/`, "last_config_push_status", 120_000)).last_config_push_status).toBe("success");
        const final = await snapshot();
        expect(final.entries).toEqual(after.entries);
        expect(JSON.parse(after.entries[ids[1] as string] as string)).toEqual({ heartbeat: { every: "1h" }, model: { primary: "openai/gpt-5-mini" }, skills: [] });
    });

    it("refuses a mentor config that would write agents.list or another mentor's agent, before contacting the server", async () => {
        if (!paired) throw new Error("needs the paired instance");
        const other = agentIdOf(MENTOR);
        const before = JSON.stringify(agents()[other]);
        const b = await api().create("claw/mentor-configs/", {
            mentor: "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
            server: paired.id,
            agent_config: { config: { agents: { list: [{ id: "x" }], entries: { [other]: { model: { primary: "evil/model" } } } } } },
        });
        const done = await push(b.id);
        expect(done.last_config_push_status).toContain("failed: config refused: agents.list: ");
        expect(done.last_config_push_status).toContain(`agents.entries.${other}: a mentor's config may only configure its own agent`);
        expect(JSON.stringify(agents()[other])).toBe(before);
    });

    it("pushes providers as the gateway's models config, and delivers stand-in instances on the stand-in", async () => {
        if (!paired) throw new Error("needs the paired instance");
        const p = await api().create("claw/model-providers/", {
            server: paired.id,
            name: "openrouter",
            base_url: "https://openrouter.ai/api/v1",
            api_type: "openai-completions",
            credential_name: "openrouter",
            model_catalog: [{ id: "anthropic/claude-sonnet-4-6", name: "Claude Sonnet 4.6" }],
        });
        expect((await api().post(`claw/instances/${paired.id}/push-providers/`)).status).toBe(202);
        expect((await api().settle(`claw/model-providers/${p.id}/`, "last_provider_push_status", 120_000)).last_provider_push_status).toBe("success");
        const models = oc().configFile().models as any;
        expect(models.providers.openrouter).toMatchObject({ baseUrl: "https://openrouter.ai/api/v1", api: "openai-completions", models: [{ id: "anthropic/claude-sonnet-4-6", name: "Claude Sonnet 4.6" }] });

        // `auto` sees that the stand-in does not speak the protocol: modelled delivery.
        const s = await api().create("claw/instances/", instanceBody({ server_url: standin.url, connection_params: { device_identity: { private_key_pem: ed25519Pem() } } }));
        const sb = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: s.id, agent_config: {} });
        expect((await push(sb.id)).last_config_push_status).toBe("success");
        expect(api().emu.deliveries(ORG).find((d) => d.binding === sb.id)).toMatchObject({ delivery: "standin", agent_id: agentIdOf(MENTOR) });

        // An instance may choose for itself: this one points at the real gateway but asks for the stand-in.
        const own = await realInstance({ connection_params: { device_identity: { private_key_pem: ed25519Pem() }, emulator_delivery: "standin" } });
        const ob = await api().create("claw/mentor-configs/", { mentor: MENTOR_2, server: own.id, agent_config: { identity: "# never on the gateway" } });
        expect((await push(ob.id)).last_config_push_status).toBe("success");
        expect(api().emu.deliveries(ORG).find((d) => d.binding === ob.id)).toMatchObject({ delivery: "standin" });
        expect(await oc().agentFile(agentIdOf(MENTOR_2), "IDENTITY.md")).toBe("# Bo v2");
    });
});
