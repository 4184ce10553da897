import { groupFindings } from "./agentFindings";
import { splitDefaults, validOnlyUnderDefaults } from "./schemaSplit";

// Against the pinned OpenClaw 2026.9.6 schema snapshot (openclaw-schema/), no fixed key list.
describe("splitDefaults", () => {
    it("splits one object key by key: what an agent accepts per agent, the rest for the server, unknown keys named", () => {
        const split = splitDefaults(
            { subagents: { delegationMode: "prefer", maxConcurrent: 8, archiveAfterMinutes: 60 }, heartbeat: { every: "2h" }, userTimezone: "UTC", compaktion: {} },
            "2026.9.6",
        );
        expect(split).toEqual({
            perAgent: { subagents: { delegationMode: "prefer" }, heartbeat: { every: "2h" } },
            serverOnly: { subagents: { maxConcurrent: 8, archiveAfterMinutes: 60 }, userTimezone: "UTC", compaktion: {} },
            serverOnlyPaths: ["subagents.maxConcurrent", "subagents.archiveAfterMinutes", "userTimezone"],
            unknownPaths: ["compaktion"],
        });
    });

    it("keeps a default whole where its schema is a union (model), and per agent where both places accept it (sandbox)", () => {
        const split = splitDefaults({ model: { primary: "m", fallbacks: ["n"] }, sandbox: { scope: "agent", docker: { image: "x" } } }, "2026.9.6");
        expect(split.perAgent).toEqual({ model: { primary: "m", fallbacks: ["n"] }, sandbox: { scope: "agent", docker: { image: "x" } } });
        expect(split.serverOnly).toEqual({});
    });
});

describe("validOnlyUnderDefaults", () => {
    it("says where a key refused on an agent is valid, and nothing for a key valid on an agent or nowhere", () => {
        expect(validOnlyUnderDefaults(["subagents", "maxSpawnDepth"], "2026.9.6")).toBe("agents.defaults.subagents");
        expect(validOnlyUnderDefaults(["userTimezone"], "2026.9.6")).toBe("agents.defaults");
        expect(validOnlyUnderDefaults(["subagents", "allowAgents"], "2026.9.6")).toBeUndefined();
        expect(validOnlyUnderDefaults(["subagents", "maxSpawnDept"], "2026.9.6")).toBeUndefined();
    });
});

describe("groupFindings", () => {
    it("gives one line per file, key and message, naming the agents in the order first seen", () => {
        const f = (key: string, agent: string, message = "not pushed") => ({ file: "openclaw.json", key, agent, message });
        expect(groupFindings([f("workspace", "b"), f("agentDir", "b"), f("workspace", "a"), f("workspace", "a"), f("workspace", "c", "other")])).toEqual([
            { file: "openclaw.json", at: "workspace; agents b, a", message: "not pushed" },
            { file: "openclaw.json", at: "agentDir; agent b", message: "not pushed" },
            { file: "openclaw.json", at: "workspace; agent c", message: "other" },
        ]);
    });
});
