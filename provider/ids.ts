/**
 * Branded id types: each resource's `id` has its own type, so a reference input accepts
 * the id of the right kind of resource and no other (issue 11):
 *
 * ```ts
 * new MentorBinding("x", { mentor, server: server.id }); // compiles: server.id is an InstanceId
 * new MentorBinding("x", { mentor, server: skill.id });  // fails to compile: a SkillId is not an InstanceId
 * ```
 *
 * A plain string or number still goes anywhere (an id read from stack config, a literal),
 * because its type carries no brand; only an id of another kind is refused. At run time
 * an id is the Pulumi id, a string; the API may give numbers or strings, compared as
 * strings (ids are opaque, API reference Corrections).
 */

/** The brand's key; exists only in types. */
export declare const idKind: unique symbol;

/**
 * The id of one kind of resource: a string with a brand naming the kind.
 *
 * @example
 * ```ts
 * const id: pulumi.Output<InstanceId> = server.id;
 * ```
 */
export type ResourceId<Kind extends string> = string & { readonly [idKind]: Kind };

/**
 * What a reference input takes: the id of that kind of resource, or an unbranded string or
 * number (not the id of another kind).
 *
 * @example
 * ```ts
 * const server: pulumi.Input<InstanceRef> = "42";
 * ```
 */
export type RefTo<Kind extends string> = (string & { readonly [idKind]?: Kind }) | number;

/** A {@link Mentor}'s id: its UUID. @example `new MentorBinding("b", { mentor: ada.id, server: server.id });` */
export type MentorUuid = ResourceId<"Mentor">;
/** A {@link ClawInstance}'s id. @example `const id: pulumi.Output<InstanceId> = server.id;` */
export type InstanceId = ResourceId<"ClawInstance">;
/** A reference to a ClawInstance. @example `new MentorBinding("b", { mentor, server: server.id });` */
export type InstanceRef = RefTo<"ClawInstance">;
/** A {@link ModelProvider}'s id. @example `const id: pulumi.Output<ModelProviderId> = openrouter.id;` */
export type ModelProviderId = ResourceId<"ModelProvider">;
/** A {@link MentorBinding}'s id. @example `const id: pulumi.Output<BindingId> = binding.id;` */
export type BindingId = ResourceId<"MentorBinding">;
/** A reference to a MentorBinding. @example `new ConfigPush("p", { binding: binding.id, triggers });` */
export type BindingRef = RefTo<"MentorBinding">;
/** An {@link AgentConfig}'s id. @example `const id: pulumi.Output<AgentConfigId> = ada.id;` */
export type AgentConfigId = ResourceId<"AgentConfig">;
/** A {@link Skill}'s id. @example `const id: pulumi.Output<SkillId> = weather.id;` */
export type SkillId = ResourceId<"Skill">;
/** A reference to a Skill. @example `new SkillAssignment("a", { mentor, skill: weather.id });` */
export type SkillRef = RefTo<"Skill">;
/** A {@link SkillResource}'s id. @example `const id: pulumi.Output<SkillResourceId> = script.id;` */
export type SkillResourceId = ResourceId<"SkillResource">;
/** A {@link SkillAssignment}'s id. @example `const id: pulumi.Output<SkillAssignmentId> = adaWeather.id;` */
export type SkillAssignmentId = ResourceId<"SkillAssignment">;
/** A {@link ConfigPush}'s id. @example `const id: pulumi.Output<ConfigPushId> = push.id;` */
export type ConfigPushId = ResourceId<"ConfigPush">;
/** A {@link ProviderPush}'s id. @example `const id: pulumi.Output<ProviderPushId> = push.id;` */
export type ProviderPushId = ResourceId<"ProviderPush">;
