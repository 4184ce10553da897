/**
 * The iblai-claw policy pack: stops dangerous claw configuration at preview, before anything
 * is sent (issue 6). Each policy, its default level and its config: docs/policy.md.
 *
 * @example
 * ```sh
 * pulumi preview --policy-pack policy/analyzer                      # this repo's engine
 * pulumi preview --policy-pack policy --policy-pack-config cfg.json # engines that run packs themselves
 * ```
 */
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("iblai-claw", { policies, description: "Stops dangerous ibl.ai claw configuration at preview, before anything is sent." });
