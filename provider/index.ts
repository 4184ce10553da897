/**
 * Pulumi resources for the ibl.ai claw API. Each is a dynamic resource
 * `pulumi-nodejs:dynamic/iblai:<Type>` driven by one shared engine.
 *
 * @example
 * ```ts
 * import { ClawInstance, GatewayToken } from "pulumi-iblai-claw";
 * const token = new GatewayToken("gw");
 * new ClawInstance("prod", { name: "prod", serverUrl: "https://claw.acme.dev", gatewayToken: token.value });
 * ```
 */
export { ClawInstance, type ClawInstanceArgs, clawInstanceFacts } from "./resources/clawInstance";
export { DeviceIdentity, type DeviceIdentityArgs, fingerprintOf } from "./resources/deviceIdentity";
export { GatewayToken, type GatewayTokenArgs } from "./resources/gatewayToken";
export { ClawResource, ClawApiResource, type IdentityArgs, type ResourceShape } from "./engine/resource";
export type { ResourceFacts, FieldFact } from "./engine/facts";
