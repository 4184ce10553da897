import { AGENT_ID_PATTERN, agentIdOf, placeMentor } from "./placement";

const M = "3F1C2A9E-0B6D-4C1E-9A57-2F8D6B3E4C10";
const ID = "mentor-3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10";

describe("agentIdOf", () => {
    it("derives a schema-valid, lower-case agent id from the mentor UUID", () => {
        expect(agentIdOf(M)).toBe(ID);
        expect(AGENT_ID_PATTERN.test(agentIdOf(M))).toBe(true);
        expect(AGENT_ID_PATTERN.test(agentIdOf("Weird Id/with:chars"))).toBe(true);
    });
});

describe("placeMentor", () => {
    it("puts agent keys under the mentor's agent and root-only keys at the root (the guide's example)", () => {
        const p = placeMentor(M, { heartbeat: { every: "30m" }, session: { dmScope: "per-channel-peer" } }, "anthropic/claude-sonnet-4-6", ["web", "mail"]);
        expect(p.errors).toEqual([]);
        expect(p.patch).toEqual({
            session: { dmScope: "per-channel-peer" },
            agents: { ownership: "explicit", entries: { [ID]: { heartbeat: { every: "30m" }, model: { primary: "anthropic/claude-sonnet-4-6" }, skills: ["web", "mail"] } } },
            skills: { entries: { web: { enabled: true }, mail: { enabled: true } } },
        });
        expect(p.replacePaths).toEqual([`agents.entries.${ID}.skills`]);
    });

    it("expands dotted keys, keeps model fallbacks beside the primary, and treats a skills object as the root's toggles", () => {
        const p = placeMentor(M, { "model.fallbacks": ["openai/gpt-5"], "skills.entries.old": { enabled: false }, "tools.profile": "minimal" }, "a/b", []);
        expect(p.patch).toEqual({
            skills: { entries: { old: { enabled: false } } },
            agents: { ownership: "explicit", entries: { [ID]: { model: { fallbacks: ["openai/gpt-5"], primary: "a/b" }, tools: { profile: "minimal" }, skills: [] } } },
        });
    });

    it("merges the mentor's own agents.entries item and keeps agents.defaults server-wide", () => {
        const p = placeMentor(M, { agents: { defaults: { heartbeat: { every: "1h" } }, entries: { [ID]: { identity: { name: "Ada" } } } } }, "", []);
        expect(p.errors).toEqual([]);
        expect(p.patch.agents).toEqual({ defaults: { heartbeat: { every: "1h" } }, ownership: "explicit", entries: { [ID]: { identity: { name: "Ada" }, skills: [] } } });
    });

    it("refuses agents.list and other agents' entries, naming each path", () => {
        const p = placeMentor(M, { agents: { list: [], entries: { main: { model: "x" }, [ID]: {} } } }, "", []);
        expect(p.errors).toHaveLength(2);
        expect(p.errors[0]).toMatch(/^agents\.list: /);
        expect(p.errors[1]).toBe(`agents.entries.main: a mentor's config may only configure its own agent (${ID})`);
    });
});
