/**
 * pulumi-iblai-claw: ibl.ai claw infrastructure as code.
 *
 * - Pulumi resources (this module, and `pulumi-iblai-claw/provider`);
 * - components: ClawServer, ClawAgent, ClawSkill, AgentSet (this module, and
 *   `pulumi-iblai-claw/components`);
 * - the typed API client (`pulumi-iblai-claw/sdk`, usable without Pulumi);
 * - the local API emulator (`pulumi-iblai-claw/emulator`).
 *
 * @example
 * ```ts
 * import { ClawInstance } from "pulumi-iblai-claw";
 * ```
 */
// First: an unsupported Node fails here with the version it needs, not deep inside undici.
import "./sdk/nodeVersion";
export * from "./provider";
export * from "./components";
export * as sdk from "./sdk";
