import * as fs from "node:fs";
import * as path from "node:path";
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { settings } from "./settings";
import { TOKENS, describe } from "./tokens";
import { scalar } from "./values";

/** Default limit: 256 KiB, well above any script or reference a skill should need. */
export const DEFAULT_MAX_SKILL_RESOURCE_BYTES = 256 * 1024;

/**
 * Where a relative `source` path is resolved. A policy pack runs in its own folder, not the
 * program's; `policy/analyzer` (the launcher for this engine, see docs/policy.md) passes the
 * program's folder in this variable. Without it, relative sources are not measured here (the
 * provider's check still reads and hashes them).
 */
export const PROGRAM_DIR_ENV = "IBLAI_CLAW_PROGRAM_DIR";

/**
 * The size in bytes of a SkillResource's payload: its `content` text (UTF-8), or the file
 * named by `source` for an asset; undefined when it cannot be measured here.
 *
 * @example
 * ```ts
 * payloadBytes({ content: "héllo" }); // 6
 * ```
 */
export function payloadBytes(props: { content?: unknown; source?: unknown }, programDir = process.env[PROGRAM_DIR_ENV]): number | undefined {
    if (typeof props.content === "string") return Buffer.byteLength(props.content, "utf8");
    if (typeof props.source !== "string" || props.source === "") return undefined;
    const file = path.isAbsolute(props.source) ? props.source : programDir ? path.resolve(programDir, props.source) : undefined;
    if (!file) return undefined;
    try {
        return fs.statSync(file).size;
    } catch {
        return undefined; // unreadable: the provider's check names it
    }
}

/**
 * Advisory by default: a SkillResource (script, reference or asset) stays under `maxBytes`.
 * Every config push carries the skill's files to the server; a large one slows every push and
 * can hide a payload nobody reviews. Raise the level to mandatory to enforce it.
 *
 * @example
 * ```yaml
 * claw-skill-resource-size: { enforcementLevel: mandatory, maxBytes: 65536 }
 * ```
 */
export const skillResourceSize: ResourceValidationPolicy = {
    name: "claw-skill-resource-size",
    description: "A SkillResource's content (or asset file) must stay under maxBytes.",
    enforcementLevel: "advisory",
    severity: "low",
    configSchema: {
        properties: {
            maxBytes: { type: "integer", minimum: 1, default: DEFAULT_MAX_SKILL_RESOURCE_BYTES, description: "Largest payload allowed, in bytes." },
        },
    },
    validateResource: (args, report) => {
        if (args.type !== TOKENS.SkillResource) return;
        const { maxBytes } = settings(args, { maxBytes: DEFAULT_MAX_SKILL_RESOURCE_BYTES });
        const content = scalar(args.props, "content");
        const source = scalar(args.props, "source");
        if (content.unknown) throw content.unknown;
        if (source.unknown && content.value === undefined) throw source.unknown;
        const bytes = payloadBytes({ content: content.value, source: source.value });
        if (bytes !== undefined && bytes > maxBytes) {
            const what = typeof content.value === "string" ? "content" : "source file";
            report(`${describe(args.type, args.name)}: ${what} is ${bytes} bytes, over the limit of ${maxBytes}`);
        }
    },
};
