// First: in the provider process too, an unsupported Node fails with the version it needs.
import "../../sdk/nodeVersion";
// Then: what the provider host loads from here on (sdk, zod, undici) compiles from Node's cache.
import "../../compileCache";
import type * as pulumi from "@pulumi/pulumi";
import { type ConfigLookup, type Connection, resolveConnection } from "./connection";
import { type ProviderMethods, apiMethods } from "./crud";
import { withProviderKept, withQuietCheck } from "./failures";
import type { ResourceFacts } from "./facts";
import { type LocalFacts, localMethods } from "./local";
import { type PushFacts, pushMethods } from "./push";
import { agentConfigFacts } from "../resources/agentConfig";
import { clawInstanceFacts } from "../resources/clawInstance";
import { configPushFacts } from "../resources/configPush";
import { deviceIdentityFacts } from "../resources/deviceIdentity";
import { gatewayTokenFacts } from "../resources/gatewayToken";
import { mentorFacts } from "../resources/mentor";
import { mentorBindingFacts } from "../resources/mentorBinding";
import { modelProviderFacts } from "../resources/modelProvider";
import { providerPushFacts } from "../resources/providerPush";
import { skillFacts } from "../resources/skill";
import { skillAssignmentFacts } from "../resources/skillAssignment";
import { skillResourceFacts } from "../resources/skillResource";

/**
 * The entry point that serialized provider stubs `require()` (package export
 * `pulumi-iblai-claw/dynamic`). It runs inside the dynamic-provider process: it keeps the
 * stack config from `configure()` and gives each stub the methods of its resource type.
 */
let connection: Connection = resolveConnection(() => undefined);
const current = () => connection;

/** The facts of every resource that lives on the API, by type name. */
export const API_FACTS: Readonly<Record<string, ResourceFacts>> = Object.fromEntries(
    [clawInstanceFacts, modelProviderFacts, mentorFacts, mentorBindingFacts, agentConfigFacts, skillFacts, skillResourceFacts, skillAssignmentFacts].map((f) => [f.type, f]),
);

/** The facts of the triggered pushes, by type name. */
export const PUSH_FACTS: Readonly<Record<string, PushFacts>> = Object.fromEntries([configPushFacts, providerPushFacts].map((f) => [f.type, f]));

/** The facts of the resources made on this machine (nothing on the API), by type name. */
export const LOCAL_FACTS: Readonly<Record<string, LocalFacts>> = Object.fromEntries([deviceIdentityFacts, gatewayTokenFacts].map((f) => [f.type, f]));

const REGISTRY: Record<string, () => ProviderMethods> = Object.fromEntries([
    ...Object.values(API_FACTS).map((f) => [f.type, () => apiMethods(f, current)] as const),
    ...Object.values(PUSH_FACTS).map((f) => [f.type, () => pushMethods(f, current)] as const),
    ...Object.values(LOCAL_FACTS).map((f) => [f.type, () => localMethods(f)] as const),
]);

/** Every resource type this version serves. */
export const RESOURCE_TYPES: readonly string[] = Object.keys(REGISTRY);

/** Takes the stack's config (the engine's Configure call). */
export async function configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    // The host's Config keeps every stack config key in `rawConfig`; a typo'd iblai:* key is named at preview.
    const raw = (req.config as unknown as { rawConfig?: Record<string, unknown> }).rawConfig ?? {};
    useConfig((k) => req.config.get(k), Object.keys(raw));
}

/**
 * Takes the provider's config from any host (the dynamic provider's Configure, the native
 * provider's): `get` answers `iblai:<name>` keys; `keys` are every stack config key known.
 */
export function useConfig(get: ConfigLookup, keys: readonly string[] = []): void {
    connection = resolveConnection(get, process.env, keys);
}

/** The connection the last Configure gave (config, then environment). */
export function currentConnection(): Connection {
    return connection;
}

/** The provider methods for one resource type. */
export function methodsFor(type: string): ProviderMethods {
    const make = REGISTRY[type];
    if (!make) {
        throw new Error(
            `iblai: this version of pulumi-iblai-claw has no resource type ${JSON.stringify(type)}; ` +
                "install the version that wrote this state, or a newer one",
        );
    }
    // No check failure may print an input's value (issue 13): one wrapper for every type.
    // A partial failure keeps the serialized provider in state (failures.ts): one wrapper too.
    return withProviderKept(withQuietCheck(make()));
}

/**
 * Called by a serialized stub's `configure`: takes the config and gives the stub's
 * provider object the engine's methods for `type`. A stable contract (see stub.ts).
 */
export async function attach(provider: pulumi.dynamic.ResourceProvider, type: string, req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    await configure(req);
    Object.assign(provider, methodsFor(type));
}
