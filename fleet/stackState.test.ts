import { unitComponent, unitUrns } from "./stackState";

const u = (type: string, name: string) => `urn:pulumi:acme.e.m01::iblai-claw-fleet::${type}::${name}`;
const agent = u("iblai:index:ClawAgent", "ada");
const binding = u("iblai:index:ClawAgent$pulumi-nodejs:dynamic/iblai:MentorBinding", "ada-binding");
const skill = u("iblai:index:ClawAgent$iblai:index:ClawSkill", "ada-weather");
const skillFile = u("iblai:index:ClawAgent$iblai:index:ClawSkill$pulumi-nodejs:dynamic/iblai:SkillResource", "ada-weather-scripts/a.sh");
const other = u("iblai:index:ClawAgent", "adam");
const otherBinding = u("iblai:index:ClawAgent$pulumi-nodejs:dynamic/iblai:MentorBinding", "adam-binding");
const stack = u("pulumi:pulumi:Stack", "iblai-claw-fleet-acme.e.m01");

describe("a unit's URNs in an exported state", () => {
    const resources = [
        { urn: stack, type: "pulumi:pulumi:Stack" },
        { urn: agent, type: "iblai:index:ClawAgent", parent: stack },
        { urn: other, type: "iblai:index:ClawAgent", parent: stack },
        { urn: binding, type: "pulumi-nodejs:dynamic/iblai:MentorBinding", parent: agent },
        { urn: otherBinding, type: "pulumi-nodejs:dynamic/iblai:MentorBinding", parent: other },
        { urn: skill, type: "iblai:index:ClawSkill", parent: agent },
        { urn: skillFile, type: "pulumi-nodejs:dynamic/iblai:SkillResource", parent: skill },
    ];

    it("are its component and every descendant, and nothing of a mentor whose name it prefixes", () => {
        expect(unitUrns(resources, unitComponent("mentor:ada", () => "ada"))).toEqual([agent, binding, skill, skillFile]);
    });

    it("are none when the unit is not in the stack", () => {
        expect(unitUrns(resources, unitComponent("set:e/academy", () => "academy"))).toEqual([]);
    });
});
