import { type Emulator, type EmulatorOptions, startEmulator } from "../../emulator";
import { ClawClient, type ClawClientOptions } from "../../sdk";

export const ORG = "acme";
export const TOKEN = "itest-token-5f2c9a";

/**
 * Starts an emulator on a random loopback port for one test file; closes it afterwards.
 * The options pass through (`hosted`, `routes`, `auth`, `bareLists`, `adminUser`, …); against
 * an emulator that refuses `Token` (`hosted` or `auth: "hosted"`), `client()` speaks `Api-Token`.
 */
export function useEmulator(options: EmulatorOptions = {}): { readonly emu: Emulator; client(o?: Partial<ClawClientOptions>): ClawClient } {
    let emu: Emulator | undefined;
    const clients: ClawClient[] = [];
    beforeAll(async () => {
        emu = await startEmulator({ orgs: { [ORG]: TOKEN }, ...options });
    });
    afterAll(async () => {
        await Promise.all(clients.map((c) => c.close()));
        await emu?.close();
    });
    return {
        get emu() {
            if (!emu) throw new Error("emulator not started yet (use it inside a test)");
            return emu;
        },
        client(o = {}) {
            if (!emu) throw new Error("emulator not started yet (use it inside a test)");
            const scheme = emu.auth === "hosted" ? { authScheme: "Api-Token" as const } : {};
            const c = new ClawClient({ baseUrl: emu.url, org: ORG, token: TOKEN, ...scheme, ...o });
            clients.push(c);
            return c;
        },
    };
}

/**
 * Writes (POST/PATCH/PUT/DELETE) the emulator saw since `before` (its `requestCounts()`), by route pattern.
 *
 * @example
 * ```ts
 * const before = emu.requestCounts(); await project.up();
 * expect(writesSince(emu, before)).toEqual({ "PATCH claw/instances/{id}/": 1 });
 * ```
 */
export function writesSince(emu: Emulator, before: Record<string, number>): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, n] of Object.entries(emu.requestCounts())) {
        if (/^(POST|PATCH|PUT|DELETE) /.test(k) && n - (before[k] ?? 0) > 0) out[k] = n - (before[k] ?? 0);
    }
    return out;
}
