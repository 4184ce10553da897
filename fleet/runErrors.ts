/**
 * The runner's errors: each says what, where (the stack) and how to fix it. Messages pass
 * through the sdk's redaction before they are printed (progress.ts).
 */
import { hasMarker } from "../components/errorBase";

/** Stable codes to match on (a second copy of the package may be loaded: match `code`, not `instanceof`). */
export type FleetRunErrorCode = "secret-ref-missing" | "stack-locked" | "stack-failed" | "move-failed" | "bad-argument";

/**
 * An error of `iblai-claw fleet` outside the declaration itself.
 *
 * @example
 * ```ts
 * throw new FleetRunError("bad-argument", "--parallel must be a whole number ≥ 1, not 0", { hint: "e.g. --parallel 4" });
 * ```
 */
export class FleetRunError extends Error {
    readonly isFleetRunError = true;
    constructor(
        readonly code: FleetRunErrorCode,
        what: string,
        readonly detail: { stack?: string; hint?: string } = {},
    ) {
        super([detail.stack ? `stack ${detail.stack}: ${what}` : what, detail.hint ? `  hint: ${detail.hint}` : ""].filter(Boolean).join("\n"));
        this.name = "FleetRunError";
    }

    static isInstance(e: unknown): e is FleetRunError {
        return hasMarker(e, "isFleetRunError");
    }
}

/** Who holds a stack's lock, as the engine says it. */
export interface LockHolder {
    /** `user@host` */
    by?: string;
    pid?: number;
    at?: string;
}

/**
 * A stack another pulumi holds: refused at once (the engine does not wait), or after
 * `--wait` ran out.
 *
 * @example
 * ```ts
 * new StackLockedError("acme.edge-1", { by: "ci@runner-3", pid: 812, at: "2026-12-07T13:11:09Z" }).message;
 * // "stack acme.edge-1: stack acme.edge-1 is locked (by ci@runner-3, pid 812, since 2026-12-07T13:11:09Z) ..."
 * ```
 */
export class StackLockedError extends FleetRunError {
    constructor(
        readonly stackName: string,
        readonly holder: LockHolder,
        waitedSeconds?: number,
    ) {
        const stack = stackName;
        super("stack-locked", `stack ${stack} is locked (${describeHolder(holder)})${waitedSeconds ? `; still locked after waiting ${waitedSeconds} s` : ""}`, {
            hint: "another fleet command or pulumi runs on it: wait for it (rerun with --wait[=SECONDS]); if that process is gone, run `pulumi cancel --yes -s " + stack + "` in the fleet's workDir",
        });
    }
}

/**
 * The holder of a DIY backend lock from the engine's refusal ("the stack is currently locked
 * by 1 lock(s). ... <lock url>: created by root@vm (pid 625) at 2026-12-07T13:11:09Z").
 *
 * @example
 * ```ts
 * lockHolderOf("...json?sslmode=disable: created by root@vm (pid 625) at 2026-12-07T13:11:09Z");
 * // { by: "root@vm", pid: 625, at: "2026-12-07T13:11:09Z" }
 * ```
 */
export function lockHolderOf(message: string): LockHolder {
    const m = /created by (\S+?) \(pid (\d+)\)(?: at (\S+))?/.exec(message);
    if (!m) return {};
    return { by: m[1], pid: Number(m[2]), at: m[3] };
}

/**
 * A holder in words.
 *
 * @example
 * ```ts
 * describeHolder({ by: "root@vm", pid: 625 }); // "by root@vm, pid 625"
 * describeHolder({}); // "by another process"
 * ```
 */
export function describeHolder(h: LockHolder): string {
    if (!h.by) return "by another process";
    return [`by ${h.by}`, h.pid !== undefined ? `pid ${h.pid}` : "", h.at ? `since ${h.at}` : ""].filter(Boolean).join(", ");
}
