/**
 * Components: whole servers, agents and agent sets in a few lines, each a
 * `pulumi.ComponentResource` (`iblai:index:<Name>`) over the provider's resources, with
 * every push trigger derived, never listed by hand.
 *
 * @example
 * ```ts
 * import { AgentSet, ClawServer } from "pulumi-iblai-claw/components";
 * const server = new ClawServer("prod", { serverUrl: "https://claw.acme.dev" });
 * new AgentSet("academy", { folder: "academy", server: server.instanceId, mentors: { dean: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10" } });
 * ```
 */
export { ClawServer, type ClawServerArgs, type ClawServerModelProvider, PLATFORM_OPENCLAW_CONFIG } from "./clawServer";
export { ClawAgent, type ClawAgentArgs, type ClawAgentSkill, type ExistingSkill } from "./clawAgent";
export { ClawSkill, type ClawSkillArgs, type ClawSkillFile } from "./clawSkill";
export { AgentSet, type AgentSetArgs } from "./agentSet";
export { loadAgentSet, planSkills, mentorProblems, type SkillPlan, type LoadAgentSetOptions, type LoadedAgentSet, type LoadedAgent, type LoadedSkill, type LoadedSkillFile } from "./agentSetLoader";
export { agentsOf, renameSubagents, type SetAgent } from "./openclawAgents";
export { splitDefaults, validOnlyUnderDefaults, type DefaultsSplit } from "./schemaSplit";
export { parseSkillMd, type SkillMd } from "./skillMd";
export { childName, aliasesOf, configPushTriggers, providerPushTriggers, skillContentHash, type MovedFrom } from "./derive";
export { AgentSetError, ComponentInputError, SkillMdError, type AgentSetProblem } from "./errors";
