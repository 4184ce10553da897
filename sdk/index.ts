/**
 * The typed ibl.ai claw API client. No Pulumi dependency: usable from any script.
 *
 * @example
 * ```ts
 * import { ClawClient } from "pulumi-iblai-claw/sdk";
 * const client = new ClawClient({ baseUrl, org, token });
 * console.log(await client.instances.listAll());
 * ```
 */
export * from "./client";
export * from "./errors";
export * from "./retry";
export * from "./schemas/common";
export * from "./schemas/instance";
export * from "./resources/entity";
export * from "./resources/instances";
export * from "./configPaths";
