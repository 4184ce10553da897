/**
 * The one zod schema of a fleet declaration, in the user's names (never the API's wire
 * names). Field values reuse the sdk's own schemas through the provider's facts tables
 * (TypeScript name → wire name), so a limit or a blocked config path is written once.
 * Every object is closed: an unknown key is refused with a did-you-mean.
 */
import { z } from "zod";
import { agentConfigFacts } from "../provider/resources/agentConfig";
import { skillFacts } from "../provider/resources/skill";
import { API_ROUTES_SETTINGS } from "../provider/engine/routes";
import { AUTH_SCHEMES, AgentConfigFields, InstanceCreate, MentorId, ModelProviderCreate, SKILL_FILE_TYPES, SkillCreate, SkillResourceCreate, closestName } from "../sdk";

/** Fleet and server names become parts of stack names. */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** A custom issue whose `params.hint` says how to fix it (read back by the declaration's loader). */
function fail(ctx: z.RefinementCtx, message: string, hint?: string, path: (string | number)[] = []): void {
    ctx.addIssue({ code: "custom", message, path, params: hint ? { hint } : undefined });
}

/**
 * An object that refuses keys it does not know, naming the closest known one. Checked even
 * when a field is wrong too (`when`), so that one run lists every problem.
 */
function closed<S extends z.ZodRawShape>(shape: S) {
    const known = Object.keys(shape);
    return z.looseObject(shape).superRefine(
        (o, ctx) => {
            if (typeof o !== "object" || o === null || Array.isArray(o)) return;
            for (const k of Object.keys(o)) {
                if (known.includes(k)) continue;
                const near = closestName(k, known);
                fail(ctx, "unknown key", near ? `did you mean ${near}?` : `known keys: ${known.join(", ")}`, [k]);
            }
        },
        { when: () => true },
    );
}

/** Fields of an API entity by their TypeScript names (the facts table), with the sdk's value schema of each. */
function fieldsOf(facts: { fields: Record<string, { api: string }> }, wire: z.ZodObject, names?: readonly string[]): z.ZodRawShape {
    const shape: Record<string, z.ZodType> = {};
    for (const [name, f] of Object.entries(facts.fields)) {
        const value = wire.shape[f.api];
        if (value !== undefined && (names === undefined || names.includes(name))) shape[name] = (value as z.ZodType).optional();
    }
    return shape;
}

const name = (what: string) =>
    z.string().superRefine((s, ctx) => {
        if (!NAME_PATTERN.test(s)) fail(ctx, `${JSON.stringify(s)} is not a valid ${what} name`, "lower-case letters, digits and -, starting with a letter or digit (it is part of stack names), e.g. edge-1");
    });

const SECRET_HINT = "write { env: VAR } (read from the environment) or { config: key } (the fleet stack's secret config)";

/** A reference to a secret: never the secret itself. */
export const SecretRefSchema = z.unknown().superRefine((v, ctx) => {
    const o = v as Record<string, unknown>;
    const keys = typeof v === "object" && v !== null && !Array.isArray(v) ? Object.keys(o) : undefined;
    if (keys?.length === 1 && keys[0] === "env" && typeof o.env === "string" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(o.env)) return;
    if (keys?.length === 1 && keys[0] === "config" && typeof o.config === "string" && o.config !== "") return;
    // Never echo the value: it may be the secret itself.
    fail(ctx, typeof v === "string" ? "a literal secret is refused: secrets never go in the declaration" : "must be { env: VAR } or { config: key }", SECRET_HINT);
});

const positiveInteger = (what: string, hint: string) =>
    z.unknown().superRefine((v, ctx) => {
        if (typeof v !== "number" || !Number.isInteger(v) || v < 1) fail(ctx, `${what} must be an integer ≥ 1, not ${JSON.stringify(v)}`, hint);
    });

const adoptId = z.union([z.string().min(1), z.number().int()]).transform(String);

export const ModelProviderSchema = closed({
    baseUrl: ModelProviderCreate.shape.base_url,
    apiType: ModelProviderCreate.shape.api_type,
    credentialName: ModelProviderCreate.shape.credential_name.optional(),
    modelCatalog: ModelProviderCreate.shape.model_catalog.optional(),
    adoptId: adoptId.optional(),
});

export const SkillFileSchema = closed({
    fileType: z.enum(SKILL_FILE_TYPES),
    filename: SkillResourceCreate.shape.filename,
    content: z.string().optional(),
    source: z.string().min(1).optional(),
    adoptId: adoptId.optional(),
}).superRefine((f, ctx) => {
    const n = Number(f.content !== undefined) + Number(f.source !== undefined);
    if (n !== 1) fail(ctx, n === 0 ? "neither content nor source" : "both content and source", "give exactly one: content (the text) or source (a file path relative to the declaration)");
});

export const SkillSchema = closed({
    ...fieldsOf(skillFacts, SkillCreate, ["name", "slug", "description", "instruction", "metadata"]),
    slug: SkillCreate.shape.slug,
    files: z.array(SkillFileSchema).optional(),
    adoptId: adoptId.optional(),
});

/** The agent config fields a mentor takes: AgentConfig's inputs, all but the mentor. */
export const AGENT_CONFIG_FIELDS: readonly string[] = Object.keys(agentConfigFacts.fields).filter((f) => f !== "mentor");

export const MentorSchema = closed({
    mentor: MentorId.optional(),
    name: z.string().min(1).max(255).optional(),
    server: z.string().optional(),
    agentId: z.string().min(1).optional(),
    skills: z.array(z.string()).optional(),
    ...fieldsOf(agentConfigFacts, AgentConfigFields, AGENT_CONFIG_FIELDS),
    adopt: closed({
        mentor: z.string().optional(),
        binding: adoptId.optional(),
        agentConfig: adoptId.optional(),
        assignments: z.record(z.string(), adoptId).optional(),
        push: z.boolean().optional(),
    }).optional(),
}).superRefine((m, ctx) => {
    if (m.mentor === undefined && m.name === undefined) fail(ctx, "neither mentor nor name", "give the mentor's UUID (mentor:) or the name of a mentor for the fleet to make (name:)");
});

export const AgentSetSchema = closed({
    folder: z.string().min(1),
    name: z.string().min(1).optional(),
    mentors: z.record(z.string(), MentorId).optional(),
    mentorNamePrefix: z.string().optional(),
    omitConfig: z.array(z.string().min(1)).optional(),
});

export const ServerSchema = closed({
    name: name("server"),
    serverUrl: InstanceCreate.shape.server_url,
    gatewayToken: SecretRefSchema.optional(),
    devicePrivateKeyPem: SecretRefSchema.optional(),
    verifyConnectivity: z.boolean().optional(),
    adoptId: adoptId.optional(),
    modelProviders: z.record(z.string(), ModelProviderSchema).optional(),
    skills: z.array(SkillSchema).optional(),
    agentSets: z.array(AgentSetSchema).optional(),
    mentors: z.array(MentorSchema).optional(),
});

/**
 * The whole declaration. `mentors` at the top are mentors placed by their `server:` field
 * (instead of under their server).
 *
 * @example
 * ```ts
 * FleetSchema.safeParse({ fleet: "acme", servers: [{ name: "edge-1", serverUrl: "https://claw-1.acme.dev" }] }).success; // true
 * ```
 */
export const FleetSchema = closed({
    fleet: name("fleet"),
    project: z.string().regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, _, . and - (a Pulumi project name)").optional(),
    shardSize: positiveInteger("shardSize", "the number of mentors per shard stack, e.g. 50").optional(),
    parallel: positiveInteger("parallel", "how many stacks run at once, e.g. 4").optional(),
    connection: closed({
        baseUrl: z.string().min(1).optional(),
        org: z.string().min(1).optional(),
        apiToken: SecretRefSchema.optional(),
        authScheme: z.enum(AUTH_SCHEMES as [string, ...string[]]).optional(),
        apiRoutes: z.enum(API_ROUTES_SETTINGS).optional(),
    }).optional(),
    servers: z.array(ServerSchema).min(1, "a fleet has at least one server"),
    mentors: z.array(MentorSchema).optional(),
});
