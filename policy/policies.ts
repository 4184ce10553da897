import type { Policies } from "@pulumi/policy";
import { noBlockedConfigPaths } from "./blockedConfigPaths";
import { bindingHasConfigPush, instanceHasProviderPush } from "./deliveries";
import { clawServerHttps, openclawDeviceIdentity } from "./instance";
import { modelAllowlist, modelProviderHttps } from "./models";
import { openclawConfigSchema } from "./openclawConfigSchema";
import { openclawSecurity } from "./openclawSecurity";
import { skillResourceSize } from "./skillResourceSize";

/**
 * Every policy of the pack, in the order the docs list them (docs/policy.md). Kept apart
 * from index.ts so tests can load the policies without starting the pack's gRPC server.
 *
 * @example
 * ```ts
 * import { policies } from "./policies";
 * new PolicyPack("iblai-claw", { policies });
 * ```
 */
export const policies: Policies = [
    noBlockedConfigPaths,
    openclawConfigSchema,
    openclawSecurity,
    clawServerHttps,
    openclawDeviceIdentity,
    modelProviderHttps,
    modelAllowlist,
    skillResourceSize,
    bindingHasConfigPush,
    instanceHasProviderPush,
];

export { noBlockedConfigPaths, openclawConfigSchema, openclawSecurity, bindingHasConfigPush, instanceHasProviderPush, clawServerHttps, openclawDeviceIdentity, modelAllowlist, modelProviderHttps, skillResourceSize };
