import { PassThrough } from "node:stream";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { Progress, changesText, firstErrorLine, summaryLines } from "./progress";

function capture(): { out: PassThrough; text(): string } {
    const out = new PassThrough();
    let text = "";
    out.on("data", (c: Buffer) => (text += c.toString()));
    return { out, text: () => text };
}

const outputs = (op: string, type = "pulumi-nodejs:dynamic/iblai:MentorBinding"): EngineEvent =>
    ({ sequence: 1, timestamp: 0, resOutputsEvent: { metadata: { op, urn: "urn:x", type, provider: "" } } }) as unknown as EngineEvent;

describe("fleet progress without a terminal", () => {
    it("prints one timestamped line per start and finish, and the summary table with the failures named", () => {
        const c = capture();
        let t = Date.UTC(2026, 11, 7, 13, 0, 0);
        const p = new Progress(c.out, { tty: false, now: () => t });
        p.start("acme.edge-1", "up");
        p.event("acme.edge-1", outputs("create"));
        t += 4200;
        p.finish({ stack: "acme.edge-1", outcome: "succeeded", changes: { create: 3, same: 1 }, ms: 4200 });
        p.start("acme.edge-1.m01", "up");
        p.finish({ stack: "acme.edge-1.m01", outcome: "failed", changes: {}, ms: 1000, note: "error: POST claw/mentor-configs/: 400 mentor unknown" });
        p.finish({ stack: "acme.edge-2", outcome: "skipped", changes: {}, ms: 0, note: "finished" });
        p.end();
        expect(c.text().split("\n")).toEqual([
            "[13:00:00] start    acme.edge-1 up",
            "[13:00:04] succeeded acme.edge-1: 3 create (4.2 s)",
            "[13:00:04] start    acme.edge-1.m01 up",
            "[13:00:04] failed   acme.edge-1.m01: error: POST claw/mentor-configs/: 400 mentor unknown (1.0 s)",
            "[13:00:04] skipped  acme.edge-2: finished (0.0 s)",
            "stack            result     changes   time",
            "acme.edge-1      succeeded  3 create  4.2 s",
            "acme.edge-1.m01  failed     -         1.0 s",
            "acme.edge-2      skipped    -         0.0 s",
            "3 stacks: 1 succeeded, 1 skipped, 1 failed",
            "failures:",
            "  acme.edge-1.m01: error: POST claw/mentor-configs/: 400 mentor unknown",
            "",
        ]);
    });

    it("never prints a secret: every line goes through the sdk's redaction", () => {
        const c = capture();
        const p = new Progress(c.out, { tty: false, secrets: ["tok-9f3a2b7c"] });
        p.start("acme.a", "up");
        p.finish({ stack: "acme.a", outcome: "failed", changes: {}, ms: 1, note: "401 for Api-Token tok-9f3a2b7c" });
        p.end();
        expect(c.text()).not.toContain("tok-9f3a2b7c");
        expect(c.text()).toContain("[REDACTED]");
    });
});

describe("fleet progress on a terminal", () => {
    it("shows a line per running stack with its phase, resources done and ops, then the totals", () => {
        let t = 0;
        const p = new Progress(capture().out, { tty: true, now: () => t, redrawMs: 60_000 });
        p.start("acme.edge-1.m01", "up");
        p.event("acme.edge-1.m01", outputs("create"));
        p.event("acme.edge-1.m01", outputs("create"));
        p.event("acme.edge-1.m01", outputs("same"));
        p.event("acme.edge-1.m01", outputs("create", "pulumi:pulumi:Stack"));
        t = 2500;
        const lines = p.liveLines();
        expect(lines).toHaveLength(2);
        expect(lines[0]).toMatch(/^ {2}acme\.edge-1\.m01 +up +3 done \+2 +2\.5 s$/);
        expect(lines[1]).toBe("  done 0  running 1  failed 0  skipped 0");
        p.end();
    });
});

describe("the summary's words", () => {
    it("lists the ops that changed something, or says there were none", () => {
        expect(changesText({ update: 1, create: 2, same: 5 })).toBe("2 create, 1 update");
        expect(changesText({ same: 5 })).toBe("no changes");
    });

    it("takes the engine's error line over the Automation API's wrapper", () => {
        expect(firstErrorLine("code: 255\n stdout: \n stderr: Updating (acme)\n  error: iblai:MentorBinding create failed: 400\nerror: update failed")).toBe("error: iblai:MentorBinding create failed: 400");
        expect(firstErrorLine("stack acme.a is locked (by root@vm, pid 7)\n  hint: wait")).toBe("stack acme.a is locked (by root@vm, pid 7)");
    });

    it("says nothing to do for an empty run", () => {
        expect(summaryLines([])).toEqual(["stack  result  changes  time", "0 stacks: nothing to do"]);
    });
});
