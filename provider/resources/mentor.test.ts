import { check, diff } from "../engine/crud";
import { mentorFacts as facts } from "./mentor";

const conn = { baseUrl: "https://platform.ibl.ai", org: "acme", apiToken: "tok-123456" };
const reasons = (r: { failures?: { reason: string }[] }) => (r.failures ?? []).map((f) => f.reason);

describe("Mentor check (no request)", () => {
    it("takes a name alone, and maps each input to the mentor API's field", () => {
        const r = check(facts, conn, {}, { name: "ada", displayName: "Ada", visibility: "viewable_by_anyone", enableClaw: true });
        expect(r.failures).toEqual([]);
        expect(r.inputs).toMatchObject({ name: "ada", org: "acme" });
    });

    it("names each bad input by the name the program wrote, never the wire name", () => {
        const r = check(facts, conn, {}, { name: "", displayName: 7, visibility: "public", enableClaw: "yes", allowAnonymous: 1 });
        const named = reasons(r).map((x) => x.split(":")[0]).sort();
        expect(named).toEqual(["allowAnonymous", "displayName", "enableClaw", "name", "visibility"]);
        expect(reasons(r).join("\n")).not.toMatch(/new_mentor_name|mentor_visibility|display_name/);
        expect(reasons(r).find((x) => x.startsWith("visibility"))).toMatch(/viewable_by_anyone/);
    });

    it("requires the name, and refuses an adoptId that is not a mentor UUID", () => {
        const r = check(facts, conn, {}, { adoptId: 42 });
        expect(reasons(r)).toEqual(expect.arrayContaining([expect.stringMatching(/^name: required/), expect.stringMatching(/^adoptId: must be the mentor's UUID/)]));
        expect(check(facts, conn, {}, { name: "ada", adoptId: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10" }).failures).toEqual([]);
    });

    it("replaces on a new name (the natural key); a display name is edited in place", () => {
        const olds = { name: "ada", displayName: "Ada", apiBaseUrl: conn.baseUrl, org: "acme" };
        expect(diff(facts, "m", olds, { ...olds, displayName: "Ada L." })).toMatchObject({ changes: true, replaces: [] });
        expect(diff(facts, "m", olds, { ...olds, name: "ada2" })).toMatchObject({ changes: true, replaces: ["name"] });
    });
});
