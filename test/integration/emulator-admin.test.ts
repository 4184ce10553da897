/**
 * The admin API under /__emulator/: request log, counts, state, resets, settings,
 * tokens (rotation), platform credentials, and its own 404.
 */
import { instanceBody, ORG, OTHER_ORG, useApi } from "./emulator-http";

describe("emulator admin API", () => {
    const api = useApi();
    beforeEach(async () => {
        await api().admin("POST", "reset");
    });

    it("answers health, and logs API requests by method and route pattern (admin calls excluded)", async () => {
        expect((await api().admin("GET", "health")).body).toEqual({ ok: true });
        const c = await api().create("claw/instances/", instanceBody());
        await api().get(`claw/instances/${c.id}/`);
        await api().get(`claw/instances/${c.id}/`);
        await api().post(`claw/instances/${c.id}/push-providers/`);
        await api().get("nothing/");
        await api().admin("GET", "counts");
        const before = Date.now();
        expect((await api().admin("GET", "requests")).body).toEqual({
            firstAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
            total: 5,
            counts: { "POST claw/instances/": 1, "GET claw/instances/{id}/": 2, "POST claw/instances/{id}/push-providers/": 1, "GET (unknown)": 1 },
        });
        // firstAt is the first request's time (a client's time to first request), not the last's.
        expect(Date.parse((await api().admin("GET", "requests")).body.firstAt)).toBeLessThanOrEqual(before);
        expect((await api().admin("POST", "reset-requests")).status).toBe(204);
        expect((await api().admin("GET", "requests")).body).toEqual({ total: 0, counts: {} });
        // reset-requests keeps the data; reset drops both.
        expect((await api().admin("GET", "counts")).body[ORG]["claw/instances"]).toBe(1);
        await api().get("claw/instances/");
        expect((await api().admin("POST", "reset")).status).toBe(204);
        expect((await api().admin("GET", "requests")).body.total).toBe(0);
        expect((await api().get("claw/instances/")).body.count).toBe(0);
    });

    it("shows counts per org and collection, and the whole state with write-only fields", async () => {
        await api().create("claw/instances/", instanceBody({ gateway_token: "visible-here" }));
        await api().create("agent-skills/", { name: "s", slug: "s" }, { org: OTHER_ORG });
        expect((await api().admin("GET", "counts")).body).toEqual({ [ORG]: { "claw/instances": 1 }, [OTHER_ORG]: { "agent-skills": 1 } });
        const state = (await api().admin("GET", "state")).body;
        expect(state.version).toBe(2);
        expect(Object.values(state.orgs[ORG]["claw/instances"])[0]).toMatchObject({ gateway_token: "visible-here" });
    });

    it("reads and changes settings, refusing unknown keys and wrong types by name", async () => {
        expect((await api().admin("GET", "settings")).body).toMatchObject({ requireDeviceApproval: false, pushDelayMs: 10 });
        const r = await api().admin("PATCH", "settings", { requireDeviceApproval: true, pushDelayMs: 5 });
        expect(r.body).toMatchObject({ requireDeviceApproval: true, pushDelayMs: 5 });
        expect(api().emu.settings.requireDeviceApproval).toBe(true);
        const bad = await api().admin("PATCH", "settings", { requireDeviceApproval: "yes", colour: "red" });
        expect(bad.status).toBe(400);
        expect(bad.body).toEqual({ requireDeviceApproval: ["Must be a valid boolean."], colour: ["Unknown setting."] });
        await api().admin("PATCH", "settings", { requireDeviceApproval: false, pushDelayMs: 10 });
    });

    it("adds and revokes tokens (rotation: the new one works, the old one stops)", async () => {
        expect((await api().admin("POST", "tokens", { org: ORG, token: "rotated-1" })).status).toBe(201);
        expect((await api().get("claw/instances/", { token: "rotated-1" })).status).toBe(200);
        expect((await api().admin("DELETE", "tokens/rotated-1")).status).toBe(204);
        expect((await api().get("claw/instances/", { token: "rotated-1" })).status).toBe(401);
        expect((await api().admin("POST", "tokens", { org: ORG, token: "has space" })).status).toBe(400);
        expect((await api().admin("GET", "orgs")).body).toEqual({ orgs: [ORG, OTHER_ORG] });
        // A token of a new org creates that org.
        await api().admin("POST", "tokens", { org: "initech", token: "i-1" });
        expect((await api().req("GET", "claw/instances/", undefined, { org: "initech", token: "i-1" })).status).toBe(200);
    });

    it("holds the platform's credential names per org; without a list every name resolves", async () => {
        const inst = await api().create("claw/instances/", instanceBody());
        const p = await api().create("claw/model-providers/", { server: inst.id, name: "a", base_url: "https://a.example", api_type: "x", credential_name: "k1" });
        expect((await api().admin("GET", `orgs/${ORG}/credentials`)).body).toEqual({ names: null });
        expect(p.credential_resolved).toBe(true);
        await api().admin("PUT", `orgs/${ORG}/credentials`, { names: ["k2"] });
        expect((await api().get(`claw/model-providers/${p.id}/`)).body.credential_resolved).toBe(false);
        await api().admin("PUT", `orgs/${ORG}/credentials`, { names: ["k1", "k2"] });
        expect((await api().get(`claw/model-providers/${p.id}/`)).body.credential_resolved).toBe(true);
        expect((await api().admin("PUT", `orgs/${ORG}/credentials`, { names: "k1" })).status).toBe(400);
        await api().admin("DELETE", `orgs/${ORG}/credentials`);
        expect((await api().admin("GET", `orgs/${ORG}/credentials`)).body).toEqual({ names: null });
    });

    it("answers 404 with the route for an unknown admin route", async () => {
        const r = await api().admin("GET", "nope");
        expect(r.status).toBe(404);
        expect(r.body.detail).toContain("/__emulator/nope/");
        expect((await api().admin("POST", `orgs/${ORG}/instances/999/approve-device`)).status).toBe(404);
    });
});
