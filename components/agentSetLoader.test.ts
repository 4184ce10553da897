import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadAgentSet, mentorProblems, planSkills } from "./agentSetLoader";
import { AgentSetError } from "./errors";
import { agentsOf, renameSubagents } from "./openclawAgents";
import { parseSkillMd } from "./skillMd";

const FIXTURES = path.resolve(__dirname, "../test/fixtures/agent-set");
const ACADEMY = path.join(FIXTURES, "academy");
const OMIT = { omitConfig: ["sandbox.mode"] };

/** A copy of the academy fixture to change, removed after the test file. */
const copies: string[] = [];
function copyOfAcademy(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "academy-"));
    fs.cpSync(ACADEMY, dir, { recursive: true });
    copies.push(dir);
    return dir;
}
afterAll(() => {
    for (const d of copies) fs.rmSync(d, { recursive: true, force: true });
});

function problemsOf(fn: () => unknown): string[] {
    try {
        fn();
    } catch (e) {
        if (!AgentSetError.isInstance(e)) throw e;
        return e.problems.map((p) => `${p.file}${p.at ? ` (${p.at})` : ""}: ${p.message}`);
    }
    throw new Error("expected an AgentSetError");
}

describe("loadAgentSet on the academy fixture (agents.list[] form)", () => {
    const set = loadAgentSet(ACADEMY, OMIT);
    const agent = (id: string) => {
        const a = set.agents.find((x) => x.id === id);
        if (!a) throw new Error(`no agent ${id}`);
        return a;
    };

    it("reads every agent of openclaw.json in order", () => {
        expect(set.agents.map((a) => a.id)).toEqual(["dean", "tutor-math", "tutor-writing", "researcher"]);
        expect(agent("dean").name).toBe("The Dean");
    });

    it("maps agents/<id>/agent/*.md onto the agent config's text inputs", () => {
        expect(Object.keys(agent("dean").files).sort()).toEqual(["agents", "heartbeat", "identity", "soul", "tools"]);
        expect(agent("dean").files.identity).toContain("You run the Academy.");
        expect(agent("tutor-math").files.userContext).toContain("metric units");
        expect(agent("tutor-writing").files.memory).toContain("APA 7th");
        expect(agent("researcher").files.bootstrap).toContain("introduce yourself");
    });

    it("puts each agent's part of openclaw.json at the top of its config, merged over the set's defaults", () => {
        expect(agent("dean").config).toEqual({
            identity: { name: "Dean Ada", emoji: "🎓" },
            heartbeat: { every: "1h" }, // the agent's own wins over the defaults' 2h
            subagents: { allowAgents: ["tutor-math", "tutor-writing", "researcher"], delegationMode: "prefer" },
            sandbox: { scope: "agent", workspaceAccess: "ro" }, // mode left out (omitConfig)
            agents: { defaults: { userTimezone: "Europe/Berlin" } }, // accepted only under agents.defaults: once, by the first agent
        });
        expect(agent("tutor-math").config).not.toHaveProperty("agents");
        expect(set.serverDefaults).toEqual({ agent: "dean", paths: ["userTimezone"] });
        expect(agent("tutor-math").config.heartbeat).toEqual({ every: "2h" });
        expect(agent("researcher").config.tools).toEqual({ profile: "minimal", alsoAllow: ["web_fetch"] });
    });

    it("takes the model from the agent, else the defaults; an object's fallbacks stay in config", () => {
        expect(agent("dean").model).toBe("anthropic/claude-opus-4-6");
        expect(agent("tutor-math").model).toBe("anthropic/claude-sonnet-4-6");
        expect(agent("tutor-writing").model).toBe("anthropic/claude-sonnet-4-6");
        expect(agent("tutor-writing").config.model).toEqual({ fallbacks: ["openai/gpt-5.4-mini"] });
        expect(agent("dean").config).not.toHaveProperty("model");
    });

    it("takes each agent's skill allowlist (its own, else the defaults')", () => {
        expect(agent("dean").skills).toEqual(["grading-rubric", "web-search"]);
        expect(agent("tutor-writing").skills).toEqual(["citations"]);
    });

    it("reads SKILL.md front matter and files under scripts/, references/ and assets/", () => {
        expect(set.skills.map((s) => s.slug)).toEqual(["citations", "grading-rubric", "graphing", "web-search"]);
        const citations = set.skills[0];
        expect(citations).toMatchObject({ name: "citations", version: "1.2.0", metadata: { openclaw: { emoji: "📚", requires: { bins: ["python3"] } } } });
        expect(citations.instruction.startsWith("# Citations\n")).toBe(true);
        expect(citations.resources.map((r) => [r.fileType, r.filename])).toEqual([
            ["reference", "apa.md"],
            ["script", "format.py"],
        ]);
        const graphing = set.skills[2];
        const asset = graphing.resources.find((r) => r.fileType === "asset");
        expect(asset).toEqual({ fileType: "asset", filename: "axes.png", source: path.join(ACADEMY, "skills/graphing/assets/axes.png") });
        expect(asset?.content).toBeUndefined();
    });

    it("never reads auth-profiles.json, and reports it, the unknown files and the root settings", () => {
        expect(JSON.stringify(set)).not.toContain("sk-or-fixture");
        expect(set.notes).toEqual(
            expect.arrayContaining([
                expect.stringMatching(/^agents\/dean\/agent\/auth-profiles\.json: not pushed: a secret/),
                expect.stringMatching(/^agents\/tutor-math\/agent\/notes\.txt: not deployed: unknown file/),
                "README.md: not deployed: the set's documentation",
                expect.stringMatching(/^openclaw\.json \(models\): not deployed: root settings/),
                expect.stringMatching(/^openclaw\.json \(gateway\): not deployed/),
                expect.stringMatching(/^skills\/citations\/SKILL\.md \(homepage\): front-matter key not carried/),
                "openclaw.json (workspace; agent dean): not pushed: a path or routing on the server, the server's business",
                expect.stringMatching(/^openclaw\.json \(agents\.defaults\.workspace\): not pushed/),
                "openclaw.json (sandbox.mode; agents dean, tutor-math, tutor-writing, researcher): left out (omitConfig)",
            ]),
        );
    });
});

describe("loadAgentSet and symbolic links", () => {
    it("does not follow a link out of the set, and notes it", () => {
        const dir = copyOfAcademy();
        const outside = path.join(dir, "..", `outside-${path.basename(dir)}.txt`);
        fs.writeFileSync(outside, "a secret outside the set\n");
        copies.push(outside);
        fs.symlinkSync(outside, path.join(dir, "skills/citations/references/linked.md"));
        const set = loadAgentSet(dir, OMIT);
        expect(JSON.stringify(set.skills)).not.toContain("a secret outside the set");
        expect(set.notes).toContain("skills/citations/references/linked.md: not deployed: not a regular file (symbolic links are not followed)");
    });
});

describe("loadAgentSet on the keyed form (agents.entries)", () => {
    it("reads the same agents and configs as the list form, and ignores the stale list as the gateway does", () => {
        const dir = copyOfAcademy();
        fs.copyFileSync(path.join(FIXTURES, "openclaw.entries.json"), path.join(dir, "openclaw.json"));
        const keyed = loadAgentSet(dir, OMIT);
        const listed = loadAgentSet(ACADEMY, OMIT);
        const shape = (s: typeof keyed) => s.agents.map(({ at: _, ...a }) => a);
        expect(shape(keyed)).toEqual(shape(listed));
        expect(keyed.agents.map((a) => a.at)).toEqual(["agents.entries.dean", "agents.entries.tutor-math", "agents.entries.tutor-writing", "agents.entries.researcher"]);
        expect(keyed.agents.map((a) => a.id)).not.toContain("old-tutor");
        expect(keyed.notes).toContain("openclaw.json (agents.list): ignored: agents.entries is present, and the gateway drops agents.list then");
    });
});

describe("loadAgentSet refuses, at preview, what the API would refuse, naming each file", () => {
    it("refuses a blocked config path unless it is left out, saying how", () => {
        const problems = problemsOf(() => loadAgentSet(ACADEMY));
        // One line for the four agents, not one per agent, and not again by the sdk's schema.
        expect(problems).toEqual([
            'openclaw.json (sandbox.mode; agents dean, tutor-math, tutor-writing, researcher): sets blocked config path sandbox.mode (at sandbox.mode), from agents.defaults. Remove it from the folder, or leave it out with omitConfig: ["sandbox.mode"]',
        ]);
        const cfg = path.join(copyOfAcademy(), "openclaw.json");
        fs.writeFileSync(cfg, fs.readFileSync(cfg, "utf8").replace('tools: { profile: "minimal"', 'tools: { exec: { host: "gateway" }, profile: "minimal"'));
        expect(problemsOf(() => loadAgentSet(path.dirname(cfg), OMIT))).toEqual([
            expect.stringMatching(/^openclaw\.json \(tools\.exec\.host; agent researcher\): sets blocked config path tools\.exec\.host/),
        ]);
    });

    it("names the file of every field over the API's limits", () => {
        const dir = copyOfAcademy();
        const md = path.join(dir, "skills/citations/SKILL.md");
        fs.writeFileSync(md, fs.readFileSync(md, "utf8").replace("version: 1.2.0", `version: ${"9".repeat(51)}`));
        fs.writeFileSync(path.join(dir, "skills/graphing/scripts/blob.bin"), Buffer.from([0, 1, 2, 255]));
        const cfg = path.join(dir, "openclaw.json");
        fs.writeFileSync(cfg, fs.readFileSync(cfg, "utf8").replace('model: "anthropic/claude-opus-4-6"', `model: "${"m".repeat(201)}"`));
        const problems = problemsOf(() => loadAgentSet(dir, OMIT));
        expect(problems).toEqual(
            expect.arrayContaining([
                expect.stringMatching(/^skills\/citations\/SKILL\.md: version: .*50/),
                expect.stringMatching(/^skills\/graphing\/scripts\/blob\.bin: not UTF-8 text: .*move binary files to assets\//),
                expect.stringMatching(/^openclaw\.json \(model; agent dean\): model: .*200/),
            ]),
        );
        expect(problems).toHaveLength(3);
    });

    it("names a broken SKILL.md, a missing openclaw.json and an agent without an id", () => {
        const dir = copyOfAcademy();
        fs.writeFileSync(path.join(dir, "skills/graphing/SKILL.md"), "---\nname: [unclosed\n---\nbody\n");
        const cfg = path.join(dir, "openclaw.json");
        fs.writeFileSync(cfg, fs.readFileSync(cfg, "utf8").replace('id: "researcher",', ""));
        expect(problemsOf(() => loadAgentSet(dir, OMIT))).toEqual([
            "openclaw.json (agents.list[3]): an agent needs an id (a non-empty string)",
            expect.stringMatching(/^skills\/graphing\/SKILL\.md: front matter is not valid YAML/),
        ]);
        fs.rmSync(cfg);
        expect(problemsOf(() => loadAgentSet(dir))).toEqual(["openclaw.json: missing: an agent set has an openclaw.json at its top"]);
    });

    it("refuses the retired iblai/claws layout (workspace files and MODEL.md in each agent's folder, no openclaw.json) by name", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claws-retired-"));
        copies.push(dir);
        fs.mkdirSync(path.join(dir, "enterprise/compliance-agent"), { recursive: true });
        for (const [f, text] of [["IDENTITY.md", "# Compliance\n"], ["MODEL.md", "anthropic/claude-sonnet-4-6\n"], ["CONFIG.json", '{"heartbeat": {"every": "1h"}}\n']]) {
            fs.writeFileSync(path.join(dir, "enterprise/compliance-agent", f), text);
        }
        expect(problemsOf(() => loadAgentSet(path.join(dir, "enterprise")))).toEqual([
            "openclaw.json: missing: an agent set has an openclaw.json at its top. This folder looks like the retired per-agent layout of iblai/claws (<agent>/IDENTITY.md, MODEL.md, CONFIG.json and no openclaw.json), which OpenClaw cannot load either: deploy the segment's current repository (iblai/<segment>-agents, with an openclaw.json), or write an openclaw.json whose agents.list names each agent folder",
        ]);
    });
});

describe("planSkills", () => {
    const academy = loadAgentSet(ACADEMY, OMIT);

    it("gives each agent its allowlist, creating each folder skill once however many agents share it", () => {
        const plan = planSkills(academy);
        const slugs = (id: string) => plan.agents[id].map((s) => s.slug);
        expect(slugs("dean")).toEqual(["grading-rubric", "web-search"]);
        expect(slugs("tutor-math")).toEqual(["graphing", "web-search"]);
        expect(slugs("researcher")).toEqual(["web-search", "citations"]);
        expect(plan.used).toEqual(["citations", "grading-rubric", "graphing", "web-search"]);
        expect(plan.notes).toEqual([]);
    });

    it("finds an allowlisted skill by its SKILL.md name when its folder is named otherwise", () => {
        const skills = academy.skills.map((s) => (s.slug === "citations" ? { ...s, slug: "citations-v2" } : s));
        const plan = planSkills({ skills, agents: academy.agents });
        expect(plan.agents["tutor-writing"]).toEqual([{ slug: "citations-v2", from: "set" }]);
        expect(plan.notes).toEqual([]);
    });

    it("gives an agent without any allowlist every skill of the folder", () => {
        const plan = planSkills({ skills: academy.skills, agents: [{ ...academy.agents[0], skills: undefined }] });
        expect(plan.agents.dean.map((s) => s.slug)).toEqual(["citations", "grading-rubric", "graphing", "web-search"]);
    });

    it("assigns a named skill missing from the folder only when given by id, and reports unused folder skills", () => {
        const agents = [{ ...academy.agents[0], skills: ["github", "web-search"] }];
        expect(planSkills({ skills: academy.skills, agents }, ["github"]).agents.dean).toEqual([
            { slug: "github", from: "existing" },
            { slug: "web-search", from: "set" },
        ]);
        const plan = planSkills({ skills: academy.skills, agents });
        expect(plan.agents.dean).toEqual([{ slug: "web-search", from: "set" }]);
        expect(plan.used).toEqual(["web-search"]);
        expect(plan.notes).toEqual([
            'openclaw.json (skills; agent dean): skill "github" is not in the folder (bundled?): not assigned; give its id in existingSkills to assign it',
            "skills/citations/: not deployed: no agent's skills allowlist names it",
            "skills/grading-rubric/: not deployed: no agent's skills allowlist names it",
            "skills/graphing/: not deployed: no agent's skills allowlist names it",
        ]);
    });
});

describe("mentorProblems", () => {
    const agents = [
        { id: "dean" },
        { id: "tutor-math" },
        { id: "researcher" },
    ];
    it("names every mentor that is not a UUID; an agent left out gets its own mentor unless serverAgentId needs its UUID", () => {
        const table = { dean: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", researcher: "dean@acme" };
        expect(mentorProblems(agents, table).map((p) => `${p.at ?? ""}${p.message}`)).toEqual([
            'agent researcher: mentors["researcher"] must be a mentor UUID, e.g. 3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10 (or leave the agent out: it gets its own mentor)',
        ]);
        expect(mentorProblems(agents, table, true).map((p) => p.message)).toEqual([
            `agent tutor-math has no mentor UUID, which serverAgentId needs: add it to the mentors table (e.g. pulumi config set --path 'mentors["tutor-math"]' <mentor-uuid>), or leave serverAgentId out`,
            expect.stringMatching(/^agent researcher: mentors\["researcher"\] must be a mentor UUID/),
        ]);
        expect(mentorProblems(agents, {})).toEqual([]);
        expect(mentorProblems(agents.slice(0, 1), { dean: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10" }, true)).toEqual([]);
    });
});

describe("agentsOf", () => {
    it("drops secret-looking keys wherever they are, naming where", () => {
        const r = agentsOf({ agents: { list: [{ id: "a", tts: { providers: { eleven: { apiKey: "k-123", voice: "v" } } } }] } });
        expect(r.agents[0].config).toEqual({ tts: { providers: { eleven: { voice: "v" } } } });
        expect(r.notes).toEqual([{ file: "openclaw.json", at: "tts.providers.eleven.apiKey; agent a", message: "not pushed: a secret" }]);
    });

    it("reports a sub-agent that is not in the set, and refuses ids that cannot name a child", () => {
        const r = agentsOf({ agents: { entries: { a: { subagents: { allowAgents: ["b", "*"] } }, "bad id": {} } } });
        expect(r.notes.map((n) => n.message)).toContain('names "b", which is not an agent of this set');
        expect(r.problems.map((p) => p.message)).toEqual(['agent id "bad id": use letters, digits, \'.\', \'_\' and \'-\'']);
    });

    it("renames the set's agents in subagents.allowAgents to the server's ids, leaving * and others as written", () => {
        const { agents } = agentsOf({ agents: { list: [{ id: "dean", subagents: { allowAgents: ["tutor", "*", "elsewhere"], delegationMode: "prefer" } }, { id: "tutor" }] } });
        const renamed = renameSubagents(agents, (id) => `mentor-${id}`);
        expect(renamed[0].config.subagents).toEqual({ allowAgents: ["mentor-tutor", "*", "elsewhere"], delegationMode: "prefer" });
        expect(renamed[1]).toBe(agents[1]);
        expect(agents[0].config.subagents).toEqual({ allowAgents: ["tutor", "*", "elsewhere"], delegationMode: "prefer" }); // not mutated
    });

    it("names the agents, not their list positions, when a model cannot be read, one line per place", () => {
        expect(agentsOf({ agents: { defaults: { model: 42 }, list: [{ id: "a" }, { id: "b", model: ["x"] }, { id: "c" }] } }).problems).toEqual([
            { file: "openclaw.json", at: "agents.defaults.model; agents a, c", message: "a model is a string or { primary, fallbacks }" },
            { file: "openclaw.json", at: "model; agent b", message: "a model is a string or { primary, fallbacks }" },
        ]);
    });

    it("names a misspelt default under agents.defaults, not under the agent that carries it; a default left out carries nothing", () => {
        const r = agentsOf({ agents: { defaults: { compaktion: {}, subagents: { maxConcurrent: 2 } }, list: [{ id: "a" }, { id: "b" }] } }, { omitConfig: ["subagents.maxConcurrent"] });
        expect(r.problems).toEqual([
            { file: "openclaw.json", at: "agents.defaults.compaktion", message: 'unknown key; did you mean compaction? (OpenClaw 2026.9.6). Fix it in openclaw.json, or leave it out with omitConfig: ["compaktion"]' },
        ]);
        expect(r.agents.map((a) => a.config)).toEqual([{ agents: { defaults: { compaktion: {} } } }, {}]);
        expect(agentsOf({ agents: { defaults: { subagents: { maxConcurrent: 2 } }, list: [{ id: "a" }] } }, { omitConfig: ["subagents.maxConcurrent"] })).toMatchObject({
            agents: [{ config: {} }],
            serverDefaults: undefined,
            notes: [{ file: "openclaw.json", at: "agents.defaults.subagents.maxConcurrent", message: "left out (omitConfig)" }],
        });
    });

    it("gives no allowlist (every skill) when neither the agent nor the defaults have one", () => {
        expect(agentsOf({ agents: { list: [{ id: "a" }] } }).agents[0].skills).toBeUndefined();
        expect(agentsOf({ agents: { defaults: { skills: [] }, list: [{ id: "a" }] } }).agents[0].skills).toEqual([]);
    });
});

describe("parseSkillMd", () => {
    it("keeps a version as written (1.10 stays 1.10)", () => {
        expect(parseSkillMd("---\nname: w\nversion: 1.10\n---\n").version).toBe("1.10");
    });
    it("takes a quoted one-line JSON metadata as JSON, and a file without front matter as all instruction", () => {
        expect(parseSkillMd("---\nname: w\nmetadata: '{\"openclaw\": {\"emoji\": \"x\"}}'\n---\nbody").metadata).toEqual({ openclaw: { emoji: "x" } });
        expect(parseSkillMd("# Just text\n")).toEqual({ instruction: "# Just text\n", otherKeys: [] });
    });
    it("refuses front matter that is never closed", () => {
        expect(() => parseSkillMd("---\nname: w\nbody")).toThrow(/never closed/);
    });
});

// A set shaped like ibl.ai's published segment sets (iblai/legal-agents, iblai/government-agents),
// written by us: test/fixtures/agent-set/firm/README.md says what it holds.
describe("loadAgentSet on a published-shape set (firm): split by OpenClaw 2026.9.6's schema", () => {
    const FIRM = path.join(FIXTURES, "firm");
    const RESOLVED = { omitConfig: ["sandbox.mode", "subagents.maxSpawnDepth"] };

    it("stops only on ibl.ai's blocked path, naming the agents and the fix", () => {
        expect(problemsOf(() => loadAgentSet(FIRM))).toEqual([
            'openclaw.json (sandbox.mode; agents firm-assistant, research-agent, docket-agent): sets blocked config path sandbox.mode (at sandbox.mode), from agents.defaults. Remove it from the folder, or leave it out with omitConfig: ["sandbox.mode"]',
        ]);
    });

    it("does not deliver a per-agent key 2026.9 accepts only under agents.defaults, and says where it is valid and the fix", () => {
        const set = loadAgentSet(FIRM, { omitConfig: ["sandbox.mode"] });
        expect(set.notes).toContain(
            'openclaw.json (subagents.maxSpawnDepth; agent firm-assistant): not delivered for this agent: valid only under `agents.defaults.subagents` in OpenClaw 2026.9.6. Move it to agents.defaults.subagents in openclaw.json to apply it to every agent on the server, or leave it out with omitConfig: ["subagents.maxSpawnDepth"]',
        );
        const firm = set.agents.find((a) => a.id === "firm-assistant");
        expect((firm?.config.subagents as Record<string, unknown> | undefined)?.maxSpawnDepth).toBeUndefined();
    });

    it("applies per agent only the defaults an agent accepts, and carries the defaults-only ones once, with the default agent's push", () => {
        const set = loadAgentSet(FIRM, RESOLVED);
        const config = (id: string) => set.agents.find((a) => a.id === id)?.config;
        const sandbox = { backend: "openshell", scope: "agent", workspaceAccess: "rw" };
        expect(config("firm-assistant")).toEqual({
            sandbox,
            identity: { name: "Front Desk", emoji: "🏛️" },
            tools: { profile: "full" },
            subagents: { allowAgents: ["research-agent", "docket-agent"], delegationMode: "prefer" },
            agents: { defaults: { subagents: { maxConcurrent: 4, maxChildrenPerAgent: 10, runTimeoutSeconds: 600, archiveAfterMinutes: 30 } } },
        });
        expect(config("research-agent")).toEqual({ sandbox, identity: { name: "Research", emoji: "🔎" }, tools: { profile: "full" } });
        expect(config("docket-agent")).toEqual({ sandbox, identity: { name: "Docket", emoji: "📅" }, tools: { profile: "full" }, heartbeat: { every: "1h" } });
        expect(set.serverDefaults).toEqual({ agent: "firm-assistant", paths: ["subagents.maxConcurrent", "subagents.maxChildrenPerAgent", "subagents.runTimeoutSeconds", "subagents.archiveAfterMinutes"] });
        expect(set.openclawVersion).toBe("2026.9.6");
    });

    it("reports one line per key naming the agents, and names every file of the layout it does not deploy", () => {
        const set = loadAgentSet(FIRM, RESOLVED);
        expect(set.notes).toEqual([
            "openclaw.json (agents.defaults.workspace): not pushed: a path on the server, the server's business",
            "openclaw.json (default; agent firm-assistant): not pushed: a path or routing on the server, the server's business",
            "openclaw.json (workspace; agents firm-assistant, research-agent, docket-agent): not pushed: a path or routing on the server, the server's business",
            "openclaw.json (agentDir; agents firm-assistant, research-agent, docket-agent): not pushed: a path or routing on the server, the server's business",
            "openclaw.json (sandbox.mode; agents firm-assistant, research-agent, docket-agent): left out (omitConfig)",
            "openclaw.json (subagents.maxSpawnDepth; agent firm-assistant): left out (omitConfig)",
            "openclaw.json (agents.defaults: subagents.maxConcurrent, subagents.maxChildrenPerAgent, subagents.runTimeoutSeconds, subagents.archiveAfterMinutes): valid only under agents.defaults in OpenClaw 2026.9.6: not copied into the agents; delivered once for the server, with agent firm-assistant's push (its config's agents.defaults)",
            "agents/firm-assistant/agent/auth-profiles.json: not pushed: a secret (provider keys stay on the server or in the platform's credentials)",
            "agents/research-agent/agent/models.json: not read: a per-agent model registry (it may hold provider keys); declare model providers with ClawServer's modelProviders",
            ".config-hash: not deployed: the sha256 of openclaw.json that a copy-installed gateway checks; a push through the API needs none",
            ".env.example: not pushed: a secret",
            "README.md: not deployed: the set's documentation",
            "workspace/: not deployed: the shared workspace of a copy-installed gateway; the server makes each mentor's own",
        ]);
        expect(JSON.stringify(set)).not.toContain("fixture-not-real");
        expect(planSkills(set).notes).toEqual([
            'openclaw.json (skills; agents firm-assistant, research-agent, docket-agent): skills "court-records", "e-signature" are not in the folder (bundled?): not assigned; give their ids in existingSkills to assign them',
        ]);
    });

    it("reads TOOLS.md and HEARTBEAT.md as published, and skills with a binary asset", () => {
        const set = loadAgentSet(FIRM, RESOLVED);
        const docket = set.agents.find((a) => a.id === "docket-agent");
        expect(Object.keys(docket?.files ?? {}).sort()).toEqual(["bootstrap", "heartbeat", "identity", "soul", "tools"]);
        expect(docket?.files.heartbeat).toContain("filings due in the next 72 hours");
        const caseSearch = set.skills.find((s) => s.slug === "case-search");
        expect(caseSearch?.resources.map((r) => [r.fileType, r.filename, r.content === undefined])).toEqual([
            ["asset", "letterhead.png", true],
            ["script", "search.sh", false],
        ]);
        expect(fs.readFileSync(caseSearch?.resources[0].source ?? "").subarray(1, 4).toString()).toBe("PNG");
    });

    it("names the agent and the fix for anything else the schema refuses on an agent", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "firm-"));
        copies.push(dir);
        fs.cpSync(FIRM, dir, { recursive: true });
        const cfg = path.join(dir, "openclaw.json");
        fs.writeFileSync(cfg, fs.readFileSync(cfg, "utf8").replace('"heartbeat": { "every": "1h" }', '"heartbeat": { "evry": "1h" }'));
        expect(problemsOf(() => loadAgentSet(dir, RESOLVED))).toEqual([
            'openclaw.json (heartbeat.evry; agent docket-agent): unknown key; did you mean every? (OpenClaw 2026.9.6). Fix it in openclaw.json, or leave it out with omitConfig: ["heartbeat.evry"]',
        ]);
    });

    it("refuses an agent's own key OpenClaw accepts only at the root (iblai/claws k-12 writes session on an agent), rather than widen it to every agent", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "firm-"));
        copies.push(dir);
        fs.cpSync(FIRM, dir, { recursive: true });
        const cfg = path.join(dir, "openclaw.json");
        fs.writeFileSync(cfg, fs.readFileSync(cfg, "utf8").replace('"heartbeat": { "every": "1h" }', '"heartbeat": { "every": "1h" }, "session": { "isolation": "strict" }'));
        expect(problemsOf(() => loadAgentSet(dir, RESOLVED))).toEqual([
            'openclaw.json (session; agent docket-agent): not valid on an agent in OpenClaw 2026.9.6: `session` is valid only at the root in 2026.9.6, where it applies to every agent on the server. Leave it out with omitConfig: ["session"], or set it on the server itself',
        ]);
        expect(loadAgentSet(dir, { omitConfig: [...RESOLVED.omitConfig, "session"] }).agents[2].config).not.toHaveProperty("session");
    });

    it("follows the chosen version: none splits by the newest schema and checks nothing; one without a snapshot is refused", () => {
        const unchecked = loadAgentSet(FIRM, { openclawVersion: "none", omitConfig: ["sandbox.mode"] });
        expect(unchecked.agents[0].config.subagents).toEqual({ allowAgents: ["research-agent", "docket-agent"], delegationMode: "prefer", maxSpawnDepth: 2 });
        expect(unchecked.serverDefaults?.agent).toBe("firm-assistant");
        expect(() => loadAgentSet(FIRM, { openclawVersion: "2025.1.0" })).toThrow('iblai:openclawVersion: no OpenClaw config schema snapshot for "2025.1.0"; snapshots: 2026.9.6');
    });
});
