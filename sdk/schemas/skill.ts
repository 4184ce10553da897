export * from "./skill.generated";

/**
 * List filters of `GET agent-skills/`.
 *
 * @example
 * ```ts
 * const enabled = await client.skills.listAll({ enabled: true, search: "weather" });
 * ```
 */
export interface SkillListQuery {
    enabled?: boolean;
    search?: string;
}
