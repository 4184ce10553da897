/**
 * The heartbeat scratch's compare-and-swap handling. A concurrent edit between our read and
 * our write cannot be provoked reliably on the real gateway, so this test scripts the
 * gateway's answers (the shapes OpenClaw 2026.9.6 gives, as recorded from a real gateway);
 * the normal path runs on the real gateway in test/integration/openclaw-agent-set-delivery.test.ts.
 */
import type { GatewaySession } from "./openclawGateway";
import { writeHeartbeatScratch } from "./realWorkspace";

function scripted(answers: Record<string, Array<Record<string, unknown>>>): { session: GatewaySession; calls: Array<[string, Record<string, unknown> | undefined]> } {
    const calls: Array<[string, Record<string, unknown> | undefined]> = [];
    const session: GatewaySession = {
        hello: { protocol: 4, serverVersion: "2026.9.6", role: "operator", scopes: [], methods: [] },
        request: async <T>(method: string, params?: Record<string, unknown>) => {
            calls.push([method, params]);
            const next = answers[method]?.shift();
            if (!next) throw new Error(`unexpected ${method}`);
            return next as T;
        },
        close: () => undefined,
    };
    return { session, calls };
}

const JOBS = { jobs: [{ id: "job-1", declarationKey: "heartbeat:mentor-a", agentId: "mentor-a", payload: { kind: "heartbeat" } }] };

describe("writeHeartbeatScratch", () => {
    it("writes with the revision it read, and after a conflict reads again and retries once", async () => {
        const { session, calls } = scripted({
            "cron.list": [JOBS],
            "cron.scratch.get": [{ scratch: null, currentRevision: 0 }, { scratch: { content: "theirs", revision: 1 }, currentRevision: 1 }],
            "cron.scratch.set": [{ ok: false, reason: "revision-conflict", currentRevision: 1 }, { ok: true, currentRevision: 2 }],
        });
        expect(await writeHeartbeatScratch(session, "mentor-a", "Check mail.")).toEqual({ job: "job-1", revision: 2, changed: true });
        expect(calls.filter(([m]) => m === "cron.scratch.set").map(([, p]) => p)).toEqual([
            { id: "job-1", content: "Check mail.", expectedRevision: 0 },
            { id: "job-1", content: "Check mail.", expectedRevision: 1 },
        ]);
    });

    it("fails after a second conflict, and writes nothing when the scratch already holds the text", async () => {
        const conflict = { ok: false, reason: "revision-conflict", currentRevision: 3 };
        const twice = scripted({ "cron.list": [JOBS], "cron.scratch.get": [{ currentRevision: 1 }, { currentRevision: 2 }], "cron.scratch.set": [conflict, conflict] });
        await expect(writeHeartbeatScratch(twice.session, "mentor-a", "x")).rejects.toThrow(
            "cron.scratch.set: the heartbeat scratch of mentor-a changed while it was written (revision-conflict, revision 3), twice; push again",
        );
        const same = scripted({ "cron.list": [JOBS], "cron.scratch.get": [{ scratch: { content: "x", revision: 4 }, currentRevision: 4 }] });
        expect(await writeHeartbeatScratch(same.session, "mentor-a", "x")).toEqual({ job: "job-1", revision: 4, changed: false });
        expect(same.calls.map(([m]) => m)).toEqual(["cron.list", "cron.scratch.get"]);
    });
});
