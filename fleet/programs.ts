import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { AgentSet, ClawAgent, ClawServer, type ClawServerModelProvider, ClawSkill, type ClawSkillFile, type ExistingSkill } from "../components";
import { agentSetName, mentorKey } from "./declaration";
import type { StackSlice } from "./plan";
import { FleetRunError } from "./runErrors";
import type { FleetAgentSet, FleetMentor, FleetServer } from "./types";

/**
 * The inline programs of a fleet's stacks (run by the Automation API in this process):
 * a server stack holds the server's own objects, a shard stack its mentors and agent sets
 * and reads the server's ids through a StackReference.
 *
 * Resource names never depend on the shard (a mentor's ClawAgent is named by its UUID or
 * name, an AgentSet by its name), so `pulumi state move` between shards keeps every URN's
 * name and the moved resources are unchanged in the destination.
 */

/** The part of a declaration one stack deploys (plan.ts). */
export type { StackSlice };

/** The secrets of a server, read from the environment or the fleet stack's config before any stack runs. */
export interface ServerSecrets {
    gatewayToken?: string;
    devicePrivateKeyPem?: string;
}

/** What a server stack exports per skill: the shard's ExistingSkill. */
export interface ExportedSkill {
    id: string;
    contentHash: string;
}

/** The outputs a server stack exports (read by its shards and by the runner). */
export const SERVER_OUTPUTS = { instanceId: "instanceId", skills: "skills", fleetHash: "fleetHash" } as const;
/** The outputs a shard stack exports: `units` keeps placement sticky (the planner reads it). */
export const SHARD_OUTPUTS = { units: "units", fleetHash: "fleetHash" } as const;

/**
 * The name of a mentor's ClawAgent: its unit key without `mentor:` (its UUID in lower case,
 * else its name), the same in every shard.
 *
 * @example
 * ```ts
 * mentorResourceName({ mentor: "3F1C2A9E-0B6D-4C1E-9A57-2F8D6B3E4C10" }); // "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10"
 * ```
 */
export function mentorResourceName(m: FleetMentor): string {
    return mentorKey(m).slice("mentor:".length);
}

/**
 * The program of a server stack: a ClawServer (instance, its model providers and their
 * push; `adoptId`s honoured) and a ClawSkill per skill; exports the instance id, each
 * skill's id and contentHash by slug, and `fleetHash` (the plan's hash of this stack).
 *
 * @example
 * ```ts
 * const program = serverProgram(slice, { gatewayToken: process.env.EDGE_TOKEN }, "/fleet", plannedStack.desiredHash);
 * await LocalWorkspace.createOrSelectStack({ stackName: "acme.edge-1", projectName: "iblai-claw-fleet", program }, ws);
 * ```
 */
export function serverProgram(slice: StackSlice, secrets: ServerSecrets, dir: string, fleetHash: string): PulumiFn {
    const s = slice.server;
    return async () => {
        const modelProviders: Record<string, ClawServerModelProvider> = {};
        for (const [key, p] of Object.entries(s.modelProviders ?? {})) {
            modelProviders[key] = { baseUrl: p.baseUrl, apiType: p.apiType, credentialName: p.credentialName, modelCatalog: p.modelCatalog, adoptId: p.adoptId } as ClawServerModelProvider;
        }
        const server = new ClawServer(s.name, {
            serverUrl: s.serverUrl,
            gatewayToken: secrets.gatewayToken === undefined ? undefined : pulumi.secret(secrets.gatewayToken),
            devicePrivateKeyPem: secrets.devicePrivateKeyPem === undefined ? undefined : pulumi.secret(secrets.devicePrivateKeyPem),
            adoptId: s.adoptId,
            verifyConnectivity: s.verifyConnectivity,
            // An adopted server's providers were pushed before: take that push over instead of pushing again.
            adoptProviderPush: s.adoptId !== undefined,
            modelProviders,
        });
        const skills: Record<string, pulumi.Output<ExportedSkill>> = {};
        for (const k of s.skills ?? []) {
            const { files = [], adoptId, ...rest } = k;
            const resources: ClawSkillFile[] = files.map((f) => ({
                fileType: f.fileType as ClawSkillFile["fileType"],
                filename: f.filename,
                content: f.content,
                // Relative to the declaration, not to the engine's cwd.
                source: f.source === undefined ? undefined : path.resolve(dir, f.source),
                adoptId: f.adoptId,
            }));
            const made = new ClawSkill(k.slug, { ...rest, name: k.name ?? k.slug, adoptId, resources });
            skills[k.slug] = pulumi.all([made.skillId, made.contentHash]).apply(([id, contentHash]) => ({ id: String(id), contentHash }));
        }
        return { [SERVER_OUTPUTS.instanceId]: server.instanceId, [SERVER_OUTPUTS.skills]: skills, [SERVER_OUTPUTS.fleetHash]: fleetHash };
    };
}

/**
 * The program of a shard stack: a StackReference to its server stack
 * (`organization/<project>/<serverStack>`), a ClawAgent per mentor (its skills as
 * ExistingSkills from the reference) and an AgentSet per agent set; exports `units` (the
 * unit keys it holds) and `fleetHash`.
 *
 * @example
 * ```ts
 * const program = shardProgram(slice, { project: "iblai-claw-fleet", serverStack: "acme.edge-1", units: ["mentor:ada"], dir: "/fleet", fleetHash });
 * ```
 */
export function shardProgram(slice: StackSlice, o: { project: string; serverStack: string; units: string[]; dir: string; fleetHash: string }): PulumiFn {
    return async () => {
        const ref = new pulumi.StackReference(`organization/${o.project}/${o.serverStack}`);
        const instanceId = ref.requireOutput(SERVER_OUTPUTS.instanceId) as pulumi.Output<string>;
        const exported = ref.requireOutput(SERVER_OUTPUTS.skills) as pulumi.Output<Record<string, ExportedSkill>>;
        const skillOf = (slug: string): ExistingSkill => ({
            slug,
            skillId: exported.apply((all) => requireSkill(all, slug, o.serverStack).id),
            contentHash: exported.apply((all) => requireSkill(all, slug, o.serverStack).contentHash),
        });
        for (const m of slice.mentors) {
            const { mentor, name, agentId, skills = [], adopt, ...config } = m;
            new ClawAgent(mentorResourceName(m), {
                ...(config as Omit<FleetMentor, "mentor">),
                mentor,
                newMentor: mentor === undefined ? { name } : undefined,
                server: instanceId,
                agentId,
                skills: skills.map(skillOf),
                adopt,
            });
        }
        const slugs = (slice.server.skills ?? []).map((k) => k.slug);
        for (const set of slice.agentSets) {
            new AgentSet(agentSetName(set), {
                folder: path.resolve(o.dir, set.folder),
                server: instanceId,
                mentors: set.mentors,
                mentorNamePrefix: set.mentorNamePrefix,
                omitConfig: set.omitConfig,
                existingSkills: Object.fromEntries(slugs.map((slug) => [slug, skillOf(slug).skillId])),
            });
        }
        return { [SHARD_OUTPUTS.units]: o.units, [SHARD_OUTPUTS.fleetHash]: o.fleetHash };
    };
}

function requireSkill(all: Record<string, ExportedSkill> | undefined, slug: string, serverStack: string): ExportedSkill {
    const k = all?.[slug];
    if (!k) throw new FleetRunError("stack-failed", `skill ${JSON.stringify(slug)} is not exported by server stack ${serverStack}: run the server stack first`, { stack: serverStack, hint: "iblai-claw fleet up -f <declaration> runs it before its shards" });
    return k;
}
