import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as crud from "../../provider/engine/crud";
import { COLLECTION_CONTEXT } from "../../provider/engine/facts";
import type { ResourceFacts } from "../../provider/engine/facts";
import { journalFor } from "../../provider/engine/journal";
import { agentConfigFacts } from "../../provider/resources/agentConfig";
import { clawInstanceFacts } from "../../provider/resources/clawInstance";
import { mentorBindingFacts } from "../../provider/resources/mentorBinding";
import { skillAssignmentFacts } from "../../provider/resources/skillAssignment";
import { skillFacts } from "../../provider/resources/skill";
import { skillResourceFacts } from "../../provider/resources/skillResource";
import { resolvePendingCreates, revealed } from "../../provider/recovery/pending";
import { ORG, TOKEN, useEmulator } from "../helpers/emulator";
import { withProviderKept } from "../../provider/engine/failures";

// A `pulumi up` killed between the POST and the engine's record of its answer leaves an
// object the engine does not know. These tests play that moment against a real emulator:
// the journal holds what the provider wrote before the kill, the service holds what the
// POST made, and the retried create must find it (no duplicate, no "already exists"),
// while never taking over what someone else made.
const journalDir = fs.mkdtempSync(path.join(os.tmpdir(), "iblai-journal-"));
process.env.IBLAI_CLAW_JOURNAL_DIR = journalDir;
afterAll(() => fs.rmSync(journalDir, { recursive: true, force: true }));

// Each describe has its own emulator (ids start again at 1), so each plays its own stack (its own journal).
const urn = (type: string, name: string, stack = "itest") => `urn:pulumi:${stack}::recovery::pulumi-nodejs:dynamic/iblai:${type}::${name}`;
const MENTOR = "7d3f0e52-1c4b-4e8a-9b61-5a2c7e9d0f13";

describe("retried creates after an interrupted up", () => {
    const env = useEmulator();
    const conn = () => ({ baseUrl: env.emu.url, org: ORG, apiToken: TOKEN });
    const rows = (c: string) => env.emu.store.list(ORG, c);
    const checked = (facts: ResourceFacts, args: Record<string, unknown>, owner: string) => {
        const r = crud.check(facts, conn(), {}, { ...args, [crud.OWNER]: owner });
        expect(r.failures).toEqual([]);
        return r.inputs as Record<string, unknown>;
    };
    /** What the killed run left: the journal's intent, then the POST landing on the service (its answer lost). */
    const interrupted = async (facts: ResourceFacts, inputs: Record<string, unknown>, answered: boolean) => {
        const owner = inputs[crud.OWNER] as string;
        journalFor(owner)?.intent(owner, facts.type);
        const obj = await facts.ops(env.client(), COLLECTION_CONTEXT).create(crud.toApi(facts, inputs));
        if (answered) journalFor(owner)?.made(owner, facts.type, String(obj.id));
        return obj;
    };
    let server: number;

    beforeAll(async () => {
        server = Number((await env.client().instances.create({ name: "base", server_url: "https://claw.base.example", gateway_token: "gw-base-1" })).id);
    });

    it("finds a keyless instance whose answer never came back, and sends its write-only token again", async () => {
        const inputs = checked(clawInstanceFacts, { name: "prod", serverUrl: "https://claw.prod.example", gatewayToken: "gw-prod-77" }, urn("ClawInstance", "prod"));
        const before = rows("claw/instances").length;
        const half = await interrupted(clawInstanceFacts, inputs, false);
        const r = await crud.create(clawInstanceFacts, conn(), inputs);
        expect(r.id).toBe(String(half.id));
        expect(rows("claw/instances")).toHaveLength(before + 1);
        expect(env.emu.store.get(ORG, "claw/instances", Number(half.id))).toMatchObject({ gateway_token: "gw-prod-77" });
        // The engine recorded it: the next diff settles the journal.
        crud.diff(clawInstanceFacts, r.id, r.outs, inputs);
        expect(journalFor(inputs[crud.OWNER])?.pending(inputs[crud.OWNER] as string)).toBeUndefined();
    });

    it("adopts the skill resource whose id it journaled, and patches what the program changed since", async () => {
        const skill = await env.client().skills.create({ name: "Weather", slug: "weather-r1" });
        const inputs = checked(skillResourceFacts, { skill: String(skill.id), fileType: "script", filename: "w.sh", content: "echo 1\n" }, urn("SkillResource", "w"));
        const half = await interrupted(skillResourceFacts, inputs, true);
        const r = await crud.create(skillResourceFacts, conn(), { ...inputs, content: "echo 2\n" });
        expect(r.id).toBe(String(half.id));
        expect(rows("agent-skill-resources").filter((o) => o.skill === skill.id)).toEqual([expect.objectContaining({ content: "echo 2\n" })]);
    });

    it("takes over a keyed binding only with the journal's proof; without it, fails with the adoptId hint", async () => {
        const inputs = checked(mentorBindingFacts, { mentor: MENTOR, server: String(server) }, urn("MentorBinding", "ada"));
        const half = await interrupted(mentorBindingFacts, inputs, false);
        const r = await crud.create(mentorBindingFacts, conn(), inputs);
        expect(r.id).toBe(String(half.id));

        // The same binding declared by another stack (no journal record of its own) is not taken.
        const other = checked(mentorBindingFacts, { mentor: MENTOR, server: String(server) }, "urn:pulumi:other::recovery::pulumi-nodejs:dynamic/iblai:MentorBinding::ada");
        const err = await crud.create(mentorBindingFacts, conn(), other).catch((e: Error) => e);
        expect((err as Error).message).toMatch(/already exists|unique|must make a unique set/i);
        expect((err as Error).message).toMatch(/hint: .*adoptId/);
        // A refusal made nothing: no open intent is left to be mistaken for proof later.
        expect(journalFor(other[crud.OWNER])?.pending(other[crud.OWNER] as string)).toBeUndefined();
        expect(rows("claw/mentor-configs").filter((b) => b.mentor === MENTOR)).toHaveLength(1);
    });

    it("does not take an equal object that existed before the intent", async () => {
        const skill = await env.client().skills.create({ name: "Clock", slug: "clock-r1" });
        const theirs = await env.client().skillResources.create({ skill: skill.id, file_type: "script", filename: "c.sh", content: "date\n" });
        // Someone made it ten minutes ago; our interrupted attempt (an open intent) made nothing.
        env.emu.store.put(ORG, "agent-skill-resources", { ...(env.emu.store.get(ORG, "agent-skill-resources", Number(theirs.id)) as { id: number }), created_at: new Date(Date.now() - 600_000).toISOString() });
        const inputs = checked(skillResourceFacts, { skill: String(skill.id), fileType: "script", filename: "c.sh", content: "date\n" }, urn("SkillResource", "c"));
        journalFor(inputs[crud.OWNER])?.intent(inputs[crud.OWNER] as string, "SkillResource");
        const r = await crud.create(skillResourceFacts, conn(), inputs);
        expect(r.id).not.toBe(String(theirs.id));
        expect(rows("agent-skill-resources").filter((o) => o.skill === skill.id)).toHaveLength(2);
    });

    it("two identical resources of one stack never take the same half-made object", async () => {
        const skill = await env.client().skills.create({ name: "Twin", slug: "twin-r1" });
        const args = { skill: String(skill.id), fileType: "reference", filename: "t.md", content: "same" };
        const a = checked(skillResourceFacts, args, urn("SkillResource", "a"));
        const b = checked(skillResourceFacts, args, urn("SkillResource", "b"));
        const halfA = await interrupted(skillResourceFacts, a, true);
        const halfB = await interrupted(skillResourceFacts, b, false);
        const [ra, rb] = await Promise.all([crud.create(skillResourceFacts, conn(), a), crud.create(skillResourceFacts, conn(), b)]);
        expect(ra.id).toBe(String(halfA.id));
        expect(rb.id).toBe(String(halfB.id));
        expect(rows("agent-skill-resources").filter((o) => o.skill === skill.id)).toHaveLength(2);
    });

    it("deletes its own half-made object whose identity the program changed since, and creates the new one", async () => {
        const s1 = await env.client().skills.create({ name: "One", slug: "one-r1" });
        const s2 = await env.client().skills.create({ name: "Two", slug: "two-r1" });
        const owner = urn("SkillAssignment", "ada-x");
        const first = checked(skillAssignmentFacts, { mentor: MENTOR, skill: String(s1.id) }, owner);
        const half = await interrupted(skillAssignmentFacts, first, true);
        const r = await crud.create(skillAssignmentFacts, conn(), checked(skillAssignmentFacts, { mentor: MENTOR, skill: String(s2.id) }, owner));
        expect(r.id).not.toBe(String(half.id));
        expect(env.emu.store.get(ORG, "mentor-skill-assignments", Number(half.id))).toBeUndefined();
        expect(rows("mentor-skill-assignments").filter((o) => o.mentor === MENTOR)).toEqual([expect.objectContaining({ skill: s2.id })]);
    });

    it("a create without a URN (older programs, direct use) keeps no journal and behaves as before", async () => {
        const files = () => fs.readdirSync(journalDir).length;
        const before = files();
        const r = await crud.create(skillFacts, conn(), crud.check(skillFacts, conn(), {}, { name: "Plain", slug: "plain-r1" }).inputs as Record<string, unknown>);
        expect(r.id).toMatch(/^\d+$/);
        expect(files()).toBe(before);
    });
});

describe("destroy removes the agent config a binding made", () => {
    const env = useEmulator();
    const conn = () => ({ baseUrl: env.emu.url, org: ORG, apiToken: TOKEN });
    const configsOf = (mentor: string) => env.emu.store.list(ORG, "agent-configs").filter((c) => c.mentor === mentor);
    let servers: number[];
    const bind = async (mentor: string, server: number) =>
        crud.create(mentorBindingFacts, conn(), crud.check(mentorBindingFacts, conn(), {}, { mentor, server: String(server), [crud.OWNER]: urn("MentorBinding", `${mentor}-${server}`, "bindings") }).inputs as Record<string, unknown>);

    beforeAll(async () => {
        const c = env.client();
        servers = [
            Number((await c.instances.create({ name: "a", server_url: "https://claw.a.example", gateway_token: "gw-a-1" })).id),
            Number((await c.instances.create({ name: "b", server_url: "https://claw.b.example", gateway_token: "gw-b-1" })).id),
        ];
    });

    it("records the config the service made at create, and deletes it with the binding", async () => {
        const mentor = "0b6e7c1d-2f3a-4b5c-8d9e-0f1a2b3c4d5e";
        const b = await bind(mentor, servers[0] as number);
        expect(b.outs.createdAgentConfigId).toBe(configsOf(mentor)[0]?.id);
        await crud.remove(mentorBindingFacts, conn(), b.id, b.outs as Record<string, unknown>);
        expect(configsOf(mentor)).toEqual([]);
    });

    it("keeps a config that existed before the binding", async () => {
        const mentor = "1c7f8d2e-3a4b-4c5d-9e0f-1a2b3c4d5e6f";
        await env.client().agentConfigs.create({ mentor, identity: "# Mine" });
        // A person's config and our binding in the same millisecond cannot be told apart by
        // their times (docs/operations.md); anything later can.
        await new Promise((r) => setTimeout(r, 5));
        const b = await bind(mentor, servers[0] as number);
        expect(b.outs.createdAgentConfigId).toBeNull();
        await crud.remove(mentorBindingFacts, conn(), b.id, b.outs as Record<string, unknown>);
        expect(configsOf(mentor)).toEqual([expect.objectContaining({ identity: "# Mine" })]);
    });

    it("keeps the config while another binding of the mentor remains, and a second delete is harmless", async () => {
        const mentor = "2d8a9e3f-4b5c-4d6e-8f1a-2b3c4d5e6f70";
        const first = await bind(mentor, servers[0] as number);
        const second = await bind(mentor, servers[1] as number);
        expect(second.outs.createdAgentConfigId).toBeNull();
        await crud.remove(mentorBindingFacts, conn(), first.id, first.outs as Record<string, unknown>);
        expect(configsOf(mentor)).toHaveLength(1);
        await crud.remove(mentorBindingFacts, conn(), second.id, second.outs as Record<string, unknown>);
        expect(configsOf(mentor)).toHaveLength(1);
        // A destroy killed after the binding went: the retried delete finds it gone and still removes the config.
        await crud.remove(mentorBindingFacts, conn(), first.id, first.outs as Record<string, unknown>);
        expect(configsOf(mentor)).toEqual([]);
    });
});

describe("resolving the pending creates of an exported state", () => {
    const env = useEmulator();
    const conn = () => ({ baseUrl: env.emu.url, org: ORG, apiToken: TOKEN });
    const T = (type: string) => `pulumi-nodejs:dynamic/iblai:${type}`;

    it("puts what the journal proves into state with its id, drops the rest, keeps the secrets sealed form", async () => {
        const c = env.client();
        const skill = await c.skills.create({ name: "Pend", slug: "pend-r1" });
        const mentor = "3e9b0a4f-5c6d-4e7f-9a0b-3c4d5e6f7a81";
        const assignUrn = urn("SkillAssignment", "pend", "pending");
        const inputs = { mentor, skill: skill.id, apiBaseUrl: env.emu.url, org: ORG, [crud.OWNER]: assignUrn, __provider: "stub" };
        journalFor(assignUrn)?.intent(assignUrn, "SkillAssignment");
        const half = await c.skillAssignments.create({ mentor, skill: skill.id }); // its answer lost
        const orphanUrn = urn("Skill", "never-sent", "pending");
        journalFor(orphanUrn)?.intent(orphanUrn, "Skill");
        const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext: '"gw-secret-1"' };
        const state = {
            version: 3,
            deployment: {
                resources: [{ urn: urn("Skill", "kept", "pending"), type: T("Skill"), id: String(skill.id), custom: true, inputs: {}, outputs: {} }],
                pending_operations: [
                    { type: "creating", resource: { urn: assignUrn, type: T("SkillAssignment"), custom: true, inputs } },
                    { type: "creating", resource: { urn: orphanUrn, type: T("Skill"), custom: true, inputs: { name: "N", slug: "never-sent-r1", apiBaseUrl: env.emu.url, org: ORG, [crud.OWNER]: orphanUrn } } },
                    { type: "creating", resource: { urn: urn("ProviderPush", "p", "pending"), type: T("ProviderPush"), custom: true, inputs: { token: secret } } },
                    { type: "creating", resource: { urn: urn("Skill", "kept", "pending"), type: T("Skill"), custom: true, inputs: {} } },
                    { type: "updating", resource: { urn: urn("Skill", "kept", "pending"), type: T("Skill"), custom: true, inputs: {} } },
                ],
            },
        };
        const results = await resolvePendingCreates(state, conn());
        expect(results.map((r) => [r.urn.split("::").pop(), r.outcome])).toEqual([
            ["pend", "imported"],
            ["never-sent", "dropped"],
            ["p", "dropped"],
            ["kept", "dropped"],
        ]);
        const added = state.deployment.resources.find((r) => r.urn === assignUrn) as Record<string, unknown>;
        expect(added).toMatchObject({ id: String(half.id), outputs: expect.objectContaining({ mentor, assignmentId: half.id, __provider: "stub", contentHash: expect.any(String) }) });
        expect(state.deployment.pending_operations.map((o) => o.type)).toEqual(["updating"]);
        expect(env.emu.store.list(ORG, "mentor-skill-assignments").filter((a) => a.mentor === mentor)).toHaveLength(1);
    });

    it("opens secrets of a --show-secrets export for matching only", () => {
        const sealed = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext: '{"a":["x"]}' };
        expect(revealed({ k: sealed, n: [1, sealed] })).toEqual({ k: { a: ["x"] }, n: [1, { a: ["x"] }] });
    });
});

describe("AgentConfig's create takes the config its binding's answer named (issue 14)", () => {
    const env = useEmulator();
    const conn = () => ({ baseUrl: env.emu.url, org: ORG, apiToken: TOKEN });
    const scans = () => env.emu.requestCounts()["GET agent-configs/"] ?? 0;

    it("PATCHes it by id without paging through agent-configs/, and scans only for a mentor no binding named", async () => {
        const server = (await env.client().instances.create({ name: "s", server_url: "https://claw.s.example", gateway_token: "gw-s-1" })).id;
        const mentor = "4f0c1b5a-6d7e-4f80-9b1c-4d5e6f7a8b92";
        await crud.create(mentorBindingFacts, conn(), crud.check(mentorBindingFacts, conn(), {}, { mentor, server: String(server) }).inputs as Record<string, unknown>);
        const before = scans();
        const cfg = await crud.create(agentConfigFacts, conn(), crud.check(agentConfigFacts, conn(), {}, { mentor: mentor.toUpperCase(), identity: "# Named" }).inputs as Record<string, unknown>);
        expect(scans()).toBe(before);
        expect(env.emu.store.list(ORG, "agent-configs").filter((c) => String(c.mentor).toLowerCase() === mentor)).toEqual([
            expect.objectContaining({ id: Number(cfg.id), identity: "# Named" }),
        ]);

        // A mentor bound outside this process: found by the scan, still one config.
        const other = "5a1d2c6b-7e8f-4a91-8c2d-5e6f7a8b9ca3";
        await env.client().mentorBindings.create({ mentor: other, server });
        await crud.create(agentConfigFacts, conn(), crud.check(agentConfigFacts, conn(), {}, { mentor: other, identity: "# Scanned" }).inputs as Record<string, unknown>);
        expect(scans()).toBeGreaterThan(before);
        expect(env.emu.store.list(ORG, "agent-configs").filter((c) => c.mentor === other)).toEqual([expect.objectContaining({ identity: "# Scanned" })]);
    });
});

describe("a create whose follow-up failed", () => {
    const env = useEmulator();
    const conn = () => ({ baseUrl: env.emu.url, org: ORG, apiToken: TOKEN });

    it("is kept with the serialized provider, so that a later delete can run", async () => {
        // test-connectivity fails: nothing listens at this URL.
        const inputs = crud.check(clawInstanceFacts, conn(), {}, { name: "x", serverUrl: "http://127.0.0.1:9", gatewayToken: "gw-x-1", verifyConnectivity: true }).inputs as Record<string, unknown>;
        // As the runtime serves create: withProviderKept puts the serialized provider back.
        const create = withProviderKept({ create: (news: Record<string, unknown>) => crud.create(clawInstanceFacts, conn(), news), update: async () => undefined }).create;
        const err = (await create({ ...inputs, __provider: "serialized" }).catch((e) => e)) as { id?: string; properties?: Record<string, unknown> };
        expect(err.id).toMatch(/^\d+$/);
        expect(err.properties).toMatchObject({ needsRetry: true, __provider: "serialized", name: "x" });
    });
});
