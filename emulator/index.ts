/**
 * A local emulator of the ibl.ai claw API: the embedded default of the demo and tests,
 * and a tool for offline development and CI of users' own stacks (docs/emulator.md).
 *
 * @example
 * ```ts
 * import { startEmulator, startGateway } from "pulumi-iblai-claw/emulator";
 * const gw = await startGateway();
 * const emu = await startEmulator({ orgs: { acme: "t0k3n" } });
 * // register an instance with server_url = gw.url; its test-connectivity passes
 * ```
 */
export { startEmulator, effectiveApiOptions, ENTITIES, ADMIN_PREFIX, type Emulator, type EmulatorOptions } from "./server";
export { type RouteGeneration, ROUTE_GENERATIONS } from "./entity";
export { DEFAULT_AGENT_ID } from "./mentorScoped";
export { Store, type Row, type StateData } from "./store";
export { type FaultRule, type FaultKind, type FaultRuleState, FAULT_KINDS, parseFaultRules } from "./faults";
export { startGateway, DEFAULT_GATEWAY_VERSION, type Gateway, type GatewayOptions } from "./gateway";
export { type Settings } from "./entity";
export { BLOCKED_CONFIG_PATHS, blockedPathsIn } from "./configPaths";
export { PUSH_PENDING, PUSH_SUCCESS, PUSH_FAILED_PREFIX } from "./pushes";
export { agentIdOf, placeMentor, AGENT_ENTRY_KEYS, AGENT_ID_PATTERN, type Placement } from "./placement";
export { type DeliveryMode, DELIVERY_MODES } from "./realDelivery";
export { connectGateway, deviceKeyFromPem, GatewayRpcError, type GatewaySession } from "./openclawGateway";
