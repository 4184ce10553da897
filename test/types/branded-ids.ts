/**
 * A type test (issue 11, point 4): each resource's id has its own branded type, so a
 * reference to the wrong kind of resource fails to compile. test/unit/ids.test.ts runs
 * tsc over this file: every line under `@ts-expect-error` must be a type error, every
 * other line must compile. Never run as a program.
 */
import * as pulumi from "@pulumi/pulumi";
import {
    AgentConfig,
    ClawInstance,
    ConfigPush,
    MentorBinding,
    ModelProvider,
    ProviderPush,
    Skill,
    SkillAssignment,
    SkillResource,
    healthCheck,
    type InstanceId,
    type SkillId,
} from "../../provider";

export function program(): void {
    const mentor = "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10";
    const server = new ClawInstance("prod", { name: "prod", serverUrl: "https://claw.acme.dev", gatewayToken: "t" });
    const skill = new Skill("weather", { name: "Weather", slug: "weather" });
    const binding = new MentorBinding("ada", { mentor, server: server.id });
    const provider = new ModelProvider("or", { server: server.id, name: "or", baseUrl: "https://or.example", apiType: "openai-completions", credentialName: "or" });
    const ada = new AgentConfig("ada", { mentor });
    const script = new SkillResource("s", { skill: skill.id, fileType: "script", filename: "a.sh", content: "echo" });
    const assignment = new SkillAssignment("a", { mentor, skill: skill.id });

    // The right kinds, and plain strings and numbers (a literal, stack config), compile.
    new ConfigPush("push", { binding: binding.id, triggers: [ada.contentHash] });
    new ProviderPush("pp", { server: server.id, triggers: [] });
    new ProviderPush("pp-old", { instance: server.id, triggers: [] }); // deprecated name, still accepted
    new MentorBinding("literal", { mentor, server: "42" });
    new MentorBinding("number", { mentor, server: 42 });
    new MentorBinding("config", { mentor, server: new pulumi.Config().require("serverId") });
    new SkillAssignment("output", { mentor, skill: pulumi.output("9") });
    healthCheck(server.id);
    const typed: pulumi.Output<InstanceId> = server.id;
    const skillTyped: pulumi.Output<SkillId> = skill.id;
    void [typed, skillTyped, provider, script, assignment];

    // The wrong kinds do not.
    // @ts-expect-error a SkillId is not an InstanceId
    new MentorBinding("x", { mentor, server: skill.id });
    // @ts-expect-error a BindingId is not an InstanceId
    new ModelProvider("y", { server: binding.id, name: "n", baseUrl: "https://x", apiType: "a", credentialName: "c" });
    // @ts-expect-error an InstanceId is not a SkillId
    new SkillAssignment("z", { mentor, skill: server.id });
    // @ts-expect-error an AgentConfigId is not a SkillId
    new SkillResource("r", { skill: ada.id, fileType: "script", filename: "b.sh", content: "x" });
    // @ts-expect-error an InstanceId is not a BindingId
    new ConfigPush("p2", { binding: server.id, triggers: [] });
    // @ts-expect-error a BindingId is not an InstanceId
    new ProviderPush("pp2", { server: binding.id, triggers: [] });
    // @ts-expect-error a SkillId is not an InstanceId
    healthCheck(skill.id);
    // @ts-expect-error one kind's id cannot be typed as another's
    const wrong: pulumi.Output<InstanceId> = skill.id;
    void wrong;
}
