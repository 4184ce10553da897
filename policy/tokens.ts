/**
 * The type tokens of pulumi-iblai-claw's resources. Every dynamic resource of every package
 * shares the `pulumi-nodejs:dynamic` prefix, so a policy matches the full token, never a class
 * (`isType` would also need the package's classes loaded here, and would say yes to any
 * dynamic resource of the same shape) — issue 6, point 3.
 *
 * @example
 * ```ts
 * if (args.type === TOKENS.AgentConfig) { ... }
 * ```
 */
export const TOKENS = {
    ClawInstance: "pulumi-nodejs:dynamic/iblai:ClawInstance",
    ModelProvider: "pulumi-nodejs:dynamic/iblai:ModelProvider",
    MentorBinding: "pulumi-nodejs:dynamic/iblai:MentorBinding",
    AgentConfig: "pulumi-nodejs:dynamic/iblai:AgentConfig",
    Skill: "pulumi-nodejs:dynamic/iblai:Skill",
    SkillResource: "pulumi-nodejs:dynamic/iblai:SkillResource",
    SkillAssignment: "pulumi-nodejs:dynamic/iblai:SkillAssignment",
    ConfigPush: "pulumi-nodejs:dynamic/iblai:ConfigPush",
    ProviderPush: "pulumi-nodejs:dynamic/iblai:ProviderPush",
} as const;

/** One of our resource type names, e.g. `"AgentConfig"`. */
export type ClawType = keyof typeof TOKENS;

/**
 * The short type name of a token of ours, or undefined for anything else.
 *
 * @example
 * ```ts
 * clawTypeOf("pulumi-nodejs:dynamic/iblai:ClawInstance"); // "ClawInstance"
 * clawTypeOf("pulumi-nodejs:dynamic:Resource");           // undefined
 * ```
 */
export function clawTypeOf(token: string): ClawType | undefined {
    for (const [name, t] of Object.entries(TOKENS)) if (t === token) return name as ClawType;
    return undefined;
}

/**
 * How a message names a resource: its type and its Pulumi name, e.g. `AgentConfig "ada"`.
 *
 * @example
 * ```ts
 * describe(TOKENS.AgentConfig, "ada"); // 'AgentConfig "ada"'
 * ```
 */
export function describe(token: string, name: string): string {
    return `${clawTypeOf(token) ?? token} ${JSON.stringify(name)}`;
}
