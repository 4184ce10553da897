import * as pulumi from "@pulumi/pulumi";
import { Skill } from "../resources/skill";
import { useNativeTypes } from "./resource";

// What the native provider's construct registers (provider/native/components.ts): the
// classes of a TypeScript program, as native types. Own file: the switch is for the process.
describe("claw resources under useNativeTypes", () => {
    const registered: pulumi.runtime.MockResourceArgs[] = [];
    beforeAll(async () => {
        await pulumi.runtime.setMocks(
            {
                newResource: (args) => {
                    registered.push(args);
                    return { id: `${args.name}-id`, state: args.inputs };
                },
                call: () => ({}),
            },
            "proj",
            "stack",
            false,
        );
        useNativeTypes();
    });

    it("register as iblai:index:<Type>, without the dynamic provider's code or the URN input, and stay instances of their class", async () => {
        const s = new Skill("weather", { name: "Weather", slug: "weather" });
        expect(s).toBeInstanceOf(Skill);
        const urn = await new Promise((resolve) => s.urn.apply(resolve));
        expect(urn).toBe("urn:pulumi:stack::proj::iblai:index:Skill::weather");
        expect(registered.map((r) => r.type)).toEqual(["iblai:index:Skill"]);
        expect(Object.keys(registered[0].inputs)).not.toContain("__provider");
        expect(Object.keys(registered[0].inputs)).not.toContain("__urn");
        expect(registered[0].inputs).toMatchObject({ name: "Weather", slug: "weather" });
    });
});
