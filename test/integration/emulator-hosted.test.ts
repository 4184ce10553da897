/**
 * The emulator as the hosted service of 2026 (`hosted: true`: mentor-scoped routes only,
 * `Api-Token` only, bare lists), driven over raw HTTP through the current guide's whole
 * flow, in our own words: find the org's admin, make a mentor and enable claw on it,
 * register a server and a model provider, bind the mentor, give it an agent config and a
 * skill (named by its unique_id), push, and read everything back through both route
 * generations. Then the service's other 2026 behaviour, one case each.
 */
import { ed25519Pem, instanceBody, ORG, TOKEN, useApi } from "./emulator-http";

describe("emulator in hosted mode", () => {
    const api = useApi({ hosted: true }, "Api-Token");
    const UNKNOWN_UUID = "0b7e5d3c-1a2f-4e6d-9c8b-7a6f5e4d3c2b";

    /** A mentor made through the mentors API, claw enabled; returns its unique_id. */
    const newMentor = async (name: string): Promise<string> => {
        const m = await api().create("users/admin/mentor-with-settings/", { template_name: "ai-mentor", new_mentor_name: name, display_name: name, mentor_visibility: "viewable_by_anyone" });
        expect((await api().put(`users/admin/mentors/${m.unique_id}/settings/`, { allow_anonymous: true, enable_claw: true })).status).toBe(200);
        return m.unique_id;
    };
    /** Switches the route generations at run time (as PATCH /__emulator/settings does). */
    const routes = async (r: "both" | "mentor") => expect((await api().admin("PATCH", "settings", { routes: r })).status).toBe(200);

    it("runs the current guide's flow from the admin lookup to a push, readable through both generations", async () => {
        // Who may own mentors: the admin lookup, outside the ai-mentor prefix.
        const lookup = await fetch(`${api().emu.url}/api/core/platform/users/?platform_key=${ORG}&platform_org=${ORG}&page=1&page_size=5`, { headers: { authorization: `Api-Token ${TOKEN}` } });
        expect(lookup.status).toBe(200);
        const users = (await lookup.json()) as { results: Array<{ username: string; is_admin: boolean }> };
        const admin = users.results.find((u) => u.is_admin)?.username;
        expect(admin).toBe("admin");

        const made = await api().create(`users/${admin}/mentor-with-settings/`, { template_name: "ai-mentor", new_mentor_name: "Study Buddy", display_name: "Study Buddy", mentor_visibility: "viewable_by_anyone", description: "Helps." });
        const mentor: string = made.unique_id;
        expect(mentor).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        const settings = await api().put(`users/${admin}/mentors/${mentor}/settings/`, { allow_anonymous: true, enable_claw: true, mentor_description: "Helps students." });
        expect(settings.body).toMatchObject({ enable_claw: true, allow_anonymous: true, mentor_description: "Helps students.", mentor_unique_id: mentor });
        expect((await api().get(`users/${admin}/mentors/${mentor}/`)).body).toMatchObject({ unique_id: mentor, name: "Study Buddy", enable_claw: true, description: "Helps students." });

        const inst = await api().create("claw/instances/", instanceBody({ connection_params: { device_identity: { private_key_pem: ed25519Pem() } } }));
        await api().create("claw/model-providers/", { server: inst.id, name: "openrouter", base_url: "https://openrouter.ai/api/v1", api_type: "openai-completions", credential_name: "openrouter" });

        const bound = await api().post(`mentors/${mentor}/claw-config/`, { server: inst.id, enabled: true });
        expect(bound.status).toBe(201);
        expect(bound.body).toMatchObject({ mentor, server: inst.id, server_name: "prod", enabled: true, auto_push: false, agent_id: "main", last_config_push: null });

        const cfg = await api().patch(`mentors/${mentor}/agent-config/`, { identity: "Name: Study Buddy", soul: "Be concise.", model: "anthropic/claude-sonnet-4-6", allowed_models: ["anthropic/claude-sonnet-4-6"] });
        expect(cfg.status).toBe(200);
        expect(cfg.body).toMatchObject({ mentor, identity: "Name: Study Buddy", allowed_models: ["anthropic/claude-sonnet-4-6"] });

        const skill = await api().create("agent-skills/", { name: "Web Research", slug: "web-research", instruction: "Search, then cite." });
        expect(skill.unique_id).toMatch(/^[0-9a-f-]{36}$/);
        await api().create("agent-skill-resources/", { skill: skill.id, file_type: "script", filename: "fetch.sh", content: "curl $1" });
        const assigned = await api().post(`mentors/${mentor}/skills/`, { skill: skill.unique_id, enabled: true });
        expect(assigned.status).toBe(201);
        expect(assigned.body).toMatchObject({ mentor, skill: skill.unique_id, skill_name: "Web Research", enabled: true });

        expect((await api().get(`mentors/${mentor}/skills/`)).body).toEqual([expect.objectContaining({ id: assigned.body.id, skill: skill.unique_id })]);
        const off = await api().patch(`mentors/${mentor}/skills/${assigned.body.id}/`, { enabled: false });
        expect(off.body).toMatchObject({ skill: skill.unique_id, enabled: false });
        expect((await api().get(`mentors/${mentor}/skills/?enabled=true`)).body).toEqual([]);
        expect((await api().patch(`mentors/${mentor}/skills/${assigned.body.id}/`, { enabled: true })).status).toBe(200);
        const stranger = await newMentor("Stranger");
        expect((await api().get(`mentors/${stranger}/skills/${assigned.body.id}/`)).status).toBe(404);

        expect(await api().post(`mentors/${mentor}/claw-config/push-config/`)).toMatchObject({ status: 202, body: { queued: true, message: "Config push queued." } });
        const pushed = await api().settle(`mentors/${mentor}/claw-config/`, "last_config_push_status");
        expect(pushed.last_config_push_status).toBe("success");
        const [delivery] = api().emu.deliveries(ORG);
        expect(delivery).toMatchObject({ mentor, agent_id: "main", files: { "IDENTITY.md": "Name: Study Buddy", "SOUL.md": "Be concise." }, blank_files: [] });
        expect((delivery?.skills as Array<{ slug: string }>).map((s) => s.slug)).toEqual(["web-research"]);

        // The same objects through the other generation (one store).
        expect((await api().get(`claw/mentor-configs/${bound.body.id}/`)).status).toBe(404); // gone in mentor mode
        await routes("both");
        try {
            expect((await api().get(`claw/mentor-configs/${bound.body.id}/`)).body).toMatchObject({ mentor, server: inst.id, last_config_push_status: "success" });
            expect((await api().get(`agent-configs/${cfg.body.id}/`)).body).toMatchObject({ mentor, soul: "Be concise." });
            const byCollection = await api().get(`mentor-skill-assignments/?mentor=${mentor}`);
            expect(byCollection.body).toEqual([expect.objectContaining({ id: assigned.body.id, skill: skill.id })]); // numeric id there; bare list
        } finally {
            await routes("mentor");
        }
    });

    it("refuses the Token scheme with the service's own body, even for a valid key, and answers bare lists", async () => {
        const refused = await api().get("claw/instances/", { scheme: "Token" });
        expect(refused.status).toBe(401);
        expect(refused.body).toEqual({ detail: "Invalid Token" });
        const listed = await api().get("claw/instances/");
        expect(listed.status).toBe(200);
        expect(Array.isArray(listed.body)).toBe(true);
        for (const gone of ["claw/mentor-configs/", "agent-configs/", "mentor-skill-assignments/"]) expect((await api().get(gone)).status).toBe(404);
    });

    it("answers 404 for a mentor that is not a UUID or not the org's, and 'Claw config not found' for an unbound one", async () => {
        expect(await api().get("mentors/study-buddy/claw-config/")).toMatchObject({ status: 404, body: { detail: "Not found." } });
        expect(await api().get(`mentors/${UNKNOWN_UUID}/claw-config/`)).toMatchObject({ status: 404, body: { detail: "Not found." } });
        const mentor = await newMentor("Unbound");
        expect(await api().get(`mentors/${mentor}/claw-config/`)).toMatchObject({ status: 404, body: { detail: "Claw config not found" } });
        expect((await api().post(`mentors/${mentor}/claw-config/push-config/`)).status).toBe(404);
        expect((await api().get(`mentors/${mentor}/agent-config/`)).status).toBe(404);

        const inst = await api().create("claw/instances/", instanceBody());
        expect((await api().post(`mentors/${mentor}/claw-config/`, { server: inst.id, agent_id: "Not An Id" })).body).toEqual({ agent_id: [expect.stringContaining("OpenClaw agent id")] });
        expect((await api().post(`mentors/${mentor}/claw-config/`, { server: inst.id })).status).toBe(201);
        const again = await api().post(`mentors/${mentor}/claw-config/`, { server: inst.id });
        expect(again.status).toBe(400);
        expect(again.body.non_field_errors[0]).toMatch(/already has a claw config/);
        expect((await api().post(`mentors/${mentor}/skills/`, { skill: 7 })).body).toEqual({ skill: ["Object with unique_id=7 does not exist."] });
    });

    it("keeps mentor names unique, users to the org, and has no DELETE of a mentor", async () => {
        const mentor = await newMentor("Only Once");
        const twice = await api().post("users/admin/mentor-with-settings/", { template_name: "ai-mentor", new_mentor_name: "Only Once" });
        expect(twice).toMatchObject({ status: 400, body: { new_mentor_name: ["A mentor with this name already exists."] } });
        expect((await api().get("users/admin/mentors/only-once/")).body.unique_id).toBe(mentor);
        // The generated client's retrieve takes "slug or name": the name, percent-encoded.
        expect((await api().get(`users/admin/mentors/${encodeURIComponent("Only Once")}/`)).body.unique_id).toBe(mentor);
        expect((await api().get(`users/admin/mentors/${encodeURIComponent("Only Twice")}/`)).status).toBe(404);
        expect((await api().get(`users/nobody/mentors/${mentor}/`)).status).toBe(404);
        expect((await api().del(`users/admin/mentors/${mentor}/`)).status).toBe(405);
    });

    it("drops unknown agent-config keys with 200, as the service does", async () => {
        const mentor = await newMentor("Drops Keys");
        const inst = await api().create("claw/instances/", instanceBody());
        await api().create(`mentors/${mentor}/claw-config/`, { server: inst.id, agent_config: { user_context: "Students." } });
        const r = await api().patch(`mentors/${mentor}/agent-config/`, { user: "Teachers." });
        expect(r.status).toBe(200);
        expect(r.body.user_context).toBe("Students.");
        expect(r.body).not.toHaveProperty("user");
        expect((await api().patch(`mentors/${mentor}/agent-config/`, { allowed_models: "gpt" })).body).toEqual({ allowed_models: ['Expected a list of items but got type "str".'] });
    });

    it("acts on auto_push: an agent-config write pushes at once and empty fields blank their files", async () => {
        const device = { connection_params: { device_identity: { private_key_pem: ed25519Pem() } } };
        const inst = await api().create("claw/instances/", instanceBody(device));
        const quiet = await newMentor("Quiet");
        await api().create(`mentors/${quiet}/claw-config/`, { server: inst.id });
        await api().patch(`mentors/${quiet}/agent-config/`, { identity: "Quiet." });
        expect((await api().get(`mentors/${quiet}/claw-config/`)).body.last_config_push_status).toBeNull();

        const eager = await newMentor("Eager");
        await api().create(`mentors/${eager}/claw-config/`, { server: inst.id, auto_push: true, agent_id: "eager" });
        await api().admin("DELETE", `orgs/${ORG}/deliveries`);
        expect((await api().patch(`mentors/${eager}/agent-config/`, { identity: "Eager.", soul: "" })).status).toBe(200);
        const b = await api().settle(`mentors/${eager}/claw-config/`, "last_config_push_status");
        expect(b.last_config_push_status).toBe("success");
        const deliveries = api().emu.deliveries(ORG);
        expect(deliveries).toHaveLength(1);
        expect(deliveries[0]).toMatchObject({ mentor: eager, agent_id: "eager", files: { "IDENTITY.md": "Eager." } });
        expect(deliveries[0]?.blank_files).toEqual(expect.arrayContaining(["SOUL.md", "USER.md", "MEMORY.md"]));
        expect(deliveries[0]?.blank_files).not.toContain("IDENTITY.md");
    });

    it("names a skill stored before unique_id existed by a stable derived one, assignable by it", async () => {
        // A row as an older emulator's --data file holds it: no unique_id.
        api().emu.store.put(ORG, "agent-skills", { id: 900, name: "Old", slug: "old", description: "", version: "", instruction: "", metadata: {}, enabled: true, platform_key: ORG });
        const first = (await api().get("agent-skills/900/")).body.unique_id;
        expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
        expect((await api().get("agent-skills/900/")).body.unique_id).toBe(first);
        const mentor = await newMentor("Keeps Old Skills");
        expect((await api().post(`mentors/${mentor}/skills/`, { skill: first })).body).toMatchObject({ skill: first, skill_name: "Old" });
    });

    it("queues a pairing request that expires, and accepts nemoclaw servers", async () => {
        const nemo = await api().create("claw/instances/", instanceBody({ claw_type: "nemoclaw", connection_params: { device_identity: { private_key_pem: ed25519Pem() } } }));
        expect(nemo.claw_type).toBe("nemoclaw");
        const r = await api().post(`claw/instances/${nemo.id}/request-pairing/`);
        expect(r).toMatchObject({ status: 202, body: { queued: true } });
        const devices = (await api().admin("GET", `orgs/${ORG}/devices?instance=${nemo.id}`)).body.results;
        expect(devices).toEqual([expect.objectContaining({ status: "pending", expires_at: expect.any(String) })]);
        expect(Date.parse(devices[0].expires_at) - Date.parse(devices[0].updated_at)).toBe(5 * 60 * 1000);
        const bare = await api().create("claw/instances/", instanceBody());
        expect((await api().post(`claw/instances/${bare.id}/request-pairing/`)).status).toBe(400);
    });
});
