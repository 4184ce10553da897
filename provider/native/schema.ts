import { z } from "zod";
import { SETTINGS } from "../engine/connection";
import { ADOPT, IDENTITY } from "../engine/crud";
import type { ResourceFacts } from "../engine/facts";
import { pushShape } from "../engine/pushResource";
import { type ResourceShape, apiShapeOf } from "../engine/resource";
import { API_FACTS, LOCAL_FACTS, PUSH_FACTS } from "../engine/runtime";
import { ENTITIES } from "../entities";
import { deviceIdentityShape } from "../resources/deviceIdentity";
import { gatewayTokenShape } from "../resources/gatewayToken";
import { ACTIONS, lookupsOf } from "./functions";

/** A Pulumi package schema property (the subset this package uses). */
export interface PropertySpec {
    type?: "string" | "integer" | "number" | "boolean" | "array";
    items?: PropertySpec;
    $ref?: string;
    description?: string;
    secret?: boolean;
    replaceOnChanges?: boolean;
}
type Properties = Record<string, PropertySpec>;

/**
 * This package's version (the plugin's version too): read through the package's own name, so
 * it resolves from the sources, the build and the installed copy alike.
 */
export function packageVersion(): string {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require("pulumi-iblai-claw/package.json") as { version: string }).version;
}

/** Where the type tokens live: `iblai:index:<Type>`. */
export const PACKAGE = "iblai";
/** The type token of a resource type or function name. */
export const token = (name: string): string => `${PACKAGE}:index:${name}`;

const ANY: PropertySpec = { $ref: "pulumi.json#/Any" };
const STRING: PropertySpec = { type: "string" };

/** One property type from zod's JSON Schema of a request field; anything composite is `Any`. */
function fromJsonSchema(js: Record<string, unknown> | undefined): PropertySpec {
    const t = js?.type;
    if (t === "string" || t === "integer" || t === "number" || t === "boolean") return { type: t };
    return { ...ANY };
}

/** The request schema's properties (API names) and the required ones. */
function requestSchema(schema: z.ZodType): { props: Record<string, Record<string, unknown>>; required: string[] } {
    const js = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
    return { props: js.properties ?? {}, required: js.required ?? [] };
}

interface ResourceSpec {
    description: string;
    isComponent?: boolean;
    inputProperties: Properties;
    requiredInputs: string[];
    properties: Properties;
    required: string[];
}

function apiResource(facts: ResourceFacts): ResourceSpec {
    const shape = apiShapeOf(facts);
    const req = requestSchema(facts.createSchema);
    const inputs: Properties = {};
    for (const [k, f] of Object.entries(facts.fields)) {
        const spec = f.api ? fromJsonSchema(req.props[f.api]) : f.local ? fromJsonSchema(z.toJSONSchema(f.local, { unrepresentable: "any" }) as Record<string, unknown>) : { ...ANY };
        if (f.kind === "file") Object.assign(spec, { type: "string", $ref: undefined, description: "A local file path, relative to the program's folder." });
        if (f.secret) spec.secret = true;
        if (f.replaceOnChange) spec.replaceOnChanges = true;
        inputs[k] = clean(spec);
    }
    for (const k of IDENTITY) inputs[k] = { ...STRING, replaceOnChanges: true, description: `Default: the provider's iblai:${k === "apiBaseUrl" ? "baseUrl" : k}.` };
    inputs[ADOPT] = { ...ANY, description: "Adopts the existing object with this id at create (pulumi import does the same without it)." };
    const camel = new Map(Object.entries(facts.fields).map(([k, f]) => [f.api, k]));
    // A write-only field cannot be read back, so it is required at create only (check says so):
    // an imported resource's program may leave it out.
    const requiredInputs = req.required.map((a) => camel.get(a)).filter((k): k is string => k !== undefined && !facts.fields[k]?.writeOnly);
    // The docs sentences of the entity's declaration (provider/entities), the one source of the TypeScript docs too.
    const decl = ENTITIES.find((e) => e.type === facts.type);
    for (const [k, f] of Object.entries(decl?.fields ?? {})) if (f.doc && inputs[k] && !inputs[k].description) inputs[k] = { ...inputs[k], description: f.doc };
    const outputDocs: Properties = Object.fromEntries(Object.entries(decl?.outputs ?? {}).flatMap(([k, o]) => (o.doc ? [[k, { ...ANY, description: o.doc }]] : [])));
    return resource(decl?.doc ?? `An ibl.ai claw API object: ${facts.type}.`, shape, inputs, requiredInputs, IDENTITY, outputDocs);
}

/** The inputs and outputs both push types share (the engine's push.ts). */
const PUSH_TYPES: Properties = {
    triggers: { ...ANY, description: "Any value; a change pushes again." },
    timeoutSeconds: { type: "number", description: "How long to wait for the outcome; default 300." },
    adopt: { type: "boolean", description: "Record the target's last successful push as delivered, without pushing." },
    triggersHash: STRING,
    pushStatus: STRING,
    serviceStatus: STRING,
    pushedAt: STRING,
    warnings: { type: "array", items: STRING },
};

function pushResource(type: string): ResourceSpec {
    const facts = PUSH_FACTS[type];
    const shape = pushShape(facts);
    const inputs = Object.fromEntries(shape.inputs.map((k) => [k, PUSH_TYPES[k] ?? { ...ANY, description: `The ${facts.targetType} (its id).` }]));
    for (const k of IDENTITY) inputs[k] = { ...STRING, replaceOnChanges: true };
    return resource(`Pushes to a ${facts.targetType} when its triggers change, and waits for the outcome.`, shape, inputs, [facts.target, "triggers"], IDENTITY, PUSH_TYPES);
}

function localResource(shape: ResourceShape): ResourceSpec {
    const facts = LOCAL_FACTS[shape.type];
    const req = requestSchema(facts.inputs);
    const inputs = Object.fromEntries(shape.inputs.map((k) => [k, fromJsonSchema(req.props[k])]));
    return resource(`Made on this machine and kept in state (nothing on the API): ${shape.type}.`, shape, inputs, [], []);
}

function resource(description: string, shape: ResourceShape, inputProperties: Properties, requiredInputs: string[], identity: readonly string[], outputTypes: Properties = {}): ResourceSpec {
    const properties: Properties = { ...inputProperties };
    for (const k of shape.outputs) properties[k] = outputTypes[k] ?? { ...ANY };
    for (const k of shape.secretOutputs) properties[k] = { ...properties[k], secret: true };
    for (const k of identity) properties[k] = STRING;
    delete properties[ADOPT];
    const required = [...identity, ...shape.outputs.filter((k) => k === "contentHash")];
    return { description, inputProperties, requiredInputs, properties: stripReplace(properties), required };
}

/** replaceOnChanges belongs on input properties only. */
function stripReplace(p: Properties): Properties {
    return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, clean({ ...v, replaceOnChanges: undefined })]));
}

function clean(spec: PropertySpec): PropertySpec {
    return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as PropertySpec;
}

/**
 * The Pulumi package schema of the native provider `pulumi-resource-iblai`, built from the
 * provider's own facts (provider/resources/*.ts): every resource type the dynamic provider
 * serves, its inputs (types from the sdk's request schemas; secret, write-only and
 * replace-on-change from the facts), its outputs, the provider config and the functions.
 * One function, so the schema cannot drift from what the engine does.
 *
 * @example
 * ```ts
 * const schema = packageSchema("0.1.0");
 * schema.resources["iblai:index:Skill"].inputProperties.slug; // { type: "string" }
 * ```
 */
export function packageSchema(version: string) {
    const resources: Record<string, ResourceSpec> = {};
    for (const f of Object.values(API_FACTS)) resources[token(f.type)] = apiResource(f);
    for (const t of Object.keys(PUSH_FACTS)) resources[token(t)] = pushResource(t);
    for (const s of [deviceIdentityShape, gatewayTokenShape]) resources[token(s.type)] = localResource(s);
    // Components (provider/native/components.ts, `construct`): the inputs a YAML program can give.
    const NUM: PropertySpec = { type: "number" };
    const identity = { apiBaseUrl: STRING, org: STRING };
    resources[token("ClawServer")] = {
        description: "An OpenClaw server on the platform: its instance, gateway token, device identity, model providers and their push (components/clawServer.ts).",
        isComponent: true,
        inputProperties: {
            ...identity,
            name: STRING,
            serverUrl: STRING,
            clawType: STRING,
            gatewayToken: { ...STRING, secret: true },
            devicePrivateKeyPem: { ...STRING, secret: true },
            verifyConnectivity: { type: "boolean" },
            modelProviders: { ...ANY, description: "Model providers by name (a ModelProvider's inputs without its server)." },
            pushTimeoutSeconds: NUM,
        },
        requiredInputs: ["serverUrl"],
        properties: { instanceId: STRING, gatewayToken: { ...STRING, secret: true }, deviceFingerprint: STRING, devicePublicKeyPem: STRING },
        required: ["instanceId", "gatewayToken"],
    };
    resources[token("AgentSet")] = {
        description: "An OpenClaw agent-set folder deployed to a server: a mentor, binding, agent config, skills and push per agent (components/agentSet.ts).",
        isComponent: true,
        inputProperties: {
            ...identity,
            folder: { ...STRING, description: "The agent set's folder, relative to the program's folder." },
            server: { ...ANY, description: "The ClawInstance (its id), e.g. a ClawServer's instanceId." },
            mentors: { ...ANY, description: "Existing mentors' UUIDs by agent id; the others get new mentors." },
            mentorNamePrefix: STRING,
            slugPrefix: STRING,
            omitConfig: { type: "array", items: STRING },
            pushTimeoutSeconds: NUM,
        },
        requiredInputs: ["folder", "server"],
        properties: { pushStatuses: { ...ANY, description: "Each agent's config push status." }, notes: { type: "array", items: STRING } },
        required: ["pushStatuses"],
    };
    const variables: Properties = Object.fromEntries(SETTINGS.map((k) => [k, k === "apiToken" ? { ...STRING, secret: true } : { ...STRING }]));
    const functions: Record<string, unknown> = {};
    for (const l of lookupsOf(API_FACTS)) {
        const req = requestSchema(l.facts.createSchema);
        const keyProps = Object.fromEntries(l.keys.map((k) => [k, fromJsonSchema(req.props[l.facts.fields[k].api])]));
        const outs = apiResource(l.facts).properties;
        const readable = Object.fromEntries(Object.entries(outs).filter(([k]) => !l.facts.fields[k]?.writeOnly && !(IDENTITY as readonly string[]).includes(k)));
        functions[token(l.name)] = {
            description: `Looks up a ${l.facts.type} by id or by ${l.keys.join(" + ")}.`,
            inputs: { properties: { id: { ...ANY, description: "The object's id." }, ...keyProps }, type: "object" },
            outputs: { properties: { id: STRING, ...readable }, required: ["id"], type: "object" },
        };
    }
    for (const a of ACTIONS) {
        functions[token(a.name)] = {
            description: a.description,
            inputs: { properties: { instance: { ...ANY, description: "The ClawInstance (its id)." }, apiBaseUrl: STRING, org: STRING }, required: ["instance"], type: "object" },
            outputs: { properties: { result: { ...ANY, description: "The service's answer, as it returned it." } }, required: ["result"], type: "object" },
        };
    }
    return {
        name: PACKAGE,
        displayName: "ibl.ai claw",
        description: "GENERATED by provider/native/schema.ts (npm run schema) from the provider's facts; do not edit. Manage ibl.ai claw infrastructure (OpenClaw servers, mentor bindings, agent configs, skills).",
        version,
        // supportPack: the Go generator then writes the SDK's go.mod, and the Python one a pyproject.toml (tools/pulumi-gen-iblai).
        meta: { moduleFormat: "(.*)", supportPack: true },
        config: { variables },
        provider: { description: "The ibl.ai claw provider.", inputProperties: variables, properties: variables },
        resources,
        functions,
        language: { nodejs: { respectSchemaVersion: true }, go: { importBasePath: "github.com/iblai/pulumi-iblai-claw/sdks/go/iblai" } },
    };
}
