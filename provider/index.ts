/**
 * Pulumi resources for the ibl.ai claw API. Each is a dynamic resource
 * `pulumi-nodejs:dynamic/iblai:<Type>` driven by one shared engine.
 *
 * @example
 * ```ts
 * import { ClawInstance, GatewayToken } from "pulumi-iblai-claw";
 * const token = new GatewayToken("gw");
 * new ClawInstance("prod", { name: "prod", serverUrl: "https://claw.acme.dev", gatewayToken: token.value });
 * ```
 */
// First: an unsupported Node fails here with the version it needs, not deep inside undici.
import "../sdk/nodeVersion";
export { ClawInstance, type ClawInstanceArgs, clawInstanceFacts } from "./resources/clawInstance";
export { ModelProvider, type ModelProviderArgs, modelProviderFacts } from "./resources/modelProvider";
export { Mentor, type MentorArgs, mentorFacts } from "./resources/mentor";
export { MENTOR_KEPT } from "./entities/mentorBehaviour";
export { MentorBinding, type MentorBindingArgs, mentorBindingFacts } from "./resources/mentorBinding";
export { AgentConfig, type AgentConfigArgs, agentConfigFacts } from "./resources/agentConfig";
export { Skill, type SkillArgs, skillFacts } from "./resources/skill";
export { SkillResource, type SkillResourceArgs, skillResourceFacts } from "./resources/skillResource";
export { SkillAssignment, type SkillAssignmentArgs, skillAssignmentFacts } from "./resources/skillAssignment";
export { ConfigPush, type ConfigPushArgs } from "./resources/configPush";
export { ProviderPush, type ProviderPushArgs } from "./resources/providerPush";
export { DeviceIdentity, type DeviceIdentityArgs, fingerprintOf } from "./resources/deviceIdentity";
export { GatewayToken, type GatewayTokenArgs } from "./resources/gatewayToken";
export { testConnectivity, healthCheck, securityAudit, refreshVersion, requestPairing, type ActionOptions } from "./functions";
export { contentHash, canonicalJson } from "./engine/hash";
export { ClawResource, ClawApiResource, type IdentityArgs, type ResourceShape } from "./engine/resource";
export { PushResource, type PushArgs } from "./engine/pushResource";
export type * from "./ids";
export type { ResourceFacts, FieldFact } from "./engine/facts";
