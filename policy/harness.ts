/**
 * A small test harness for the pack's policies (there is no official one). It does what the
 * pack's gRPC server does with one request, minus gRPC:
 *
 * - properties travel as they would: through a protobuf Struct and @pulumi/policy's own
 *   deserializer (secrets unwrapped, a `__proto__` key lost on the way), then its
 *   unknown-checking proxy (reading an unknown throws its `UnknownValueError`);
 * - the enforcement level comes from the config, else the policy, else the pack (advisory);
 *   `disabled` skips the policy, `remediate` reports as mandatory;
 * - an `UnknownValueError` becomes the SDK's advisory "can't run ... during preview" note;
 * - `getConfig()` returns the policy's config without `enforcementLevel`.
 *
 * Test-only; nothing in the pack imports it.
 *
 * @example
 * ```ts
 * const r = runResource(policies, { type: TOKENS.AgentConfig, name: "ada", props: { config: { gateway: { auth: {} } } } });
 * expect(r.diagnostics).toEqual([expect.objectContaining({ policy: "claw-no-blocked-config-paths", level: "mandatory" })]);
 * ```
 */
import type { EnforcementLevel, Policies, PolicyPackConfig, PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";

// Internal modules of @pulumi/policy (no types published): the same code the server runs.
/* eslint-disable @typescript-eslint/no-require-imports */
const { deserializeProperties } = require("@pulumi/policy/deserialize") as { deserializeProperties(s: unknown, proxySecrets: boolean): Record<string, unknown> };
const proxy = require("@pulumi/policy/proxy") as Record<string, unknown> & { unknownCheckingProxy(v: unknown): Record<string, unknown> };
const { Struct } = require("google-protobuf/google/protobuf/struct_pb") as { Struct: { fromJavaScript(v: unknown): unknown } };
const rpc = require("@pulumi/pulumi/runtime/rpc") as { specialSigKey: string; specialSecretSig: string };

/**
 * The engine's sentinels for values unknown at preview, by kind.
 *
 * @example
 * ```ts
 * props: { config: { gateway: unknown.object } }
 * ```
 */
export const unknown = {
    string: proxy.unknownStringValue as string,
    number: proxy.unknownNumberValue as string,
    boolean: proxy.unknownBooleanValue as string,
    array: proxy.unknownArrayValue as string,
    object: proxy.unknownObjectValue as string,
};

/**
 * A value as the engine sends a secret (the policy SDK unwraps it).
 *
 * @example
 * ```ts
 * props: { gatewayToken: secret("gw-123") }
 * ```
 */
export function secret(value: unknown): Record<string, unknown> {
    return { [rpc.specialSigKey]: rpc.specialSecretSig, value };
}

/** A resource as a test describes it. */
export interface TestResource {
    type: string;
    name: string;
    props: Record<string, unknown>;
    /** Defaults to `urn:pulumi:test::harness::<type>::<name>`. */
    urn?: string;
    /** URNs this resource depends on (stack policies). */
    dependencies?: string[];
    /** URNs per input property (stack policies), e.g. `{ binding: [bindingUrn] }`. */
    propertyDependencies?: Record<string, string[]>;
}

/** One diagnostic, as the CLI would print it. */
export interface Diagnostic {
    policy: string;
    level: EnforcementLevel;
    message: string;
    urn?: string;
}

/** What a run produced. `violations` leaves out the SDK's unknown-at-preview notes. */
export interface RunResult {
    diagnostics: Diagnostic[];
    violations: Diagnostic[];
    /** The SDK's advisory notes for values unknown at preview. */
    unknownNotes: Diagnostic[];
    notApplicable: { policy: string; reason?: string }[];
}

/**
 * The URN the harness gives a test resource.
 *
 * @example
 * ```ts
 * { ...push, propertyDependencies: { binding: [urnOf(binding)] } }
 * ```
 */
export const urnOf = (r: Pick<TestResource, "type" | "name" | "urn">): string => r.urn ?? `urn:pulumi:test::harness::${r.type}::${r.name}`;

/**
 * Properties as a policy receives them: Struct round trip, SDK deserializer, unknown proxy.
 *
 * @example
 * ```ts
 * onTheWire({ token: secret("x") }).token; // "x" (secrets arrive decrypted)
 * ```
 */
export function onTheWire(props: Record<string, unknown>): Record<string, unknown> {
    return proxy.unknownCheckingProxy(deserializeProperties(Struct.fromJavaScript(dropUndefined(props)), false));
}

/** Pulumi never sends an undefined value: the key is simply absent. */
function dropUndefined(v: unknown): unknown {
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map(dropUndefined);
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
        if (x !== undefined) Object.defineProperty(o, k, { value: dropUndefined(x), enumerable: true, writable: true, configurable: true });
    }
    return o;
}

class NotApplicable extends Error {
    constructor(readonly reason?: string) {
        super(reason);
    }
}

const isUnknownError = (e: unknown): e is Error => e instanceof Error && "unknownTypeSentinel" in e;

function levelOf(p: { name: string; enforcementLevel?: EnforcementLevel }, config: PolicyPackConfig): EnforcementLevel {
    const c = config[p.name];
    const configured = typeof c === "string" ? c : c?.enforcementLevel;
    const level = configured ?? p.enforcementLevel ?? "advisory";
    return level === "remediate" ? "mandatory" : level;
}

function configOf(name: string, config: PolicyPackConfig): Record<string, unknown> {
    const c = config[name];
    if (!c || typeof c === "string") return {};
    const { enforcementLevel: _, ...rest } = c;
    return rest;
}

async function run(
    policies: Policies,
    config: PolicyPackConfig,
    kind: "resource" | "stack",
    body: (p: ResourceValidationPolicy & StackValidationPolicy, report: (message: string, urn?: string) => void, extra: { getConfig<T>(): T; notApplicable(reason?: string): never }) => Promise<void> | void,
): Promise<RunResult> {
    const out: RunResult = { diagnostics: [], violations: [], unknownNotes: [], notApplicable: [] };
    for (const p of policies as (ResourceValidationPolicy & StackValidationPolicy)[]) {
        const isStack = typeof p.validateStack === "function";
        if ((kind === "stack") !== isStack) continue;
        const level = levelOf(p, config);
        if (level === "disabled") continue;
        const report = (message: string, urn?: string) => {
            const d = { policy: p.name, level, message, urn };
            out.diagnostics.push(d);
            out.violations.push(d);
        };
        const extra = {
            getConfig: <T>() => configOf(p.name, config) as T,
            notApplicable: (reason?: string): never => {
                throw new NotApplicable(reason);
            },
        };
        try {
            await body(p, report, extra);
        } catch (e) {
            if (isUnknownError(e)) {
                const d: Diagnostic = { policy: p.name, level: "advisory", message: `can't run policy '${p.name}' during preview: ${e.message}` };
                out.diagnostics.push(d);
                out.unknownNotes.push(d);
            } else if (e instanceof NotApplicable) {
                out.notApplicable.push({ policy: p.name, reason: e.reason });
            } else {
                throw e;
            }
        }
    }
    return out;
}

/**
 * Runs every resource policy of `policies` on one resource, as `Analyze` does.
 *
 * @example
 * ```ts
 * await runResource(policies, { type: TOKENS.ClawInstance, name: "s", props: { serverUrl: "http://x" } }, { "claw-server-https": "advisory" });
 * ```
 */
export function runResource(policies: Policies, resource: TestResource, config: PolicyPackConfig = {}): Promise<RunResult> {
    return run(policies, config, "resource", async (p, report, extra) => {
        const validations = p.validateResource === undefined ? [] : Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
        for (const v of validations) {
            await v(
                {
                    type: resource.type,
                    name: resource.name,
                    urn: urnOf(resource),
                    props: onTheWire(resource.props),
                    opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
                    stackTags: new Map(),
                    isType: () => false, // our policies match type tokens, never classes
                    asType: () => undefined,
                    ...extra,
                },
                report,
            );
        }
    });
}

/**
 * Runs every stack policy of `policies` on a set of resources, as `AnalyzeStack` does.
 *
 * @example
 * ```ts
 * await runStack(policies, [binding, { ...push, propertyDependencies: { binding: [urnOf(binding)] } }]);
 * ```
 */
export function runStack(policies: Policies, resources: TestResource[], config: PolicyPackConfig = {}): Promise<RunResult> {
    return run(policies, config, "stack", async (p, report, extra) => {
        const built = new Map<string, PolicyResource>();
        for (const r of resources) {
            built.set(urnOf(r), {
                type: r.type,
                name: r.name,
                urn: urnOf(r),
                props: onTheWire(r.props),
                opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
                dependencies: [],
                propertyDependencies: {},
                isType: () => false,
                asType: () => undefined,
            });
        }
        const find = (urns: string[] = []) => urns.map((u) => built.get(u)).filter((x): x is PolicyResource => x !== undefined);
        for (const r of resources) {
            const pr = built.get(urnOf(r))!;
            pr.dependencies = find(r.dependencies);
            for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) pr.propertyDependencies[k] = find(urns);
        }
        await p.validateStack({ resources: [...built.values()], stackTags: new Map(), ...extra }, report);
    });
}
