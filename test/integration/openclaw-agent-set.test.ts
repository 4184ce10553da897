import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadAgentSet } from "../../components/agentSetLoader";
import { placeMentor } from "../../emulator";
import { deepMerge } from "../../emulator/configPaths";
import { OPENCLAW_VERSION as V, openclaw } from "../helpers/openclawCli";

// Issue 21: the loader's split of a published-shape set (test/fixtures/agent-set/firm) against
// the real OpenClaw 2026.9.6 validator (`openclaw config patch --stdin --dry-run` on an empty
// config). Every agent's config is placed as the emulator's delivery places a mentor's push
// (placeMentor), and all the pushes are merged into the one config the server ends up with.
const FIRM = path.resolve(__dirname, "../fixtures/agent-set/firm");
const mentorOf = (i: number) => `a1d2e3f4-0000-4000-8000-${String(i).padStart(12, "0")}`;

/** The server's config after every agent's push. */
function serverConfig(agents: { config: Record<string, unknown>; model?: string }[]): Record<string, unknown> {
    return agents.reduce<Record<string, unknown>>((all, a, i) => deepMerge(all, placeMentor(mentorOf(i), a.config, a.model, []).patch), {});
}

describe("a published-shape agent set, split by the loader, against OpenClaw 2026.9.6's own validator", () => {
    let home: string;
    beforeAll(() => {
        home = fs.mkdtempSync(path.join(os.tmpdir(), "openclaw-agent-set-"));
    });
    afterAll(() => fs.rmSync(home, { recursive: true, force: true }));
    const dryRun = (config: unknown) => openclaw(home, ["config", "patch", "--stdin", "--dry-run"], JSON.stringify(config));

    it("accepts what the loader delivers: defaults an agent accepts on each agent, the defaults-only ones once under agents.defaults", () => {
        const set = loadAgentSet(FIRM, { omitConfig: ["sandbox.mode", "subagents.maxSpawnDepth"], openclawVersion: V });
        const config = serverConfig(set.agents);
        expect((config.agents as { defaults: unknown }).defaults).toEqual({ subagents: { maxConcurrent: 4, maxChildrenPerAgent: 10, runTimeoutSeconds: 600, archiveAfterMinutes: 30 } });
        expect(dryRun(config)).toContain("Dry run successful");
    }, 120_000);

    it("refuses what the loader refuses, in the place the loader names: the old copy of agents.defaults.subagents into each agent, and a per-agent maxSpawnDepth", () => {
        const set = loadAgentSet(FIRM, { omitConfig: ["sandbox.mode"], openclawVersion: "none" }); // unchecked: maxSpawnDepth kept on the agent
        const first = set.agents[0];
        const withDepth = dryRun(serverConfig([first]));
        expect(withDepth).toContain("Dry run failed: config schema validation failed");
        expect(withDepth).toContain(`agents.entries.mentor-${mentorOf(0)}.subagents: Unrecognized key: "maxSpawnDepth"`);

        // What the loader did before issue 21: every default under subagents copied into each agent.
        const copied = { ...set.agents[1].config, subagents: { maxConcurrent: 4, archiveAfterMinutes: 30 } };
        const old = dryRun(serverConfig([{ config: copied }]));
        expect(old).toContain("Dry run failed: config schema validation failed");
        expect(old).toContain(`agents.entries.mentor-${mentorOf(0)}.subagents: Unrecognized keys: "maxConcurrent", "archiveAfterMinutes"`);
    }, 120_000);
});
