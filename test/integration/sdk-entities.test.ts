import {
    AuthenticationError,
    type ClawClient,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    ValidationError,
} from "../../sdk";
import { type Gateway, startGateway } from "../../emulator";
import { ORG, TOKEN, useEmulator } from "../helpers/emulator";
import { countOf, mentorId, requestsFor, uniq } from "./sdk-helpers";

// Every call of every entity through the sdk against a real emulator.
describe("sdk against the emulator: every entity and action", () => {
    const env = useEmulator({ orgs: { [ORG]: TOKEN, other: "other-org-token-31337" } });
    let client: ClawClient;
    beforeAll(() => {
        client = env.client({ retry: { baseDelayMs: 5, maxDelayMs: 50 } });
    });

    const newInstance = (extra: object = {}) =>
        client.instances.create({ name: uniq("inst"), server_url: `https://${uniq("claw")}.example.com`, gateway_token: "gw-tok-integration-1", ...extra });

    it("instances: create, get, list with filters, one page, find, update, replace, delete", async () => {
        const a = await newInstance({ claw_type: "openclaw", auth_headers: { "X-Proxy": "proxy-tok-1" } });
        expect(a).toMatchObject({ claw_type: "openclaw", provision_mode: "self_hosted", platform_key: ORG });
        expect(a).not.toHaveProperty("gateway_token");
        expect(a).not.toHaveProperty("auth_headers");
        expect(await client.instances.get(a.id)).toMatchObject({ id: a.id, name: a.name });
        expect(await client.instances.get(String(a.id))).toMatchObject({ id: a.id });

        const active = await client.instances.listAll({ status: "active" });
        expect(active.map((i) => i.id)).toContain(a.id);
        expect((await client.instances.listAll({ status: "error" })).map((i) => i.id)).not.toContain(a.id);
        expect((await client.instances.listAll({ search: a.name })).map((i) => i.id)).toEqual([a.id]);
        const first = await client.instances.listPage({ limit: 1 });
        expect(first.results).toHaveLength(1);
        expect(first.count).toBeGreaterThanOrEqual(1);
        expect(await client.instances.findOne({ name: a.name, server_url: a.server_url })).toMatchObject({ id: a.id });

        const u = await client.instances.update(a.id, { name: `${a.name}-eu` });
        expect(u.name).toBe(`${a.name}-eu`);
        const r = await client.instances.replace(a.id, { name: `${a.name}-r`, server_url: a.server_url, gateway_token: "gw-tok-integration-2" });
        expect(r).toMatchObject({ id: a.id, name: `${a.name}-r` });

        await client.instances.delete(a.id);
        await expect(client.instances.get(a.id)).rejects.toBeInstanceOf(NotFoundError);
        await expect(client.instances.delete(a.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("instances: test-connectivity, health-check, refresh-version and security-audit", async () => {
        // The emulator probes the server for real: point the instance at a gateway stand-in.
        let gw: Gateway | undefined;
        try {
            gw = await startGateway({ version: "2026.4.2" });
            const a = await newInstance({ server_url: gw.url, claw_type: "openclaw" });
            const report = await client.instances.testConnectivity(a.id);
            expect(report.all_passed).toBe(true);
            expect(report.checks.map((c) => c.name)).toEqual(expect.arrayContaining(["tls_reachable", "health_check"]));
            const health = await client.instances.healthCheck(a.id);
            expect(health.last_health_status).toBeTruthy();
            expect((await client.instances.get(a.id)).last_health_check).toBeTruthy();
            expect(await client.instances.refreshVersion(a.id)).toMatchObject({ claw_version: "2026.4.2" });
            expect((await client.instances.get(a.id)).claw_version).toBe("2026.4.2");
            await expect(client.instances.securityAudit(a.id)).resolves.toBeInstanceOf(Object);

            gw.setHealthy(false);
            expect((await client.instances.testConnectivity(a.id)).all_passed).toBe(false);
        } finally {
            await gw?.close();
        }
        const gone = await newInstance({ server_url: "https://127.0.0.1:1" });
        await expect(client.instances.refreshVersion(gone.id)).rejects.toBeInstanceOf(ValidationError);
        await expect(client.instances.testConnectivity(999_999)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("model providers: create, get, list by server, find by name, update, replace, delete", async () => {
        const [s1, s2] = [await newInstance(), await newInstance()];
        const body = { server: s1.id, name: "openrouter", base_url: "https://openrouter.ai/api/v1", api_type: "openai-completions", credential_name: "openrouter" };
        const p = await client.modelProviders.create({ ...body, model_catalog: [{ id: "anthropic/claude-sonnet-4-6", name: "Sonnet" }], enabled: true, models_mode: "merge" });
        const q = await client.modelProviders.create({ ...body, server: s2.id });
        expect(p).toMatchObject({ server: s1.id, name: "openrouter", models_mode: "merge" });
        expect(p.model_catalog).toEqual([expect.objectContaining({ id: "anthropic/claude-sonnet-4-6" })]);
        expect(await client.modelProviders.get(p.id)).toMatchObject({ id: p.id });
        expect((await client.modelProviders.listAll({ server: s1.id })).map((x) => x.id)).toEqual([p.id]);
        expect(await client.modelProviders.findByName(s2.id, "openrouter")).toMatchObject({ id: q.id });
        expect(await client.modelProviders.update(p.id, { enabled: false })).toMatchObject({ enabled: false });
        expect(await client.modelProviders.replace(p.id, { ...body, api_type: "anthropic-messages" })).toMatchObject({ api_type: "anthropic-messages" });
        await client.modelProviders.delete(p.id);
        await expect(client.modelProviders.get(p.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("mentor bindings: create (which gives the mentor an agent config), filter, find, update, replace, delete", async () => {
        const s = await newInstance();
        const mentor = mentorId();
        const b = await client.mentorBindings.create({ mentor, server: s.id, enabled: true, auto_push: false });
        expect(b).toMatchObject({ mentor, server: s.id, enabled: true });
        expect(await client.agentConfigs.findByMentor(mentor)).toMatchObject({ mentor });
        expect(await client.mentorBindings.get(b.id)).toMatchObject({ id: b.id });
        expect(await client.mentorBindings.findFor(mentor.toUpperCase(), s.id)).toMatchObject({ id: b.id });
        expect((await client.mentorBindings.listAll({ enabled: true })).map((x) => x.id)).toContain(b.id);
        expect((await client.mentorBindings.listAll({ mentor })).map((x) => x.id)).toEqual([b.id]);
        expect(await client.mentorBindings.update(b.id, { enabled: false })).toMatchObject({ enabled: false });
        expect((await client.mentorBindings.listAll({ enabled: false })).map((x) => x.id)).toContain(b.id);
        expect(await client.mentorBindings.replace(b.id, { mentor, server: s.id, auto_push: true })).toMatchObject({ auto_push: true });
        await client.mentorBindings.delete(b.id);
        await expect(client.mentorBindings.get(b.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("agent configs: adopt the one binding created, update it, refuse blocked paths before sending, create for an unbound mentor", async () => {
        const s = await newInstance();
        const mentor = mentorId();
        await client.mentorBindings.create({ mentor, server: s.id });
        const before = await countOf(env.emu.url, "agent-configs");
        const cfg = await client.agentConfigs.upsertForMentor(mentor, {
            identity: "# Ada\nA patient tutor.",
            soul: "Curious.",
            model: "anthropic/claude-sonnet-4-6",
            config: { agents: { defaults: { heartbeat: { every: "30m" } } } },
        });
        expect(await countOf(env.emu.url, "agent-configs")).toBe(before); // adopted, not a second one
        expect(cfg).toMatchObject({ mentor, identity: "# Ada\nA patient tutor.", model: "anthropic/claude-sonnet-4-6" });
        expect(await client.agentConfigs.get(cfg.id)).toMatchObject({ soul: "Curious." });

        const patches = await requestsFor(env.emu.url, "PATCH agent-configs/{id}/");
        const refused = (await client.agentConfigs.update(cfg.id, { config: { gateway: { auth: { mode: "none" } } } }).catch((e: unknown) => e)) as ValidationError;
        expect(refused).toBeInstanceOf(ValidationError);
        expect(refused.fieldErrors?.config?.join()).toContain("gateway.auth");
        expect(await requestsFor(env.emu.url, "PATCH agent-configs/{id}/")).toBe(patches);

        const lone = mentorId();
        const made = await client.agentConfigs.create({ mentor: lone, tools: "curl", memory: "", heartbeat: "every 30m" });
        expect(made).toMatchObject({ mentor: lone, tools: "curl" });
        await expect(client.agentConfigs.create({ mentor: lone })).rejects.toBeInstanceOf(ConflictError);
        expect(await client.agentConfigs.replace(made.id, { mentor: lone, user_context: "Students." })).toMatchObject({ user_context: "Students." });
        await client.agentConfigs.delete(made.id);
        expect(await client.agentConfigs.findByMentor(lone)).toBeUndefined();
    });

    it("agent configs: finds a mentor's config by scanning many pages (the list has no mentor filter)", async () => {
        const small = env.client({ pageSize: 3 });
        const mentors = Array.from({ length: 8 }, mentorId);
        for (const m of mentors) await small.agentConfigs.create({ mentor: m });
        const gets = await requestsFor(env.emu.url, "GET agent-configs/");
        const found = await small.agentConfigs.findByMentor(mentors[7]);
        expect(found).toMatchObject({ mentor: mentors[7] });
        expect((await requestsFor(env.emu.url, "GET agent-configs/")) - gets).toBeGreaterThanOrEqual(3);
    });

    it("skills: create, duplicate slug as ConflictError, filters, find by slug, update, replace, delete", async () => {
        const slug = uniq("weather");
        const k = await client.skills.create({
            name: "Weather",
            slug,
            description: "Forecasts",
            version: "1.0.0",
            instruction: "Use `curl wttr.in/<city>`.",
            metadata: { openclaw: { requires: { bins: ["curl"] } } },
            enabled: true,
        });
        expect(k).toMatchObject({ slug, metadata: { openclaw: { requires: { bins: ["curl"] } } }, platform_key: ORG });
        const dup = (await client.skills.create({ name: "Again", slug }).catch((e: unknown) => e)) as ConflictError;
        expect(dup).toBeInstanceOf(ConflictError);
        expect(dup.message).toContain("POST agent-skills/");
        expect(dup.status).toBe(400);
        expect((await client.skills.listAll({ enabled: true })).map((x) => x.id)).toContain(k.id);
        expect((await client.skills.listAll({ search: slug })).map((x) => x.id)).toContain(k.id);
        expect(await client.skills.findBySlug(slug)).toMatchObject({ id: k.id });
        expect(await client.skills.update(k.id, { enabled: false })).toMatchObject({ enabled: false });
        expect((await client.skills.listAll({ enabled: true })).map((x) => x.id)).not.toContain(k.id);
        expect(await client.skills.replace(k.id, { name: "Weather 2", slug, version: "2.0.0" })).toMatchObject({ version: "2.0.0" });
        await client.skills.delete(k.id);
        expect(await client.skills.findBySlug(slug)).toBeUndefined();
    });

    it("skill resources: scripts and references as JSON, assets as a multipart upload, filters", async () => {
        const k = await client.skills.create({ name: "Res", slug: uniq("res") });
        const script = await client.skillResources.create({ skill: k.id, file_type: "script", filename: "fetch.sh", content: "#!/bin/sh\ncurl -s wttr.in" });
        const ref = await client.skillResources.create({ skill: k.id, file_type: "reference", filename: "api.md", content: "# API" });
        const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        const asset = await client.skillResources.uploadAsset(k.id, "logo.png", bytes, "image/png");
        expect(script).toMatchObject({ skill: k.id, file_type: "script", content: "#!/bin/sh\ncurl -s wttr.in" });
        expect(asset).toMatchObject({ skill: k.id, file_type: "asset", filename: "logo.png" });
        // The bytes arrived intact: the emulator serves an asset at its file URL.
        const served = await fetch(String(asset.file), { headers: { authorization: `Token ${TOKEN}` } });
        expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);
        expect((await client.skillResources.listAll({ skill: k.id })).map((r) => r.id).sort()).toEqual([script.id, ref.id, asset.id].sort());
        expect((await client.skillResources.listAll({ skill: k.id, file_type: "asset" })).map((r) => r.id)).toEqual([asset.id]);
        expect(await client.skillResources.update(ref.id, { content: "# API v2" })).toMatchObject({ content: "# API v2" });
        expect(await client.skillResources.update(asset.id, { file: Buffer.from("GIF89a") })).toMatchObject({ id: asset.id });
        expect(await client.skillResources.replace(script.id, { skill: k.id, file_type: "script", filename: "get.sh", content: "echo" })).toMatchObject({ filename: "get.sh" });
        expect(await client.skillResources.get(asset.id)).toMatchObject({ filename: "logo.png" });
        await client.skillResources.delete(script.id);
        await expect(client.skillResources.get(script.id)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("skill assignments: create once per mentor, filters, find, update, replace, delete", async () => {
        const [k1, k2] = [await client.skills.create({ name: "A", slug: uniq("a") }), await client.skills.create({ name: "B", slug: uniq("b") })];
        const mentor = mentorId();
        const a = await client.skillAssignments.create({ mentor, skill: k1.id, enabled: true });
        const b = await client.skillAssignments.create({ mentor, skill: k2.id, enabled: false });
        expect(a).toMatchObject({ mentor, skill: k1.id, skill_name: "A" });
        await expect(client.skillAssignments.create({ mentor, skill: k1.id })).rejects.toBeInstanceOf(ConflictError);
        expect((await client.skillAssignments.listAll({ mentor })).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
        expect((await client.skillAssignments.listAll({ mentor, enabled: true })).map((x) => x.id)).toEqual([a.id]);
        expect((await client.skillAssignments.listAll({ skill: k2.id })).map((x) => x.id)).toEqual([b.id]);
        expect(await client.skillAssignments.findFor(mentor, k2.id)).toMatchObject({ id: b.id });
        expect(await client.skillAssignments.get(a.id)).toMatchObject({ id: a.id });
        expect(await client.skillAssignments.update(b.id, { enabled: true })).toMatchObject({ enabled: true });
        expect(await client.skillAssignments.replace(b.id, { mentor, skill: k2.id, enabled: false })).toMatchObject({ enabled: false });
        await client.skillAssignments.delete(a.id);
        expect(await client.skillAssignments.findFor(mentor, k1.id)).toBeUndefined();
    });

    it("errors: the service's field messages, bad token, foreign org", async () => {
        const v = (await client.request("POST", "claw/instances/", { body: { name: "", server_url: "nope" } }).catch((e: unknown) => e)) as ValidationError;
        expect(v).toBeInstanceOf(ValidationError);
        expect(v.status).toBe(400);
        expect(Object.keys(v.fieldErrors ?? {})).toEqual(expect.arrayContaining(["name", "server_url", "gateway_token"]));
        expect(v.message).toMatch(/POST claw\/instances\/: .*HTTP 400/);

        const wrong = env.client({ token: "not-the-right-token" });
        const auth = (await wrong.skills.listAll().catch((e: unknown) => e)) as AuthenticationError;
        expect(auth).toBeInstanceOf(AuthenticationError);
        expect(auth.message).toContain("GET agent-skills/");
        expect(auth.message).toContain("HTTP 401");
        expect(auth.message).not.toContain("not-the-right-token");

        const foreign = env.client({ org: "other" });
        const forbidden = (await foreign.skills.listAll().catch((e: unknown) => e)) as ForbiddenError;
        expect(forbidden).toBeInstanceOf(ForbiddenError);
        expect(forbidden.status).toBe(403);
    });
});
