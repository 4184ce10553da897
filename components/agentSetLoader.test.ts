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
            agents: { defaults: { userTimezone: "Europe/Berlin" } }, // accepted only under agents.defaults
        });
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
                "README.md: not deployed: unknown file",
                expect.stringMatching(/^openclaw\.json \(models\): not deployed: root settings/),
                expect.stringMatching(/^openclaw\.json \(gateway\): not deployed/),
                expect.stringMatching(/^skills\/citations\/SKILL\.md \(homepage\): front-matter key not carried/),
                expect.stringMatching(/^openclaw\.json \(agents\.list\[0\]\.workspace\): not pushed: a path/),
                expect.stringMatching(/^openclaw\.json \(agents\.defaults\.workspace\): not pushed/),
                "openclaw.json (agents.list[0] (sandbox.mode)): left out (omitConfig)",
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
        expect(problems).toEqual(
            expect.arrayContaining([expect.stringMatching(/^openclaw\.json \(agents\.defaults, agent dean\): sets blocked config path sandbox\.mode.*omitConfig: \["sandbox\.mode"\]/)]),
        );
        expect(problems).toHaveLength(4); // once per agent, not again by the sdk's schema
        const cfg = path.join(copyOfAcademy(), "openclaw.json");
        fs.writeFileSync(cfg, fs.readFileSync(cfg, "utf8").replace('tools: { profile: "minimal"', 'tools: { exec: { host: "gateway" }, profile: "minimal"'));
        expect(problemsOf(() => loadAgentSet(path.dirname(cfg), OMIT))).toEqual([
            expect.stringMatching(/^openclaw\.json \(agents\.list\[3\], agent researcher\): sets blocked config path tools\.exec\.host/),
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
                expect.stringMatching(/^openclaw\.json \(agents\.list\[0\]\.model\): model: .*200/),
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
            expect.stringMatching(/^openclaw\.json \(agents\.list\[0\]\.skills\): skill "github" is not in the folder.*existingSkills/),
            "skills/citations/: not deployed: no agent's skills allowlist names it",
            "skills/grading-rubric/: not deployed: no agent's skills allowlist names it",
            "skills/graphing/: not deployed: no agent's skills allowlist names it",
        ]);
    });
});

describe("mentorProblems", () => {
    const agents = [
        { id: "dean", at: "agents.list[0]" },
        { id: "tutor-math", at: "agents.list[1]" },
        { id: "researcher", at: "agents.list[2]" },
    ];
    it("names every agent without a mentor, and every mentor that is not a UUID", () => {
        expect(mentorProblems(agents, { dean: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", researcher: "dean@acme" }).map((p) => `${p.at}: ${p.message}`)).toEqual([
            `agents.list[1]: agent tutor-math has no mentor: add it to the mentors table (e.g. pulumi config set --path 'mentors["tutor-math"]' <mentor-uuid>)`,
            'agents.list[2]: agent researcher: mentors["researcher"] must be a mentor UUID, e.g. 3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10',
        ]);
        expect(mentorProblems(agents.slice(0, 1), { dean: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10" })).toEqual([]);
    });
});

describe("agentsOf", () => {
    it("drops secret-looking keys wherever they are, naming where", () => {
        const r = agentsOf({ agents: { list: [{ id: "a", tts: { providers: { eleven: { apiKey: "k-123", voice: "v" } } } }] } });
        expect(r.agents[0].config).toEqual({ tts: { providers: { eleven: { voice: "v" } } } });
        expect(r.notes).toEqual([{ file: "openclaw.json", at: "agents.list[0] (tts.providers.eleven.apiKey)", message: "not pushed: a secret" }]);
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
