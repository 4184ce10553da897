import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Journal, journalFile, stackOf } from "./journal";

const U = "urn:pulumi:dev::shop::pulumi-nodejs:dynamic/iblai:Skill::weather";
const V = "urn:pulumi:dev::shop::pulumi-nodejs:dynamic/iblai:Skill::clock";

describe("the journal of creates", () => {
    let dir: string;
    let file: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "journal-"));
        file = path.join(dir, "shop.dev.jsonl");
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    const reopen = () => new Journal(file);

    it("keeps an open intent until the answer's id arrives, across processes", () => {
        const j = new Journal(file);
        j.intent(U, "Skill");
        expect(reopen().pending(U)).toMatchObject({ type: "Skill", ids: [] });
        expect(reopen().pending(U)?.intentAt).toMatch(/^\d{4}-/);
        j.made(U, "Skill", "42");
        expect(reopen().pending(U)).toEqual({ type: "Skill", intentAt: undefined, ids: ["42"] });
    });

    it("forgets a refused attempt, and the attempt the engine settled, but not an open one", () => {
        const j = new Journal(file);
        j.intent(U, "Skill");
        j.refused(U, "Skill");
        expect(reopen().pending(U)).toBeUndefined();
        j.intent(U, "Skill");
        j.made(U, "Skill", "7");
        j.intent(U, "Skill"); // a replacement, interrupted before its answer
        j.settle(U, "7");
        const p = reopen().pending(U);
        expect(p?.ids).toEqual([]);
        expect(p?.intentAt).toBeDefined();
        j.resolved(U);
        expect(reopen().pending(U)).toBeUndefined();
    });

    it("names the ids other URNs made, so one resource never takes another's object", () => {
        const j = new Journal(file);
        j.intent(U, "Skill");
        j.made(U, "Skill", "1");
        j.intent(V, "Skill");
        j.made(V, "Skill", "2");
        expect([...j.claimedByOthers(U, "Skill")]).toEqual(["2"]);
        expect([...j.claimedByOthers(U, "SkillResource")]).toEqual([]);
    });

    it("ignores a line a kill cut short", () => {
        new Journal(file).intent(U, "Skill");
        fs.appendFileSync(file, '{"op":"made","owner":"urn:pul');
        expect(reopen().pending(U)?.ids).toEqual([]);
    });

    it("compacts to the unsettled records at the first create of a process", () => {
        const j = new Journal(file);
        for (let i = 0; i < 20; i++) {
            j.intent(V, "Skill");
            j.made(V, "Skill", String(i));
            j.settle(V, String(i));
        }
        j.intent(U, "Skill");
        j.made(U, "Skill", "99");
        const before = fs.readFileSync(file, "utf8").split("\n").length;
        reopen().intent(V, "Skill");
        const after = fs.readFileSync(file, "utf8").trim().split("\n");
        expect(after.length).toBeLessThan(before);
        expect(after).toHaveLength(3); // U's intent and id, V's new intent
        expect(reopen().pending(U)?.ids).toEqual(["99"]);
    });

    it("is one file per stack, named from the URN", () => {
        expect(stackOf(U)).toEqual({ stack: "dev", project: "shop" });
        expect(stackOf("not-a-urn")).toBeUndefined();
        expect(journalFile("shop", "acme/dev", "/x")).toBe("/x/shop.acme_dev.jsonl");
    });
});
