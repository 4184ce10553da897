/**
 * Validation edge cases: what the emulator refuses and accepts, with DRF's error bodies
 * naming the field, plus references, uniqueness, cascades and org isolation.
 */
import { ed25519Pem, instanceBody, MENTOR, MENTOR_2, ORG, OTHER_ORG, useApi } from "./emulator-http";

describe("emulator validation", () => {
    const api = useApi();
    beforeEach(async () => {
        await api().admin("POST", "reset");
    });

    describe("required fields, types and formats", () => {
        it.each([
            ["claw/instances/", ["name", "server_url", "gateway_token"]],
            ["claw/model-providers/", ["server", "name", "base_url", "api_type", "credential_name"]],
            ["claw/mentor-configs/", ["mentor", "server"]],
            ["agent-configs/", ["mentor"]],
            ["agent-skills/", ["name", "slug"]],
            ["agent-skill-resources/", ["skill", "file_type", "filename"]],
            ["mentor-skill-assignments/", ["mentor", "skill"]],
        ])("POST %s {} names every required field", async (path, fields) => {
            const r = await api().post(path, {});
            expect(r.status).toBe(400);
            expect(Object.keys(r.body).sort()).toEqual([...fields].sort());
            for (const f of fields) expect(r.body[f]).toEqual(["This field is required."]);
        });

        it("checks max lengths with DRF's message", async () => {
            const r = await api().post("claw/instances/", instanceBody({ name: "n".repeat(256), server_url: `https://e.com/${"a".repeat(190)}` }));
            expect(r.status).toBe(400);
            expect(r.body.name).toEqual(["Ensure this field has no more than 255 characters."]);
            expect(r.body.server_url).toEqual(["Ensure this field has no more than 200 characters."]);
            expect((await api().post("claw/instances/", instanceBody({ name: "n".repeat(255) }))).status).toBe(201);
            const s = await api().post("agent-skills/", { name: "x", slug: "x", version: "v".repeat(51) });
            expect(s.body).toEqual({ version: ["Ensure this field has no more than 50 characters."] });
            const c = await api().post("agent-configs/", { mentor: MENTOR, model: "m".repeat(201) });
            expect(c.body).toEqual({ model: ["Ensure this field has no more than 200 characters."] });
        });

        it("checks enums", async () => {
            const r = await api().post("claw/instances/", instanceBody({ claw_type: "picoclaw" }));
            expect(r.body).toEqual({ claw_type: ['"picoclaw" is not a valid choice.'] });
            const inst = await api().create("claw/instances/", instanceBody());
            const p = await api().post("claw/model-providers/", { server: inst.id, name: "a", base_url: "https://a.example", api_type: "x", credential_name: "c", models_mode: "append" });
            expect(p.body).toEqual({ models_mode: ['"append" is not a valid choice.'] });
            const s = await api().create("agent-skills/", { name: "x", slug: "x" });
            const res = await api().post("agent-skill-resources/", { skill: s.id, file_type: "binary", filename: "a" });
            expect(res.body).toEqual({ file_type: ['"binary" is not a valid choice.'] });
        });

        it("checks URLs", async () => {
            for (const bad of ["not a url", "ftp://claw.example.com", "https://", "claw.example.com"]) {
                const r = await api().post("claw/instances/", instanceBody({ server_url: bad }));
                expect([bad, r.body]).toEqual([bad, { server_url: ["Enter a valid URL."] }]);
            }
        });

        it("checks UUIDs and returns them in canonical form", async () => {
            const bad = await api().post("agent-configs/", { mentor: "not-a-uuid" });
            expect(bad.body).toEqual({ mentor: ["Must be a valid UUID."] });
            const ok = await api().create("agent-configs/", { mentor: MENTOR.replace(/-/g, "").toUpperCase() });
            expect(ok.mentor).toBe(MENTOR);
        });

        it("rejects null where it is not allowed and accepts it where it is", async () => {
            const r = await api().post("claw/instances/", instanceBody({ name: null }));
            expect(r.body).toEqual({ name: ["This field may not be null."] });
            expect((await api().create("claw/instances/", instanceBody({ deployment_backend: null }))).deployment_backend).toBeNull();
        });

        it("checks types of booleans, integers, dictionaries and lists with DRF's messages", async () => {
            const inst = await api().post("claw/instances/", instanceBody({ deployment_backend: "x", auth_headers: { A: { nested: 1 } }, connection_params: ["a"] }));
            expect(inst.body).toEqual({
                deployment_backend: ["A valid integer is required."],
                auth_headers: { A: ["Not a valid string."] },
                connection_params: ['Expected a dictionary of items but got type "list".'],
            });
            const skill = await api().post("agent-skills/", { name: "x", slug: "x", enabled: "maybe" });
            expect(skill.body).toEqual({ enabled: ["Must be a valid boolean."] });
            const yes = await api().create("agent-skills/", { name: "y", slug: "y", enabled: "false" });
            expect(yes.enabled).toBe(false);
            const i = await api().create("claw/instances/", instanceBody());
            const prov = await api().post("claw/model-providers/", { server: i.id, name: "a", base_url: "https://a.example", api_type: "x", credential_name: "c", model_catalog: {} });
            expect(prov.body).toEqual({ model_catalog: ['Expected a list of items but got type "dict".'] });
            const items = await api().post("claw/model-providers/", { server: i.id, name: "a", base_url: "https://a.example", api_type: "x", credential_name: "c", model_catalog: [{ id: "ok" }, { name: "no id" }, "str"] });
            expect(items.body.model_catalog).toEqual({
                "1": { id: ["This field is required."] },
                "2": { non_field_errors: ["Invalid data. Expected a dictionary, but got str."] },
            });
        });

        it("rejects a blank required string, also when it is only whitespace", async () => {
            const r = await api().post("claw/instances/", instanceBody({ name: "   " }));
            expect(r.body).toEqual({ name: ["This field may not be blank."] });
        });

        it("checks the slug like a Django SlugField", async () => {
            const r = await api().post("agent-skills/", { name: "x", slug: "has space" });
            expect(r.body).toEqual({ slug: ["Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."] });
        });

        it("answers body errors as DRF does: bad JSON 400, non-object 400, unknown media type 415", async () => {
            const bad = await api().post("claw/instances/", undefined, { raw: "{nope", contentType: "application/json" });
            expect(bad.status).toBe(400);
            expect(bad.body.detail).toMatch(/^JSON parse error - /);
            const list = await api().post("claw/instances/", [1, 2]);
            expect(list.body).toEqual({ non_field_errors: ["Invalid data. Expected a dictionary, but got list."] });
            const text = await api().post("claw/instances/", undefined, { raw: "hello", contentType: "text/plain" });
            expect(text.status).toBe(415);
            expect(text.body).toEqual({ detail: 'Unsupported media type "text/plain" in request.' });
        });
    });

    describe("write-only and read-only fields", () => {
        it("never returns write-only fields, not even from PATCH and PUT", async () => {
            const c = await api().create("claw/instances/", instanceBody({ auth_headers: { a: "b" }, connection_params: { device_identity: { private_key_pem: ed25519Pem() } } }));
            for (const r of [await api().patch(`claw/instances/${c.id}/`, { gateway_token: "rotated" }), await api().put(`claw/instances/${c.id}/`, instanceBody()), await api().get("claw/instances/")]) {
                expect(JSON.stringify(r.body)).not.toMatch(/gateway_token|auth_headers|connection_params|PRIVATE KEY|rotated/);
            }
        });

        it("ignores read-only fields on update", async () => {
            const c = await api().create("claw/instances/", instanceBody());
            const r = await api().patch(`claw/instances/${c.id}/`, { id: 999, status: "error", created_at: "2000-01-01T00:00:00Z", last_health_status: "x" });
            expect(r.status).toBe(200);
            expect(r.body).toMatchObject({ id: c.id, status: "active", created_at: c.created_at, last_health_status: null });
        });

        it("PUT needs the required fields but leaves absent optional ones alone (DRF fills defaults only on create)", async () => {
            const c = await api().create("claw/instances/", instanceBody({ claw_type: "ironclaw", deployment_backend: 7 }));
            const missing = await api().put(`claw/instances/${c.id}/`, { name: "x" });
            expect(missing.status).toBe(400);
            expect(Object.keys(missing.body).sort()).toEqual(["gateway_token", "server_url"]);
            const r = await api().put(`claw/instances/${c.id}/`, { name: "x", server_url: "https://a.example", gateway_token: "t" });
            expect(r.body).toMatchObject({ name: "x", claw_type: "ironclaw", deployment_backend: 7 });
        });
    });

    describe("references", () => {
        it("needs referenced objects to exist, in the same org", async () => {
            const r = await api().post("claw/mentor-configs/", { mentor: MENTOR, server: 987654 });
            expect(r.body).toEqual({ server: ['Invalid pk "987654" - object does not exist.'] });
            const t = await api().post("claw/mentor-configs/", { mentor: MENTOR, server: "abc" });
            expect(t.body).toEqual({ server: ["Incorrect type. Expected pk value, received str."] });
            const foreign = await api().create("claw/instances/", instanceBody(), { org: OTHER_ORG });
            const x = await api().post("claw/mentor-configs/", { mentor: MENTOR, server: foreign.id });
            expect(x.body).toEqual({ server: [`Invalid pk "${foreign.id}" - object does not exist.`] });
            const skill = await api().create("agent-skills/", { name: "s", slug: "s" }, { org: OTHER_ORG });
            expect((await api().post("mentor-skill-assignments/", { mentor: MENTOR, skill: skill.id })).body).toEqual({ skill: [`Invalid pk "${skill.id}" - object does not exist.`] });
            expect((await api().post("agent-skill-resources/", { skill: skill.id, file_type: "script", filename: "a" })).status).toBe(400);
        });

        it("hides every object of another org (404), even by id", async () => {
            const foreign = await api().create("claw/instances/", instanceBody(), { org: OTHER_ORG });
            expect((await api().get(`claw/instances/${foreign.id}/`)).status).toBe(404);
            expect((await api().patch(`claw/instances/${foreign.id}/`, { name: "x" })).status).toBe(404);
            expect((await api().del(`claw/instances/${foreign.id}/`)).status).toBe(404);
            expect((await api().post(`claw/instances/${foreign.id}/push-providers/`)).status).toBe(404);
            expect((await api().get("claw/instances/")).body.count).toBe(0);
        });
    });

    describe("uniqueness", () => {
        it("allows one binding per mentor and server", async () => {
            const a = await api().create("claw/instances/", instanceBody());
            const b = await api().create("claw/instances/", instanceBody());
            await api().create("claw/mentor-configs/", { mentor: MENTOR, server: a.id });
            const dup = await api().post("claw/mentor-configs/", { mentor: MENTOR, server: a.id });
            expect(dup.body).toEqual({ non_field_errors: ["The fields mentor, server must make a unique set."] });
            const other = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: b.id });
            // Moving the second binding onto the first's server collides too.
            const moved = await api().patch(`claw/mentor-configs/${other.id}/`, { server: a.id });
            expect(moved.status).toBe(400);
        });

        it("allows one model provider name per server", async () => {
            const a = await api().create("claw/instances/", instanceBody());
            const b = await api().create("claw/instances/", instanceBody());
            const body = { name: "openrouter", base_url: "https://openrouter.ai/api/v1", api_type: "openai-completions", credential_name: "k" };
            await api().create("claw/model-providers/", { ...body, server: a.id });
            expect((await api().post("claw/model-providers/", { ...body, server: a.id })).body).toEqual({ non_field_errors: ["The fields server, name must make a unique set."] });
            expect((await api().post("claw/model-providers/", { ...body, server: b.id })).status).toBe(201);
        });

        it("allows one agent config per mentor", async () => {
            await api().create("agent-configs/", { mentor: MENTOR });
            expect((await api().post("agent-configs/", { mentor: MENTOR })).body).toEqual({ mentor: ["agent config with this mentor already exists."] });
        });

        it("checks a skill's slug on update, but not against itself", async () => {
            await api().create("agent-skills/", { name: "a", slug: "a" });
            const b = await api().create("agent-skills/", { name: "b", slug: "b" });
            expect((await api().patch(`agent-skills/${b.id}/`, { slug: "a" })).status).toBe(400);
            expect((await api().patch(`agent-skills/${b.id}/`, { slug: "b", name: "B" })).status).toBe(200);
        });
    });

    describe("blocked config paths, however spelled", () => {
        const spellings: Array<[string, unknown, string[]]> = [
            ["dotted key", { "gateway.auth": { mode: "none" } }, ["gateway.auth"]],
            ["dotted key with scalar", { "sandbox.mode": "off" }, ["sandbox.mode"]],
            ["mixed dotted and nested", { "gateway.controlUi": { dangerouslyDisableDeviceAuth: true } }, ["gateway.controlUi.dangerouslyDisableDeviceAuth"]],
            ["nested then dotted", { tools: { "exec.host": "gateway" } }, ["tools.exec.host"]],
            ["deeper than the blocked path", { gateway: { auth: { token: { value: "x" } } } }, ["gateway.auth"]],
            ["other letter case", { Hooks: { AllowUnsafeExternalContent: true } }, ["hooks.allowUnsafeExternalContent"]],
            ["snake case", { gateway: { control_ui: { dangerously_disable_device_auth: true } } }, ["gateway.controlUi.dangerouslyDisableDeviceAuth"]],
            ["brackets and blanks", { "tools[exec] . host": "x" }, ["tools.exec.host"]],
            ["empty segments", { "gateway..auth": {} }, ["gateway.auth"]],
            ["ancestor replaced by null", { gateway: null }, ["gateway.auth", "gateway.controlUi.dangerouslyDisableDeviceAuth"]],
            ["ancestor replaced by a scalar", { "tools.exec": "off" }, ["tools.exec.host"]],
            ["several at once", { sandbox: { mode: "off" }, "tools.exec.host": "g" }, ["tools.exec.host", "sandbox.mode"]],
        ];
        it.each(spellings)("refuses %s", async (_name, config, paths) => {
            const r = await api().post("agent-configs/", { mentor: MENTOR, config });
            expect(r.status).toBe(400);
            expect(r.body).toEqual({ config: paths.map((p) => `Config path "${p}" is blocked and cannot be set through the API.`) });
        });

        it.each([
            ["a sibling of a blocked path", { gateway: { port: 18789, controlUi: { enabled: true } } }],
            ["the same leaf name elsewhere", { agents: { defaults: { sandbox: { mode: "off" } } } }],
            ["risky but allowed settings", { tools: { exec: { security: "full" } } }],
            ["an empty ancestor object", { gateway: {}, "tools.exec": {} }],
        ])("accepts %s", async (_name, config) => {
            expect((await api().post("agent-configs/", { mentor: MENTOR, config })).status).toBe(201);
        });

        it("refuses them on PATCH, PUT and through a binding's nested agent_config", async () => {
            const c = await api().create("agent-configs/", { mentor: MENTOR });
            expect((await api().patch(`agent-configs/${c.id}/`, { config: { "gateway.auth.mode": "none" } })).status).toBe(400);
            expect((await api().put(`agent-configs/${c.id}/`, { mentor: MENTOR, config: { sandbox: { mode: "off" } } })).status).toBe(400);
            const inst = await api().create("claw/instances/", instanceBody());
            const b = await api().post("claw/mentor-configs/", { mentor: MENTOR_2, server: inst.id, agent_config: { config: { "hooks.allowUnsafeExternalContent": true } } });
            expect(b.status).toBe(400);
            expect(b.body).toEqual({ agent_config: { config: ['Config path "hooks.allowUnsafeExternalContent" is blocked and cannot be set through the API.'] } });
            // Nothing was created by the refused request.
            expect((await api().get("claw/mentor-configs/")).body.count).toBe(0);
            expect((await api().get("agent-configs/")).body.count).toBe(1);
        });
    });

    describe("skill resource files", () => {
        const upload = (fields: Record<string, string>, file?: Buffer) => {
            const form = new FormData();
            for (const [k, v] of Object.entries(fields)) form.set(k, v);
            if (file) form.set("file", new Blob([file]), "a.bin");
            return form;
        };

        it("needs a file for an asset, refuses one for a script, and refuses a JSON string as a file", async () => {
            const s = await api().create("agent-skills/", { name: "s", slug: "s" });
            const none = await api().post("agent-skill-resources/", { skill: s.id, file_type: "asset", filename: "a.png" });
            expect(none.body).toEqual({ file: ["No file was submitted."] });
            const str = await api().post("agent-skill-resources/", { skill: s.id, file_type: "asset", filename: "a.png", file: "aGVsbG8=" });
            expect(str.body).toEqual({ file: ["The submitted data was not a file. Check the encoding type on the form."] });
            const script = await api().post("agent-skill-resources/", undefined, { raw: upload({ skill: String(s.id), file_type: "script", filename: "a.sh" }, Buffer.from("x")) });
            expect(script.status).toBe(400);
            expect(Object.keys(script.body)).toEqual(["file"]);
            const empty = await api().post("agent-skill-resources/", undefined, { raw: upload({ skill: String(s.id), file_type: "asset", filename: "a" }, Buffer.alloc(0)) });
            expect(empty.body).toEqual({ file: ["The submitted file is empty."] });
        });

        it("replaces an asset's bytes by a multipart PATCH and keeps them on a JSON PATCH", async () => {
            const s = await api().create("agent-skills/", { name: "s", slug: "s" });
            const a = await api().post("agent-skill-resources/", undefined, { raw: upload({ skill: String(s.id), file_type: "asset", filename: "a.bin" }, Buffer.from("one")) });
            expect(a.status).toBe(201);
            const renamed = await api().patch(`agent-skill-resources/${a.body.id}/`, { filename: "b.bin" });
            expect(renamed.body.file).toBe(a.body.file);
            await api().patch(`agent-skill-resources/${a.body.id}/`, undefined, { raw: upload({}, Buffer.from("two")) });
            const got = (await api().get(`agent-skill-resources/${a.body.id}/`)).body;
            expect(Buffer.from(await (await fetch(got.file)).arrayBuffer()).toString()).toBe("two");
        });
    });

    describe("list filters and pagination edges", () => {
        it("refuses a bad choice, reference or UUID by parameter name, and ignores a boolean it cannot read", async () => {
            expect((await api().get("claw/instances/?status=bogus")).body).toEqual({ status: ["Select a valid choice. bogus is not one of the available choices."] });
            expect((await api().get("agent-skill-resources/?file_type=zip")).status).toBe(400);
            expect((await api().get("mentor-skill-assignments/?skill=abc")).body).toEqual({ skill: ["Select a valid choice. That choice is not one of the available choices."] });
            expect((await api().get("mentor-skill-assignments/?mentor=nope")).body).toEqual({ mentor: ["Enter a valid UUID."] });
            await api().create("agent-skills/", { name: "s", slug: "s", enabled: false });
            expect((await api().get("agent-skills/?enabled=maybe")).body.count).toBe(1);
            expect((await api().get("agent-skills/?enabled=TRUE")).body.count).toBe(0);
        });

        it("falls back to the default page for a bad limit and answers an empty page past the end", async () => {
            for (let i = 0; i < 3; i++) await api().create("agent-skills/", { name: `s${i}`, slug: `s${i}` });
            expect((await api().get("agent-skills/?limit=0")).body.results).toHaveLength(3);
            expect((await api().get("agent-skills/?limit=abc")).body.results).toHaveLength(3);
            const past = (await api().get("agent-skills/?limit=2&offset=10")).body;
            expect(past).toMatchObject({ count: 3, next: null, results: [] });
            expect(past.previous).toContain("offset=8");
        });
    });

    describe("routing", () => {
        it("redirects a GET without the trailing slash, 404s other methods and unknown paths (even unauthenticated)", async () => {
            const r = await fetch(`${api().base()}claw/instances`, { redirect: "manual", headers: { authorization: "Token x" } });
            expect(r.status).toBe(301);
            expect(r.headers.get("location")).toBe(`/api/ai-mentor/orgs/${ORG}/claw/instances/`);
            expect((await api().post("claw/instances", instanceBody())).status).toBe(404);
            expect((await api().get("claw/nothing-here/", { token: null })).status).toBe(404);
            expect((await api().get("claw/instances/1/unknown-action/")).status).toBe(404);
        });

        it("answers 405 for a method the route lacks", async () => {
            const r = await api().del("claw/instances/");
            expect(r.status).toBe(405);
            expect(r.body).toEqual({ detail: 'Method "DELETE" not allowed.' });
            const c = await api().create("claw/instances/", instanceBody());
            expect((await api().get(`claw/instances/${c.id}/push-providers/`)).status).toBe(405);
        });

        it("parses DRF's token header strictly", async () => {
            expect((await api().get("claw/instances/", { token: "" })).body).toEqual({ detail: "Invalid token header. No credentials provided." });
            expect((await api().get("claw/instances/", { token: "a b" })).body).toEqual({ detail: "Invalid token header. Token string should not contain spaces." });
            expect((await api().get("claw/instances/", { scheme: "Bearer" })).status).toBe(401);
        });
    });

    describe("cascades", () => {
        it("deleting a skill deletes its resources and assignments, and nothing else", async () => {
            const web = await api().create("agent-skills/", { name: "web", slug: "web" });
            const mail = await api().create("agent-skills/", { name: "mail", slug: "mail" });
            await api().create("agent-skill-resources/", { skill: web.id, file_type: "script", filename: "a.sh" });
            const keepRes = await api().create("agent-skill-resources/", { skill: mail.id, file_type: "script", filename: "b.sh" });
            await api().create("mentor-skill-assignments/", { mentor: MENTOR, skill: web.id });
            const keepAsg = await api().create("mentor-skill-assignments/", { mentor: MENTOR, skill: mail.id });
            expect((await api().del(`agent-skills/${web.id}/`)).status).toBe(204);
            expect((await api().get("agent-skill-resources/")).body.results.map((r: { id: number }) => r.id)).toEqual([keepRes.id]);
            expect((await api().get("mentor-skill-assignments/")).body.results.map((r: { id: number }) => r.id)).toEqual([keepAsg.id]);
        });

        it("deleting an instance deletes its bindings and model providers (on_delete=CASCADE) but keeps mentors' agent configs", async () => {
            const a = await api().create("claw/instances/", instanceBody());
            const b = await api().create("claw/instances/", instanceBody());
            await api().create("claw/mentor-configs/", { mentor: MENTOR, server: a.id });
            const keep = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: b.id });
            await api().create("claw/model-providers/", { server: a.id, name: "p", base_url: "https://p.example", api_type: "x", credential_name: "k" });
            expect((await api().del(`claw/instances/${a.id}/`)).status).toBe(204);
            expect((await api().get("claw/mentor-configs/")).body.results.map((r: { id: number }) => r.id)).toEqual([keep.id]);
            expect((await api().get("claw/model-providers/")).body.count).toBe(0);
            expect((await api().get("agent-configs/")).body.count).toBe(1);
            expect((await api().admin("GET", "counts")).body[ORG]).toMatchObject({ "claw/instances": 1, "claw/mentor-configs": 1, "claw/model-providers": 0 });
        });

        it("a binding whose agent config was deleted embeds {} until one exists again", async () => {
            const inst = await api().create("claw/instances/", instanceBody());
            const b = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: inst.id });
            await api().del(`agent-configs/${b.agent_config.id}/`);
            expect((await api().get(`claw/mentor-configs/${b.id}/`)).body.agent_config).toEqual({});
            const updated = await api().patch(`claw/mentor-configs/${b.id}/`, { agent_config: { soul: "back" } });
            expect(updated.body.agent_config).toMatchObject({ mentor: MENTOR, soul: "back", identity: "" });
        });
    });
});
