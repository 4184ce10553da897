/**
 * A published-style agent set (test/fixtures/agent-set/chambers: agents.list[], TOOLS.md and
 * HEARTBEAT.md per agent, skills with a reference, a script and a binary asset) deployed
 * through the sdk and the emulator's real delivery to one real OpenClaw 2026.9.6 gateway,
 * and every text read back from the gateway: the six accepted files, the `## Tools` section
 * of AGENTS.md, the heartbeat job's monitor scratch, the skills (`skills.status` and their
 * installed files). Then one file and one skill are edited and a second push changes
 * exactly those; an unassigned skill is disabled; a server that refuses uploaded archives
 * fails the push with OpenClaw's message and the setting.
 *
 * The set is read with the repository's own loader, as AgentSet reads it: the per-agent
 * `subagents.maxSpawnDepth` (valid only under `agents.defaults.subagents` in 2026.9) left out
 * with `omitConfig`, the set's `agents.defaults.subagents` carried once for the server by one
 * agent's config. test/e2e/openclaw-agent-set-delivery.test.ts does the same through
 * AgentSet and the real pulumi CLI.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { loadAgentSet, type LoadedAgent } from "../../components/agentSetLoader";
import { sectionBody } from "../../openclaw/workspace";
import { AGENT_FILES, type ClawClient } from "../../sdk";
import { agentIdOf } from "../../emulator/placement";
import { ORG, useEmulator } from "../helpers/emulator";
import { changedKeys, readBack, skillFilePath, workspaceSkills } from "../helpers/agentSetReadBack";
import { useOpenClaw } from "../helpers/openclaw";

jest.setTimeout(240_000);

const FIXTURE = path.join(__dirname, "../fixtures/agent-set/chambers");
const set = loadAgentSet(FIXTURE, { omitConfig: ["subagents.maxSpawnDepth"] });
const MENTORS: Record<string, string> = { counsel: "c0a1b2c3-d4e5-4f60-8a1b-2c3d4e5f6a70", clerk: "c1a1b2c3-d4e5-4f60-8a1b-2c3d4e5f6a71" };
const INPUT_FIELD: Record<string, keyof typeof AGENT_FILES> = { userContext: "user_context" };
const fieldOf = (input: string) => INPUT_FIELD[input] ?? (input as keyof typeof AGENT_FILES);

describe("a published-style agent set on a real OpenClaw 2026.9.6 gateway", () => {
    const oc = useOpenClaw();
    const env = useEmulator({ deliver: "real", pushDelayMs: 10, gatewayTimeoutMs: 60_000 });
    let client: ClawClient;
    const bindings: Record<string, string> = {};
    const skillIds: Record<string, string> = {};
    const assignments: Record<string, string> = {};
    const wait = { pollIntervalMs: 100, maxPollIntervalMs: 500, timeoutMs: 120_000 };

    const textsOf = (a: LoadedAgent) => Object.fromEntries(Object.entries(a.files).map(([k, v]) => [fieldOf(k), v]));
    const lastDelivery = (agent: string) =>
        env.emu
            .deliveries(ORG)
            .filter((d) => d.mentor === MENTORS[agent])
            .pop() as unknown as { gateway: { skills: Record<string, string[]>; heartbeat_scratch?: { changed: boolean; revision: number }; layout: string } };
    const pushAll = async () => {
        for (const a of set.agents) {
            const out = await client.mentorBindings.pushConfigAndWait(bindings[a.id] as string, wait).catch((e: Error) => e);
            if (out instanceof Error) throw new Error(`push of ${a.id} failed: ${out.message}\n${oc().log().slice(-2000)}`);
        }
    };

    const readAll = () => readBack(oc(), set, (id) => agentIdOf(MENTORS[id]));
    const visibleSkills = (agent: string) => workspaceSkills(oc(), agentIdOf(MENTORS[agent]));

    beforeAll(async () => {
        client = env.client({ retry: { baseDelayMs: 5, maxDelayMs: 50 } });
        const pem = crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
        // From loopback with no proxy header: the gateway pairs the platform's device silently.
        const server = await client.instances.create({
            name: "chambers",
            server_url: oc().url,
            gateway_token: oc().token,
            claw_type: "openclaw",
            connection_params: { device_identity: { private_key_pem: pem } },
        });
        for (const s of set.skills) {
            const skill = await client.skills.create({ name: s.name, slug: s.slug, description: s.description, instruction: s.instruction, metadata: s.metadata as Record<string, unknown> });
            skillIds[s.slug] = String(skill.id);
            for (const r of s.resources) {
                if (r.fileType === "asset") await client.skillResources.uploadAsset(skill.id, r.filename, fs.readFileSync(r.source as string), "image/png");
                else await client.skillResources.create({ skill: skill.id, file_type: r.fileType, filename: r.filename, content: r.content });
            }
        }
        for (const a of set.agents) {
            const b = await client.mentorBindings.create({ mentor: MENTORS[a.id] as string, server: server.id, enabled: true });
            bindings[a.id] = String(b.id);
            await client.agentConfigs.upsertForMentor(b.mentor, { ...textsOf(a), model: a.model, config: a.config });
            for (const slug of a.skills ?? []) {
                const asg = await client.skillAssignments.create({ mentor: b.mentor, skill: skillIds[slug] as string, enabled: true });
                assignments[`${a.id}/${slug}`] = String(asg.id);
            }
        }
    });

    let first: Record<string, string | undefined> = {};

    it("delivers every text and skill of every agent, readable back from the gateway", async () => {
        await pushAll();
        first = await readAll();
        for (const a of set.agents) {
            const t = a.files;
            // The six accepted files as written; AGENTS.md keeps the set's own text and gains `## Tools`.
            expect(first[`${a.id}/IDENTITY.md`]).toBe(t.identity);
            expect(first[`${a.id}/SOUL.md`]).toBe(t.soul);
            expect(first[`${a.id}/USER.md`]).toBe(t.userContext);
            expect(first[`${a.id}/MEMORY.md`]).toBe(t.memory);
            const agentsMd = first[`${a.id}/AGENTS.md`] as string;
            expect(sectionBody(agentsMd, "Tools")).toBe((t.tools as string).trim());
            if (t.agents) expect(agentsMd.startsWith(t.agents.trimEnd())).toBe(true);
            expect(agentsMd.match(/^## Tools$/gm)).toHaveLength(1);
            // Retired files are not on the gateway: the heartbeat is the monitor scratch.
            expect(first[`${a.id}/heartbeat scratch`]).toBe(t.heartbeat);
            expect(lastDelivery(a.id).gateway.layout).toBe("2026.9");
            // Skills: installed in the agent's workspace, visible to it, files byte-equal (the PNG too).
            expect((await visibleSkills(a.id)).map((s) => [s.name, s.blockedByAgentFilter]).sort()).toEqual((a.skills ?? []).map((s) => [s, false]).sort());
            for (const slug of a.skills ?? []) {
                const s = set.skills.find((x) => x.slug === slug);
                expect(first[`${a.id}/skills/${slug}/SKILL.md`]).toContain(s?.instruction.trim());
                for (const r of s?.resources ?? []) {
                    const key = `${a.id}/skills/${slug}/${skillFilePath(r)}`;
                    expect(first[key]).toBe(r.fileType === "asset" ? fs.readFileSync(r.source as string).toString("base64") : r.content);
                }
            }
        }
        expect(first["clerk/AGENTS.md"]).toBe(`## Tools\n\n${(set.agents[1]?.files.tools as string).trim()}\n`);
        expect(first["clerk/skills/brief-format/SKILL.md"]).toBeUndefined(); // not the clerk's skill
        for (const f of ["TOOLS.md", "HEARTBEAT.md"]) {
            await expect(oc().rpc("agents.files.get", { agentId: agentIdOf(MENTORS.counsel), name: f })).rejects.toThrow(`unsupported file "${f}"`);
        }
    });

    it("after one file and one skill are edited, a second push changes exactly those", async () => {
        const clerkCfg = await client.agentConfigs.findByMentor(MENTORS.clerk as string);
        await client.agentConfigs.update(clerkCfg?.id as string, { soul: "Orderly, exact, and brief." });
        const script = (await client.skillResources.listAll({ skill: skillIds["brief-format"] as string })).find((r) => r.filename === "wordcount.sh");
        await client.skillResources.update(script?.id as string, { content: "#!/bin/sh\nwc -w \"$1\" | cut -d' ' -f1\n" });

        await pushAll();
        const second = await readAll();
        expect(changedKeys(first, second)).toEqual(["clerk/SOUL.md", "counsel/skills/brief-format/scripts/wordcount.sh"]);
        expect(second["counsel/skills/brief-format/scripts/wordcount.sh"]).toBe("#!/bin/sh\nwc -w \"$1\" | cut -d' ' -f1\n");
        // Only the edited skill was uploaded again; the scratch was not rewritten.
        expect(lastDelivery("counsel").gateway.skills).toMatchObject({ installed: [], replaced: ["brief-format"], unchanged: ["case-law"] });
        expect(lastDelivery("clerk").gateway.skills).toMatchObject({ installed: [], replaced: [], unchanged: ["case-law"] });
        expect(lastDelivery("counsel").gateway.heartbeat_scratch).toMatchObject({ changed: false, revision: 1 });
    });

    it("disables a skill no longer assigned (no protocol method deletes it) and drops it from the agent's allowlist", async () => {
        await client.skillAssignments.delete(assignments["counsel/brief-format"] as string);
        await pushAll();
        expect(lastDelivery("counsel").gateway.skills).toMatchObject({ unassigned: ["brief-format"], disabled: ["brief-format"], unchanged: ["case-law"] });
        const brief = (await visibleSkills("counsel")).find((s) => s.name === "brief-format");
        expect(brief?.blockedByAgentFilter).toBe(true);
        const cfg = oc().configFile() as { skills?: { entries?: Record<string, { enabled?: boolean }> }; agents: { entries: Record<string, { skills?: string[] }> } };
        expect(cfg.skills?.entries?.["brief-format"]).toEqual({ enabled: false });
        expect(cfg.agents.entries[agentIdOf(MENTORS.counsel)]?.skills).toEqual(["case-law"]);
    });

    it("fails the push with OpenClaw's own message and the setting when the server refuses uploaded archives", async () => {
        const current = await oc().rpc<{ hash: string }>("config.get");
        await oc().rpc("config.patch", { raw: JSON.stringify({ skills: { install: { allowUploadedArchives: false } } }), baseHash: current.hash });
        const asset = (await client.skillResources.listAll({ skill: skillIds["case-law"] as string })).find((r) => r.file_type === "reference");
        await client.skillResources.update(asset?.id as string, { content: "# Citation guide\n\nNeutral citations first.\n" });
        const e = (await client.mentorBindings.pushConfigAndWait(bindings.clerk as string, wait).catch((x: unknown) => x)) as Error & { pushStatus?: string };
        expect(e.pushStatus).toBe(
            'failed: skills.upload.begin: Uploaded skill archive installs are disabled by skills.install.allowUploadedArchives (skill "case-law"); ' +
                "set skills.install.allowUploadedArchives: true in the server's openclaw.json (`openclaw config set skills.install.allowUploadedArchives true`; ClawServer's openclawConfig output holds it)",
        );
    });
});
