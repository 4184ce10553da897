import { ConfigError } from "../../sdk";
import { resolveConnection } from "./connection";
import { resolveTuning } from "./tuning";

const lookup = (values: Record<string, string>) => (k: string) => values[k];

describe("provider speed settings", () => {
    it("reads stack config first, then the environment, and leaves unset keys out", () => {
        expect(resolveTuning(lookup({ "iblai:maxConcurrency": "16" }), { IBLAI_MAX_CONCURRENCY: "4", IBLAI_PUSH_POLL_INTERVAL_MS: "120" })).toEqual({
            maxConcurrency: 16,
            pushPollIntervalMs: 120,
        });
        expect(resolveTuning(lookup({}), {})).toEqual({});
    });

    it("refuses a value that is not a whole number in range, naming the key and its range", () => {
        for (const [key, raw] of [
            ["iblai:maxConcurrency", "0"],
            ["iblai:maxConcurrency", "eight"],
            ["iblai:pushPollIntervalMs", "2.5"],
            ["iblai:pushPollIntervalMs", "5"],
        ]) {
            const err = (() => {
                try {
                    resolveTuning(lookup({ [key as string]: raw as string }), {});
                } catch (e) {
                    return e;
                }
                return undefined;
            })();
            expect(ConfigError.isInstance(err)).toBe(true);
            expect((err as Error).message).toContain(key);
            expect((err as Error).message).toContain(JSON.stringify(raw));
        }
    });

    it("travels with the connection the engine hands to every resource", () => {
        const conn = resolveConnection(lookup({ "iblai:pushPollIntervalMs": "100" }), {});
        expect(conn.tuning).toEqual({ pushPollIntervalMs: 100 });
    });
});

describe("the client pool", () => {
    it("gives connections that differ only in maxConcurrency clients of their own", async () => {
        const { clientFor } = await import("./connection");
        const base = { baseUrl: "https://platform.ibl.ai", org: "acme", apiToken: "tok-123456" };
        const eight = clientFor(base, {});
        expect(clientFor(base, {})).toBe(eight);
        expect(clientFor({ ...base, tuning: { maxConcurrency: 32 } }, {})).not.toBe(eight);
    });
});
