import { unassignedSkills } from "./realSkills";
import { markerHash, skillBundle, skillMarker } from "./skillArchive";

describe("skill bundles", () => {
    const md = { path: "SKILL.md", data: Buffer.from("---\nname: web\n---\nUse curl.") };
    const script = { path: "scripts/fetch.sh", data: Buffer.from("curl $1") };

    it("hash the folder's paths and bytes, in any order, and change with any byte", () => {
        const a = skillBundle("web", [script, md]);
        expect(a.files.map((f) => f.path)).toEqual(["SKILL.md", "scripts/fetch.sh"]);
        expect(skillBundle("web", [md, script]).sha256).toBe(a.sha256);
        expect(skillBundle("web", [md, { ...script, data: Buffer.from("curl -s $1") }]).sha256).not.toBe(a.sha256);
        expect(skillBundle("web", [md, { ...script, path: "scripts/get.sh" }]).sha256).not.toBe(a.sha256);
    });

    it("name their hash in the marker the server keeps", () => {
        const b = skillBundle("web", [md]);
        expect(markerHash(skillMarker(b))).toBe(b.sha256);
        expect(markerHash(undefined)).toBeUndefined();
        expect(markerHash("not json")).toBeUndefined();
    });
});

describe("unassignedSkills", () => {
    it("finds what the agent listed before and no longer has; disables only what no other agent lists", () => {
        const config = { agents: { entries: { a: { skills: ["web", "mail", "keep"] }, b: { skills: ["mail"] }, c: {} } } };
        expect(unassignedSkills(config, "a", ["keep", "new"])).toEqual({ unassigned: ["web", "mail"], disable: ["web"] });
        expect(unassignedSkills(config, "new-agent", ["x"])).toEqual({ unassigned: [], disable: [] });
        expect(unassignedSkills(undefined, "a", [])).toEqual({ unassigned: [], disable: [] });
    });
});
