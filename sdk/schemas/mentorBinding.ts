export * from "./mentorBinding.generated";

/**
 * List filters of `GET claw/mentor-configs/`: only `enabled` is documented. `mentor` and
 * `server` are applied on the client (and sent, which a DRF service ignores if unknown).
 *
 * @example
 * ```ts
 * const live = await client.mentorBindings.listAll({ enabled: true });
 * ```
 */
export interface MentorBindingListQuery {
    enabled?: boolean;
    mentor?: string;
    server?: number | string;
}
