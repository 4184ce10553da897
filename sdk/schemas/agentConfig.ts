export * from "./agentConfigPatch";
export * from "./agentConfig.generated";

/**
 * List filters of `GET agent-configs/`: none are documented (only limit/offset). `mentor`
 * is matched on the client while scanning the pages.
 *
 * @example
 * ```ts
 * const [cfg] = await client.agentConfigs.listAll({ mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10" });
 * ```
 */
export interface AgentConfigListQuery {
    mentor?: string;
}
