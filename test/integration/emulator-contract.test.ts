/**
 * The contract suite: every request and answer the API reference (../shared/api-reference.md)
 * documents, replayed against the emulator over HTTP, with the answers' shapes checked
 * field by field. One describe per section of the reference.
 */
import { startGateway, type Gateway } from "../../emulator";
import { Api, ed25519Pem, instanceBody, MENTOR, MENTOR_2, ORG, OTHER_ORG, TOKEN, useApi } from "./emulator-http";

type Kind = "int" | "int?" | "string" | "string?" | "bool" | "object" | "array" | "uuid" | "datetime" | "datetime?" | "url?";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function kindOf(v: unknown, k: Kind): boolean {
    const nullable = k.endsWith("?");
    if (v === null) return nullable;
    switch (k.replace("?", "")) {
        case "int":
            return Number.isInteger(v);
        case "string":
            return typeof v === "string";
        case "bool":
            return typeof v === "boolean";
        case "object":
            return typeof v === "object" && v !== null && !Array.isArray(v);
        case "array":
            return Array.isArray(v);
        case "uuid":
            return typeof v === "string" && UUID.test(v);
        case "datetime":
            return typeof v === "string" && ISO.test(v);
        case "url":
            return typeof v === "string" && /^https?:\/\//.test(v);
    }
    return false;
}

/** Asserts every documented field is there with its type, and no write-only field leaks. */
function expectShape(obj: Record<string, unknown>, shape: Record<string, Kind>, writeOnly: readonly string[] = []): void {
    const wrong = Object.entries(shape)
        .filter(([f, k]) => !(f in obj) || !kindOf(obj[f], k))
        .map(([f, k]) => `${f}: expected ${k}, got ${JSON.stringify(obj[f])}`);
    expect(wrong).toEqual([]);
    for (const f of writeOnly) expect(obj).not.toHaveProperty(f);
}

const SHAPES = {
    instance: {
        id: "int",
        name: "string",
        claw_type: "string",
        provision_mode: "string",
        server_url: "string",
        deployment_backend: "int?",
        status: "string",
        deploy_state: "string",
        platform_key: "string",
        last_health_check: "datetime?",
        last_health_status: "string?",
        claw_version: "string?",
        created_at: "datetime",
        updated_at: "datetime",
    },
    provider: {
        id: "int",
        server: "int",
        server_name: "string",
        name: "string",
        base_url: "string",
        api_type: "string",
        credential_name: "string",
        credential_key: "string",
        model_catalog: "array",
        enabled: "bool",
        models_mode: "string",
        last_provider_push: "datetime?",
        last_provider_push_status: "string?",
        credential_resolved: "bool",
    },
    binding: {
        id: "int",
        mentor: "uuid",
        server: "int",
        server_name: "string",
        agent_config: "object",
        enabled: "bool",
        auto_push: "bool",
        last_config_push: "datetime?",
        last_config_push_status: "string?",
        last_push_warnings: "array",
    },
    agentConfig: {
        id: "int",
        mentor: "uuid",
        identity: "string",
        soul: "string",
        user_context: "string",
        tools: "string",
        agents: "string",
        bootstrap: "string",
        heartbeat: "string",
        memory: "string",
        model: "string",
        config: "object",
        created_at: "datetime",
        updated_at: "datetime",
    },
    skill: {
        id: "int",
        name: "string",
        slug: "string",
        description: "string",
        version: "string",
        instruction: "string",
        enabled: "bool",
        platform_key: "string",
        created_at: "datetime",
        updated_at: "datetime",
    },
    resource: { id: "int", skill: "int", file_type: "string", filename: "string", content: "string", file: "url?", created_at: "datetime", updated_at: "datetime" },
    assignment: { id: "int", mentor: "uuid", skill: "int", skill_name: "string", enabled: "bool", created_at: "datetime", updated_at: "datetime" },
} satisfies Record<string, Record<string, Kind>>;

const INSTANCE_WO = ["gateway_token", "auth_headers", "connection_params"];

describe("emulator contract (api-reference.md)", () => {
    const api = useApi();
    let gw: Gateway;
    beforeAll(async () => {
        gw = await startGateway();
    });
    afterAll(async () => {
        await gw.close();
    });
    beforeEach(async () => {
        await api().admin("POST", "reset");
    });

    describe("Transport", () => {
        it("serves every collection under {baseUrl}/api/ai-mentor/orgs/{org}/ with a trailing slash, as JSON", async () => {
            for (const p of ["claw/instances/", "claw/model-providers/", "claw/mentor-configs/", "agent-configs/", "agent-skills/", "agent-skill-resources/", "mentor-skill-assignments/"]) {
                const r = await api().get(p);
                expect([p, r.status]).toEqual([p, 200]);
                expect(r.headers.get("content-type")).toMatch(/^application\/json/);
                expect(r.body).toEqual({ count: 0, next: null, previous: null, results: [] });
            }
        });

        it("accepts both `Token` and `Api-Token` authorization schemes", async () => {
            expect((await api().get("claw/instances/", { scheme: "Token" })).status).toBe(200);
            expect((await api().get("claw/instances/", { scheme: "Api-Token" })).status).toBe(200);
            expect((await api().get("claw/instances/", { scheme: "api-token" })).status).toBe(200);
        });

        it("refuses the non-existent `Api-Key` scheme with 401 and a detail naming `Api-Token`", async () => {
            const r = await api().get("claw/instances/", { scheme: "Api-Key" });
            expect(r.status).toBe(401);
            expect(r.body.detail).toMatch(/Api-Token/);
            expect(JSON.stringify(r.body)).not.toContain(TOKEN);
        });

        it("answers 401 {detail} without credentials and with a wrong token, 403 {detail} across orgs", async () => {
            const none = await api().get("claw/instances/", { token: null });
            expect(none.status).toBe(401);
            expect(none.body).toEqual({ detail: "Authentication credentials were not provided." });
            const wrong = await api().get("claw/instances/", { token: "nope" });
            expect(wrong.status).toBe(401);
            expect(wrong.body).toEqual({ detail: "Invalid token." });
            const cross = await api().get("claw/instances/", { org: OTHER_ORG, token: TOKEN });
            expect(cross.status).toBe(403);
            expect(cross.body).toEqual({ detail: "You do not have permission to perform this action." });
        });

        it("pages lists with ?limit=&offset= into {count, next, previous, results}", async () => {
            for (let i = 0; i < 5; i++) await api().create("claw/instances/", instanceBody({ name: `s${i}` }));
            const first = await api().get("claw/instances/?limit=2");
            expect(first.body.count).toBe(5);
            expect(first.body.results.map((r: { name: string }) => r.name)).toEqual(["s0", "s1"]);
            expect(first.body.previous).toBeNull();
            expect(first.body.next).toBe(`${api().base()}claw/instances/?limit=2&offset=2`);
            const mid = await api().get("claw/instances/?limit=2&offset=2");
            expect(mid.body.results.map((r: { name: string }) => r.name)).toEqual(["s2", "s3"]);
            expect(mid.body.previous).toBe(`${api().base()}claw/instances/?limit=2`);
            const last = (await (await fetch(mid.body.next, { headers: { authorization: `Token ${TOKEN}` } })).json()) as { results: Array<{ name: string }>; next: string | null };
            expect(last.results.map((r: { name: string }) => r.name)).toEqual(["s4"]);
            expect(last.next).toBeNull();
        });

        it("answers 404 {detail: 'Not found.'} for a missing object", async () => {
            const r = await api().get("claw/instances/999999/");
            expect(r.status).toBe(404);
            expect(r.body).toEqual({ detail: "Not found." });
        });

        it("answers 429 {detail} with Retry-After when throttled", async () => {
            api().emu.setFaults([{ kind: "status", status: 429, retryAfter: "3", times: 1 }]);
            const r = await api().get("claw/instances/");
            expect(r.status).toBe(429);
            expect(r.headers.get("retry-after")).toBe("3");
            expect(typeof r.body.detail).toBe("string");
            api().emu.clearFaults();
        });
    });

    describe("Claw instance — claw/instances/", () => {
        it("creates, shows read-only fields set by the server, and never returns write-only ones", async () => {
            const created = await api().create(
                "claw/instances/",
                instanceBody({ auth_headers: { "X-Proxy-Auth": "p" }, connection_params: { device_identity: { private_key_pem: ed25519Pem() }, timeout: 30 } }),
            );
            expectShape(created, SHAPES.instance, INSTANCE_WO);
            expect(created).toMatchObject({ provision_mode: "self_hosted", platform_key: ORG, status: "active", claw_type: "openclaw" });
            const got = await api().get(`claw/instances/${created.id}/`);
            expectShape(got.body, SHAPES.instance, INSTANCE_WO);
            const listed = await api().get("claw/instances/");
            expectShape(listed.body.results[0], SHAPES.instance, INSTANCE_WO);
            // ...but the emulator stored them (the admin state shows write-only fields).
            const state = (await api().admin("GET", "state")).body;
            expect(state.orgs[ORG]["claw/instances"][String(created.id)]).toMatchObject({ gateway_token: "gw-secret-1", auth_headers: { "X-Proxy-Auth": "p" } });
        });

        it("ignores read-only fields on write", async () => {
            const created = await api().create("claw/instances/", instanceBody({ id: 4242, status: "error", provision_mode: "managed", platform_key: "evil", claw_version: "9" }));
            expect(created.id).not.toBe(4242);
            expect(created).toMatchObject({ status: "active", provision_mode: "self_hosted", platform_key: ORG, claw_version: null });
        });

        it("PATCH may change name, claw_type, server_url, gateway_token, auth_headers, connection_params, deployment_backend; PUT replaces", async () => {
            const c = await api().create("claw/instances/", instanceBody());
            const p = await api().patch(`claw/instances/${c.id}/`, {
                name: "renamed",
                claw_type: "ironclaw",
                server_url: "https://other.example.com",
                gateway_token: "new",
                auth_headers: { A: "b" },
                connection_params: {},
                deployment_backend: 3,
            });
            expect(p.status).toBe(200);
            expect(p.body).toMatchObject({ name: "renamed", claw_type: "ironclaw", server_url: "https://other.example.com", deployment_backend: 3 });
            expectShape(p.body, SHAPES.instance, INSTANCE_WO);
            const u = await api().put(`claw/instances/${c.id}/`, instanceBody({ name: "put" }));
            expect(u.status).toBe(200);
            expect(u.body.name).toBe("put");
        });

        it("filters the list by status and search", async () => {
            await api().create("claw/instances/", instanceBody({ name: "alpha-prod" }));
            await api().create("claw/instances/", instanceBody({ name: "beta", server_url: "https://beta.example.com" }));
            expect((await api().get("claw/instances/?search=alpha")).body.count).toBe(1);
            expect((await api().get("claw/instances/?search=beta.example")).body.count).toBe(1);
            expect((await api().get("claw/instances/?status=active")).body.count).toBe(2);
            expect((await api().get("claw/instances/?status=inactive")).body.count).toBe(0);
        });

        it("test-connectivity answers 200 {checks: [tls_reachable, health_check], all_passed}", async () => {
            const c = await api().create("claw/instances/", instanceBody({ server_url: gw.url }));
            const r = await api().post(`claw/instances/${c.id}/test-connectivity/`);
            expect(r.status).toBe(200);
            expect(Object.keys(r.body).sort()).toEqual(["all_passed", "checks"]);
            expect(r.body.checks.map((k: { name: string }) => k.name)).toEqual(["tls_reachable", "health_check"]);
            for (const k of r.body.checks) expect(Object.keys(k).sort()).toEqual(["detail", "name", "passed"]);
            expect(r.body.all_passed).toBe(true);
        });

        it("health-check answers 200 and updates last_health_check and last_health_status", async () => {
            const c = await api().create("claw/instances/", instanceBody({ server_url: gw.url }));
            const r = await api().post(`claw/instances/${c.id}/health-check/`);
            expect(r.status).toBe(200);
            const after = (await api().get(`claw/instances/${c.id}/`)).body;
            expect(after.last_health_check).toMatch(ISO);
            expect(after.last_health_status).toBe("healthy");
        });

        it("push-providers answers 202 {queued: true, message: 'Provider push queued.'}", async () => {
            const c = await api().create("claw/instances/", instanceBody({ connection_params: { device_identity: { private_key_pem: ed25519Pem() } } }));
            const r = await api().post(`claw/instances/${c.id}/push-providers/`);
            expect(r.status).toBe(202);
            expect(r.body).toEqual({ queued: true, message: "Provider push queued." });
        });

        it("security-audit is OpenClaw only and stores its findings", async () => {
            const open = await api().create("claw/instances/", instanceBody({ server_url: gw.url }));
            const r = await api().post(`claw/instances/${open.id}/security-audit/`);
            expect(r.status).toBe(200);
            expect(Array.isArray(r.body.findings)).toBe(true);
            expect(r.body.findings.map((f: { check_id: string }) => f.check_id)).toContain("device.identity");
            const state = (await api().admin("GET", "state")).body;
            expect(state.orgs[ORG]["claw/instances"][String(open.id)]._security_audit.findings).toEqual(r.body.findings);
            const iron = await api().create("claw/instances/", instanceBody({ claw_type: "ironclaw", server_url: gw.url }));
            const refused = await api().post(`claw/instances/${iron.id}/security-audit/`);
            expect(refused.status).toBe(400);
            expect(refused.body.detail).toMatch(/OpenClaw/);
        });

        it("refresh-version detects claw_version from the server", async () => {
            const c = await api().create("claw/instances/", instanceBody({ server_url: gw.url }));
            const r = await api().post(`claw/instances/${c.id}/refresh-version/`);
            expect(r.status).toBe(200);
            expect((await api().get(`claw/instances/${c.id}/`)).body.claw_version).toBe("2026.3.1");
        });

        it("an OpenClaw config push without a device identity fails with 'missing scope: operator.read'", async () => {
            const c = await api().create("claw/instances/", instanceBody());
            const b = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: c.id });
            expect((await api().post(`claw/mentor-configs/${b.id}/push-config/`)).status).toBe(202);
            const done = await api().settle(`claw/mentor-configs/${b.id}/`, "last_config_push_status");
            expect(done.last_config_push_status).toMatch(/missing scope: operator\.read/);
        });
    });

    describe("Model provider — claw/model-providers/", () => {
        it("creates with the documented fields and shows server_name and credential_resolved", async () => {
            const inst = await api().create("claw/instances/", instanceBody({ name: "srv" }));
            const p = await api().create("claw/model-providers/", {
                server: inst.id,
                name: "openrouter",
                base_url: "https://openrouter.ai/api/v1",
                api_type: "openai-completions",
                credential_name: "openrouter-key",
                credential_key: "api_key",
                model_catalog: [{ id: "anthropic/claude-sonnet-4-6", name: "Claude Sonnet 4.6" }],
                enabled: true,
                models_mode: "merge",
            });
            expectShape(p, SHAPES.provider);
            expect(p).toMatchObject({ server_name: "srv", credential_resolved: true, last_provider_push: null });
            expectShape((await api().get(`claw/model-providers/${p.id}/`)).body, SHAPES.provider);
            expect((await api().patch(`claw/model-providers/${p.id}/`, { models_mode: "replace" })).body.models_mode).toBe("replace");
            expect((await api().put(`claw/model-providers/${p.id}/`, { server: inst.id, name: "or2", base_url: "https://x.example", api_type: "anthropic-messages", credential_name: "k" })).status).toBe(200);
        });
    });

    describe("Mentor binding — claw/mentor-configs/", () => {
        it("creates a binding, embeds the mentor's agent config, and creates that config when the mentor has none", async () => {
            const inst = await api().create("claw/instances/", instanceBody({ name: "srv" }));
            expect((await api().get("agent-configs/")).body.count).toBe(0);
            const b = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: inst.id, agent_config: {}, enabled: true, auto_push: false });
            expectShape(b, SHAPES.binding);
            expect(b).toMatchObject({ server_name: "srv", last_config_push: null, last_config_push_status: null, last_push_warnings: [] });
            const configs = (await api().get("agent-configs/")).body;
            expect(configs.count).toBe(1);
            expect(configs.results[0].mentor).toBe(MENTOR);
            expect(b.agent_config).toEqual(configs.results[0]);
            // A second binding of the same mentor reuses the config.
            const inst2 = await api().create("claw/instances/", instanceBody({ name: "srv2" }));
            await api().create("claw/mentor-configs/", { mentor: MENTOR, server: inst2.id });
            expect((await api().get("agent-configs/")).body.count).toBe(1);
        });

        it("filters by enabled and answers push-config with 202 {queued: true, message: 'Config push queued.'}", async () => {
            const inst = await api().create("claw/instances/", instanceBody({ connection_params: { device_identity: { private_key_pem: ed25519Pem() } } }));
            const on = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: inst.id });
            await api().create("claw/mentor-configs/", { mentor: MENTOR_2, server: inst.id, enabled: false });
            expect((await api().get("claw/mentor-configs/?enabled=true")).body.results.map((b: { id: number }) => b.id)).toEqual([on.id]);
            expect((await api().get("claw/mentor-configs/?enabled=false")).body.count).toBe(1);
            // Held pending for a second, so that reading "pending" does not race the 10 ms push delay on a busy box.
            api().emu.setFaults([{ kind: "slow-push", ms: 1000, times: 1 }]);
            const r = await api().post(`claw/mentor-configs/${on.id}/push-config/`);
            api().emu.clearFaults();
            expect(r.status).toBe(202);
            expect(r.body).toEqual({ queued: true, message: "Config push queued." });
            const pending = (await api().get(`claw/mentor-configs/${on.id}/`)).body;
            expect(pending.last_config_push_status).toBe("pending");
            const done = await api().settle(`claw/mentor-configs/${on.id}/`, "last_config_push_status");
            expect(done.last_config_push_status).toBe("success");
            expect(done.last_config_push).toMatch(ISO);
        });
    });

    describe("Agent config — agent-configs/", () => {
        it("creates with every documented field, defaults identity to '' and config to {}", async () => {
            const bare = await api().create("agent-configs/", { mentor: MENTOR });
            expectShape(bare, SHAPES.agentConfig);
            expect(bare).toMatchObject({ identity: "", config: {} });
            const full = await api().create("agent-configs/", {
                mentor: MENTOR_2,
                identity: "# Ada",
                soul: "curious",
                user_context: "students",
                tools: "curl",
                agents: "none",
                bootstrap: "hello",
                heartbeat: "check mail",
                memory: "remember",
                model: "anthropic/claude-sonnet-4-6",
                config: { agents: { defaults: { heartbeat: { every: "30m" } } }, session: { isolation: "per-user" } },
            });
            expectShape(full, SHAPES.agentConfig);
            expect(full.model).toBe("anthropic/claude-sonnet-4-6");
        });

        it("rejects each of the five blocked config paths on write", async () => {
            const c = await api().create("agent-configs/", { mentor: MENTOR });
            for (const [path, config] of [
                ["gateway.auth", { gateway: { auth: { mode: "none" } } }],
                ["gateway.controlUi.dangerouslyDisableDeviceAuth", { gateway: { controlUi: { dangerouslyDisableDeviceAuth: true } } }],
                ["tools.exec.host", { tools: { exec: { host: "gateway" } } }],
                ["sandbox.mode", { sandbox: { mode: "off" } }],
                ["hooks.allowUnsafeExternalContent", { hooks: { allowUnsafeExternalContent: true } }],
            ] as const) {
                const r = await api().patch(`agent-configs/${c.id}/`, { config });
                expect([path, r.status]).toEqual([path, 400]);
                expect(r.body.config).toEqual([`Config path "${path}" is blocked and cannot be set through the API.`]);
            }
        });

        it("documents only limit/offset for the list: a mentor parameter filters nothing", async () => {
            await api().create("agent-configs/", { mentor: MENTOR });
            await api().create("agent-configs/", { mentor: MENTOR_2 });
            expect((await api().get(`agent-configs/?mentor=${MENTOR}`)).body.count).toBe(2);
            expect((await api().get("agent-configs/?limit=1")).body.results).toHaveLength(1);
        });
    });

    describe("Skill — agent-skills/", () => {
        it("creates with the documented fields, metadata as given, platform_key set by the server", async () => {
            const s = await api().create("agent-skills/", {
                name: "Web fetch",
                slug: "web-fetch",
                description: "Fetch pages",
                version: "1.0.0",
                instruction: "Use curl.",
                metadata: { openclaw: { requires: { bins: ["curl"] } } },
                enabled: true,
            });
            expectShape(s, SHAPES.skill);
            expect(s.metadata).toEqual({ openclaw: { requires: { bins: ["curl"] } } });
            expect(s.platform_key).toBe(ORG);
        });

        it("keeps slugs unique per platform (org), and filters by enabled and search", async () => {
            await api().create("agent-skills/", { name: "Web", slug: "web" });
            const dup = await api().post("agent-skills/", { name: "Web 2", slug: "web" });
            expect(dup.status).toBe(400);
            expect(dup.body).toEqual({ slug: ["agent skill with this slug already exists."] });
            // Another org may use the same slug.
            expect((await api().post("agent-skills/", { name: "Web", slug: "web" }, { org: OTHER_ORG })).status).toBe(201);
            await api().create("agent-skills/", { name: "Mail", slug: "mail", enabled: false });
            expect((await api().get("agent-skills/?enabled=false")).body.results.map((s: { slug: string }) => s.slug)).toEqual(["mail"]);
            expect((await api().get("agent-skills/?search=we")).body.results.map((s: { slug: string }) => s.slug)).toEqual(["web"]);
        });
    });

    describe("Skill resource — agent-skill-resources/", () => {
        it("takes script and reference content as JSON and an asset's file as multipart, and filters by file_type and skill", async () => {
            const s = await api().create("agent-skills/", { name: "Web", slug: "web" });
            const other = await api().create("agent-skills/", { name: "Mail", slug: "mail" });
            const script = await api().create("agent-skill-resources/", { skill: s.id, file_type: "script", filename: "fetch.sh", content: "#!/bin/sh\ncurl $1\n" });
            expectShape(script, SHAPES.resource);
            expect(script.file).toBeNull();
            await api().create("agent-skill-resources/", { skill: other.id, file_type: "reference", filename: "api.md", content: "# API" });
            const form = new FormData();
            form.set("skill", String(s.id));
            form.set("file_type", "asset");
            form.set("filename", "logo.png");
            const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
            form.set("file", new Blob([bytes], { type: "image/png" }), "logo.png");
            const asset = await api().post("agent-skill-resources/", undefined, { raw: form });
            expect(asset.status).toBe(201);
            expectShape(asset.body, SHAPES.resource);
            const download = await fetch(asset.body.file);
            expect(download.headers.get("content-type")).toBe("image/png");
            expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
            expect((await api().get("agent-skill-resources/?file_type=asset")).body.results.map((r: { filename: string }) => r.filename)).toEqual(["logo.png"]);
            expect((await api().get(`agent-skill-resources/?skill=${s.id}`)).body.count).toBe(2);
        });
    });

    describe("Skill assignment — mentor-skill-assignments/", () => {
        it("assigns a skill to a mentor once, shows skill_name, filters by enabled, skill and mentor", async () => {
            const web = await api().create("agent-skills/", { name: "Web", slug: "web" });
            const mail = await api().create("agent-skills/", { name: "Mail", slug: "mail" });
            const a = await api().create("mentor-skill-assignments/", { mentor: MENTOR, skill: web.id, enabled: true });
            expectShape(a, SHAPES.assignment);
            expect(a.skill_name).toBe("Web");
            const again = await api().post("mentor-skill-assignments/", { mentor: MENTOR, skill: web.id });
            expect(again.status).toBe(400);
            expect(again.body).toEqual({ non_field_errors: ["The fields mentor, skill must make a unique set."] });
            await api().create("mentor-skill-assignments/", { mentor: MENTOR, skill: mail.id, enabled: false });
            await api().create("mentor-skill-assignments/", { mentor: MENTOR_2, skill: web.id });
            expect((await api().get("mentor-skill-assignments/?enabled=false")).body.count).toBe(1);
            expect((await api().get(`mentor-skill-assignments/?skill=${web.id}`)).body.count).toBe(2);
            expect((await api().get(`mentor-skill-assignments/?mentor=${MENTOR}`)).body.count).toBe(2);
        });

        it("a push-config sends the mentor's enabled assignments as skills.entries", async () => {
            const inst = await api().create("claw/instances/", instanceBody({ connection_params: { device_identity: { private_key_pem: ed25519Pem() } } }));
            const web = await api().create("agent-skills/", { name: "Web", slug: "web" });
            const mail = await api().create("agent-skills/", { name: "Mail", slug: "mail" });
            await api().create("mentor-skill-assignments/", { mentor: MENTOR, skill: web.id, enabled: true });
            await api().create("mentor-skill-assignments/", { mentor: MENTOR, skill: mail.id, enabled: false });
            const b = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: inst.id });
            await api().post(`claw/mentor-configs/${b.id}/push-config/`);
            expect((await api().settle(`claw/mentor-configs/${b.id}/`, "last_config_push_status")).last_config_push_status).toBe("success");
            const d = (await api().admin("GET", `orgs/${ORG}/deliveries?binding=${b.id}`)).body.results;
            expect(d).toHaveLength(1);
            expect(d[0].config_patch.skills.entries).toEqual({ web: { enabled: true } });
        });
    });

    describe("every resource has PUT beside PATCH", () => {
        it("answers PUT with 200 on all seven collections", async () => {
            const inst = await api().create("claw/instances/", instanceBody());
            const skill = await api().create("agent-skills/", { name: "Web", slug: "web" });
            const cases: Array<[string, unknown, unknown]> = [
                ["claw/instances/", instanceBody(), instanceBody({ name: "p" })],
                ["claw/model-providers/", { server: inst.id, name: "a", base_url: "https://a.example", api_type: "x", credential_name: "c" }, { server: inst.id, name: "b", base_url: "https://a.example", api_type: "x", credential_name: "c" }],
                ["claw/mentor-configs/", { mentor: MENTOR, server: inst.id }, { mentor: MENTOR, server: inst.id, enabled: false }],
                ["agent-configs/", { mentor: MENTOR_2 }, { mentor: MENTOR_2, soul: "s" }],
                ["agent-skills/", { name: "Mail", slug: "mail" }, { name: "Mail!", slug: "mail" }],
                ["agent-skill-resources/", { skill: skill.id, file_type: "script", filename: "a.sh" }, { skill: skill.id, file_type: "reference", filename: "a.md", content: "x" }],
                ["mentor-skill-assignments/", { mentor: MENTOR, skill: skill.id }, { mentor: MENTOR, skill: skill.id, enabled: false }],
            ];
            for (const [path, create, replace] of cases) {
                const c = await api().create(path, create);
                const r = await api().put(`${path}${c.id}/`, replace);
                expect([path, r.status]).toEqual([path, 200]);
                const pa = await api().patch(`${path}${c.id}/`, {});
                expect([path, pa.status]).toEqual([path, 200]);
                expect((await api().del(`${path}${c.id}/`)).status).toBe(204);
                expect((await api().get(`${path}${c.id}/`)).status).toBe(404);
            }
        });
    });

    describe("the claw server side", () => {
        it("pairs automatically by default and keeps a device waiting for approval when approval is required", async () => {
            const a: Api = api();
            const inst = await a.create("claw/instances/", instanceBody({ connection_params: { device_identity: { private_key_pem: ed25519Pem() } } }));
            const b = await a.create("claw/mentor-configs/", { mentor: MENTOR, server: inst.id });
            a.emu.settings.requireDeviceApproval = true;
            try {
                await a.post(`claw/mentor-configs/${b.id}/push-config/`);
                const failed = await a.settle(`claw/mentor-configs/${b.id}/`, "last_config_push_status");
                expect(failed.last_config_push_status).toMatch(/PAIRING_REQUIRED/);
                const devices = (await a.admin("GET", `orgs/${ORG}/devices?instance=${inst.id}`)).body.results;
                expect(devices).toHaveLength(1);
                expect(devices[0].status).toBe("pending");
                expect(failed.last_config_push_status).toContain(devices[0].request_id);
                await a.admin("POST", `orgs/${ORG}/instances/${inst.id}/approve-device`, { request_id: devices[0].request_id });
                await a.post(`claw/mentor-configs/${b.id}/push-config/`);
                expect((await a.settle(`claw/mentor-configs/${b.id}/`, "last_config_push_status")).last_config_push_status).toBe("success");
            } finally {
                a.emu.settings.requireDeviceApproval = false;
            }
        });
    });
});
