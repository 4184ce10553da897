import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { InstanceCreate, SkillCreate } from "../../sdk";
import { clawInstance } from "../entities/clawInstance";
import { skill } from "../entities/skill";
import { Skill } from "../resources/skill";
import { SkillAssignment } from "../resources/skillAssignment";
import { entityResource, factsOf } from "./entityResource";
import { ClawApiResource, type IdentityArgs, useNativeTypes } from "./resource";

// The shared pieces every generated resource file is made of. Native types, as in
// nativeTypes.test.ts: registration is then plain mocks (the switch is for the process).
describe("factsOf", () => {
    it("picks the delivered part by the declaration's API names, in its order", () => {
        const facts = factsOf(skill, SkillCreate);
        expect(facts.delivered?.({ id: 9, slug: "w", name: "W", created_at: "t", enabled: true })).toEqual({
            name: "W",
            slug: "w",
            description: undefined,
            version: undefined,
            instruction: undefined,
            metadata: undefined,
            enabled: true,
        });
        expect(Object.keys(facts.fields)).toEqual(Object.keys(skill.fields));
    });

    it("refuses an input of no API name without its own schema, which check would otherwise let through", () => {
        expect(() => factsOf(clawInstance, InstanceCreate)).toThrow(/ClawInstance\.verifyConnectivity: a local schema/);
        expect(factsOf(clawInstance, InstanceCreate, { verifyConnectivity: z.boolean() }).fields.verifyConnectivity.local).toBeDefined();
    });
});

describe("entityResource", () => {
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

    it("makes classes whose instances stay of their class", () => {
        const weather = new Skill("weather", { name: "Weather", slug: "weather" });
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
