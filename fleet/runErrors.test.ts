import { StackLockedError, describeHolder, lockHolderOf } from "./runErrors";

// The engine's refusal on PostgreSQL, as test/e2e/state-backend-postgres.test.ts saw it (password masked by the engine).
const PG_REFUSAL = [
    "error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.",
    "  postgres://****:****@127.0.0.1:57045/postgres/.pulumi/locks/organization/pgtry/dev/05e65ee3-2b1c.json?sslmode=disable: created by root@vm (pid 625) at 2026-12-07T13:11:09Z",
].join("\n");

describe("lock refusals", () => {
    it("name the holder from the engine's message", () => {
        expect(lockHolderOf(PG_REFUSAL)).toEqual({ by: "root@vm", pid: 625, at: "2026-12-07T13:11:09Z" });
        expect(lockHolderOf("file:///s/.pulumi/locks/organization/p/s/1.json: created by ci@runner-3 (pid 81)")).toEqual({ by: "ci@runner-3", pid: 81, at: undefined });
    });

    it("say 'another process' when the message names none", () => {
        expect(lockHolderOf("[409] Conflict: Another update is currently in progress.")).toEqual({});
        expect(describeHolder({})).toBe("by another process");
    });

    it("make an error that names the stack, the holder and how to go on", () => {
        const e = new StackLockedError("acme.edge-1", lockHolderOf(PG_REFUSAL), 30);
        expect(e.message.split("\n")[0]).toBe("stack acme.edge-1 is locked (by root@vm, pid 625, since 2026-12-07T13:11:09Z); still locked after waiting 30 s");
        expect(e.message).toContain("--wait");
        expect(e.message).toContain("pulumi cancel --yes -s acme.edge-1");
        expect(e.code).toBe("stack-locked");
    });
});
