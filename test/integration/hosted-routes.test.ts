import { generateKeyPairSync } from "node:crypto";
import * as crud from "../../provider/engine/crud";
import type { Connection } from "../../provider/engine/connection";
import { pushMethods } from "../../provider/engine/push";
import { forgetRouteDecisions } from "../../provider/engine/routes";
import { agentConfigFacts } from "../../provider/resources/agentConfig";
import { configPushFacts } from "../../provider/resources/configPush";
import { autoPushNotice } from "../../provider/entities/mentorBindingBehaviour";
import { mentorBindingFacts } from "../../provider/resources/mentorBinding";
import { skillAssignmentFacts } from "../../provider/resources/skillAssignment";
import { skillFacts } from "../../provider/resources/skill";
import { AuthenticationError, type ClawClient, NotFoundError, ValidationError } from "../../sdk";
import { ORG, TOKEN, useEmulator } from "../helpers/emulator";

// Issue 20: the sdk and the provider against the emulator as the hosted service of 2026
// (`hosted: true`: the mentor-scoped routes only, Api-Token only, bare JSON lists). One
// emulator for the file; mentors are made through its mentors API, as the platform's scripts do.
const UNKNOWN_MENTOR = "0b7e5d3c-1a2f-4e6d-9c8b-7a6f5e4d3c2b";

describe("the hosted service (emulator in hosted mode)", () => {
    const env = useEmulator({ hosted: true, pushDelayMs: 10 });
    const conn = (): Connection => ({ baseUrl: env.emu.url, org: ORG, apiToken: TOKEN, tuning: { maxConcurrency: 8, pushPollIntervalMs: 10 } });
    let client: ClawClient;
    let server: number;
    let names = 0;

    /** A mentor with claw enabled, made as seed_claw_mentor.py makes one; its unique_id. */
    const newMentor = async (): Promise<string> => {
        const name = `Hosted ${++names}`;
        const made = (await client.request("POST", "users/admin/mentor-with-settings/", {
            body: { template_name: "ai-mentor", new_mentor_name: name, display_name: name, mentor_visibility: "viewable_by_anyone" },
        })) as { unique_id: string };
        await client.request("PUT", `users/admin/mentors/${made.unique_id}/settings/`, { body: { allow_anonymous: true, enable_claw: true } });
        return made.unique_id;
    };
    const checked = (facts: typeof mentorBindingFacts, inputs: Record<string, unknown>) => {
        const r = crud.check(facts, conn(), {}, inputs);
        expect(r.failures).toEqual([]);
        return r.inputs as Record<string, unknown>;
    };

    beforeAll(async () => {
        forgetRouteDecisions();
        client = env.client(); // Api-Token: the default scheme
        const private_key_pem = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
        server = Number((await client.instances.create({ name: "hosted", claw_type: "nemoclaw", server_url: "https://claw.hosted.example", gateway_token: "gw-hosted-1", connection_params: { device_identity: { private_key_pem } } })).id);
    });

    it("takes the default Api-Token; refuses Token with 401 Invalid Token, and the error says to switch", async () => {
        expect((await client.instances.listAll()).map((i) => i.id)).toEqual([server]); // a bare JSON array
        const old = env.client({ authScheme: "Token" });
        const e = await old.instances.listAll().catch((x: unknown) => x);
        expect(AuthenticationError.isInstance(e)).toBe(true);
        expect((e as AuthenticationError).detail).toBe("Invalid Token");
        expect((e as AuthenticationError).hint).toMatch(/pulumi config set iblai:authScheme Api-Token/);
        expect(String((e as Error).message)).not.toContain(TOKEN);
    });

    it("sdk: binds, configures, assigns by unique_id, pushes and unbinds through mentors/<mentor>/", async () => {
        expect(await client.mentorBindings.servesCollection()).toBe(false);
        const mentor = await newMentor();
        const ada = client.mentorScoped(mentor);
        expect(await ada.binding.find()).toBeUndefined(); // 404 "Claw config not found"
        await expect(client.mentorScoped(UNKNOWN_MENTOR).binding.get()).rejects.toBeInstanceOf(NotFoundError);

        const bound = await ada.binding.create({ server, enabled: true, auto_push: false, agent_id: "tutor", agent_config: { identity: "# Ada" } });
        expect(bound).toMatchObject({ mentor, server, agent_id: "tutor", auto_push: false });
        const cfg = await ada.agentConfig.update({ soul: "Curious.", allowed_models: ["anthropic/claude-sonnet-4-6"] });
        expect(cfg).toMatchObject({ identity: "# Ada", soul: "Curious.", allowed_models: ["anthropic/claude-sonnet-4-6"] });
        const before = env.emu.requestCounts();
        await expect(ada.agentConfig.update({ user: "learners" } as never)).rejects.toBeInstanceOf(ValidationError);
        expect(env.emu.requestCounts()).toEqual(before); // refused before sending: the service would drop it

        const skill = await client.skills.create({ name: "Hosted Wx", slug: "hosted-wx", instruction: "curl wttr.in" });
        expect(skill.unique_id).toMatch(/^[0-9a-f-]{36}$/);
        expect((await client.skills.resolve(String(skill.unique_id))).id).toBe(skill.id);
        const held = await ada.skills.create({ skill: String(skill.unique_id), enabled: true });
        expect(held).toMatchObject({ skill: skill.unique_id, enabled: true });
        expect(await ada.skills.listAll()).toHaveLength(1);

        expect((await ada.binding.pushConfigAndWait({ timeoutMs: 30_000, pollIntervalMs: 10 })).status).toBe("success");
        expect((await client.instances.requestPairing(server)).queued).toBe(true);

        await ada.skills.delete(held.id);
        await ada.binding.delete();
        expect(await ada.binding.find()).toBeUndefined();
        await client.skills.delete(skill.id);
    });

    it("provider: auto finds the mentor routes; every resource records them, reads back with no diff, and is destroyed", async () => {
        const mentor = await newMentor();
        const binding = await crud.create(mentorBindingFacts, conn(), checked(mentorBindingFacts, { mentor, server, agentId: "ada" }));
        expect(binding.id).toBe(mentor); // one binding per mentor: it is addressed by its mentor
        expect(binding.outs).toMatchObject({ apiRoutes: "mentor", autoPush: false, agentId: "ada", bindingId: expect.any(Number) });
        const agent = await crud.create(agentConfigFacts, conn(), checked(agentConfigFacts, { mentor, identity: "# Ada", allowedModels: ["m/one"] }));
        expect(agent.outs).toMatchObject({ apiRoutes: "mentor", identity: "# Ada", allowedModels: ["m/one"] });
        const skill = await crud.create(skillFacts, conn(), checked(skillFacts, { name: "Hosted Calc", slug: "hosted-calc" }));
        expect(skill.outs.uniqueId).toMatch(/^[0-9a-f-]{36}$/);
        // The program names the skill by its id; the mentor route needs its unique_id.
        const assignment = await crud.create(skillAssignmentFacts, conn(), checked(skillAssignmentFacts, { mentor, skill: skill.id }));
        expect(assignment.outs).toMatchObject({ apiRoutes: "mentor", skill: Number(skill.id), skillUniqueId: skill.outs.uniqueId, skillName: "Hosted Calc" });

        const push = pushMethods(configPushFacts, conn);
        const pushed = await push.create((await push.check({}, { binding: binding.id, triggers: [agent.outs.contentHash, assignment.outs.contentHash] })).inputs);
        expect(pushed.outs).toMatchObject({ pushStatus: "succeeded", apiRoutes: "mentor" });
        expect(env.emu.deliveries(ORG).at(-1)).toBeDefined();

        // Refresh, then the same program: no drift, no diff.
        for (const [facts, made, inputs] of [
            [mentorBindingFacts, binding, { mentor, server, agentId: "ada" }],
            [agentConfigFacts, agent, { mentor, identity: "# Ada", allowedModels: ["m/one"] }],
            [skillAssignmentFacts, assignment, { mentor, skill: skill.id }],
        ] as const) {
            const read = await crud.read(facts, conn(), made.id, made.outs as Record<string, unknown>);
            expect(read.id).toBe(made.id);
            expect(read.props).toMatchObject({ apiRoutes: "mentor" });
            expect(crud.diff(facts, made.id, read.props as Record<string, unknown>, checked(facts, inputs))).toMatchObject({ changes: false });
        }
        const refreshed = await push.read(pushed.id, pushed.outs);
        expect(refreshed.props).toMatchObject({ pushStatus: "succeeded" });
        // A new server for the mentor: the old binding must go first.
        expect(crud.diff(mentorBindingFacts, binding.id, binding.outs as Record<string, unknown>, checked(mentorBindingFacts, { mentor, server: server + 1000 }))).toMatchObject({ replaces: ["server"], deleteBeforeReplace: true });

        const updated = await crud.update(agentConfigFacts, conn(), agent.id, agent.outs as Record<string, unknown>, checked(agentConfigFacts, { mentor, identity: "# Ada 2" }));
        expect(updated.outs).toMatchObject({ identity: "# Ada 2", apiRoutes: "mentor" });

        for (const [facts, made] of [[skillAssignmentFacts, assignment], [agentConfigFacts, agent], [mentorBindingFacts, binding], [skillFacts, skill]] as const) {
            await crud.remove(facts, conn(), made.id, made.outs as Record<string, unknown>);
        }
        expect(await client.mentorScoped(mentor).binding.find()).toBeUndefined();
        expect(await client.mentorScoped(mentor).skills.listAll()).toEqual([]);
    });

    it("provider: adopts a binding by its mentor's UUID, and names its auto_push", async () => {
        const mentor = await newMentor();
        await client.mentorScoped(mentor).binding.create({ server, enabled: true, auto_push: true });
        // The binding's numeric id is no address on these routes: named, nothing sent.
        await expect(crud.create(mentorBindingFacts, conn(), checked(mentorBindingFacts, { mentor, server, adoptId: 7 }))).rejects.toThrow(/adoptId: on the mentor routes a binding is adopted by its mentor's UUID/);
        const adopted = await crud.create(mentorBindingFacts, conn(), checked(mentorBindingFacts, { mentor, server, adoptId: mentor }));
        expect(adopted).toMatchObject({ id: mentor, outs: { autoPush: true, apiRoutes: "mentor" } });
        expect(autoPushNotice(checked(mentorBindingFacts, { mentor, server }), adopted.outs as Record<string, unknown>)).toMatch(/auto_push is on/);
        // The program turns it off: one PATCH, and the notice goes.
        const off = await crud.update(mentorBindingFacts, conn(), adopted.id, adopted.outs as Record<string, unknown>, checked(mentorBindingFacts, { mentor, server, autoPush: false }));
        expect(off.outs).toMatchObject({ autoPush: false });
        expect((await client.mentorScoped(mentor).binding.get()).auto_push).toBe(false);
        await crud.remove(mentorBindingFacts, conn(), adopted.id, off.outs as Record<string, unknown>);
    });
});
