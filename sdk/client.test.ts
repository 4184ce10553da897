import { FormData, MockAgent } from "undici";
import { ClawClient, type ClawClientOptions, type RequestEvent } from "./client";
import {
    AuthenticationError,
    ClawError,
    ConflictError,
    ForbiddenError,
    HttpError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    ResponseError,
    ServerError,
    ValidationError,
} from "./errors";

// The transport against undici's MockAgent: no sockets, every answer scripted. Timeouts and
// dropped connections on real sockets are in test/integration/sdk-transport.test.ts.

const ORIGIN = "http://claw.test";
const BASE = "/api/ai-mentor/orgs/acme/";
const TOKEN = "unit-tok-7d1e55aa";
const GW = "gw-secret-0c0ffee";
const JSON_HEADERS = { "content-type": "application/json" };

type Seen = { method: string; path: string; headers: Record<string, string>; body: unknown };

function setup(o: Partial<ClawClientOptions> = {}) {
    const mock = new MockAgent();
    mock.disableNetConnect();
    const pool = mock.get(ORIGIN);
    const events: RequestEvent[] = [];
    const seen: Seen[] = [];
    const client = new ClawClient({
        baseUrl: ORIGIN,
        org: "acme",
        token: TOKEN,
        dispatcher: mock,
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
        onRequest: (e) => events.push(e),
        ...o,
    });
    /** Scripts one answer for `method path` and records what was sent. */
    const on = (method: string, path: string, statusCode: number, data?: unknown, headers: Record<string, string> = {}) =>
        pool
            .intercept({ path: (p) => p.split("?")[0] === BASE + path, method })
            .reply((opts) => {
                seen.push({ method, path: opts.path, headers: opts.headers as Record<string, string>, body: opts.body });
                return { statusCode, data: data === undefined ? "" : JSON.stringify(data), responseOptions: { headers: data === undefined ? headers : { ...JSON_HEADERS, ...headers } } };
            });
    const fail = (method: string, path: string, code = "ECONNRESET") =>
        pool.intercept({ path: (p) => p.split("?")[0] === BASE + path, method }).replyWithError(Object.assign(new Error("socket hang up"), { code }));
    return { client, on, fail, events, seen, mock };
}

const inst = (id: number, extra: object = {}) => ({ id, name: "prod", server_url: "https://claw.acme.dev", ...extra });

describe("ClawClient transport", () => {
    it("sends the token with the chosen scheme, JSON bodies and the documented filters", async () => {
        for (const scheme of ["Token", "Api-Token"] as const) {
            const t = setup({ authScheme: scheme });
            t.on("GET", "claw/instances/", 200, { count: 0, next: null, previous: null, results: [] });
            await t.client.instances.listPage({ status: "active", search: "pr od", limit: 5 });
            expect(t.seen[0].headers.authorization).toBe(`${scheme} ${TOKEN}`);
            expect(t.seen[0].path).toContain("status=active");
            expect(t.seen[0].path).toContain("search=pr+od");
            expect(t.seen[0].path).toContain("limit=5");
        }
        const t = setup();
        t.on("POST", "claw/instances/", 201, inst(1));
        await t.client.instances.create({ name: "prod", server_url: "https://claw.acme.dev", gateway_token: GW });
        expect(t.seen[0].headers["content-type"]).toBe("application/json");
        expect(JSON.parse(String(t.seen[0].body))).toEqual({ name: "prod", server_url: "https://claw.acme.dev", gateway_token: GW });
    });

    // Issue 20: the hosted service refuses `Token <key>` with 401 "Invalid Token" even for a valid key.
    it("sends Api-Token by default, and answers the hosted service's Token refusal with the fix", async () => {
        const t = setup();
        t.on("GET", "agent-skills/", 200, []);
        await t.client.skills.listPage();
        expect(t.seen[0].headers.authorization).toBe(`Api-Token ${TOKEN}`);

        const old = setup({ authScheme: "Token" });
        old.on("GET", "agent-skills/9/", 401, { detail: "Invalid Token" });
        const e = await old.client.skills.get(9).catch((x: unknown) => x);
        expect(AuthenticationError.isInstance(e)).toBe(true);
        expect((e as ClawError).hint).toContain("pulumi config set iblai:authScheme Api-Token");
        expect((e as ClawError).hint).toContain("IBLAI_AUTH_SCHEME=Api-Token");
        expect((e as ClawError).hint).toContain('authScheme: "Api-Token"');

        // Under Api-Token the same answer means the key itself: no advice to switch schemes.
        const now = setup({ authScheme: "Api-Token" });
        now.on("GET", "agent-skills/9/", 401, { detail: "Invalid Token" });
        const e2 = await now.client.skills.get(9).catch((x: unknown) => x);
        expect((e2 as ClawError).hint).not.toContain("config set iblai:authScheme");
        expect((e2 as ClawError).hint).toContain("iblai:apiToken");
    });

    it("refuses an agent-config key the service would drop, with a did-you-mean, sending nothing", async () => {
        const t = setup();
        const m = "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10";
        const e = await t.client.mentorScoped(m).agentConfig.update({ user: "Ada's learners" } as never).catch((x: unknown) => x);
        expect(ValidationError.isInstance(e)).toBe(true);
        expect((e as ClawError).fieldErrors).toEqual({ user: ["unknown field (the service would drop it); did you mean user_context?"] });
        const nested = await t.client.mentorScoped(m).binding.create({ server: 4, agent_config: { identiy: "# A" } } as never).catch((x: unknown) => x);
        expect((nested as ClawError).fieldErrors).toEqual({ "agent_config.identiy": ["unknown field (the service would drop it); did you mean identity?"] });
        expect(() => t.client.mentorScoped("ada")).toThrow(/mentor: must be a mentor UUID/);
        expect(t.seen).toHaveLength(0);
    });

    it("speaks the mentor-scoped routes: bind, agent config, skills by unique_id, push; pairing on instances", async () => {
        const t = setup();
        const m = "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10";
        const u = "9b2e4c1a-7d3f-4e8a-b6c5-1f0e2d3c4b5a";
        const r = `mentors/${m}/`;
        t.on("POST", `${r}claw-config/`, 201, { id: 5, mentor: m, server: 4, agent_id: "main", auto_push: false });
        t.on("PATCH", `${r}agent-config/`, 200, { id: 8, soul: "kind", allowed_models: ["m/x"] });
        t.on("POST", `${r}skills/`, 201, { id: 2, skill: u, enabled: true });
        t.on("GET", `${r}skills/`, 200, [{ id: 2, skill: u, enabled: true }]);
        t.on("POST", `${r}claw-config/push-config/`, 202, { queued: true, message: "Config push queued." });
        t.on("POST", "claw/instances/4/request-pairing/", 202, { queued: true });
        const ada = t.client.mentorScoped(m);
        expect(await ada.binding.create({ server: "4", agent_id: "main", auto_push: false })).toMatchObject({ id: 5, agent_id: "main" });
        expect((await ada.agentConfig.update({ soul: "kind", allowed_models: ["m/x"] })).allowed_models).toEqual(["m/x"]);
        await ada.skills.create({ skill: u, enabled: true });
        expect(await ada.skills.listAll()).toHaveLength(1);
        expect((await ada.binding.pushConfig()).queued).toBe(true);
        expect((await t.client.instances.requestPairing(4)).queued).toBe(true);
        expect(t.seen.map((x) => `${x.method} ${x.path.split("?")[0]?.slice(BASE.length)}`)).toEqual([
            `POST ${r}claw-config/`,
            `PATCH ${r}agent-config/`,
            `POST ${r}skills/`,
            `GET ${r}skills/`,
            `POST ${r}claw-config/push-config/`,
            "POST claw/instances/4/request-pairing/",
        ]);
        expect(JSON.parse(String(t.seen[0]?.body))).toEqual({ server: 4, agent_id: "main", auto_push: false });
        expect(t.seen[4]?.body ?? "").toBe(""); // action endpoints: an empty body
    });

    // Issue 20: the guide answers actions with `checks`/`queued`, the generated client with the instance.
    it("takes either answer of an action: the checks shape, or the instance body", async () => {
        const t = setup();
        t.on("POST", "claw/instances/4/test-connectivity/", 200, { checks: [{ name: "tls_reachable", passed: true }, { name: "health_check", passed: false }] });
        t.on("POST", "claw/instances/4/test-connectivity/", 200, inst(4));
        t.on("POST", "claw/instances/4/request-pairing/", 200, inst(4));
        expect((await t.client.instances.testConnectivity(4)).all_passed).toBe(false); // derived from the checks
        expect(await t.client.instances.testConnectivity(4)).toMatchObject({ checks: [], all_passed: undefined, name: "prod" });
        expect(await t.client.instances.requestPairing(4)).toMatchObject({ id: 4 });
    });

    it("uploads an asset as multipart with the bytes in the field `file`", async () => {
        const t = setup();
        t.on("POST", "agent-skill-resources/", 201, { id: 3, skill: 9, file_type: "asset", filename: "logo.png", file: "https://cdn/logo.png" });
        const r = await t.client.skillResources.uploadAsset(9, "logo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47]), "image/png");
        expect(r.file).toBe("https://cdn/logo.png");
        const form = t.seen[0].body as FormData;
        expect(form).toBeInstanceOf(FormData);
        expect(form.get("skill")).toBe("9");
        expect(form.get("file_type")).toBe("asset");
        const file = form.get("file") as unknown as Blob & { name: string };
        expect(file.name).toBe("logo.png");
        expect(file.type).toBe("image/png");
        expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47]);
        expect(t.seen[0].headers["content-type"]).toBeUndefined(); // undici sets the multipart boundary itself
    });

    it.each([
        [400, { name: ["This field is required."] }, ValidationError, "CLAW_VALIDATION"],
        [400, { slug: ["agent skill with this slug already exists."] }, ConflictError, "CLAW_CONFLICT"],
        [401, { detail: "Invalid token." }, AuthenticationError, "CLAW_AUTH"],
        [403, { detail: "You do not have permission to perform this action." }, ForbiddenError, "CLAW_FORBIDDEN"],
        [404, { detail: "Not found." }, NotFoundError, "CLAW_NOT_FOUND"],
        [409, { detail: "conflict" }, ConflictError, "CLAW_CONFLICT"],
        [500, { detail: "boom" }, ServerError, "CLAW_SERVER"],
        [418, { detail: "teapot" }, HttpError, "CLAW_HTTP"],
    ])("maps HTTP %i to %p, naming method, route and status", async (status, body, Cls, code) => {
        const t = setup();
        t.on("GET", "agent-skills/9/", status, body);
        const e = await t.client.skills.get(9).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(Cls);
        expect((e as ClawError).code).toBe(code);
        expect((e as Error).message).toContain("GET agent-skills/9/");
        expect((e as Error).message).toContain(`HTTP ${status}`);
        expect(t.seen).toHaveLength(1); // none of these is retried
    });

    it("keeps the field messages of a 400", async () => {
        const t = setup();
        t.on("POST", "agent-skills/", 400, { name: ["Ensure this field has no more than 255 characters."], non_field_errors: ["bad"] });
        const e = (await t.client.skills.create({ name: "n", slug: "s" }).catch((x: unknown) => x)) as ValidationError;
        expect(e.fieldErrors).toEqual({ name: ["Ensure this field has no more than 255 characters."], non_field_errors: ["bad"] });
        expect(e.message).toContain("name: Ensure this field has no more than 255 characters.");
    });

    it("throws ResponseError for a 2xx body that breaks the contract, and keeps unknown fields otherwise", async () => {
        const t = setup();
        t.on("GET", "agent-skills/1/", 200, { id: "not-a-number" });
        await expect(t.client.skills.get(1)).rejects.toBeInstanceOf(ResponseError);
        t.on("GET", "agent-skills/2/", 200, { id: 2, name: "W", slug: "w", brand_new_field: { x: 1 } });
        await expect(t.client.skills.get(2)).resolves.toMatchObject({ brand_new_field: { x: 1 } });
    });

    it("retries 502/503/504 on a GET and succeeds", async () => {
        const t = setup();
        t.on("GET", "agent-skills/5/", 503, { detail: "down" });
        t.on("GET", "agent-skills/5/", 502);
        t.on("GET", "agent-skills/5/", 504);
        t.on("GET", "agent-skills/5/", 200, { id: 5, name: "W", slug: "w" });
        await expect(t.client.skills.get(5)).resolves.toMatchObject({ id: 5 });
        expect(t.events.map((e) => `${e.status}:${e.outcome}`)).toEqual(["503:retry", "502:retry", "504:retry", "200:ok"]);
    });

    it("gives up after maxAttempts with the last error, saying how many attempts were made", async () => {
        const t = setup({ retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
        for (let i = 0; i < 3; i++) t.on("GET", "agent-skills/5/", 503, { detail: "down" });
        const e = (await t.client.skills.get(5).catch((x: unknown) => x)) as ServerError;
        expect(e).toBeInstanceOf(ServerError);
        expect(e.attempts).toBe(3);
        expect(e.message).toContain("after 3 attempts");
        expect(t.events.map((x) => `${x.status}:${x.outcome}`)).toEqual(["503:retry", "503:retry", "503:fail"]);
    });

    it("honours Retry-After in seconds and as an HTTP date", async () => {
        const t = setup();
        t.on("GET", "agent-skills/", 429, { detail: "Request was throttled." }, { "retry-after": "1" });
        t.on("GET", "agent-skills/", 429, { detail: "Request was throttled." }, { "retry-after": new Date(Date.now() + 3000).toUTCString() });
        t.on("GET", "agent-skills/", 200, { count: 0, next: null, previous: null, results: [] });
        const t0 = Date.now();
        await t.client.skills.listAll();
        const waited = Date.now() - t0;
        // 1 s, then until the date: it has whole seconds, so 1-2 s after the first wait ends.
        expect(waited).toBeGreaterThanOrEqual(1950);
        expect(waited).toBeLessThan(6000);
    });

    it("stops at once with RateLimitedError when Retry-After exceeds the retry budget", async () => {
        const t = setup({ retry: { budgetMs: 2000, baseDelayMs: 1 } });
        t.on("GET", "agent-skills/", 429, { detail: "slow down" }, { "retry-after": "60" });
        const t0 = Date.now();
        const e = (await t.client.skills.listAll().catch((x: unknown) => x)) as RateLimitedError;
        expect(Date.now() - t0).toBeLessThan(1000);
        expect(e).toBeInstanceOf(RateLimitedError);
        expect(e.retryAfterMs).toBe(60_000);
    });

    it("never resends a POST whose outcome is unknown when it has no natural key", async () => {
        const t = setup();
        t.fail("POST", "claw/instances/1/health-check/"); // idempotent probe: retried
        t.on("POST", "claw/instances/1/health-check/", 200, { last_health_status: "ok" });
        await expect(t.client.instances.healthCheck(1)).resolves.toMatchObject({ last_health_status: "ok" });
        t.fail("POST", "claw/instances/");
        const e = await t.client.request("POST", "claw/instances/", { body: {} }).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(NetworkError);
        expect(t.seen.filter((s) => s.method === "POST" && s.path.endsWith("claw/instances/"))).toHaveLength(0);
        expect((e as NetworkError).message).toContain("ECONNRESET");
    });

    it("recovers a create whose answer was lost by its natural key instead of sending it again", async () => {
        const t = setup();
        t.fail("POST", "agent-skills/");
        t.on("GET", "agent-skills/", 200, { count: 2, next: null, previous: null, results: [{ id: 1, name: "A", slug: "a" }, { id: 7, name: "W", slug: "weather" }] });
        const s = await t.client.skills.create({ name: "W", slug: "weather" });
        expect(s.id).toBe(7);
        expect(t.events.map((e) => e.outcome)).toEqual(["retry", "ok", "recovered"]);
        expect(t.seen.filter((x) => x.method === "POST")).toHaveLength(0);
    });

    it("sends the create again when the lookup finds nothing, and not on a 429", async () => {
        const t = setup();
        t.on("POST", "agent-skills/", 502);
        t.on("GET", "agent-skills/", 200, { count: 0, next: null, previous: null, results: [] });
        t.on("POST", "agent-skills/", 429, { detail: "throttled" });
        t.on("POST", "agent-skills/", 201, { id: 8, name: "W", slug: "weather" });
        await expect(t.client.skills.create({ name: "W", slug: "weather" })).resolves.toMatchObject({ id: 8 });
        // POST (502) → lookup → POST (429: not processed, no lookup) → POST (201)
        expect(t.seen.map((s) => s.method)).toEqual(["POST", "GET", "POST", "POST"]);
    });

    it("counts a DELETE that finds the object gone on a retry as done", async () => {
        const t = setup();
        t.on("DELETE", "agent-skills/4/", 503);
        t.on("DELETE", "agent-skills/4/", 404, { detail: "Not found." });
        await expect(t.client.skills.delete(4)).resolves.toBeUndefined();
        t.on("DELETE", "agent-skills/4/", 404, { detail: "Not found." });
        await expect(t.client.skills.delete(4)).rejects.toBeInstanceOf(NotFoundError);
        // A 429 was not processed, so a 404 after it means the object never was there.
        t.on("DELETE", "agent-skills/4/", 429, { detail: "throttled" }, { "retry-after": "0" });
        t.on("DELETE", "agent-skills/4/", 404, { detail: "Not found." });
        await expect(t.client.skills.delete(4)).rejects.toBeInstanceOf(NotFoundError);
    });

    it("validates request bodies strictly before sending anything", async () => {
        const t = setup();
        const bad = (await t.client.instances.create({ name: "", server_url: "ftp://nope", gateway_token: GW } as never).catch((e: unknown) => e)) as ValidationError;
        expect(bad).toBeInstanceOf(ValidationError);
        expect(bad.status).toBeUndefined();
        expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["name", "server_url"]);
        expect(bad.message).toContain("POST claw/instances/: invalid request body, not sent");
        const typo = (await t.client.skills.update(3, { typo_field: 1 } as never).catch((e: unknown) => e)) as ValidationError;
        expect(typo.fieldErrors).toEqual({ typo_field: ["unknown field"] });
        expect(typo.message).toContain("PATCH agent-skills/3/");
        await expect(t.client.agentConfigs.upsertForMentor("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", { config: { sandbox: { mode: "off" } } })).rejects.toThrow(/sandbox\.mode/);
        expect(t.seen).toHaveLength(0);
    });

    it("keeps the token and write-only values out of every error and every log event", async () => {
        const t = setup();
        // A service that echoes what it was sent, the Authorization header included.
        t.on("POST", "claw/instances/", 400, { gateway_token: [`${GW} is not valid`], detail: `Authorization: Token ${TOKEN}` });
        t.on("PATCH", "claw/instances/3/", 500, `upstream said ${GW} / ${TOKEN}`);
        t.on("GET", "claw/instances/3/", 503, { detail: `token ${TOKEN}` });
        t.on("GET", "claw/instances/3/", 401, { detail: `Invalid token ${TOKEN}` });
        const errors = await Promise.all([
            t.client.instances.create({ name: "p", server_url: "https://c.dev", gateway_token: GW, auth_headers: { "X-Proxy": "proxy-secret-99" } }).catch((e: unknown) => e),
            t.client.instances.update(3, { gateway_token: GW, connection_params: { device_identity: { private_key_pem: "-----BEGIN PRIVATE KEY-----abc" } } }).catch((e: unknown) => e),
            t.client.instances.get(3).catch((e: unknown) => e),
        ]);
        const texts = errors.flatMap((e) => [String(e), (e as Error).message, JSON.stringify(e), (e as Error).stack ?? ""]);
        texts.push(...t.events.map((e) => JSON.stringify(e)));
        const all = texts.join("\n");
        expect(errors.every((e) => ClawError.isInstance(e))).toBe(true);
        for (const secret of [TOKEN, GW]) expect(all).not.toContain(secret);
        expect(all).toContain("[REDACTED]");
        expect(t.events.length).toBeGreaterThanOrEqual(4);
    });

    it("limits requests in flight", async () => {
        const t = setup({ maxConcurrency: 2 });
        let inFlight = 0;
        let peak = 0;
        const pool = t.mock.get(ORIGIN);
        pool.intercept({ path: (p) => p.startsWith(`${BASE}agent-skills/`), method: "GET" })
            .reply(async () => {
                inFlight++;
                peak = Math.max(peak, inFlight);
                await new Promise((r) => setTimeout(r, 20));
                inFlight--;
                return { statusCode: 200, data: JSON.stringify({ id: 1, name: "W", slug: "w" }), responseOptions: { headers: JSON_HEADERS } };
            })
            .persist();
        await Promise.all(Array.from({ length: 6 }, () => t.client.skills.get(1)));
        expect(peak).toBe(2);
    });

    it("ignores a logger that throws", async () => {
        const t = setup({
            onRequest: () => {
                throw new Error("logger broke");
            },
        });
        t.on("GET", "agent-skills/1/", 200, { id: 1, name: "W", slug: "w" });
        await expect(t.client.skills.get(1)).resolves.toMatchObject({ id: 1 });
    });

    it("shows no token when printed", () => {
        const { client } = setup();
        expect(JSON.stringify(client)).not.toContain(TOKEN);
        expect(require("node:util").inspect(client)).not.toContain(TOKEN);
    });
});

// Issue 10, points 3 and 4: the auth schemes that exist, and base URLs with a path prefix.
describe("ClawClient configuration", () => {
    it("refuses the Api-Key scheme with a hint naming Api-Token, and any other scheme", () => {
        for (const bad of ["Api-Key", "api_key", "Bearer"]) {
            let err: unknown;
            try {
                new ClawClient({ baseUrl: ORIGIN, org: "acme", token: TOKEN, authScheme: bad as never });
            } catch (e) {
                err = e;
            }
            expect(ClawError.isInstance(err) && err.code).toBe("CLAW_CONFIG");
            expect((err as Error).message).toContain("Api-Token");
            expect((err as Error).message).not.toContain(TOKEN);
        }
    });

    it.each([
        ["https://host.test/dm", "https://host.test/dm/api/ai-mentor/orgs/acme/claw/instances/"],
        ["https://host.test/dm/", "https://host.test/dm/api/ai-mentor/orgs/acme/claw/instances/"],
        ["https://host.test/a/b//", "https://host.test/a/b/api/ai-mentor/orgs/acme/claw/instances/"],
        ["https://host.test", "https://host.test/api/ai-mentor/orgs/acme/claw/instances/"],
    ])("builds URLs under a base URL with a path: %s", (baseUrl, url) => {
        const client = new ClawClient({ baseUrl, org: "acme", token: TOKEN, dispatcher: new MockAgent() });
        expect(client.urlOf("claw/instances/")).toBe(url);
    });

    it("sends requests under the base URL's path prefix", async () => {
        const mock = new MockAgent();
        mock.disableNetConnect();
        let seenPath = "";
        mock.get(ORIGIN)
            .intercept({ path: (p) => p.startsWith("/dm/api/ai-mentor/orgs/acme/claw/instances/"), method: "GET" })
            .reply((opts) => {
                seenPath = opts.path;
                return { statusCode: 200, data: JSON.stringify({ count: 0, next: null, previous: null, results: [] }), responseOptions: { headers: JSON_HEADERS } };
            });
        const client = new ClawClient({ baseUrl: `${ORIGIN}/dm/`, org: "acme", token: TOKEN, dispatcher: mock });
        await client.instances.listAll();
        expect(seenPath.split("?")[0]).toBe("/dm/api/ai-mentor/orgs/acme/claw/instances/");
    });
});

// Issue 10, point 8a, through the whole client: a 400 that echoes the request's private key
// inside a nested field error (DRF's nested serializer errors) must not leak it anywhere.
describe("ClawClient errors with echoed secrets", () => {
    it("scrubs a write-only PEM echoed in a nested field error, in every text the error shows", async () => {
        const PEM = require("node:crypto").generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString() as string;
        const t = setup();
        t.on("POST", "claw/instances/", 400, { connection_params: { device_identity: { private_key_pem: [`Not a valid key: ${PEM}`] } }, gateway_token: [{ echo: GW }] });
        const err = (await t.client.instances
            .create({ name: "prod", server_url: "https://claw.acme.dev", gateway_token: GW, connection_params: { device_identity: { private_key_pem: PEM } } })
            .catch((e: unknown) => e)) as ClawError;
        expect(ClawError.isInstance(err)).toBe(true);
        const text = [err.message, err.stack, JSON.stringify(err), require("node:util").inspect(err, { depth: 10 }), JSON.stringify(err.fieldErrors)].join("\n");
        const body = PEM.split("\n")[1] as string;
        for (const leak of [PEM, JSON.stringify(PEM).slice(1, -1), body, GW, TOKEN]) expect(text).not.toContain(leak);
        expect(err.fieldErrors?.connection_params?.[0]).toContain("[REDACTED]");
    });
});
