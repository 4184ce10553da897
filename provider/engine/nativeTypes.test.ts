import * as pulumi from "@pulumi/pulumi";
import { SkillCreate } from "../../sdk";
import { skill } from "../entities/skill";
import { Skill } from "../resources/skill";
import { SkillAssignment } from "../resources/skillAssignment";
import { entityResource, factsOf } from "./entityResource";
import { ClawApiResource, type IdentityArgs, useNativeTypes } from "./resource";

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

    it("made by the shared entityResource, stay instances of their class and of ClawApiResource", () => {
        const weather = new Skill("weather-2", { name: "Weather", slug: "weather-2" });
        const a = new SkillAssignment("ada-weather", { mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", skill: weather });
        expect(a).toBeInstanceOf(SkillAssignment);
        expect(a).toBeInstanceOf(ClawApiResource);
    });

    it("registers an input given as a resource of its `whole` class as that resource's id, and other values as they are", async () => {
        // Mocks serialize a real resource as its id either way; a stand-in class tells the two apart.
        class Whole {
            static [Symbol.hasInstance](v: unknown) {
                return typeof v === "object" && v !== null && "whole" in v;
            }
        }
        const Thing = entityResource<IdentityArgs & { skill: unknown }>(factsOf(skill, SkillCreate), { skill: Whole as never });
        const given = new Thing("given-whole", { skill: { whole: true, id: "the-id" } });
        const plain = new Thing("given-id", { skill: 7 });
        await Promise.all([given, plain].map((r) => new Promise((resolve) => r.urn.apply(resolve))));
        expect(registered.find((r) => r.name === "given-whole")?.inputs.skill).toBe("the-id");
        expect(registered.find((r) => r.name === "given-id")?.inputs.skill).toBe(7);
    });
});
