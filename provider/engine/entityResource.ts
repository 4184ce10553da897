import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { ClawClient } from "../../sdk";
import type { EntityDecl, FieldDecl } from "../entities/entity";
import { type FieldFact, type ResourceFacts, entityOps } from "./facts";
import { ClawApiResource, type IdentityArgs, apiShapeOf } from "./resource";

/** The ClawClient properties that are one entity's plain CRUD API. */
type PlainApiName = { [K in keyof ClawClient]: ClawClient[K] extends Parameters<typeof entityOps>[0] ? K : never }[keyof ClawClient];

/** The engine's facts of one input: only what the declaration sets, as the engine reads them. */
function fieldFact(f: FieldDecl, local: z.ZodType | undefined): FieldFact {
    return {
        api: f.api,
        ...(local ? { local } : {}),
        ...(f.type.kind ? { kind: f.type.kind } : {}),
        ...(f.writeOnly ? { writeOnly: true } : {}),
        ...(f.secret ? { secret: true } : {}),
        ...(f.replaceOnChange ? { replaceOnChange: true } : {}),
        ...(f.resetTo !== undefined ? { resetTo: f.resetTo } : {}),
        ...(f.default !== undefined ? { default: f.default } : {}),
        ...(f.routes ? { routes: f.routes } : {}),
    };
}

/** Copies the behaviour functions the declaration has (an absent one stays absent, not undefined). */
const present = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * An entity's facts for the shared engine, read from its declaration at load: the data
 * (fields, outputs, find, delivered part) from the tables, the behaviour by reference. The
 * zod schemas come from the sdk, which the declaration names only as text: `createSchema`
 * is what check validates with, `local` the schema of each input the service never sees.
 *
 * @example
 * ```ts
 * export const skillFacts: ResourceFacts = factsOf(skill, SkillCreate);
 * ```
 */
export function factsOf(decl: EntityDecl, createSchema: z.ZodType, local: Record<string, z.ZodType> = {}): ResourceFacts {
    const b = decl.behaviour ?? {};
    const fields = Object.entries(decl.fields);
    for (const [k, f] of fields) {
        // The engine checks such an input with its own schema; without one it would pass anything.
        if ((f.api === "") !== (local[k] !== undefined)) throw new Error(`${decl.type}.${k}: a local schema goes with, and only with, an input of no API name`);
    }
    const delivered = fields.filter(([, f]) => f.delivered).map(([, f]) => f.api);
    return {
        type: decl.type,
        fields: Object.fromEntries(fields.map(([k, f]) => [k, fieldFact(f, local[k])])),
        outputs: Object.fromEntries(Object.entries(decl.outputs).map(([k, o]) => [k, o.api])),
        createSchema,
        ...(decl.routed ? { routed: true } : {}),
        ...(decl.find ? { find: { ...decl.find, ...present({ query: b.findQuery }) } } : {}),
        ...(b.delivered
            ? { delivered: b.delivered }
            : delivered.length
              ? { delivered: (o: Record<string, unknown>) => Object.fromEntries(delivered.map((api) => [api, o[api]])) }
              : {}),
        // Only an entity without ops of its own gets here: its sdk property is then a plain
        // CRUD API, which TypeScript cannot narrow from the declaration's data.
        ops: b.ops ?? ((client: ClawClient) => entityOps(client[decl.sdk as PlainApiName])),
        ...present({
            checkInputs: b.checkInputs,
            afterWrite: b.afterWrite,
            notice: b.notice,
            createdOutputs: b.createdOutputs,
            deleteBeforeReplace: b.deleteBeforeReplace,
            afterDelete: b.afterDelete,
        }),
    };
}

/**
 * The base class of an entity's resource class: its constructor registers the resource with
 * the shape its facts imply (apiShapeOf), so the generated class declares only its typed
 * outputs. `A` is the class's `XArgs`; `whole` names the inputs that also take a resource of
 * the given class, which then stands for its id (resource references do not reach a dynamic
 * provider as such).
 *
 * @example
 * ```ts
 * export class SkillAssignment extends entityResource<SkillAssignmentArgs>(skillAssignmentFacts, { skill: Skill }) {
 *     declare readonly enabled: pulumi.Output<boolean | undefined>;
 * }
 * ```
 */
export function entityResource<A extends IdentityArgs>(
    facts: ResourceFacts,
    whole: Record<string, abstract new (...args: never[]) => pulumi.CustomResource> = {},
): new (name: string, args: A, opts?: pulumi.CustomResourceOptions) => ClawApiResource {
    const shape = apiShapeOf(facts);
    const wholes = Object.entries(whole);
    return class extends ClawApiResource {
        constructor(name: string, args: A, opts?: pulumi.CustomResourceOptions) {
            const given: Record<string, unknown> = { ...(args as object) };
            for (const [k, cls] of wholes) {
                const v = given[k];
                if (v instanceof cls) given[k] = v.id;
            }
            super(shape, name, wholes.length ? given : args, opts);
        }
    };
}
