import { Skill } from "../resources/skill";

describe("registering a resource", () => {
    it("gives an error thrown during registration the stack of the program's call, and puts the stack limit back", () => {
        const before = Error.stackTraceLimit;
        const formatter = Error.prepareStackTrace;
        const err = (() => {
            try {
                // @pulumi/pulumi refuses this key synchronously, inside the constructor, while
                // ClawResource has stack traces turned off (resource.ts).
                new Skill("bad", { name: "Bad", slug: "bad", __provider: "x" } as never);
            } catch (e) {
                return e as Error;
            }
            return undefined;
        })();
        expect(err?.message).toContain("__provider");
        expect(err?.stack).toContain("resource.test.ts");
        expect(Error.stackTraceLimit).toBe(before);
        expect(Error.prepareStackTrace).toBe(formatter);
    });
});
