import { sayOnce, versionNotes } from "./versionNotes";

describe("versionNotes", () => {
    it("says where 2026.9 puts tools and heartbeat, only for the texts given", () => {
        expect(versionNotes("2026.9.6", ["tools", "heartbeat", "soul"])).toEqual([
            "OpenClaw 2026.9 (iblai:openclawVersion 2026.9.6): tools lands in the `## Tools` section of AGENTS.md (TOOLS.md is retired in OpenClaw 2026.9); a server's own claw_version, when known, decides at push",
            "OpenClaw 2026.9 (iblai:openclawVersion 2026.9.6): heartbeat lands in the heartbeat job's monitor scratch (at most 256 KiB) (HEARTBEAT.md is retired in OpenClaw 2026.9); a server's own claw_version, when known, decides at push",
        ]);
        expect(versionNotes("2026.9.6", ["soul", "identity"])).toEqual([]);
    });

    it("says nothing for a version before 2026.9, and says so when a version is newer than any layout checked", () => {
        expect(versionNotes("2026.3.1", ["tools", "heartbeat"])).toEqual([]);
        const newer = versionNotes("2026.11.0", ["tools"]);
        expect(newer[0]).toBe("OpenClaw 2026.11.0 is newer than any workspace layout we know (checked through 2026.9.6); using the newest one (2026.9)");
        expect(newer[1]).toMatch(/^OpenClaw 2026\.9 \(iblai:openclawVersion 2026\.11\.0\): tools lands in the `## Tools` section of AGENTS\.md/);
    });

    it("takes no version, or none (no schema check), as the newest layout", () => {
        expect(versionNotes(undefined, ["tools"])).toEqual([
            "OpenClaw 2026.9 (the newest layout; iblai:openclawVersion is not set): tools lands in the `## Tools` section of AGENTS.md (TOOLS.md is retired in OpenClaw 2026.9); a server's own claw_version, when known, decides at push",
        ]);
        expect(versionNotes("none", ["tools"])).toEqual(versionNotes(undefined, ["tools"]));
    });
});

describe("sayOnce", () => {
    it("says each line once per process however many components ask", () => {
        const heard: string[] = [];
        const say = (l: string) => heard.push(l);
        const lines = versionNotes("2026.9.6", ["tools", "heartbeat"]);
        for (let agent = 0; agent < 13; agent++) sayOnce(versionNotes("2026.9.6", agent % 2 ? ["tools"] : ["tools", "heartbeat"]), say);
        expect(heard).toEqual(lines);
    });
});
