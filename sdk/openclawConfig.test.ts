import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { ConfigError } from "./errors";
import { checkMentorConfig, expandDottedKeys, closestName, placeMentorConfig, placementOf } from "./openclawConfig";
import { defaultOpenClawVersion, mergePatchView, openclawSchemaVersions, openclawValidator, resolveOpenClawVersion } from "./openclawSchema";

// Issue 10, item 1: an agent config's `config` checked against OpenClaw's own schema (the
// pinned snapshot of 2026.9.6), as the placement rule puts it on the server.
const V = "2026.9.6";
const CANARY = "canary-value-must-not-appear-5d2e";
const check = (config: unknown, isUnknown?: (v: unknown) => boolean) => checkMentorConfig(config, { version: V, isUnknown });
const messages = (config: unknown) => check(config).map((p) => p.message);

describe("the OpenClaw schema snapshots", () => {
    const dir = path.join(__dirname, "..", "openclaw-schema");
    const index = JSON.parse(fs.readFileSync(path.join(dir, "index.json"), "utf8")) as { snapshots: Record<string, { file: string; sha256: string; bytes: number }> };

    it("hold the pinned version, and each file is the minified draft-07 schema its index entry describes", () => {
        expect(Object.keys(index.snapshots)).toContain(V);
        for (const [version, e] of Object.entries(index.snapshots)) {
            const json = zlib.gunzipSync(fs.readFileSync(path.join(dir, e.file)));
            expect(createHash("sha256").update(json).digest("hex")).toBe(e.sha256);
            expect(json.length).toBe(e.bytes);
            const schema = JSON.parse(json.toString("utf8"));
            expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
            expect(schema.additionalProperties).toBe(false); // closed objects: unknown keys are errors
            expect(json.toString("utf8")).toBe(JSON.stringify(schema)); // minified
            expect(version).toMatch(/^\d+\.\d+\.\d+/);
        }
    });

    it("list the versions; the newest is the default, `none` turns the check off", () => {
        expect(openclawSchemaVersions()).toEqual(Object.keys(index.snapshots));
        expect(defaultOpenClawVersion()).toBe(openclawSchemaVersions().at(-1));
        expect(resolveOpenClawVersion(undefined)).toBe(defaultOpenClawVersion());
        expect(resolveOpenClawVersion("")).toBe(defaultOpenClawVersion());
        expect(resolveOpenClawVersion(`v${V}`)).toBe(V);
        expect(resolveOpenClawVersion("none")).toBeUndefined();
    });

    it("refuse a version without a snapshot with an error that lists the ones there are and how to add one", () => {
        let err: unknown;
        try {
            resolveOpenClawVersion("2025.1.0");
        } catch (e) {
            err = e;
        }
        expect(ConfigError.isInstance(err)).toBe(true);
        const message = (err as Error).message;
        expect(message).toContain('iblai:openclawVersion: no OpenClaw config schema snapshot for "2025.1.0"');
        expect(message).toContain(`snapshots: ${openclawSchemaVersions().join(", ")}`);
        expect(message).toContain("npm run schema:openclaw -- 2025.1.0");
    });

    it("compile a validator per top-level key once, and reuse it", () => {
        const a = openclawValidator(V, "agent", "heartbeat");
        expect(a).toBeDefined();
        expect(openclawValidator(V, "agent", "heartbeat")).toBe(a);
        expect(openclawValidator(V, "root", "heartbeat")).toBeUndefined(); // heartbeat is not a root key
    });
});

describe("mergePatchView: a schema read as a merge patch", () => {
    const schema = {
        type: "object",
        properties: {
            a: { type: "string" },
            list: { type: "array", items: { type: "object", properties: { id: { type: "string" } }, required: ["id"] } },
            u: { oneOf: [{ type: "object", properties: { kind: { const: "x" } }, required: ["kind"] }, { type: "string" }] },
        },
        required: ["a"],
        additionalProperties: false,
    };
    const view = mergePatchView(schema) as Record<string, any>;

    it("drops required, lets members be null, and turns oneOf into anyOf", () => {
        expect(view.required).toBeUndefined();
        expect(view.properties.a).toEqual({ if: { type: "null" }, then: true, else: { type: "string" } });
        expect(view.properties.u.else.anyOf).toHaveLength(2);
        expect(view.properties.u.else.oneOf).toBeUndefined();
        expect(view.additionalProperties).toBe(false);
    });

    it("leaves array items as written (an array is replaced whole)", () => {
        expect(view.properties.list.else.items).toEqual(schema.properties.list.items);
    });
});

describe("checkMentorConfig", () => {
    it("passes the integration guide's own example: heartbeat lands on the mentor's agent, session at the root", () => {
        const guide = { heartbeat: { every: "30m" }, session: { dmScope: "per-channel-peer" } };
        expect(check(guide)).toEqual([]);
        expect(placeMentorConfig(guide, V)).toEqual({ agent: { heartbeat: { every: "30m" } }, root: { session: { dmScope: "per-channel-peer" } }, unknown: {} });
        expect(placementOf(V, "sandbox")).toBe("agent");
        expect(placementOf(V, "tools")).toBe("agent"); // on an agent entry too: agent first
        expect(placementOf(V, "gateway")).toBe("root");
    });

    it("names the path of an unknown key, a near miss and the version", () => {
        expect(messages({ agents: { defaults: { heartbeat: { evry: "30m" } } } })).toEqual([
            `config.agents.defaults.heartbeat.evry: unknown key; did you mean every? (OpenClaw ${V})`,
        ]);
        const [p] = check({ heartbeat: { evry: "30m" } });
        expect(p).toMatchObject({ path: "config.heartbeat.evry", code: "unknown-key", placement: "agent", version: V });
    });

    it("says where an unknown top-level key may belong, across agent and root keys", () => {
        expect(messages({ heartbeet: {} })).toEqual([expect.stringContaining("config.heartbeet: unknown key at the top level")]);
        expect(messages({ heartbeet: {} })[0]).toContain("did you mean heartbeat?");
        expect(messages({ dmScope: "main" })[0]).toContain("it exists as session.dmScope");
    });

    it("reduces a union to what the value may be, with a near miss", () => {
        expect(messages({ session: { dmScope: "per-chanel-peer" } })).toEqual([
            `config.session.dmScope: must be one of "main", "per-peer", "per-channel-peer", "per-account-channel-peer"; did you mean "per-channel-peer"? (OpenClaw ${V})`,
        ]);
        expect(messages({ sandbox: { mode: "of" } })).toEqual([`config.sandbox.mode: must be one of "off", "non-main", "all"; did you mean "off"? (OpenClaw ${V})`]);
        expect(messages({ model: 5 })).toEqual([`config.model: must be a string or an object (OpenClaw ${V})`]);
        // An object where a string-or-object is allowed: the object branch's own error.
        expect(messages({ model: { primry: "x" } })).toEqual([`config.model.primry: unknown key; did you mean primary? (OpenClaw ${V})`]);
    });

    it("reports wrong types and every problem, not only the first", () => {
        expect(messages({ gateway: { port: "18789" }, tools: { exec: { security: "ful" } } }).sort()).toEqual([
            `config.gateway.port: must be an integer (OpenClaw ${V})`,
            `config.tools.exec.security: must be one of "deny", "allowlist", "full"; did you mean "full"? (OpenClaw ${V})`,
        ]);
    });

    it("checks only what the patch holds: no missing-key errors, and null (delete) allowed for known keys", () => {
        // gateway.controlUi.environment requires label and color when written whole.
        expect(check({ gateway: { controlUi: { environment: { label: "staging" } } } })).toEqual([]);
        expect(check({ heartbeat: null, session: { dmScope: null } })).toEqual([]);
        expect(messages({ session: { dmScop: null } })).toEqual([`config.session.dmScop: unknown key; did you mean dmScope? (OpenClaw ${V})`]);
    });

    it("reads dotted keys as paths", () => {
        expect(expandDottedKeys({ "agents.defaults": { heartbeat: { every: "1h" } }, "agents.defaults.model": "m" })).toEqual({
            agents: { defaults: { heartbeat: { every: "1h" }, model: "m" } },
        });
        expect(messages({ "agents.defaults.heartbeat.every": 5 })).toEqual([`config.agents.defaults.heartbeat.every: must be a string (OpenClaw ${V})`]);
    });

    it("refuses agents.list and agents.entries (they would overwrite other mentors' agents) and deleting agents", () => {
        const ps = check({ agents: { list: [{ id: "x" }], entries: { other: { model: "m" } } } });
        expect(ps.map((p) => [p.path, p.code])).toEqual([
            ["config.agents.list", "refused"],
            ["config.agents.entries", "refused"],
        ]);
        expect(ps[0]?.reason).toContain("put agent settings at the top level of config");
        expect(check({ agents: null })).toEqual([expect.objectContaining({ path: "config.agents", code: "refused" })]);
        expect(check({ agents: { defaults: { heartbeat: { every: "30m" } } } })).toEqual([]);
    });

    it("checks the keys of values unknown at preview, not the values", () => {
        const U = "<unknown>";
        const isUnknown = (v: unknown) => v === U;
        expect(check({ gateway: { port: U }, session: U }, isUnknown)).toEqual([]);
        expect(check({ gateway: { prot: U } }, isUnknown).map((p) => p.path)).toEqual(["config.gateway.prot"]);
    });

    it("validates embedded plugin schemas whose $refs point into their own $defs", () => {
        expect(check({ plugins: { entries: { imap: { config: { accounts: { a: { password: 5 } } } } } } }).map((p) => p.reason)).toEqual(["must be a string or an object"]);
    });

    it("never puts a config value into a message", () => {
        const all = [
            ...check({ session: { dmScope: CANARY } }),
            ...check({ gateway: { port: CANARY, bind: CANARY } }),
            ...check({ heartbeat: { every: 5, evry: CANARY } }),
        ].map((p) => p.message);
        expect(all.length).toBeGreaterThanOrEqual(4);
        for (const m of all) expect(m).not.toContain(CANARY);
    });

    it("costs nothing for an empty config", () => {
        expect(check({})).toEqual([]);
        expect(check(undefined)).toEqual([]);
    });
});

describe("closestName", () => {
    it("finds a typo's intended name, case-blind, and nothing for a stranger", () => {
        expect(closestName("evry", ["every", "model"])).toBe("every");
        expect(closestName("DmScope", ["dmScope"])).toBe("dmScope");
        expect(closestName("zzzz", ["every", "model"])).toBeUndefined();
    });
});
