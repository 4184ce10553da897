import type { ResourceValidationPolicy } from "@pulumi/policy";
import { parseConfig } from "./configValue";
import { settings } from "./settings";
import { TOKENS, describe } from "./tokens";
import { UNKNOWN, scalar, snapshot } from "./values";
import { urlProblem } from "./urls";

/**
 * Mandatory by default: a ModelProvider's `baseUrl` is https. The claw server sends the LLM
 * credential named by `credentialName` to that URL with every request. Plain http to a
 * loopback host (a local model server) stays allowed (`allowLoopbackHttp`).
 *
 * @example
 * ```yaml
 * claw-model-provider-https: { allowLoopbackHttp: false }
 * ```
 */
export const modelProviderHttps: ResourceValidationPolicy = {
    name: "claw-model-provider-https",
    description: "A ModelProvider's baseUrl must be https (plain http only to a loopback host, if allowed).",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowLoopbackHttp: { type: "boolean", default: true, description: "Allow http:// to localhost, 127.0.0.0/8 and ::1 (a local model server)." },
        },
    },
    validateResource: (args, report) => {
        if (args.type !== TOKENS.ModelProvider) return;
        const { allowLoopbackHttp } = settings(args, { allowLoopbackHttp: true });
        const url = scalar(args.props, "baseUrl");
        if (url.unknown) throw url.unknown;
        const problem = urlProblem("baseUrl", url.value, allowLoopbackHttp);
        if (problem) report(`${describe(args.type, args.name)}: ${problem}`);
    },
};

/**
 * True when `model` matches one of `allowed`, where `*` stands for any run of characters.
 *
 * @example
 * ```ts
 * modelAllowed("anthropic/claude-sonnet-4-6", ["anthropic/*"]); // true
 * modelAllowed("openai/gpt-5", ["anthropic/*"]);                // false
 * ```
 */
export function modelAllowed(model: string, allowed: readonly string[]): boolean {
    return allowed.some((pattern) => {
        const re = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
        return new RegExp(`^${re}$`).test(model);
    });
}

/**
 * The model references inside an agent config's `config` patch: any `model` key holding a
 * string, or an object with `primary` (string) and `fallbacks` (strings), as OpenClaw spells
 * its model settings (`agents.defaults.model.primary`, `...fallbacks`).
 *
 * @example
 * ```ts
 * modelRefsInConfig({ agents: { defaults: { model: { primary: "a/b", fallbacks: ["c/d"] } } } });
 * // [{ at: "agents.defaults.model.primary", model: "a/b" }, { at: "agents.defaults.model.fallbacks[0]", model: "c/d" }]
 * ```
 */
export function modelRefsInConfig(config: unknown): { at: string; model: string }[] {
    const out: { at: string; model: string }[] = [];
    const walk = (v: unknown, at: string, depth: number) => {
        if (depth > 64 || v === null || typeof v !== "object") return;
        if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${at}[${i}]`, depth + 1));
        for (const [k, child] of Object.entries(v)) {
            const here = at ? `${at}.${k}` : k;
            if (k === "model" && typeof child === "string") out.push({ at: here, model: child });
            if (k === "model" && child && typeof child === "object" && !Array.isArray(child)) {
                const m = child as { primary?: unknown; fallbacks?: unknown };
                if (typeof m.primary === "string") out.push({ at: `${here}.primary`, model: m.primary });
                if (Array.isArray(m.fallbacks)) {
                    m.fallbacks.forEach((f, i) => typeof f === "string" && out.push({ at: `${here}.fallbacks[${i}]`, model: f }));
                }
            }
            walk(child, here, depth + 1);
        }
    };
    walk(config, "", 0);
    return out;
}

/**
 * Mandatory by default, and inert until `allowedModels` is configured: every model a stack
 * names is on the allowlist. Checked: an AgentConfig's `model` and the models in its `config`
 * patch, and each ModelProvider's catalog entry as `<provider name>/<id>`, the way agents refer
 * to it. Messages name the model reference (an identifier, needed to fix it), nothing else.
 *
 * @example
 * ```yaml
 * claw-model-allowlist: { allowedModels: ["anthropic/claude-*", "openrouter/anthropic/*"] }
 * ```
 */
export const modelAllowlist: ResourceValidationPolicy = {
    name: "claw-model-allowlist",
    description: "Models named by AgentConfigs and ModelProvider catalogs must match allowedModels, when that list is configured.",
    enforcementLevel: "mandatory",
    severity: "medium",
    configSchema: {
        properties: {
            allowedModels: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: 'Model references "provider/model"; * matches any characters. Empty: any model.',
            },
        },
    },
    validateResource: (args, report) => {
        if (args.type !== TOKENS.AgentConfig && args.type !== TOKENS.ModelProvider) return;
        const { allowedModels } = settings(args, { allowedModels: [] as string[] });
        if (allowedModels.length === 0) return;
        const who = describe(args.type, args.name);
        const refuse = (where: string, model: string) => {
            if (!modelAllowed(model, allowedModels)) report(`${who}: ${where} names model ${JSON.stringify(model.slice(0, 200))}, which is not in allowedModels`);
        };
        let unknown: Error | undefined;
        if (args.type === TOKENS.AgentConfig) {
            const model = scalar(args.props, "model");
            unknown = model.unknown;
            if (typeof model.value === "string") refuse("model", model.value);
            const config = snapshot(args.props, "config");
            unknown ??= config.error;
            const parsed = parseConfig(config.value);
            if (parsed.ok) for (const ref of modelRefsInConfig(parsed.value)) refuse(`config ${ref.at}`, ref.model);
        } else {
            const name = scalar(args.props, "name");
            const catalog = snapshot(args.props, "modelCatalog");
            unknown = name.unknown ?? catalog.error;
            if (typeof name.value === "string" && Array.isArray(catalog.value)) {
                catalog.value.forEach((entry, i) => {
                    const id = entry !== UNKNOWN && entry && typeof entry === "object" ? (entry as { id?: unknown }).id : undefined;
                    if (typeof id === "string") refuse(`modelCatalog[${i}]`, `${name.value}/${id}`);
                });
            }
        }
        if (unknown) throw unknown;
    },
};
