/**
 * A local emulator of the ibl.ai claw API: the embedded default of the demo and tests,
 * and a tool for offline development and CI of users' own stacks.
 *
 * @example
 * ```ts
 * import { startEmulator } from "pulumi-iblai-claw/emulator";
 * const emu = await startEmulator({ orgs: { acme: "t0k3n" } });
 * ```
 */
export { startEmulator, ENTITIES, ADMIN_PREFIX, type Emulator, type EmulatorOptions } from "./server";
export { Store, type Row, type StateData } from "./store";
