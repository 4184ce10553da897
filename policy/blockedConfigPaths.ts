import type { ResourceValidationPolicy } from "@pulumi/policy";
import { BLOCKED_CONFIG_PATHS } from "pulumi-iblai-claw/sdk";
import { configFindings } from "./configValue";
import { TOKENS, describe } from "./tokens";
import { snapshot } from "./values";

/**
 * Mandatory by default: an AgentConfig's `config` must not touch a blocked OpenClaw config
 * path (however spelled: nested, dotted keys, mixed, at or below the path, brackets, `_`/`-`,
 * a JSON or JSON5 string; the rule is docs/config-paths.md), hold a key that
 * could pollute a prototype, or `$include` other files (which could pull blocked settings in
 * unseen). Uses the sdk's `findBlockedPaths`, the function the provider's check runs, so the
 * pack and the provider never disagree. Messages name the resource and the path, never values.
 *
 * A config unknown at preview (wholly or in part) is reported by the policy SDK as an advisory
 * "can't run ... during preview" note naming the unknown property; the known parts are still
 * checked, and the provider's check rejects the rest at `up` before any request.
 *
 * @example
 * ```ts
 * new PolicyPack("claw", { policies: [noBlockedConfigPaths] });
 * // AgentConfig "ada": config sets blocked config path gateway.auth (at gateway.auth)
 * ```
 */
export const noBlockedConfigPaths: ResourceValidationPolicy = {
    name: "claw-no-blocked-config-paths",
    description:
        `An agent config's config patch must not set a blocked path (${BLOCKED_CONFIG_PATHS.join(", ")}), ` +
        "a prototype-polluting key or $include.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps: "Remove the reported path from the AgentConfig's config; the service refuses it anyway.",
    validateResource: (args, report) => {
        if (args.type !== TOKENS.AgentConfig) return;
        const who = describe(args.type, args.name);
        const config = snapshot(args.props, "config");
        const result = configFindings(config.value);
        if (result.kind === "unparsable") {
            report(`${who}: config is a string that is neither JSON nor JSON5, so its paths cannot be checked; give an object or valid JSON5`);
        } else if (result.kind === "checked") {
            for (const f of result.findings) report(`${who}: config ${f.message}`);
        }
        // What was unknown is named by the SDK's own note; the provider checks it at `up`.
        if (config.error) throw config.error;
    },
};
