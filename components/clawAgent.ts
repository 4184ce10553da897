import * as pulumi from "@pulumi/pulumi";
import {
    AgentConfig,
    type AgentConfigArgs,
    ConfigPush,
    Mentor,
    type MentorArgs,
    MentorBinding,
    type MentorBindingArgs,
    SkillAssignment,
    type SkillAssignmentArgs,
} from "../provider";
import { ClawSkill, type ClawSkillArgs } from "./clawSkill";
import { type DeliveredSkill, type MovedFrom, aliasesOf, childName, configPushTriggers } from "./derive";
import { ComponentInputError } from "./errors";
import { configuredOpenclawVersion, sayOnce, versionNotes } from "./versionNotes";

/** A skill that exists already (made elsewhere), given to a {@link ClawAgent} by id. */
export interface ExistingSkill {
    /** The skill's id. */
    skillId: SkillAssignmentArgs["skill"];
    /** A plain name for it in this agent (names the assignment; usually the skill's slug). */
    slug: string;
    /**
     * What the skill delivers, e.g. a Skill's `contentHash`: when given, a change of it
     * re-pushes this agent. Without it, only assigning or unassigning the skill does.
     */
    contentHash?: pulumi.Input<string>;
}

/**
 * A skill of a {@link ClawAgent}: a {@link ClawSkill} (shared between agents), the inputs of
 * a new one (made as this agent's child), or an existing skill by id.
 */
export type ClawAgentSkill = ClawSkill | ClawSkillArgs | ExistingSkill;

/** Inputs of {@link ClawAgent}. */
export interface ClawAgentArgs extends Omit<AgentConfigArgs, "mentor" | "adoptId"> {
    /**
     * The mentor's UUID. Without it the agent makes its own {@link Mentor} (a child named
     * `<name>-mentor`, whose mentor name is the agent's name unless `newMentor.name` says
     * otherwise), so a program needs no UUID copied by hand.
     */
    mentor?: MentorBindingArgs["mentor"];
    /** The mentor made when `mentor` is not given: its name (default: the agent's name), display name, description, visibility. Ignored when `mentor` is given. */
    newMentor?: Partial<Omit<MentorArgs, "apiBaseUrl" | "org" | "adoptId">>;
    /** The claw server: a ClawServer's `instanceId` (or any instance id). */
    server: MentorBindingArgs["server"];
    /**
     * The OpenClaw agent the binding drives (MentorBinding's `agentId`): on the mentor routes
     * the service's default is `main`, so agents sharing a server need one each. Not applied
     * on the collection routes (the service names the agent; a warning says so).
     */
    agentId?: MentorBindingArgs["agentId"];
    /** The binding's flags. */
    enabled?: MentorBindingArgs["enabled"];
    autoPush?: MentorBindingArgs["autoPush"];
    /** The mentor's skills. Each is assigned to the mentor and delivered by its push. */
    skills?: ClawAgentSkill[];
    /** How long the config push waits for its outcome (seconds; default 300). */
    pushTimeoutSeconds?: pulumi.Input<number>;
    /**
     * The OpenClaw version the server runs, for preview's version notes (where `tools` and
     * `heartbeat` land in it; said once per stack). Default: `iblai:openclawVersion`. Not sent:
     * the delivery follows the server's own `claw_version`.
     */
    openclawVersion?: string;
    /**
     * Old names of resources this component now holds (hand-wired before), so that moving
     * to the component keeps them. A string is a top-level resource's name. Skills made
     * inline take theirs in their own `movedFrom`; assignments are keyed by slug.
     */
    movedFrom?: {
        mentor?: MovedFrom;
        binding?: MovedFrom;
        agentConfig?: MovedFrom;
        push?: MovedFrom;
        assignments?: Record<string, MovedFrom>;
    };
    /**
     * Take over objects that exist already instead of creating them (each resource's
     * `adoptId`): the binding, the agent config, the assignments by slug; `push: true` takes
     * over the binding's last successful push (ConfigPush's `adopt`). Written by
     * `iblai-claw generate` (docs/adoption.md); inert after the first `up`.
     */
    adopt?: {
        /** An existing mentor (its UUID) to take over as the agent's own Mentor, when `mentor` is not given. */
        mentor?: MentorArgs["adoptId"];
        binding?: MentorBindingArgs["adoptId"];
        agentConfig?: AgentConfigArgs["adoptId"];
        assignments?: Record<string, SkillAssignmentArgs["adoptId"]>;
        push?: boolean;
    };
}

/**
 * One mentor on a claw server, whole: the {@link Mentor} itself unless a `mentor` UUID is
 * given, its {@link MentorBinding}, its {@link AgentConfig}
 * (workspace files, model, config), its skills (shared {@link ClawSkill}s, new ones, or
 * existing ids) with their {@link SkillAssignment}s, and a {@link ConfigPush} whose
 * triggers are derived from everything the push delivers. Adding a skill, editing a file
 * or changing the model re-pushes once; anything the push does not deliver (the binding's
 * flags, another mentor's skills) does not.
 *
 * @example
 * ```ts
 * const ada = new ClawAgent("ada", {
 *     server: server.instanceId,
 *     mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10",
 *     identity: "# Ada\nA patient maths tutor.",
 *     model: "anthropic/claude-sonnet-4-6",
 *     skills: [{ name: "Weather", slug: "weather", instruction: "Run scripts/wttr.sh <city>.",
 *         resources: [{ fileType: "script", filename: "wttr.sh", content: "#!/bin/sh\ncurl -s wttr.in/$1\n" }] }],
 * });
 * export const pushStatus = ada.pushStatus;
 * // Without `mentor`, the agent makes its mentor (named "grace") through the platform's mentor API:
 * const grace = new ClawAgent("grace", { server: server.instanceId, identity: "# Grace", newMentor: { displayName: "Grace" } });
 * export const graceMentor = grace.mentorId;
 * ```
 */
export class ClawAgent extends pulumi.ComponentResource {
    /** The mentor this agent made (when no `mentor` UUID was given). */
    readonly mentor?: Mentor;
    /** The mentor's UUID: the one given, or its own Mentor's. */
    readonly mentorId: pulumi.Output<string>;
    readonly binding: MentorBinding;
    readonly agentConfig: AgentConfig;
    /** Skills made by this agent (inline), by slug. */
    readonly skills: Record<string, ClawSkill>;
    /** The mentor's skill assignments, by slug. */
    readonly assignments: Record<string, SkillAssignment>;
    readonly push: ConfigPush;
    /** The binding's id. */
    readonly bindingId: MentorBinding["id"];
    /** `succeeded`, or how the last push ended. */
    readonly pushStatus: pulumi.Output<string>;
    /** The baseline check's security warnings of the last push. */
    readonly pushWarnings: pulumi.Output<string[]>;

    constructor(name: string, args: ClawAgentArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("iblai:index:ClawAgent", name, {}, opts);
        const { mentor: given, newMentor, server, agentId, enabled, autoPush, skills = [], pushTimeoutSeconds, movedFrom = {}, adopt = {}, openclawVersion, ...config } = args;
        // Once per stack, not per agent: what the target version does with the texts given.
        sayOnce(versionNotes(openclawVersion ?? configuredOpenclawVersion(), (["tools", "heartbeat"] as const).filter((f) => config[f] !== undefined)));
        const identity = { apiBaseUrl: args.apiBaseUrl, org: args.org };
        const component = `ClawAgent ${name}`;

        if (given === undefined) {
            this.mentor = new Mentor(
                childName(name, "mentor"),
                { ...newMentor, name: newMentor?.name ?? name, adoptId: adopt.mentor, ...identity },
                { parent: this, aliases: aliasesOf(movedFrom.mentor) },
            );
        }
        const mentor: pulumi.Input<string> = this.mentor ? this.mentor.id : (given as pulumi.Input<string>);
        this.mentorId = pulumi.output(mentor);

        this.binding = new MentorBinding(childName(name, "binding"), { mentor, server, agentId, enabled, autoPush, adoptId: adopt.binding, ...identity }, { parent: this, aliases: aliasesOf(movedFrom.binding) });
        this.bindingId = this.binding.id;
        // Binding a mentor makes the service create its agent config, which this adopts.
        this.agentConfig = new AgentConfig(
            childName(name, "config"),
            { ...config, mentor, adoptId: adopt.agentConfig },
            { parent: this, dependsOn: [this.binding], aliases: aliasesOf(movedFrom.agentConfig) },
        );

        this.skills = {};
        this.assignments = {};
        const delivered: DeliveredSkill<pulumi.Input<string>>[] = [];
        skills.forEach((s, i) => {
            const slug = s.slug;
            if (typeof slug !== "string" || slug === "") throw new ComponentInputError(component, `skills[${i}].slug`, "a skill needs a slug (a plain string): it names the assignment");
            if (slug in this.assignments) throw new ComponentInputError(component, `skills[${i}]`, `skill ${JSON.stringify(slug)} is listed twice; a mentor holds a skill once`);
            let skillId: SkillAssignmentArgs["skill"];
            let content: pulumi.Input<string> | undefined;
            if (s instanceof ClawSkill || "skillId" in s) {
                ({ skillId, contentHash: content } = s);
            } else {
                const made = new ClawSkill(childName(name, slug), { ...identity, ...s }, { parent: this });
                this.skills[slug] = made;
                ({ skillId, contentHash: content } = made);
            }
            const assignment = new SkillAssignment(
                childName(name, slug, "assignment"),
                { mentor, skill: skillId, adoptId: adopt.assignments?.[slug], ...identity },
                { parent: this, aliases: aliasesOf(movedFrom.assignments?.[slug]) },
            );
            this.assignments[slug] = assignment;
            delivered.push({ key: slug, content, id: content === undefined ? pulumi.output(skillId).apply(String) : undefined, assignment: assignment.contentHash });
        });

        this.push = new ConfigPush(
            childName(name, "push"),
            {
                binding: this.binding.id,
                triggers: withAgent(configPushTriggers(component, this.agentConfig.contentHash, delivered), agentId, this.binding),
                timeoutSeconds: pushTimeoutSeconds,
                adopt: adopt.push,
                ...identity,
            },
            { parent: this, aliases: aliasesOf(movedFrom.push) },
        );
        this.pushStatus = this.push.pushStatus;
        this.pushWarnings = this.push.warnings;
        this.registerOutputs({ mentorId: this.mentorId, bindingId: this.bindingId, pushStatus: this.pushStatus, pushWarnings: this.pushWarnings });
    }
}

/**
 * The push's triggers, plus the OpenClaw agent the push lands in when `agentId` is given and
 * the binding is on the mentor routes: a new agent id must be delivered there at once. Left out
 * otherwise (the collection routes do not apply it), so triggers made before are unchanged.
 */
function withAgent<T extends object>(triggers: T, agentId: unknown, binding: MentorBinding): pulumi.Input<T & { agent?: string }> {
    if (agentId === undefined) return triggers;
    return pulumi
        .all([pulumi.output(triggers), binding.apiRoutes, binding.agentId])
        .apply(([t, routes, agent]) => (routes === "mentor" && agent !== undefined ? { ...(t as T), agent } : (t as T & { agent?: string })));
}
