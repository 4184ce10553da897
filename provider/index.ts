/**
 * Pulumi resources for the ibl.ai claw API. Each is a dynamic resource
 * `pulumi-nodejs:dynamic/iblai:<Type>` driven by one shared engine.
 *
 * @example
 * ```ts
 * import { ClawInstance } from "pulumi-iblai-claw";
 * new ClawInstance("prod", { name: "prod", serverUrl: "https://claw.acme.dev", gatewayToken: tok });
 * ```
 */
export { ClawInstance, type ClawInstanceArgs, clawInstanceFacts } from "./resources/clawInstance";
export { ClawResource, type IdentityArgs } from "./engine/resource";
export type { ResourceFacts, FieldFact } from "./engine/facts";
