import type { ResourceValidationPolicy } from "@pulumi/policy";
import { checkMentorConfig, resolveOpenClawVersion } from "pulumi-iblai-claw/sdk";
import { parseConfig } from "./configValue";
import { settings } from "./settings";
import { TOKENS, describe } from "./tokens";
import { UNKNOWN, snapshot } from "./values";

/**
 * Mandatory by default: an AgentConfig's `config` must be something OpenClaw accepts, checked
 * against the pinned schema snapshot of `openclawVersion` (default: the newest), each key
 * where the placement rule puts it (docs/openclaw-config.md). The same `checkMentorConfig`
 * the provider's check runs, so pack and provider agree; the pack cannot read stack config,
 * so set `openclawVersion` here to the version of `iblai:openclawVersion`.
 *
 * Parts unknown at preview are left to the provider's check at `up` (the SDK's advisory note
 * names them); an unparsable string is claw-no-blocked-config-paths' finding.
 *
 * @example
 * ```json
 * { "claw-openclaw-config-schema": { "openclawVersion": "2026.9.6" } }
 * ```
 * AgentConfig "ada": config.heartbeat.evry: unknown key; did you mean every? (OpenClaw 2026.9.6)
 */
export const openclawConfigSchema: ResourceValidationPolicy = {
    name: "claw-openclaw-config-schema",
    description: "An agent config's config patch must be valid OpenClaw configuration (the pinned schema of the chosen OpenClaw version).",
    enforcementLevel: "mandatory",
    severity: "medium",
    remediationSteps: "Fix the reported key or value; the OpenClaw gateway would refuse the config push.",
    configSchema: {
        properties: {
            openclawVersion: { type: "string", default: "", description: 'OpenClaw version whose schema snapshot to check against (default: the newest; "none": no check).' },
        },
    },
    validateResource: (args, report) => {
        if (args.type !== TOKENS.AgentConfig) return;
        const who = describe(args.type, args.name);
        const { openclawVersion } = settings(args, { openclawVersion: "" });
        const config = snapshot(args.props, "config");
        const parsed = parseConfig(config.value);
        if (parsed.ok && config.value !== UNKNOWN) {
            let version: string | undefined;
            try {
                version = resolveOpenClawVersion(openclawVersion, "openclawVersion");
            } catch (e) {
                report(`${who}: ${(e as Error).message}`);
                return;
            }
            if (version) for (const p of checkMentorConfig(parsed.value, { version, isUnknown: (v) => v === UNKNOWN })) report(`${who}: ${p.message}`);
        }
        if (config.error) throw config.error;
    },
};
