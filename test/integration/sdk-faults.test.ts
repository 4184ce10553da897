import { type ClawClient, NetworkError, RateLimitedError, ServerError, TimeoutError } from "../../sdk";
import { useEmulator } from "../helpers/emulator";
import { clearFaults, countOf, mentorId, recording, requestsFor, setFaults, uniq } from "./sdk-helpers";

// The sdk riding out the emulator's injected faults: throttling, 5xx, lost answers,
// dropped connections, slow answers; and pagination across many pages.
describe("sdk against emulator faults", () => {
    const env = useEmulator();
    const url = () => env.emu.url;
    afterEach(() => clearFaults(url()));

    const make = (o: object = {}) => recording((x) => env.client(x), o);

    it("waits as long as Retry-After asks on a 429, then succeeds", async () => {
        const { client, events } = make();
        await setFaults(url(), [{ method: "GET", route: "agent-skills/", kind: "status", status: 429, retryAfter: "1", times: 2 }]);
        const t0 = Date.now();
        await client.skills.listAll();
        const waited = Date.now() - t0;
        expect(waited).toBeGreaterThanOrEqual(1950); // two waits of 1 s
        expect(waited).toBeLessThan(8000);
        expect(events.map((e) => `${e.status}:${e.outcome}`)).toEqual(["429:retry", "429:retry", "200:ok"]);
    });

    it("honours a Retry-After given as an HTTP date", async () => {
        const { client } = make();
        const at = new Date(Date.now() + 2500).toUTCString(); // whole seconds: 1.5-2.5 s from now
        await setFaults(url(), [{ method: "GET", route: "agent-skills/", kind: "status", status: 503, retryAfter: at, times: 1 }]);
        const t0 = Date.now();
        await client.skills.listAll();
        expect(Date.now() - t0).toBeGreaterThanOrEqual(1400);
    });

    it("gives up on persistent throttling with RateLimitedError carrying Retry-After", async () => {
        const { client } = make({ retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 } });
        await setFaults(url(), [{ method: "GET", route: "agent-skills/", kind: "status", status: 429, retryAfter: "1" }]);
        const e = (await client.skills.listAll().catch((x: unknown) => x)) as RateLimitedError;
        expect(e).toBeInstanceOf(RateLimitedError);
        expect(e.retryAfterMs).toBe(1000);
        expect(e.attempts).toBe(2);
        expect(e.message).toContain("GET agent-skills/");
        expect(e.message).toContain("HTTP 429");
    });

    it("retries 502, 503 and 504 on reads and writes, and stops with ServerError", async () => {
        const { client } = make();
        const k = await client.skills.create({ name: "S", slug: uniq("s5xx") });
        await setFaults(url(), [
            { method: "GET", route: "agent-skills/{id}/", kind: "status", status: 502, times: 1 },
            { method: "GET", route: "agent-skills/{id}/", kind: "status", status: 503, times: 1 },
            { method: "PATCH", route: "agent-skills/{id}/", kind: "status", status: 504, times: 2 },
        ]);
        await expect(client.skills.get(k.id)).resolves.toMatchObject({ id: k.id });
        await expect(client.skills.update(k.id, { version: "2" })).resolves.toMatchObject({ version: "2" });
        await setFaults(url(), [{ method: "GET", route: "agent-skills/{id}/", kind: "status", status: 503 }]);
        const few = make({ retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 10 } }).client;
        const e = (await few.skills.get(k.id).catch((x: unknown) => x)) as ServerError;
        expect(e).toBeInstanceOf(ServerError);
        expect(e.attempts).toBe(3);
    });

    it("does not retry a 500 on a create (its outcome is known: it failed)", async () => {
        const { client } = make();
        await setFaults(url(), [{ method: "POST", route: "agent-skills/", kind: "status", status: 500, times: 1 }]);
        const before = await requestsFor(url(), "POST agent-skills/");
        await expect(client.skills.create({ name: "S", slug: uniq("s500") })).rejects.toBeInstanceOf(ServerError);
        expect((await requestsFor(url(), "POST agent-skills/")) - before).toBe(1);
    });

    // For each entity: the service commits the create, then the connection drops before the
    // answer. The client must find the object by its natural key and make no second one.
    const lostCreates: Array<[string, string, (c: ClawClient) => Promise<{ id: number | string }>]> = [
        ["instances", "claw/instances/", (c) => c.instances.create({ name: uniq("lost"), server_url: "https://lost.example.com", gateway_token: "gw-lost-tok" })],
        ["skills", "agent-skills/", (c) => c.skills.create({ name: "Lost", slug: uniq("lost") })],
        [
            "model providers",
            "claw/model-providers/",
            async (c) => {
                const s = await c.instances.create({ name: uniq("mp"), server_url: "https://mp.example.com", gateway_token: "gw-mp-tok" });
                return c.modelProviders.create({ server: s.id, name: "openrouter", base_url: "https://openrouter.ai/api/v1", api_type: "openai-completions", credential_name: "or" });
            },
        ],
        [
            "mentor bindings",
            "claw/mentor-configs/",
            async (c) => {
                const s = await c.instances.create({ name: uniq("mb"), server_url: "https://mb.example.com", gateway_token: "gw-mb-tok" });
                return c.mentorBindings.create({ mentor: mentorId(), server: s.id });
            },
        ],
        ["agent configs", "agent-configs/", (c) => c.agentConfigs.create({ mentor: mentorId(), soul: "lost and found" })],
        [
            "skill assignments",
            "mentor-skill-assignments/",
            async (c) => {
                const k = await c.skills.create({ name: "SA", slug: uniq("sa") });
                return c.skillAssignments.create({ mentor: mentorId(), skill: k.id });
            },
        ],
        [
            "skill resources",
            "agent-skill-resources/",
            async (c) => {
                const k = await c.skills.create({ name: "SR", slug: uniq("sr") });
                return c.skillResources.create({ skill: k.id, file_type: "script", filename: "a.sh", content: "echo" });
            },
        ],
    ];
    it.each(lostCreates)("%s: a create whose answer was lost is found by its natural key, never duplicated", async (_name, route, create) => {
        const { client, events } = make();
        // Prerequisites (a server, a skill) are other routes, so the rule spares them.
        await setFaults(url(), [{ method: "POST", route, kind: "reset-after", times: 1 }]);
        const before = await countOf(url(), route);
        const posts = await requestsFor(url(), `POST ${route}`);
        const obj = await create(client);
        expect(obj.id).toBeGreaterThan(0);
        expect(await countOf(url(), route)).toBe(before + 1);
        expect((await requestsFor(url(), `POST ${route}`)) - posts).toBe(1); // found, not sent again
        expect(events.filter((e) => e.route === route && e.method === "POST").map((e) => e.outcome)).toEqual(["retry", "recovered"]);
    });

    it("sends a create again when the connection dropped before the service saw it", async () => {
        const { client } = make();
        await setFaults(url(), [{ method: "POST", route: "agent-skills/", kind: "reset-before", times: 1 }]);
        const before = await countOf(url(), "agent-skills/");
        const k = await client.skills.create({ name: "RB", slug: uniq("rb") });
        expect(k.id).toBeGreaterThan(0);
        expect(await countOf(url(), "agent-skills/")).toBe(before + 1);
    });

    it("retries reads over dropped connections, and reports NetworkError when they keep dropping", async () => {
        const { client } = make();
        await setFaults(url(), [{ method: "GET", route: "agent-skills/", kind: "reset-before", times: 2 }]);
        await expect(client.skills.listAll()).resolves.toBeDefined();
        await setFaults(url(), [{ method: "GET", route: "agent-skills/", kind: "reset-before" }]);
        const few = make({ retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 } }).client;
        const e = (await few.skills.listAll().catch((x: unknown) => x)) as NetworkError;
        expect(e).toBeInstanceOf(NetworkError);
        expect(e.message).toContain("GET agent-skills/");
        expect(e.attempts).toBe(2);
    });

    it("times out a slow attempt, retries it, and reports TimeoutError when every attempt is slow", async () => {
        const { client, events } = make({ timeoutMs: 300 });
        await setFaults(url(), [{ method: "GET", route: "agent-skills/", kind: "latency", ms: 1500, times: 1 }]);
        const t0 = Date.now();
        await client.skills.listAll();
        expect(Date.now() - t0).toBeLessThan(1400); // did not wait out the slow answer
        expect(events[0]).toMatchObject({ error: "CLAW_TIMEOUT", outcome: "retry" });

        await setFaults(url(), [{ method: "GET", route: "agent-skills/", kind: "latency", ms: 1500 }]);
        const slow = make({ timeoutMs: 200, retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 } }).client;
        const e = (await slow.skills.listAll().catch((x: unknown) => x)) as TimeoutError;
        expect(e).toBeInstanceOf(TimeoutError);
        expect(e.message).toContain("GET agent-skills/");
        expect(e.attempts).toBe(2);
    });

    it("makes no duplicate when a create times out but lands on the service", async () => {
        const { client } = make({ timeoutMs: 300 });
        await setFaults(url(), [{ method: "POST", route: "agent-skills/", kind: "latency", ms: 500, times: 1 }]);
        const before = await countOf(url(), "agent-skills/");
        await client.skills.create({ name: "Slow", slug: uniq("slow") });
        // Wait for the slow first attempt to land, if it still had to.
        await new Promise((r) => setTimeout(r, 600));
        expect(await countOf(url(), "agent-skills/")).toBe(before + 1);
    });

    it("stops retrying when the total budget is spent", async () => {
        const { client } = make({ retry: { maxAttempts: 50, baseDelayMs: 200, maxDelayMs: 400, budgetMs: 1200 } });
        await setFaults(url(), [{ method: "GET", route: "agent-skills/", kind: "status", status: 503 }]);
        const t0 = Date.now();
        await expect(client.skills.listAll()).rejects.toBeInstanceOf(ServerError);
        expect(Date.now() - t0).toBeLessThan(2500);
    });

    it("reads every object across many pages, once each", async () => {
        const { client } = make({ maxConcurrency: 4 });
        const tag = uniq("pg");
        const made = await Promise.all(Array.from({ length: 53 }, (_, i) => client.skills.create({ name: `${tag} ${i}`, slug: `${tag}-${i}`, enabled: i % 2 === 0 })));
        const gets = await requestsFor(url(), "GET agent-skills/");
        const seen: string[] = [];
        for await (const s of client.skills.list({ search: tag }, 5)) seen.push(String(s.id));
        expect(seen.sort()).toEqual(made.map((m) => String(m.id)).sort());
        expect((await requestsFor(url(), "GET agent-skills/")) - gets).toBe(11); // 53 / 5, rounded up
        const enabled = await client.skills.listAll({ search: tag, enabled: true });
        expect(enabled).toHaveLength(27);

        const p2 = await client.skills.listPage({ search: tag, limit: 5, offset: 5 });
        expect(p2.count).toBe(53);
        expect(p2.results).toHaveLength(5);
        expect(p2.next).toBeTruthy();
        expect(p2.previous).toBeTruthy();
    });

    it("stops reading pages when the caller breaks out", async () => {
        const { client } = make();
        const gets = await requestsFor(url(), "GET agent-skills/");
        for await (const _ of client.skills.list({}, 2)) break;
        expect((await requestsFor(url(), "GET agent-skills/")) - gets).toBe(1);
    });
});
