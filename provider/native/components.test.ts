import * as pulumi from "@pulumi/pulumi";
import { ComponentConstructError, constructComponent } from "./components";

// The inputs construct refuses before it builds anything (the builds themselves run in
// test/e2e/yaml-components.test.ts).
describe("construct of the native provider's components", () => {
    beforeAll(() => pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: () => ({}) }, "proj", "stack", true));

    it("refuses an agent set whose folder is not known yet (read while the program runs)", async () => {
        const folder = pulumi.output(pulumi.unknown as unknown as string);
        const err = await constructComponent("set", "iblai:index:AgentSet", { folder, server: "1" }, {}).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ComponentConstructError);
        expect((err as Error).message).toBe("iblai:index:AgentSet set: folder needs the agent set's folder as a plain string (it is read when the program runs)");
    });

    it("names the components it has for an unknown type", async () => {
        const err = await constructComponent("x", "iblai:index:ClawAgent", {}, {}).catch((e: unknown) => e);
        expect((err as Error).message).toContain("iblai:index:ClawAgent x: type is not a component of this provider; it has iblai:index:ClawServer and iblai:index:AgentSet");
    });
});
