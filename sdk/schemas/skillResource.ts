import type { SkillFileType } from "./skillFiles";

export * from "./skillFiles";
export * from "./skillResource.generated";

/**
 * List filters of `GET agent-skill-resources/`.
 *
 * @example
 * ```ts
 * const scripts = await client.skillResources.listAll({ skill: 9, file_type: "script" });
 * ```
 */
export interface SkillResourceListQuery {
    file_type?: SkillFileType;
    skill?: number | string;
}
