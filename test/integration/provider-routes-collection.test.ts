import { generateKeyPairSync } from "node:crypto";
import * as crud from "../../provider/engine/crud";
import type { Connection } from "../../provider/engine/connection";
import { pushMethods } from "../../provider/engine/push";
import { forgetRouteDecisions } from "../../provider/engine/routes";
import { agentConfigFacts } from "../../provider/resources/agentConfig";
import { configPushFacts } from "../../provider/resources/configPush";
import { mentorBindingFacts } from "../../provider/resources/mentorBinding";
import { skillAssignmentFacts } from "../../provider/resources/skillAssignment";
import { skillFacts } from "../../provider/resources/skill";
import { ORG, TOKEN, useEmulator } from "../helpers/emulator";

// Issue 20 against the emulator serving the older guide's collection routes (what every
// stack made before issue 20 speaks): `auto` keeps them, bindings are created with auto_push
// off, and state without a recorded generation keeps reading, updating and deleting through
// them with no diff, even when the setting now names the mentor routes.
const MENTOR = "6a0e2f4b-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
const OLD = "7b1f3a5c-2d4e-4f60-9bac-1d2e3f4a5b6c";

describe("route generations on the collection routes (provider against the emulator)", () => {
    const env = useEmulator({ routes: "collection", pushDelayMs: 10 });
    const conn = (apiRoutes?: Connection["apiRoutes"]): Connection => ({ baseUrl: env.emu.url, org: ORG, apiToken: TOKEN, apiRoutes, tuning: { maxConcurrency: 8, pushPollIntervalMs: 10 } });
    const since = () => {
        const start = env.emu.requestCounts();
        return () => Object.fromEntries(Object.entries(env.emu.requestCounts()).flatMap(([k, n]) => (n - (start[k] ?? 0) > 0 ? [[k, n - (start[k] ?? 0)]] : [])));
    };
    const checked = (facts: typeof mentorBindingFacts, c: Connection, inputs: Record<string, unknown>) => {
        const r = crud.check(facts, c, {}, inputs);
        expect(r.failures).toEqual([]);
        return r.inputs as Record<string, unknown>;
    };
    let server: number;

    beforeAll(async () => {
        forgetRouteDecisions();
        const private_key_pem = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
        const inst = await env.client().instances.create({ name: "routes", server_url: "https://claw.routes.example", gateway_token: "gw-routes-1", connection_params: { device_identity: { private_key_pem } } });
        server = Number(inst.id);
    });

    it("auto keeps the collection routes on a service that serves them, records them, and binds with auto_push off", async () => {
        const c = conn("auto");
        const counted = since();
        const binding = await crud.create(mentorBindingFacts, c, checked(mentorBindingFacts, c, { mentor: MENTOR, server }));
        expect(binding.outs).toMatchObject({ apiRoutes: "collection", autoPush: false, bindingId: Number(binding.id) });
        expect((await env.client().mentorBindings.get(binding.id)).auto_push).toBe(false);
        const skill = await crud.create(skillFacts, c, checked(skillFacts, c, { name: "Wx", slug: "wx-routes" }));
        const assignment = await crud.create(skillAssignmentFacts, c, checked(skillAssignmentFacts, c, { mentor: MENTOR, skill: skill.id }));
        expect(assignment.outs).toMatchObject({ apiRoutes: "collection", skill: Number(skill.id) });
        const agent = await crud.create(agentConfigFacts, c, checked(agentConfigFacts, c, { mentor: MENTOR, soul: "kind" }));
        expect(agent.outs).toMatchObject({ apiRoutes: "collection" });
        const push = pushMethods(configPushFacts, () => c);
        const pushed = await push.create((await push.check({}, { binding: binding.id, triggers: [agent.outs.contentHash] })).inputs);
        expect(pushed.outs).toMatchObject({ pushStatus: "succeeded", apiRoutes: "collection" });
        const sent = counted();
        expect(sent["GET claw/mentor-configs/"]).toBe(1); // the one probe of this process and org
        expect(Object.keys(sent).filter((k) => k.includes("mentors/"))).toEqual([]);
        for (const [facts, r] of [[skillAssignmentFacts, assignment], [agentConfigFacts, agent], [mentorBindingFacts, binding], [skillFacts, skill]] as const) {
            await crud.remove(facts, c, r.id, r.outs);
        }
    });

    it("records a binding's agentId without sending it, says so once, and still refuses initialAgentConfig", async () => {
        const c = conn("auto");
        const M = "8c2a4b6d-3e5f-4a71-8cbd-2e3f4a5b6c7d";
        const said: string[] = [];
        // Outside the pulumi host a notice goes to stderr: captured here (and passed on), not mocked.
        const write = process.stderr.write.bind(process.stderr);
        const spy = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
            said.push(String(chunk));
            return write(chunk, ...(rest as []));
        });
        try {
            const inputs = checked(mentorBindingFacts, c, { mentor: M, server, agentId: "dean", [crud.OWNER]: "urn:x:dean-binding" });
            const made = await crud.create(mentorBindingFacts, c, inputs);
            expect(made.outs).toMatchObject({ apiRoutes: "collection", agentId: "dean" });
            expect(env.emu.store.list(ORG, "claw/mentor-configs").find((b) => b.mentor === M)).not.toHaveProperty("agent_id", "dean");
            expect(said.filter((l) => l.includes('agentId "dean" is not applied'))).toHaveLength(1);
            // A later agentId is no diff here (it would change nothing on these routes).
            expect(crud.diff(mentorBindingFacts, made.id, made.outs as Record<string, unknown>, { ...inputs, agentId: "main" })).toMatchObject({ changes: false });
            await crud.remove(mentorBindingFacts, c, made.id, made.outs as Record<string, unknown>);
            const withConfig = checked(mentorBindingFacts, c, { mentor: M, server, initialAgentConfig: { identity: "# Dean" } });
            await expect(crud.create(mentorBindingFacts, c, withConfig)).rejects.toThrow(/initialAgentConfig: the collection routes \(the older guide\) take no such field/);
        } finally {
            spy.mockRestore();
        }
    });

    it("state from before issue 20 (no apiRoutes) reads, updates and deletes through the collection routes with no diff, whatever the setting", async () => {
        // Made the way every earlier stack was, then stripped of the recorded generation.
        const made = await crud.create(mentorBindingFacts, conn("collection"), checked(mentorBindingFacts, conn(), { mentor: OLD, server, enabled: true }));
        const { apiRoutes: _dropped, ...old } = made.outs as Record<string, unknown>;
        const program = checked(mentorBindingFacts, conn("mentor"), { mentor: OLD, server, enabled: true });
        const now = conn("mentor"); // the setting names the other generation: state wins
        const counted = since();

        expect(crud.diff(mentorBindingFacts, made.id, old, program)).toMatchObject({ changes: false, replaces: [] });
        const read = await crud.read(mentorBindingFacts, now, made.id, old);
        expect(read.id).toBe(made.id);
        expect(read.props).not.toHaveProperty("apiRoutes");
        expect(crud.diff(mentorBindingFacts, made.id, read.props as Record<string, unknown>, program)).toMatchObject({ changes: false });

        const push = pushMethods(configPushFacts, () => now);
        const pushInputs = (await push.check({}, { binding: made.id, triggers: ["a"] })).inputs;
        const pushed = await push.update("p", { ...pushInputs, pushStatus: "failed" }, { ...pushInputs, triggers: ["b"] });
        expect(pushed.outs).toMatchObject({ pushStatus: "succeeded" });
        expect(pushed.outs).not.toHaveProperty("apiRoutes");

        const updated = await crud.update(mentorBindingFacts, now, made.id, read.props as Record<string, unknown>, { ...program, enabled: false });
        expect(updated.outs).toMatchObject({ enabled: false });
        expect(updated.outs).not.toHaveProperty("apiRoutes");

        await crud.remove(mentorBindingFacts, now, made.id, updated.outs as Record<string, unknown>);
        const sent = counted();
        // (a list of the collection comes from the delete: it looks for the mentor's other bindings)
        expect(Object.keys(sent).filter((k) => k.includes("mentors/"))).toEqual([]);
        expect(sent).toMatchObject({
            "GET claw/mentor-configs/{id}/": expect.any(Number),
            "PATCH claw/mentor-configs/{id}/": 1,
            "POST claw/mentor-configs/{id}/push-config/": 1,
            "DELETE claw/mentor-configs/{id}/": 1,
        });
    });
});
