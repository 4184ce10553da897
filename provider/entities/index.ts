import { agentConfig } from "./agentConfig";
import { clawInstance } from "./clawInstance";
import type { EntityDecl } from "./entity";
import { mentor } from "./mentor";
import { mentorBinding } from "./mentorBinding";
import { modelProvider } from "./modelProvider";
import { skill } from "./skill";
import { skillAssignment } from "./skillAssignment";
import { skillResource } from "./skillResource";

export { type EntityDecl, type FieldDecl, type OutputDecl, type EntityBehaviour, entity } from "./entity";
export * from "./fieldTypes";

/**
 * Every entity declared so far, in the order the docs list them: what `npm run generate`
 * writes files from.
 *
 * @example
 * ```ts
 * ENTITIES.map((e) => e.type); // ["ClawInstance", "ModelProvider", "Mentor", "MentorBinding", "AgentConfig", "Skill", "SkillResource", "SkillAssignment"]
 * ```
 */
export const ENTITIES: readonly EntityDecl[] = [clawInstance, modelProvider, mentor, mentorBinding, agentConfig, skill, skillResource, skillAssignment];
