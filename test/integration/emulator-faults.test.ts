/**
 * Fault injection, through the admin API contract (`PUT/GET/DELETE /__emulator/faults`)
 * and the Emulator object: statuses with Retry-After, latency, connection resets before
 * and after the write is committed, slow pushes; rules' method/route/rate/times.
 */
import { startEmulator } from "../../emulator";
import { Api, ed25519Pem, instanceBody, MENTOR, ORG, TOKEN, useApi } from "./emulator-http";

describe("emulator faults", () => {
    const api = useApi({ seed: 42 });
    beforeEach(async () => {
        await api().admin("DELETE", "faults");
        await api().admin("POST", "reset");
    });

    it("replaces rules with PUT, lists them with remaining counts, clears them with DELETE", async () => {
        const put = await api().admin("PUT", "faults", { rules: [{ kind: "status", status: 503, times: 2 }, { kind: "latency", ms: 1 }] });
        expect(put.status).toBe(200);
        expect((await api().get("claw/instances/")).status).toBe(503);
        const listed = (await api().admin("GET", "faults")).body.rules;
        expect(listed).toEqual([
            { kind: "status", status: 503, times: 2, applied: 1, remaining: 1 },
            { kind: "latency", ms: 1, applied: 1, remaining: null },
        ]);
        expect((await api().get("claw/instances/")).status).toBe(503);
        expect((await api().get("claw/instances/")).status).toBe(200); // spent
        expect((await api().admin("GET", "faults")).body.rules[0].remaining).toBe(0);
        await api().admin("PUT", "faults", { rules: [{ kind: "status", status: 500 }] });
        expect((await api().admin("GET", "faults")).body.rules).toHaveLength(1); // replaced, not appended
        expect((await api().admin("DELETE", "faults")).status).toBe(204);
        expect((await api().admin("GET", "faults")).body.rules).toEqual([]);
        expect((await api().get("claw/instances/")).status).toBe(200);
    });

    it.each([429, 500, 502, 503, 504])("answers %i with a DRF {detail} body", async (status) => {
        api().emu.setFaults([{ kind: "status", status, times: 1 }]);
        const r = await api().get("agent-skills/");
        expect(r.status).toBe(status);
        expect(Object.keys(r.body)).toEqual(["detail"]);
        expect(typeof r.body.detail).toBe("string");
    });

    it("sends Retry-After as given (seconds or an HTTP date), and 1 s by default on 429", async () => {
        const date = new Date(Date.now() + 5000).toUTCString();
        api().emu.setFaults([
            { kind: "status", status: 503, retryAfter: date, times: 1 },
            { kind: "status", status: 429, times: 1 },
        ]);
        expect((await api().get("agent-skills/")).headers.get("retry-after")).toBe(date);
        const throttled = await api().get("agent-skills/");
        expect(throttled.headers.get("retry-after")).toBe("1");
        expect(throttled.body.detail).toBe("Request was throttled. Expected available in 1 seconds.");
    });

    it("matches method and route patterns as the request log writes them", async () => {
        const c = await api().create("claw/instances/", instanceBody());
        api().emu.setFaults([{ method: "patch", route: "/claw/instances/{id}", kind: "status", status: 502 }]);
        expect((await api().get(`claw/instances/${c.id}/`)).status).toBe(200);
        expect((await api().get("claw/instances/")).status).toBe(200);
        expect((await api().patch(`claw/instances/${c.id}/`, { name: "x" })).status).toBe(502);
        api().emu.setFaults([{ route: "claw/*", kind: "status", status: 500 }]);
        expect((await api().get("claw/instances/")).status).toBe(500);
        expect((await api().get("agent-skills/")).status).toBe(200);
    });

    it("never faults the admin API, and faulted requests still count in the request log", async () => {
        await api().admin("POST", "reset-requests");
        api().emu.setFaults([{ kind: "status", status: 500 }]);
        expect((await api().get("claw/instances/")).status).toBe(500);
        const log = await api().admin("GET", "requests");
        expect(log.status).toBe(200);
        expect(log.body).toEqual({ total: 1, counts: { "GET claw/instances/": 1 }, firstAt: expect.any(String) });
        expect(api().emu.requestCounts()).toEqual({ "GET claw/instances/": 1 });
    });

    it("fires at the given rate (seeded dice) and never at rate 0", async () => {
        api().emu.setFaults([{ kind: "status", status: 503, rate: 0.3 }]);
        let hits = 0;
        for (let i = 0; i < 200; i++) if ((await api().get("agent-skills/")).status === 503) hits++;
        expect(hits).toBeGreaterThan(30);
        expect(hits).toBeLessThan(90);
        api().emu.setFaults([{ kind: "status", status: 503, rate: 0 }]);
        for (let i = 0; i < 20; i++) expect((await api().get("agent-skills/")).status).toBe(200);
    });

    it("adds latency", async () => {
        api().emu.setFaults([{ kind: "latency", ms: 250, times: 1 }]);
        const t = Date.now();
        expect((await api().get("agent-skills/")).status).toBe(200);
        expect(Date.now() - t).toBeGreaterThanOrEqual(240);
        await api().get("agent-skills/");
        expect(api().emu.faults()[0]).toMatchObject({ applied: 1, remaining: 0 }); // spent: the second request was not delayed
    });

    it("reset-before drops the connection and commits nothing", async () => {
        api().emu.setFaults([{ method: "POST", route: "agent-skills/", kind: "reset-before", times: 1 }]);
        await expect(api().post("agent-skills/", { name: "a", slug: "a" })).rejects.toThrow();
        expect((await api().get("agent-skills/")).body.count).toBe(0);
        expect(api().emu.requestCounts()["POST agent-skills/"]).toBe(1);
    });

    it("reset-after commits the write, then drops the connection unanswered", async () => {
        api().emu.setFaults([{ method: "POST", route: "agent-skills/", kind: "reset-after", times: 1 }]);
        await expect(api().post("agent-skills/", { name: "a", slug: "a" })).rejects.toThrow();
        const list = (await api().get("agent-skills/")).body;
        expect(list.count).toBe(1);
        expect(list.results[0].slug).toBe("a");
        // A blind retry now meets the uniqueness rule: exactly what a client must handle.
        expect((await api().post("agent-skills/", { name: "a", slug: "a" })).status).toBe(400);
    });

    it("slow-push keeps a push pending for the given time, then it completes", async () => {
        const inst = await api().create("claw/instances/", instanceBody({ connection_params: { device_identity: { private_key_pem: ed25519Pem() } } }));
        const b = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: inst.id });
        api().emu.setFaults([{ route: "claw/mentor-configs/{id}/push-config/", kind: "slow-push", ms: 400, times: 1 }]);
        const t = Date.now();
        expect((await api().post(`claw/mentor-configs/${b.id}/push-config/`)).status).toBe(202);
        await new Promise((r) => setTimeout(r, 200));
        expect((await api().get(`claw/mentor-configs/${b.id}/`)).body.last_config_push_status).toBe("pending");
        const done = await api().settle(`claw/mentor-configs/${b.id}/`, "last_config_push_status");
        expect(done.last_config_push_status).toBe("success");
        expect(Date.now() - t).toBeGreaterThanOrEqual(390);
        expect(api().emu.faults()[0]).toMatchObject({ applied: 1, remaining: 0 });
    });

    it("refuses invalid rules by index and keeps the old ones", async () => {
        api().emu.setFaults([{ kind: "latency", ms: 1 }]);
        const r = await api().admin("PUT", "faults", { rules: [{ kind: "status" }, { kind: "boom" }, { kind: "latency", ms: 1, rate: 2 }] });
        expect(r.status).toBe(400);
        expect(r.body.rules).toEqual([
            'rule 0: kind "status" needs "status", an HTTP error code 400-599',
            'rule 1: "kind" must be one of status, latency, reset-before, reset-after, slow-push',
            'rule 2: "rate" must be a number from 0 to 1',
        ]);
        expect((await api().admin("GET", "faults")).body.rules).toHaveLength(1);
        expect(() => api().emu.setFaults([{ kind: "status" }])).toThrow(/rule 0/);
    });

    it("takes rules from EmulatorOptions.faults", async () => {
        const emu = await startEmulator({ orgs: { [ORG]: TOKEN }, faults: [{ kind: "status", status: 429, retryAfter: "7", times: 1 }] });
        try {
            const a = new Api(emu);
            const r = await a.get("claw/instances/");
            expect(r.status).toBe(429);
            expect(r.headers.get("retry-after")).toBe("7");
            expect((await a.get("claw/instances/")).status).toBe(200);
        } finally {
            await emu.close();
        }
    });
});
