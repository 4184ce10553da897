// One program, one stack per environment: each stack's Pulumi.<stack>.yaml says which org,
// which server and which mentors. `pulumi up -s staging` and `pulumi up -s production`
// deploy the same shape with different values, in different orgs.
import * as pulumi from "@pulumi/pulumi";
import {
    AgentConfig,
    ClawInstance,
    ConfigPush,
    DeviceIdentity,
    GatewayToken,
    MentorBinding,
    Skill,
    SkillAssignment,
} from "pulumi-iblai-claw";

interface MentorSpec {
    id: string;
    name: string;
    identity: string;
    skills: string[];
}

const cfg = new pulumi.Config();
const serverSpec = cfg.requireObject<{ name: string; url: string }>("server");
const model = cfg.require("model");
const mentors = cfg.requireObject<MentorSpec[]>("mentors");
const env = pulumi.getStack();

const server = new ClawInstance("server", {
    name: serverSpec.name,
    serverUrl: serverSpec.url,
    gatewayToken: new GatewayToken("gateway").value,
    connectionParams: new DeviceIdentity("device").connectionParams,
});

// Skills live per org; a catalogue shared by every environment.
const catalogue: Record<string, Skill> = {
    weather: new Skill("weather", {
        name: "Weather",
        slug: "weather",
        instruction: "Answer with curl -s wttr.in/<city>?format=3.",
        metadata: { openclaw: { requires: { bins: ["curl"] } } },
    }),
};

export const pushes: Record<string, pulumi.Output<string>> = {};
for (const m of mentors) {
    const binding = new MentorBinding(`${m.name}-binding`, { mentor: m.id, server: server.id });
    const agent = new AgentConfig(
        `${m.name}-agent`,
        { mentor: m.id, identity: m.identity, model, config: { agents: { defaults: { heartbeat: { every: env === "production" ? "30m" : "2h" } } } } },
        { dependsOn: [binding] },
    );
    const assignments = m.skills.map((slug) => {
        const skill = catalogue[slug];
        if (!skill) throw new Error(`mentor ${m.name}: no skill "${slug}" in the catalogue (${Object.keys(catalogue).join(", ")})`);
        return new SkillAssignment(`${m.name}-${slug}`, { mentor: m.id, skill: skill.id });
    });
    const push = new ConfigPush(`${m.name}-push`, {
        binding: binding.id,
        triggers: [agent.contentHash, ...assignments.map((a) => a.contentHash), ...m.skills.map((s) => catalogue[s].contentHash)],
    });
    pushes[m.name] = push.pushStatus;
}

export const environment = env;
export const serverId = server.id;
export const org = server.org;
