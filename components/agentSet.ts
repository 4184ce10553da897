import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { MentorBindingArgs } from "../provider";
import { ClawAgent, type ClawAgentSkill, type ExistingSkill } from "./clawAgent";
import { ClawSkill } from "./clawSkill";
import { type LoadAgentSetOptions, type LoadedAgentSet, loadAgentSet, mentorProblems, planSkills } from "./agentSetLoader";
import { childName } from "./derive";
import { renameSubagents } from "./openclawAgents";
import { AgentSetError } from "./errors";
import { configuredOpenclawVersion } from "./versionNotes";

/** Inputs of {@link AgentSet}. */
export interface AgentSetArgs extends LoadAgentSetOptions {
    /** The set's folder (with its openclaw.json), relative to the program's folder or absolute. */
    folder: string;
    /** The claw server every agent of the set goes to: a ClawServer's `instanceId`. */
    server: MentorBindingArgs["server"];
    /**
     * Which mentor each agent becomes: agent id → mentor UUID (from stack config, e.g.
     * `pulumi config set --path 'mentors.dean' <uuid>`). An agent left out gets its own
     * Mentor through its ClawAgent, named `<mentorNamePrefix><agent id>`.
     */
    mentors?: Record<string, string>;
    /**
     * Put before an agent's id to name the mentor made for it (mentor names are unique per
     * org and are the mentor's key: a change replaces it). Default: the set's name and `-`,
     * e.g. `academy-dean`; give one per stack when two stacks deploy a set into one org.
     */
    mentorNamePrefix?: string;
    /**
     * Skills the agents name but the folder does not hold (bundled or made elsewhere):
     * their ids by name. Unlisted ones are reported and not assigned.
     */
    existingSkills?: Record<string, ExistingSkill["skillId"]>;
    /**
     * The id the server gives the OpenClaw agent of a mentor. When given, the set's agent ids in
     * `subagents.allowAgents` are rewritten to it, so that delegation reaches the mentors'
     * agents, and it is each binding's `agentId`; without it they are pushed as written and
     * each binding's `agentId` is the set's agent id. Needs a UUID for every agent in `mentors`.
     * (The collection routes' scheme is not documented; the emulator uses `mentor-<uuid>`.)
     */
    serverAgentId?: (mentor: string) => string;
    /** Put before every skill's slug (slugs are unique per platform, so two sets may clash). */
    slugPrefix?: string;
    /** How long each config push waits for its outcome (seconds; default 300). */
    pushTimeoutSeconds?: pulumi.Input<number>;
    /** API origin and org of every child; default: stack config. */
    apiBaseUrl?: pulumi.Input<string>;
    org?: pulumi.Input<string>;
}

/**
 * A published OpenClaw agent set, deployed from its folder unchanged: each agent becomes a
 * {@link ClawAgent} (one mentor, its workspace files, model, config, skills and push), each
 * skill an agent uses a {@link ClawSkill} shared by the agents that use it. The folder is
 * read and checked while the program runs, so a folder that cannot be deployed fails
 * `pulumi preview`, naming each file; what is not deployed (unknown files, secrets such as
 * `auth-profiles.json`, root settings) is reported as warnings. An agent with no mentor UUID
 * in `mentors` gets its own mentor (so on the hosted platform no UUID is copied by hand), and
 * each binding drives the set's own agent id on the server (`agentId`), so the agents of one
 * set share a server without landing on one agent.
 *
 * @example
 * ```ts
 * const cfg = new pulumi.Config();
 * const academy = new AgentSet("academy", {
 *     folder: "agents/academy",
 *     server: server.instanceId,
 *     mentors: cfg.requireObject<Record<string, string>>("mentors"),
 *     omitConfig: ["sandbox.mode"],
 * });
 * export const pushes = academy.pushStatuses;
 * // Hosted platform, no UUIDs: each agent makes its mentor (academy-hosted-dean, ...).
 * const hosted = new AgentSet("academy-hosted", { folder: "agents/academy", server: server.instanceId });
 * ```
 */
export class AgentSet extends pulumi.ComponentResource {
    /** The folder as read. */
    readonly loaded: LoadedAgentSet;
    /** The agents, by id. */
    readonly agents: Record<string, ClawAgent>;
    /** The skills the agents use, by slug in the folder. */
    readonly skills: Record<string, ClawSkill>;
    /** What was not deployed, and why. */
    readonly notes: string[];
    /** Each agent's push status, by agent id. */
    readonly pushStatuses: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: AgentSetArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("iblai:index:AgentSet", name, {}, opts);
        const identity = { apiBaseUrl: args.apiBaseUrl, org: args.org };
        // The provider's own setting unless given, so the set is split and checked by the schema the provider's check uses.
        const openclawVersion = args.openclawVersion ?? configuredOpenclawVersion();
        this.loaded = loadAgentSet(args.folder, { omitConfig: args.omitConfig, openclawVersion });
        const mentors = args.mentors ?? {};
        const missing = mentorProblems(this.loaded.agents, mentors, args.serverAgentId !== undefined);
        if (missing.length) throw new AgentSetError(args.folder, missing);
        const prefix = args.mentorNamePrefix ?? `${name}-`;
        const plan = planSkills(this.loaded, Object.keys(args.existingSkills ?? {}));
        const notes = [...this.loaded.notes, ...plan.notes];
        const ids = new Set(this.loaded.agents.map((a) => a.id));
        // A table that names some agents but not all: the others' new mentors should be no surprise.
        const made = this.loaded.agents.filter((a) => !mentors[a.id]).map((a) => a.id);
        if (made.length && made.length < this.loaded.agents.length) notes.push(`mentors: no UUID for ${made.join(", ")}: each gets its own mentor (${made.map((id) => prefix + id).join(", ")})`);
        for (const id of Object.keys(mentors)) if (!ids.has(id)) notes.push(`mentors.${id}: no agent of that id in the set; ignored`);

        this.skills = {};
        for (const s of this.loaded.skills.filter((x) => plan.used.includes(x.slug))) {
            this.skills[s.slug] = new ClawSkill(
                childName(name, "skill", s.slug),
                {
                    ...identity,
                    name: s.name,
                    slug: `${args.slugPrefix ?? ""}${s.slug}`,
                    description: s.description,
                    version: s.version,
                    instruction: s.instruction,
                    metadata: s.metadata as Record<string, unknown> | undefined,
                    // Relative to the program's folder, so state does not change with the checkout's path.
                    resources: s.resources.map((r) => (r.source ? { ...r, source: path.relative(process.cwd(), r.source) } : r)),
                },
                { parent: this },
            );
        }

        this.agents = {};
        const { serverAgentId } = args;
        // The OpenClaw agent each binding drives: the set's own id (so allowAgents needs no renaming), or the server's name for it.
        const agentIdOf = (id: string) => (serverAgentId ? serverAgentId(mentors[id]) : id);
        const agents = serverAgentId ? renameSubagents(this.loaded.agents, agentIdOf) : this.loaded.agents;
        for (const a of agents) {
            const skills: ClawAgentSkill[] = plan.agents[a.id].map(({ slug, from }) =>
                from === "set" ? this.skills[slug] : { slug, skillId: (args.existingSkills ?? {})[slug] },
            );
            this.agents[a.id] = new ClawAgent(
                childName(name, a.id),
                {
                    ...identity,
                    ...a.files,
                    server: args.server,
                    mentor: mentors[a.id] || undefined,
                    newMentor: { name: `${prefix}${a.id}`, displayName: a.name ?? a.id },
                    agentId: agentIdOf(a.id),
                    model: a.model,
                    config: a.config,
                    skills,
                    pushTimeoutSeconds: args.pushTimeoutSeconds,
                    openclawVersion,
                },
                { parent: this },
            );
        }
        this.notes = notes;
        for (const n of notes) void pulumi.log.warn(`agent set ${args.folder}: ${n}`, this);
        const entries = Object.entries(this.agents);
        this.pushStatuses = pulumi.all(entries.map(([, a]) => a.pushStatus)).apply((st) => Object.fromEntries(entries.map(([id], i) => [id, st[i]])));
        this.registerOutputs({ pushStatuses: this.pushStatuses });
    }
}
