import { UNKNOWN, check } from "../engine/crud";
import { agentConfigFacts as facts } from "./agentConfig";

// Issue 10: the provider's check validates an AgentConfig's config against OpenClaw's schema
// (the snapshot of iblai:openclawVersion), before any request.
const conn = { baseUrl: "https://platform.ibl.ai", org: "acme", apiToken: "tok-123456" };
const MENTOR = "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10";
const reasons = (config: unknown, c: Record<string, unknown> = conn) => (check(facts, c, {}, { mentor: MENTOR, config }).failures ?? []).map((f) => f.reason);

describe("AgentConfig check against OpenClaw's config schema", () => {
    it("passes the integration guide's example", () => {
        expect(reasons({ heartbeat: { every: "30m" }, session: { dmScope: "per-channel-peer" } })).toEqual([]);
    });

    it("fails a misspelled key, naming the path, a near miss and the OpenClaw version", () => {
        expect(reasons({ agents: { defaults: { heartbeat: { evry: "30m" } } } })).toEqual([
            "config.agents.defaults.heartbeat.evry: unknown key; did you mean every? (OpenClaw 2026.9.6)",
        ]);
    });

    it("keeps the value out of the failure (the engine prints a failure's property value)", () => {
        const failures = check(facts, conn, {}, { mentor: MENTOR, config: { gateway: { port: "secret-port-7f" } } }).failures ?? [];
        expect(failures).toEqual([{ property: "", reason: expect.stringContaining("config.gateway.port: must be an integer") }]);
        expect(JSON.stringify(failures)).not.toContain("secret-port-7f");
    });

    it("uses the version of iblai:openclawVersion; an unknown one fails with the snapshots available; none turns it off", () => {
        const bad = { heartbeat: { evry: "30m" } };
        expect(reasons(bad, { ...conn, openclawVersion: "2026.9.6" })).toHaveLength(1);
        expect(reasons({}, { ...conn, openclawVersion: "2024.1.1" })).toEqual([
            expect.stringMatching(/^iblai:openclawVersion: no OpenClaw config schema snapshot for "2024\.1\.1"; snapshots: .*2026\.9\.6/),
        ]);
        expect(reasons(bad, { ...conn, openclawVersion: "none" })).toEqual([]);
    });

    it("leaves a config unknown at preview to apply time, and checks the known keys around an unknown value", () => {
        expect(reasons(UNKNOWN)).toEqual([]);
        expect(reasons({ heartbeat: { every: UNKNOWN }, session: { dmScop: UNKNOWN } })).toEqual([expect.stringContaining("config.session.dmScop: unknown key")]);
    });

    it("reports blocked paths and schema problems side by side", () => {
        const r = reasons({ hooks: { allowUnsafeExternalContent: true } });
        expect(r.some((m) => m.includes("blocked config path hooks.allowUnsafeExternalContent"))).toBe(true);
        expect(r.some((m) => m.startsWith("config.hooks.allowUnsafeExternalContent: unknown key"))).toBe(true);
    });
});
