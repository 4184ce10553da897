import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkMentorConfig, placeMentorConfig } from "../../sdk";
import { OPENCLAW_VERSION as V, openclaw } from "../helpers/openclawCli";

// Issue 10: our schema check against the real thing. Each mentor config is placed as the
// placement rule says (agent keys under agents.entries.<agent>) and given to the real
// `openclaw config patch --stdin --dry-run` (OpenClaw's own validator, on an empty config);
// its verdict must match checkMentorConfig's, and a refusal must name the same place.
const AGENT = "ada";

/** The mentor's config as the patch the server applies. */
function placed(config: Record<string, unknown>): Record<string, unknown> {
    const { agent, root } = placeMentorConfig(config, V);
    if (Object.keys(agent).length === 0) return root;
    const agents = (root.agents ?? {}) as Record<string, unknown>;
    return { ...root, agents: { ...agents, entries: { [AGENT]: agent } } };
}

describe("checkMentorConfig agrees with OpenClaw's own validator", () => {
    let home: string;
    beforeAll(() => {
        home = fs.mkdtempSync(path.join(os.tmpdir(), "openclaw-conformance-"));
    });
    afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

    // [what, mentor config, the place OpenClaw names when it refuses (placed path), or undefined when valid]
    const cases: [string, Record<string, unknown>, string | undefined][] = [
        ["the guide's example", { heartbeat: { every: "30m" }, session: { dmScope: "per-channel-peer" } }, undefined],
        ["an unknown key on the agent", { heartbeat: { evry: "30m" } }, `agents.entries.${AGENT}.heartbeat`],
        ["a value outside an enum", { session: { dmScope: "per-chanel-peer" } }, "session.dmScope"],
        ["a union of literals", { sandbox: { mode: "of" } }, `agents.entries.${AGENT}.sandbox.mode`],
        ["a wrong type", { gateway: { port: "abc" } }, "gateway.port"],
        ["null deleting a known key", { session: { dmScope: null } }, undefined],
        ["a security-sensitive but valid setting", { tools: { exec: { security: "full" } } }, undefined],
    ];

    it.each(cases)("%s", (_, config, refusedAt) => {
        const ours = checkMentorConfig(config, { version: V });
        const theirs = openclaw(home, ["config", "patch", "--stdin", "--dry-run"], JSON.stringify(placed(config)));
        if (refusedAt === undefined) {
            expect(theirs).toContain("Dry run successful");
            expect(ours).toEqual([]);
        } else {
            expect(theirs).toContain("Dry run failed: config schema validation failed");
            expect(theirs).toContain(refusedAt);
            expect(ours).toHaveLength(1);
        }
    }, 60_000);

    it("differs by design on a key the patch leaves out: OpenClaw checks the merged config, which on a server may already hold it", () => {
        const config = { gateway: { controlUi: { environment: { label: "staging" } } } };
        expect(checkMentorConfig(config, { version: V })).toEqual([]);
        expect(openclaw(home, ["config", "patch", "--stdin", "--dry-run"], JSON.stringify(placed(config)))).toContain("gateway.controlUi.environment.color");
    }, 60_000);
});
