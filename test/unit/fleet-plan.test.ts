import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type LoadedFleet, loadFleet } from "../../fleet/declaration";
import { FleetUsageError } from "../../fleet/errors";
import { parseShardSelector, planFleet, selectPart, stackSlice } from "../../fleet/plan";
import type { CurrentPlacement, FleetPlan } from "../../fleet/types";

let dir: string;
beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "fleet-plan-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A fleet of servers → mentor names (made by name), shard size K. */
async function fleet(servers: Record<string, string[]>, K = 2): Promise<LoadedFleet> {
    const lines = [`fleet: acme`, `shardSize: ${K}`, `servers:`];
    for (const [name, mentors] of Object.entries(servers)) {
        lines.push(`  - name: ${name}`, `    serverUrl: https://${name}.acme.dev`);
        const source = path.join(dir, `wttr-${name}.sh`);
        if (!fs.existsSync(source)) fs.writeFileSync(source, "curl wttr.in\n");
        lines.push(`    skills:`, `      - slug: weather`, `        files: [{ fileType: script, filename: wttr.sh, source: wttr-${name}.sh }]`);
        if (mentors.length) lines.push(`    mentors:`, ...mentors.map((m) => `      - { name: ${m}, skills: [weather] }`));
    }
    const file = path.join(dir, "fleet.yaml");
    fs.writeFileSync(file, `${lines.join("\n")}\n`);
    return loadFleet(file);
}

const NONE: CurrentPlacement = { shards: {}, existing: [] };
/** What the backend would hold after a plan ran. */
const after = (plan: FleetPlan): CurrentPlacement => ({
    shards: Object.fromEntries(plan.stacks.filter((s) => s.kind === "shard").map((s) => [s.name, s.units])),
    existing: plan.stacks.map((s) => s.name),
});
const layout = (plan: FleetPlan) => Object.fromEntries(plan.stacks.map((s) => [s.name, s.units.map((u) => u.replace("mentor:", ""))]));

describe("planFleet", () => {
    it("plans a server stack and shards of at most K, numbered from m01, each shard after its server", async () => {
        const plan = planFleet(await fleet({ a: ["m1", "m2", "m3", "m4", "m5"], b: [] }), NONE);
        expect(layout(plan)).toEqual({ "acme.a": [], "acme.a.m01": ["m1", "m2"], "acme.a.m02": ["m3", "m4"], "acme.a.m03": ["m5"], "acme.b": [] });
        expect(plan.stacks.filter((s) => s.kind === "shard").every((s) => s.dependsOn.join() === "acme.a")).toBe(true);
        expect(plan).toMatchObject({ fleet: "acme", project: "iblai-claw-fleet", shardSize: 2, moves: [], orphans: [] });
    });

    it("keeps every mentor in its shard when one is inserted at the front (the new one fills a gap)", async () => {
        const first = planFleet(await fleet({ a: ["m1", "m2", "m3"] }), NONE);
        const second = planFleet(await fleet({ a: ["m0", "m1", "m2", "m3"] }), after(first));
        expect(layout(second)).toEqual({ "acme.a": [], "acme.a.m01": ["m1", "m2"], "acme.a.m02": ["m0", "m3"] });
        expect(second.moves).toEqual([]);
    });

    it("keeps the others in place when a mentor is removed, and refills its seat first", async () => {
        const first = planFleet(await fleet({ a: ["m1", "m2", "m3", "m4"] }), NONE);
        const removed = planFleet(await fleet({ a: ["m1", "m3", "m4"] }), after(first));
        expect(layout(removed)).toEqual({ "acme.a": [], "acme.a.m01": ["m1"], "acme.a.m02": ["m3", "m4"] });
        const refilled = planFleet(await fleet({ a: ["m1", "m3", "m4", "m9"] }), after(removed));
        expect(layout(refilled)["acme.a.m01"]).toEqual(["m1", "m9"]);
        expect(refilled.moves).toEqual([]);
    });

    it("orphans a shard left empty, and a removed server's stacks, but not another fleet's", async () => {
        const first = planFleet(await fleet({ a: ["m1", "m2", "m3"], gone: ["x"] }), NONE);
        const cur = after(first);
        cur.existing.push("acme2.a", "other.a.m01");
        const second = planFleet(await fleet({ a: ["m1", "m2"] }), cur);
        expect(second.orphans).toEqual(["acme.a.m02", "acme.gone", "acme.gone.m01"]);
    });

    it("splits a shard over K when K is lowered, moving its last units to new shards", async () => {
        const first = planFleet(await fleet({ a: ["m1", "m2", "m3", "m4"] }, 4), NONE);
        expect(layout(first)["acme.a.m01"]).toEqual(["m1", "m2", "m3", "m4"]);
        const second = planFleet(await fleet({ a: ["m1", "m2", "m3", "m4"] }, 4), after(first), { shardSize: 2 });
        expect(layout(second)).toEqual({ "acme.a": [], "acme.a.m01": ["m1", "m2"], "acme.a.m02": ["m3", "m4"] });
        expect(second.moves).toEqual([
            { unit: "mentor:m3", from: "acme.a.m01", to: "acme.a.m02" },
            { unit: "mentor:m4", from: "acme.a.m01", to: "acme.a.m02" },
        ]);
    });

    it("moves a mentor whose server changed into the new server's shards, and says so", async () => {
        const first = planFleet(await fleet({ a: ["m1", "m2"], b: ["n1"] }), NONE);
        const second = planFleet(await fleet({ a: ["m1"], b: ["n1", "m2"] }), after(first));
        expect(layout(second)).toEqual({ "acme.a": [], "acme.a.m01": ["m1"], "acme.b": [], "acme.b.m01": ["n1", "m2"] });
        expect(second.moves).toEqual([{ unit: "mentor:m2", from: "acme.a.m01", to: "acme.b.m01" }]);
    });

    it("lists no move from a shard that no longer exists in the backend", async () => {
        const first = planFleet(await fleet({ a: ["m1", "m2", "m3", "m4"] }, 4), NONE);
        const cur = { ...after(first), existing: ["acme.a"] };
        expect(planFleet(await fleet({ a: ["m1", "m2", "m3", "m4"] }, 4), cur, { shardSize: 2 }).moves).toEqual([]);
    });

    it("refuses a shard size below 1, and a unit heavier than the shard size, naming the unit", async () => {
        const loaded = await fleet({ a: ["m1"] });
        expect(() => planFleet(loaded, NONE, { shardSize: 0 })).toThrow(FleetUsageError);
        const heavy = { ...loaded, units: [{ key: "set:a/firm", server: "a", weight: 3 }] };
        expect(() => planFleet(heavy, NONE)).toThrow(/set:a\/firm: counts 3 mentors, more than the shard size 2 {2}hint: raise the shard size to at least 3/);
    });

    it("hashes deterministically; a skill file change changes its server's stacks only", async () => {
        const servers = { a: ["m1", "m2", "m3"], b: ["n1"] };
        const one = planFleet(await fleet(servers), NONE);
        const two = planFleet(await fleet(servers), NONE);
        const hashes = (p: FleetPlan) => Object.fromEntries(p.stacks.map((s) => [s.name, s.desiredHash]));
        expect(hashes(two)).toEqual(hashes(one));
        expect(new Set(Object.values(hashes(one))).size).toBe(one.stacks.length);
        expect(Object.values(hashes(one)).every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
        fs.writeFileSync(path.join(dir, "wttr-a.sh"), "curl wttr.in?format=3\n");
        const three = hashes(planFleet(await fleet(servers), NONE));
        for (const s of one.stacks) expect([s.name, three[s.name] === s.desiredHash]).toEqual([s.name, s.server === "b"]);
        expect(one.stacks.filter((s) => s.server === "a")).toHaveLength(3);
    });
});

describe("stackSlice", () => {
    it("gives a server stack its server without mentors, and a shard its own mentors", async () => {
        const loaded = await fleet({ a: ["m1", "m2", "m3"] });
        const plan = planFleet(loaded, NONE);
        const server = stackSlice(loaded, plan, "acme.a");
        expect(server.mentors).toEqual([]);
        expect(server.server).toMatchObject({ name: "a", skills: [{ slug: "weather" }] });
        expect(server.server).not.toHaveProperty("mentors");
        expect(stackSlice(loaded, plan, "acme.a.m02").mentors.map((m) => m.name)).toEqual(["m3"]);
        expect(() => stackSlice(loaded, plan, "acme.a.m09")).toThrow(/not a stack of fleet acme's plan/);
    });
});

describe("--shard i/n", () => {
    it.each([
        ["2/5", { index: 2, count: 5 }],
        [" 1 / 1 ", { index: 1, count: 1 }],
    ])("reads %j", (text, sel) => expect(parseShardSelector(text)).toEqual(sel));

    it.each([
        ["0/3", /i must be between 1 and 3/],
        ["4/3", /i must be between 1 and 3/],
        ["1/0", /n must be at least 1/],
        ["half", /"half" is not i\/n/],
    ])("refuses %j, naming --shard", (text, why) => {
        expect(() => parseShardSelector(text)).toThrow(why);
        expect(() => parseShardSelector(text)).toThrow(/^--shard: /);
    });

    it("splits by server, round-robin over sorted names: parts are disjoint, cover the plan, keep each server whole", async () => {
        const loaded = await fleet({ e: ["e1", "e2", "e3"], c: ["c1"], a: ["a1", "a2"], d: [], b: ["b1"] });
        const plan = planFleet(loaded, NONE);
        const parts = [1, 2, 3].map((i) => selectPart(plan, { index: i, count: 3 }));
        expect(parts.map((p) => [...new Set(p.stacks.map((s) => s.server))].sort())).toEqual([["a", "d"], ["b", "e"], ["c"]]);
        expect(parts.flatMap((p) => p.stacks.map((s) => s.name)).sort()).toEqual(plan.stacks.map((s) => s.name).sort());
        for (const p of parts) for (const s of p.stacks) for (const dep of s.dependsOn) expect(p.stacks.map((x) => x.name)).toContain(dep);
        expect(selectPart(plan, { index: 2, count: 3 })).toEqual(selectPart(planFleet(loaded, NONE), { index: 2, count: 3 }));
    });

    it("keeps a move inside a part, and sets aside one across parts", async () => {
        const first = planFleet(await fleet({ a: ["m1", "m2"], b: ["n1"], c: [] }), NONE);
        const second = planFleet(await fleet({ a: ["m1"], b: ["n1"], c: ["m2"] }), after(first));
        expect(second.moves).toEqual([{ unit: "mentor:m2", from: "acme.a.m01", to: "acme.c.m01" }]);
        const together = selectPart(second, { index: 1, count: 2 }); // a and c
        expect(together.moves).toEqual(second.moves);
        expect(together.crossPartMoves).toBeUndefined();
        const apart = [1, 2, 3].map((i) => selectPart(second, { index: i, count: 3 }));
        expect(apart.map((p) => p.moves)).toEqual([[], [], []]);
        expect(apart[0]?.crossPartMoves).toEqual(second.moves);
        expect(apart[1]?.crossPartMoves).toBeUndefined();
        expect(apart[2]?.crossPartMoves).toEqual(second.moves);
    });
});
