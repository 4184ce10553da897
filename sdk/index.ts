/**
 * The typed ibl.ai claw API client. No Pulumi dependency: usable from any script.
 *
 * @example
 * ```ts
 * import { ClawClient } from "pulumi-iblai-claw/sdk";
 * const client = new ClawClient({ baseUrl, org, token });
 * console.log(await client.instances.listAll());
 * ```
 */
// First: an unsupported Node fails here with the version it needs, not deep inside undici.
import "./nodeVersion";
export * from "./client";
export * from "./errors";
export * from "./retry";
export * from "./push";
export * from "./configPaths";
export * from "./openclawSchema";
export * from "./openclawConfig";
export * from "./schemas/common";
export * from "./schemas/instance";
export * from "./schemas/modelProvider";
export * from "./schemas/mentorBinding";
export * from "./schemas/agentConfig";
export * from "./schemas/skill";
export * from "./schemas/skillResource";
export * from "./schemas/skillAssignment";
export * from "./schemas/mentor";
export * from "./resources/entity";
export * from "./resources/instances";
export * from "./resources/modelProviders";
export * from "./resources/mentorBindings";
export * from "./resources/agentConfigs";
export * from "./resources/skills";
export * from "./resources/skillResources";
export * from "./resources/skillAssignments";
export * from "./resources/mentors";
export * from "./resources/mentorScoped";
