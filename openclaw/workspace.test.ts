import { compareOpenclawVersions, layoutChanges, mergeSection, sectionBody, sectionOnlyFiles, workspaceLayoutFor, workspaceWrites } from "./workspace";

describe("workspaceLayoutFor", () => {
    it("keeps TOOLS.md and HEARTBEAT.md as files before 2026.9", () => {
        const { layout, note } = workspaceLayoutFor("2026.3.1");
        expect(layout.fields.tools).toEqual({ kind: "file", file: "TOOLS.md" });
        expect(layout.fields.heartbeat).toEqual({ kind: "file", file: "HEARTBEAT.md" });
        expect(note).toBeUndefined();
    });

    it("moves tools into AGENTS.md and heartbeat into the monitor scratch from 2026.9", () => {
        const { layout } = workspaceLayoutFor("2026.9.6");
        expect(layout.fields.tools).toEqual({ kind: "section", file: "AGENTS.md", heading: "Tools" });
        expect(layout.fields.heartbeat.kind).toBe("heartbeatScratch");
        expect(layout.acceptedFiles).not.toContain("TOOLS.md");
        expect(layout.acceptedFiles).not.toContain("HEARTBEAT.md");
    });

    it("uses the newest layout for a newer version and says so", () => {
        const { layout, note } = workspaceLayoutFor("2027.1.0");
        expect(layout.name).toBe("2026.9");
        expect(note).toMatch(/2027\.1\.0 is newer .*checked through 2026\.9\.6/);
    });

    it("uses the newest layout for no version, and notes an unreadable one", () => {
        expect(workspaceLayoutFor(undefined).layout.name).toBe("2026.9");
        expect(workspaceLayoutFor("latest").note).toMatch(/cannot be read/);
    });

    it("lists what moved, naming the retired files", () => {
        expect(layoutChanges(workspaceLayoutFor("2026.9.6").layout)).toEqual([
            "tools: lands in the `## Tools` section of AGENTS.md (TOOLS.md is retired in OpenClaw 2026.9)",
            "heartbeat: lands in the heartbeat job's monitor scratch (at most 256 KiB) (HEARTBEAT.md is retired in OpenClaw 2026.9)",
        ]);
        expect(layoutChanges(workspaceLayoutFor("2026.1.0").layout)).toEqual([]);
    });
});

describe("compareOpenclawVersions", () => {
    it("orders numerically, pre-releases first", () => {
        expect(compareOpenclawVersions("2026.9.6", "2026.10.0")).toBeLessThan(0);
        expect(compareOpenclawVersions("v2026.9", "2026.9.0")).toBe(0);
        expect(compareOpenclawVersions("2026.9.0-beta.1", "2026.9.0")).toBeLessThan(0);
    });
});

describe("mergeSection", () => {
    it("appends a section to a text without one, and to an empty text", () => {
        expect(mergeSection("# Team\nBe kind.\n", "Tools", "Use wttr.")).toBe("# Team\nBe kind.\n\n## Tools\n\nUse wttr.\n");
        expect(mergeSection("", "Tools", "Use wttr.")).toBe("## Tools\n\nUse wttr.\n");
    });

    it("replaces the section in place and keeps what follows it", () => {
        const text = "# Team\n\n## Tools\n\nold\n### detail\nmore old\n\n## Rules\nNo spam.\n";
        const once = mergeSection(text, "Tools", "new");
        expect(once).toBe("# Team\n\n## Tools\n\nnew\n\n## Rules\nNo spam.\n");
        expect(mergeSection(once, "Tools", "new")).toBe(once);
        expect(once.match(/## Tools/g)).toHaveLength(1);
        expect(sectionBody(once, "Tools")).toBe("new");
        expect(sectionBody(once, "Rules")).toBe("No spam.");
    });
});

describe("workspaceWrites", () => {
    const v9 = workspaceLayoutFor("2026.9.6").layout;
    const old = workspaceLayoutFor("2026.3.1").layout;
    const texts = { identity: "# Ada", tools: "Use wttr.", heartbeat: "Check mail.", agents: "# Team\n\n## Rules\nBe kind.\n", soul: "" };

    it("keeps TOOLS.md and HEARTBEAT.md as files before 2026.9", () => {
        expect(workspaceWrites(texts, old)).toEqual({
            files: { "IDENTITY.md": "# Ada", "TOOLS.md": "Use wttr.", "HEARTBEAT.md": "Check mail.", "AGENTS.md": "# Team\n\n## Rules\nBe kind.\n" },
            errors: [],
        });
    });

    it("merges tools into the AGENTS.md text and puts heartbeat in the scratch from 2026.9", () => {
        const w = workspaceWrites(texts, v9);
        expect(w).toEqual({
            files: { "IDENTITY.md": "# Ada", "AGENTS.md": "# Team\n\n## Rules\nBe kind.\n\n## Tools\n\nUse wttr.\n" },
            heartbeatScratch: "Check mail.",
            errors: [],
        });
        expect(Object.keys(w.files).every((f) => v9.acceptedFiles.includes(f))).toBe(true);
    });

    it("merges into the server's current AGENTS.md when the config has no agents text, replacing an older section", () => {
        expect(sectionOnlyFiles({ tools: "new" }, v9)).toEqual(["AGENTS.md"]);
        expect(sectionOnlyFiles({ tools: "new", agents: "# Team" }, v9)).toEqual([]);
        expect(sectionOnlyFiles({ tools: "new" }, old)).toEqual([]);
        const current = { "AGENTS.md": "# Team\n\n## Tools\n\nold\n\n## Rules\nNo spam.\n" };
        expect(workspaceWrites({ tools: "new" }, v9, current).files).toEqual({ "AGENTS.md": "# Team\n\n## Tools\n\nnew\n\n## Rules\nNo spam.\n" });
        expect(workspaceWrites({ tools: "new" }, v9).files).toEqual({ "AGENTS.md": "## Tools\n\nnew\n" });
    });

    it("refuses a heartbeat over the scratch's cap, naming the field and the cap", () => {
        const w = workspaceWrites({ heartbeat: "é".repeat(131_073) }, v9);
        expect(w.heartbeatScratch).toBeUndefined();
        expect(w.errors).toEqual(["heartbeat: 262146 bytes, over the 256 KiB cap of the heartbeat job's monitor scratch in OpenClaw 2026.9; shorten it"]);
        expect(workspaceWrites({ heartbeat: "x".repeat(262_144) }, v9).errors).toEqual([]);
    });
});
