/**
 * pulumi-iblai-claw: ibl.ai claw infrastructure as code.
 *
 * - Pulumi resources (this module, and `pulumi-iblai-claw/provider`);
 * - the typed API client (`pulumi-iblai-claw/sdk`, usable without Pulumi);
 * - the local API emulator (`pulumi-iblai-claw/emulator`).
 *
 * @example
 * ```ts
 * import { ClawInstance } from "pulumi-iblai-claw";
 * ```
 */
export * from "./provider";
export * as sdk from "./sdk";
