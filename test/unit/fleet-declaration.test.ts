import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadFleet } from "../../fleet/declaration";
import { FleetDeclarationError, type FleetProblem } from "../../fleet/errors";

const M1 = "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10";
const M2 = "7a2b3c4d-1e2f-4a5b-8c9d-0e1f2a3b4c5d";
const repo = path.join(__dirname, "../..");

let dir: string;
beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "fleet-decl-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
}

/** The error loadFleet throws; fails the test when it loads. */
async function refusal(file: string): Promise<FleetDeclarationError> {
    const e: unknown = await loadFleet(file).then(
        () => undefined,
        (x: unknown) => x,
    );
    if (!FleetDeclarationError.isInstance(e)) throw new Error(`expected a FleetDeclarationError, got ${String(e)}`);
    return e;
}

/** The problems loadFleet reports for a YAML text; fails the test when it loads. */
async function problemsOf(yaml: string): Promise<FleetProblem[]> {
    const file = write("fleet.yaml", yaml);
    try {
        await loadFleet(file);
    } catch (e) {
        if (FleetDeclarationError.isInstance(e)) return [...e.problems];
        throw e;
    }
    throw new Error("the declaration loaded; a problem was expected");
}

const GOOD = `fleet: acme
shardSize: 2
servers:
  - name: edge-1
    serverUrl: https://claw-1.acme.dev
    gatewayToken: { env: EDGE1_TOKEN }
    skills:
      - slug: weather
        name: Weather
        instruction: Use curl wttr.in/<city>.
        files:
          - { fileType: script, filename: wttr.sh, source: wttr.sh }
    mentors:
      - mentor: ${M1}
        soul: Curious, kind, exact.
        skills: [weather]
  - name: edge-2
    serverUrl: https://claw-2.acme.dev
    mentors:
      - name: Ada
        model: anthropic/claude-sonnet-4-6
mentors:
  - mentor: ${M2}
    server: edge-2
`;

describe("loadFleet", () => {
    it("loads a good YAML declaration, moves top-level mentors under their servers and lists the units in order", async () => {
        write("wttr.sh", "curl wttr.in\n");
        const loaded = await loadFleet(write("fleet.yaml", GOOD));
        expect(loaded.declaration.mentors).toBeUndefined();
        expect(loaded.declaration.servers[1]?.mentors?.map((m) => m.name ?? m.mentor)).toEqual(["Ada", M2]);
        expect(loaded.units.map((u) => [u.key, u.server, u.weight])).toEqual([
            [`mentor:${M1}`, "edge-1", 1],
            ["mentor:Ada", "edge-2", 1],
            [`mentor:${M2}`, "edge-2", 1],
        ]);
        expect(loaded.units[2]?.at?.line).toBe(23);
        expect(loaded.spotOf(["servers", 1, "name"])).toMatchObject({ line: 17, column: 5 });
        expect(loaded.dir).toBe(dir);
    });

    // Every case: the YAML, then the path, line and words of the problem it must raise.
    const cases: Array<[title: string, yaml: string, path: string, line: number, message: RegExp, hint?: RegExp]> = [
        ["two servers with one name", "fleet: acme\nservers:\n  - name: edge-1\n    serverUrl: https://a.dev\n  - name: edge-1\n    serverUrl: https://b.dev\n", "servers[1].name", 5, /two servers named edge-1: also servers\[0\]\.name \(line 3\)/],
        ["shardSize 0", "fleet: acme\nshardSize: 0\nservers:\n  - name: e\n    serverUrl: https://a.dev\n", "shardSize", 2, /integer ≥ 1, not 0/, /mentors per shard/],
        ["shardSize 2.5", "fleet: acme\nshardSize: 2.5\nservers:\n  - name: e\n    serverUrl: https://a.dev\n", "shardSize", 2, /integer ≥ 1/],
        [
            "a mentor on an unknown server",
            "fleet: acme\nservers:\n  - name: edge-1\n    serverUrl: https://a.dev\nmentors:\n  - name: Ada\n    server: edge-2\n",
            "mentors[0].server",
            7,
            /no server named edge-2/,
            /did you mean edge-1\?/,
        ],
        [
            "a mentor twice by UUID, on two servers",
            `fleet: acme\nservers:\n  - name: a\n    serverUrl: https://a.dev\n    mentors:\n      - mentor: ${M1}\n  - name: b\n    serverUrl: https://b.dev\n    mentors:\n      - mentor: ${M1.toUpperCase()}\n`,
            "servers[1].mentors[0].mentor",
            10,
            /declared twice: also servers\[0\]\.mentors\[0\]\.mentor \(line 6\)/,
        ],
        [
            "a mentor name twice",
            "fleet: acme\nservers:\n  - name: a\n    serverUrl: https://a.dev\n    mentors:\n      - name: Ada\n      - name: Ada\n",
            "servers[0].mentors[1].name",
            7,
            /mentor name "Ada" is used twice/,
        ],
        ["a literal gateway token", "fleet: acme\nservers:\n  - name: a\n    serverUrl: https://a.dev\n    gatewayToken: abc\n", "servers[0].gatewayToken", 5, /a literal secret is refused/, /\{ env: VAR \}/],
        ["a literal API token", "fleet: acme\nconnection:\n  apiToken: s3cr3t\nservers:\n  - name: a\n    serverUrl: https://a.dev\n", "connection.apiToken", 3, /literal secret/, /\{ config: key \}/],
        ["an unknown key", "fleet: acme\nservers:\n  - name: a\n    serverUrl: https://a.dev\n    mentors:\n      - name: Ada\n        sould: x\n", "servers[0].mentors[0].sould", 7, /unknown key/, /did you mean soul\?/],
        ["a wire name where the user name is wanted", "fleet: acme\nservers:\n  - name: a\n    server_url: https://a.dev\n", "servers[0].server_url", 4, /unknown key/, /did you mean serverUrl\?/],
        ["a server name with capitals", "fleet: acme\nservers:\n  - name: Edge_1\n    serverUrl: https://a.dev\n", "servers[0].name", 3, /"Edge_1" is not a valid server name/, /part of stack names/],
        ["a fleet name with a dot", "fleet: acme.prod\nservers:\n  - name: a\n    serverUrl: https://a.dev\n", "fleet", 1, /not a valid fleet name/],
        ["a skill file with content and source", "fleet: acme\nservers:\n  - name: a\n    serverUrl: https://a.dev\n    skills:\n      - slug: w\n        files:\n          - { fileType: script, filename: a.sh, content: x, source: a.sh }\n", "servers[0].skills[0].files[0]", 8, /both content and source/],
        ["a skill file with neither", "fleet: acme\nservers:\n  - name: a\n    serverUrl: https://a.dev\n    skills:\n      - slug: w\n        files:\n          - fileType: script\n            filename: a.sh\n", "servers[0].skills[0].files[0]", 8, /neither content nor source/],
        ["a skill file source that does not exist", "fleet: acme\nservers:\n  - name: a\n    serverUrl: https://a.dev\n    skills:\n      - slug: w\n        files:\n          - fileType: script\n            filename: a.sh\n            source: nope.sh\n", "servers[0].skills[0].files[0].source", 10, /no such file: nope\.sh/],
        ["a mentor skill not on its server", "fleet: acme\nservers:\n  - name: a\n    serverUrl: https://a.dev\n    skills:\n      - slug: weather\n    mentors:\n      - name: Ada\n        skills: [wether]\n", "servers[0].mentors[0].skills[0]", 9, /no skill wether on server a/, /did you mean weather\?/],
        ["an agent set folder without openclaw.json", "fleet: acme\nservers:\n  - name: a\n    serverUrl: https://a.dev\n    agentSets:\n      - folder: empty\n", "servers[0].agentSets[0].folder", 6, /has no openclaw\.json/],
        ["a mentor with neither mentor nor name", "fleet: acme\nservers:\n  - name: a\n    serverUrl: https://a.dev\n    mentors:\n      - soul: x\n", "servers[0].mentors[0]", 6, /neither mentor nor name/],
        ["a blocked config path (the sdk's own check)", "fleet: acme\nservers:\n  - name: a\n    serverUrl: https://a.dev\n    mentors:\n      - name: Ada\n        config:\n          gateway: { auth: { mode: none } }\n", "servers[0].mentors[0].config", 7, /gateway/],
        ["a YAML key twice", "fleet: acme\nfleet: other\nservers: []\n", "(yaml)", 2, /unique|duplicate/i],
    ];
    // A rest parameter: jest takes a callback of more parameters than a row has for `done`.
    it.each(cases)("refuses %s, naming its line and field", async (...row) => {
        const [, yaml, field, line, message, hint] = row;
        fs.mkdirSync(path.join(dir, "empty"));
        const problems = await problemsOf(yaml);
        const p = problems.find((x) => x.path === field);
        expect(p).toBeDefined();
        expect(p?.spot).toMatchObject({ file: expect.stringMatching(/fleet\.yaml$/), line });
        expect(p?.message).toMatch(message);
        if (hint) expect(p?.hint).toMatch(hint);
    });

    it("never echoes a literal secret in its message", async () => {
        const file = write("fleet.yaml", "fleet: acme\nservers:\n  - name: a\n    serverUrl: https://a.dev\n    gatewayToken: hunter2-very-secret\n");
        await expect(loadFleet(file)).rejects.toThrow(/literal secret/);
        await expect(loadFleet(file)).rejects.not.toThrow(/hunter2/);
    });

    it("reports every problem at once, in the message as file:line:col path: message  hint: ...", async () => {
        const file = write("fleet.yaml", "fleet: acme\nshardSize: 0\nservers:\n  - name: a\n    serverUrl: https://a.dev\n    gatewayToken: abc\n");
        const e = await refusal(file);
        expect(e.problems).toHaveLength(2);
        expect(e.message).toMatch(/fleet\.yaml:2:1 shardSize: shardSize must be an integer ≥ 1, not 0 {2}hint: /);
        expect(e.message).toMatch(/fleet\.yaml:6:5 servers\[0\]\.gatewayToken: a literal secret is refused/);
        expect(e.message).toMatch(/no stack was run/);
    });

    it("refuses an agent set bigger than shardSize, and weighs a good one by its agents", async () => {
        const set = path.join(repo, "test/fixtures/agent-set/firm");
        const ok = await loadFleet(write("ok.yaml", `fleet: acme\nshardSize: 50\nservers:\n  - name: a\n    serverUrl: https://a.dev\n    agentSets:\n      - folder: ${set}\n        omitConfig: [sandbox.mode]\n`));
        const weight = ok.units[0]?.weight ?? 0;
        expect(ok.units[0]?.key).toBe("set:a/firm");
        expect(weight).toBeGreaterThan(1);
        const problems = await problemsOf(`fleet: acme\nshardSize: ${weight - 1}\nservers:\n  - name: a\n    serverUrl: https://a.dev\n    agentSets:\n      - folder: ${set}\n        omitConfig: [sandbox.mode]\n`);
        expect(problems).toEqual([expect.objectContaining({ path: "servers[0].agentSets[0]", spot: expect.objectContaining({ line: 7 }), message: expect.stringMatching(`has ${weight} agents, more than shardSize ${weight - 1}`), hint: `raise shardSize to at least ${weight}` })]);
    });

    it("reads a TypeScript module's default export, naming the line of the field's value", async () => {
        const file = write(
            "fleet.ts",
            `export default {\n    fleet: "acme",\n    servers: [\n        { name: "edge-1", serverUrl: "https://a.dev" },\n        { name: "edge-1", serverUrl: "https://b.dev", gatewayToken: "abc" },\n    ],\n};\n`,
        );
        const e = await refusal(file);
        expect(e.problems.find((p) => p.path === "servers[1].gatewayToken")?.spot).toEqual({ file: expect.stringMatching(/fleet\.ts$/), line: 5 });
        const good = write("good.js", `exports.fleet = { fleet: "acme", servers: [{ name: "a", serverUrl: "https://a.dev", mentors: [{ name: "Ada" }] }] };\n`);
        expect((await loadFleet(good)).units.map((u) => u.key)).toEqual(["mentor:Ada"]);
    });

    it("loads examples/fleet/fleet.yaml", async () => {
        const loaded = await loadFleet(path.join(repo, "examples/fleet/fleet.yaml"));
        expect(loaded.declaration.servers.length).toBe(2);
        expect(loaded.units.length).toBeGreaterThanOrEqual(4);
    });
});
