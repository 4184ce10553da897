import { z } from "zod";
import { InstanceCreate, SkillCreate } from "../../sdk";
import { clawInstance } from "../entities/clawInstance";
import { skill } from "../entities/skill";
import { factsOf } from "./entityResource";

// The facts every generated resource file reads from its declaration; the shared class
// (entityResource) is tested in nativeTypes.test.ts, where registration is plain mocks.
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
