import { providerStub } from "./stub";

describe("the serialized provider stub", () => {
    it("is one object per type, so @pulumi/pulumi serializes it once per type, not once per resource", () => {
        expect(providerStub("ClawInstance")).toBe(providerStub("ClawInstance"));
        expect(providerStub("ClawInstance")).not.toBe(providerStub("Skill"));
    });

    it("still hands its own type to attach", () => {
        const text = String((providerStub("Skill") as { configure: unknown }).configure);
        expect(text).toContain('require("pulumi-iblai-claw/dynamic").attach(this, type, r)');
    });
});
