/**
 * Collection names, in one place so that entities can refer to each other (references,
 * cascades) without importing each other. API collections are the paths the service
 * serves under the org base; `_…` ones are the emulator's own bookkeeping.
 */
export const INSTANCES = "claw/instances";
export const MODEL_PROVIDERS = "claw/model-providers";
export const BINDINGS = "claw/mentor-configs";
export const AGENT_CONFIGS = "agent-configs";
export const SKILLS = "agent-skills";
export const SKILL_RESOURCES = "agent-skill-resources";
export const SKILL_ASSIGNMENTS = "mentor-skill-assignments";
/** Mentors of the org, served under `users/<user>/mentors/<unique_id>/` (see mentors.ts). */
export const MENTORS = "mentors";

/** What each successful push delivered to a server. */
export const DELIVERIES = "_deliveries";
/** Device pairings per instance (see devices.ts). */
export const DEVICES = "_devices";
/** Names of the LLM credentials stored on the platform, when the org has a list (see admin.ts). */
export const CREDENTIALS = "_credentials";
