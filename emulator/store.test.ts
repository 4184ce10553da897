import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Store } from "./store";

describe("Store", () => {
    let dir: string;
    let file: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "claw-store-"));
        file = path.join(dir, "state.json");
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("gives each collection its own id sequence, never reused, not even after a reset", async () => {
        const s = new Store();
        expect(s.insert("o", "a", {}).id).toBe(1);
        expect(s.insert("o", "a", {}).id).toBe(2);
        expect(s.insert("o", "b", {}).id).toBe(1);
        s.remove("o", "a", 2);
        expect(s.insert("other", "a", {}).id).toBe(3);
        s.reset();
        expect(s.insert("o", "a", {}).id).toBe(4);
        await s.commit();
    });

    it("lists in id order and counts API collections only", () => {
        const s = new Store();
        s.insert("o", "a", { n: 1 });
        const two = s.insert("o", "a", { n: 2 });
        s.put("o", "a", { ...two, n: 22 });
        s.insert("o", "_internal", {});
        expect(s.list("o", "a").map((r) => r.n)).toEqual([1, 22]);
        expect(s.counts()).toEqual({ o: { a: 2 } });
        expect(Object.keys(s.snapshot().internal.o ?? {})).toEqual(["_internal"]);
    });

    it("restores committed changes from the journal without a clean shutdown", async () => {
        const s = new Store(file);
        s.insert("o", "a", { name: "x" });
        const b = s.insert("o", "a", { name: "y" });
        await s.commit();
        s.remove("o", "a", b.id);
        await s.commit();
        // No close(): as after kill -9.
        const again = new Store(file);
        expect(again.list("o", "a").map((r) => r.name)).toEqual(["x"]);
        expect(again.insert("o", "a", {}).id).toBe(3);
        await again.close();
        await s.close();
    });

    it("stops replaying at a torn line and keeps what came before", async () => {
        const s = new Store(file);
        s.insert("o", "a", { name: "kept" });
        await s.commit();
        fs.appendFileSync(`${file}.journal`, '{"s":50,"ops":[["put","o","a",{"id":9');
        const again = new Store(file);
        expect(again.list("o", "a").map((r) => r.name)).toEqual(["kept"]);
        // The torn tail was compacted away: new writes replay cleanly.
        again.insert("o", "a", { name: "after" });
        await again.commit();
        expect(new Store(file).list("o", "a").map((r) => r.name)).toEqual(["kept", "after"]);
        await again.close();
        await s.close();
    });

    it("makes one write for many concurrent commits (group commit), each resolved once durable", async () => {
        const s = new Store(file);
        const before = s.syncs;
        const commits: Array<Promise<void>> = [];
        for (let i = 0; i < 50; i++) {
            s.insert("o", "a", { i });
            commits.push(s.commit());
        }
        await Promise.all(commits);
        expect(s.syncs - before).toBe(1);
        expect(new Store(file).list("o", "a")).toHaveLength(50);
        await s.close();
    });

    it("reads a version-1 state file", () => {
        fs.writeFileSync(file, JSON.stringify({ version: 1, nextId: 7, orgs: { o: { a: { "6": { id: 6, name: "old" } } } } }));
        const s = new Store(file);
        expect(s.get("o", "a", 6)?.name).toBe("old");
        expect(s.insert("o", "a", {}).id).toBe(7);
    });

    it("refuses an unknown state version", () => {
        fs.writeFileSync(file, JSON.stringify({ version: 99 }));
        expect(() => new Store(file)).toThrow(/unknown emulator state version 99/);
    });
});
