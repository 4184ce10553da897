import * as path from "node:path";
import { isOwnFile, programFrames, trimRegistrationStacks } from "./registrationStack";

const PKG = path.resolve(__dirname, "..", "..");
const frame = (file: string | undefined) => ({ site: file ?? "native", file });

describe("the registration stack recorded in state", () => {
    it("keeps Pulumi's leading frames, then only the program's", () => {
        const frames = [
            frame("/p/node_modules/@pulumi/pulumi/resource.js"), // callsites
            frame("/p/node_modules/@pulumi/pulumi/resource.js"), // stackTrace
            frame("/p/node_modules/@pulumi/pulumi/dynamic/index.js"),
            frame(path.join(PKG, "provider/engine/resource.js")),
            frame(path.join(PKG, "components/clawAgent.js")),
            frame("/p/lib/helpers.ts"),
            frame(undefined),
            frame("/p/index.ts"),
            frame("node:internal/modules/cjs/loader"),
            frame("/p/node_modules/ts-node/src/index.ts"),
            frame("/p/node_modules/@pulumi/pulumi/cmd/run/run.js"),
        ];
        expect(programFrames(frames).map((f) => f.site)).toEqual([
            "/p/node_modules/@pulumi/pulumi/resource.js",
            "/p/node_modules/@pulumi/pulumi/resource.js",
            "/p/node_modules/@pulumi/pulumi/dynamic/index.js",
            "/p/lib/helpers.ts",
            "/p/index.ts",
        ]);
    });

    it("counts this package's code as its own, and a program elsewhere (or a test) as the program", () => {
        expect(isOwnFile(path.join(PKG, "provider/resources/skill.ts"))).toBe(true);
        expect(isOwnFile(path.join(PKG, "sdk/client.ts"))).toBe(true);
        expect(isOwnFile(path.join(PKG, "test/e2e/program/index.ts"))).toBe(false);
        expect(isOwnFile("/home/me/infra/index.ts")).toBe(false);
    });

    it("formats through the formatter that was installed, and puts it back", () => {
        const before = Error.prepareStackTrace;
        const seen: string[][] = [];
        Error.prepareStackTrace = (_e, sites) => {
            seen.push(sites.map((s) => s.getFileName() ?? ""));
            return "formatted";
        };
        const installed = Error.prepareStackTrace;
        try {
            void new Error("untrimmed").stack;
            const restore = trimRegistrationStacks();
            const stack = new Error("x").stack;
            restore();
            expect(stack).toBe("formatted");
            // This test file is this package's own (provider/), so it goes; jest's frames stay.
            expect(seen[0][0]).toBe(__filename);
            expect(seen[1]).toEqual(seen[0].filter((f) => f !== "" && !f.startsWith("node:") && !isOwnFile(f)));
            expect(seen[1].length).toBeGreaterThan(0);
            expect(Error.prepareStackTrace).toBe(installed);
        } finally {
            Error.prepareStackTrace = before;
        }
    });

    it("uses V8's format when no formatter is installed", () => {
        const before = Error.prepareStackTrace;
        (Error as { prepareStackTrace?: unknown }).prepareStackTrace = undefined;
        try {
            const restore = trimRegistrationStacks();
            const stack = new Error("boom").stack ?? "";
            restore();
            expect(stack.split("\n")[0]).toBe("Error: boom");
            expect(stack.split("\n")[1]).toMatch(/^    at .*\(.*node_modules.*:\d+:\d+\)$/);
            expect(stack).not.toContain(__filename);
            expect(Error.prepareStackTrace).toBeUndefined();
        } finally {
            Error.prepareStackTrace = before;
        }
    });
});
