/**
 * `auto_push` as the 2026 guide describes it: with it on, every write of a mentor's agent
 * config pushes that mentor's config at once (as `push-config` would), and a text field left
 * empty blanks its workspace file on the server instead of being skipped (delivery.ts).
 */
import { BINDINGS } from "./collections";
import type { Ctx } from "./entity";

/**
 * Queues a config push for every enabled binding of `mentor` that has `auto_push` on.
 * Returns how many were queued.
 *
 * @example
 * ```ts
 * afterWrite: (ctx, row) => void autoPushMentor(ctx, row.mentor);
 * ```
 */
export function autoPushMentor(ctx: Ctx, mentor: unknown): number {
    let n = 0;
    for (const b of ctx.store.list(ctx.org, BINDINGS)) {
        if (b.mentor !== mentor || b.auto_push !== true || b.enabled !== true) continue;
        // As push-config does: a slow-push fault rule on the writing route applies.
        ctx.pushes.queueConfigPush(ctx.org, b.id, ctx.faults.slowPushMs(ctx.method, ctx.route) ?? ctx.settings.pushDelayMs);
        n++;
    }
    return n;
}
