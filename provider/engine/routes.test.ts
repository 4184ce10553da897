import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { ClawClient } from "../../sdk";
import { agentConfigFacts } from "../resources/agentConfig";
import { agentIdNotice, autoPushNotice } from "../entities/mentorBindingBehaviour";
import { mentorBindingFacts } from "../resources/mentorBinding";
import { skillAssignmentFacts } from "../resources/skillAssignment";
import type { Connection } from "./connection";
import { apiMethods } from "./crud";
import { apiRoutesProblem, decideRoutes, forgetRouteDecisions, routesOf } from "./routes";

// A real HTTP server on a loopback port (not a mock): it answers the probe with the status a
// test sets and counts every request, so "once per process per org" and "zero requests in
// check and diff" are measured, not assumed.
const MENTOR = "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10";
let server: http.Server;
let url = "";
let status = 404;
const seen: string[] = [];

beforeAll(async () => {
    server = http.createServer((req, res) => {
        seen.push(`${req.method} ${req.url}`);
        res.writeHead(status, { "content-type": "application/json" });
        res.end(status < 300 ? JSON.stringify({ count: 0, next: null, previous: null, results: [] }) : JSON.stringify({ detail: "Not found." }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await new Promise((r) => server.close(r));
});
beforeEach(() => {
    forgetRouteDecisions();
    seen.length = 0;
});

const clients: ClawClient[] = [];
const clientOf = (org: string) => {
    const c = new ClawClient({ baseUrl: url, org, token: "routes-test-token", retry: { maxAttempts: 1 } });
    clients.push(c);
    return c;
};

describe("decideRoutes (iblai:apiRoutes)", () => {
    it("auto asks the service once per org per process: 404 means the mentor routes", async () => {
        status = 404;
        const conn: Connection = { apiRoutes: "auto" };
        const acme = clientOf("acme");
        expect(await Promise.all([decideRoutes(conn, acme), decideRoutes(conn, acme), decideRoutes({}, acme)])).toEqual(["mentor", "mentor", "mentor"]);
        expect(seen).toEqual(["GET /api/ai-mentor/orgs/acme/claw/mentor-configs/?limit=1"]);
        // Another org is asked on its own.
        status = 200;
        expect(await decideRoutes(conn, clientOf("globex"))).toBe("collection");
        expect(seen).toHaveLength(2);
    });

    it("405 means the mentor routes, 2xx the collection; a refusal is no answer and is asked again", async () => {
        status = 405;
        expect(await decideRoutes({}, clientOf("a405"))).toBe("mentor");
        status = 401;
        await expect(decideRoutes({}, clientOf("a401"))).rejects.toMatchObject({ code: "CLAW_AUTH" });
        status = 200;
        expect(await decideRoutes({}, clientOf("a401"))).toBe("collection");
        expect(seen).toHaveLength(3);
    });

    it("a setting that names a generation sends nothing", async () => {
        expect(await decideRoutes({ apiRoutes: "mentor" }, clientOf("m"))).toBe("mentor");
        expect(await decideRoutes({ apiRoutes: "collection" }, clientOf("c"))).toBe("collection");
        expect(seen).toEqual([]);
    });

    it("state without a recorded generation is the collection routes", () => {
        expect(routesOf({})).toBe("collection");
        expect(routesOf({ apiRoutes: "mentor" })).toBe("mentor");
        expect(routesOf({ apiRoutes: "collection" })).toBe("collection");
    });

    it("names a bad setting with the values it takes", () => {
        expect(apiRoutesProblem("auto")).toBeUndefined();
        expect(apiRoutesProblem(undefined)).toBeUndefined();
        expect(apiRoutesProblem("mentors")).toMatch(/iblai:apiRoutes must be auto \(the default\), mentor or collection, not "mentors"/);
    });
});

describe("check and diff of route-dependent resources", () => {
    it("send zero requests under auto, and refuse a bad iblai:apiRoutes at check", async () => {
        const conn: Connection = { baseUrl: url, org: "zero", apiToken: "routes-test-token", apiRoutes: "auto" };
        const cases: Array<[typeof mentorBindingFacts, Record<string, unknown>]> = [
            [mentorBindingFacts, { mentor: MENTOR, server: 4, agentId: "main", initialAgentConfig: { identity: "# A" } }],
            [agentConfigFacts, { mentor: MENTOR, identity: "# A", allowedModels: ["anthropic/claude-sonnet-4-6"] }],
            [skillAssignmentFacts, { mentor: MENTOR, skill: "9b2e4c1a-7d3f-4e8a-b6c5-1f0e2d3c4b5a" }],
        ];
        for (const [facts, inputs] of cases) {
            const m = apiMethods(facts, () => conn);
            const checked = await m.check({}, inputs);
            expect(checked.failures).toEqual([]);
            const d = await m.diff("x", { ...checked.inputs, apiRoutes: "mentor" }, checked.inputs);
            expect(d.changes).toBe(false); // the recorded generation is state, never a diff
            const bad = await apiMethods(facts, () => ({ ...conn, apiRoutes: "mentors" as never })).check({}, inputs);
            expect(bad.failures).toEqual([{ property: "", reason: expect.stringContaining("iblai:apiRoutes must be auto") }]);
        }
        expect(seen).toEqual([]);
    });

    it("diffs a binding's agentId only on the mentor routes, and says once at preview that the collection routes ignore it", async () => {
        const m = apiMethods(mentorBindingFacts, () => ({ baseUrl: url, org: "zero", apiToken: "t", apiRoutes: "auto" }));
        const news = (await m.check({}, { mentor: MENTOR, server: 4, agentId: "dean" })).inputs;
        const old = { mentor: MENTOR, server: 4, apiBaseUrl: url, org: "zero" };
        // A binding made before the set named its agents: on the collection routes, no change.
        expect(await m.diff(MENTOR, { ...old, apiRoutes: "collection" }, news)).toMatchObject({ changes: false });
        expect(await m.diff(MENTOR, old, news)).toMatchObject({ changes: false }); // no apiRoutes: collection
        expect(await m.diff(MENTOR, { ...old, apiRoutes: "mentor", agentId: "main" }, news)).toMatchObject({ changes: true, replaces: [] });
        expect(agentIdNotice(news, { ...old, apiRoutes: "collection" })).toMatch(/^agentId "dean" is not applied: this binding is on the collection routes/);
        expect(agentIdNotice(news, { ...old, apiRoutes: "collection", agentId: "dean" })).toBeUndefined(); // said at its create
        expect(agentIdNotice(news, { ...old, apiRoutes: "mentor" })).toBeUndefined();
        expect(seen).toEqual([]);
    });

    it("names an agent-config key the service would drop in a binding's initialAgentConfig, at check", async () => {
        const m = apiMethods(mentorBindingFacts, () => ({ baseUrl: url, org: "zero", apiToken: "t" }));
        const r = await m.check({}, { mentor: MENTOR, server: 4, initialAgentConfig: { user: "learners" } });
        expect(r.failures?.map((f) => f.reason)).toEqual(['initialAgentConfig: unknown field "user" (did you mean user_context?)']);
        expect(seen).toEqual([]);
    });
});

describe("unknown inputs", () => {
    it("are named with a did-you-mean, at check", async () => {
        const m = apiMethods(agentConfigFacts, () => ({ baseUrl: url, org: "zero", apiToken: "t" }));
        const r = await m.check({}, { mentor: MENTOR, user_context: "learners", allowed_models: ["x"] });
        expect(r.failures).toEqual([
            { property: "user_context", reason: expect.stringMatching(/^unknown input; did you mean userContext\?/) },
            { property: "allowed_models", reason: expect.stringMatching(/^unknown input; did you mean allowedModels\?/) },
        ]);
    });
});

describe("autoPushNotice", () => {
    it("speaks when the program asks for auto_push or the binding has it on, and only then", () => {
        expect(autoPushNotice({ autoPush: true }, undefined)).toMatch(/pushes at once on every agent-config write.*blanks that file/);
        expect(autoPushNotice({}, { autoPush: true })).toMatch(/auto_push is on/); // adopted or refreshed with it on
        expect(autoPushNotice({ autoPush: false }, { autoPush: true })).toBeUndefined(); // the program turns it off
        expect(autoPushNotice({}, { autoPush: false })).toBeUndefined();
        expect(autoPushNotice({}, undefined)).toBeUndefined();
    });
});
