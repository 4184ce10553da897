/**
 * Generating a Pulumi program from an existing org (`iblai-claw generate`, docs/adoption.md).
 *
 * @example
 * ```ts
 * import { generateProgram, readOrg } from "pulumi-iblai-claw/generate";
 * const { files, report } = generateProgram(await readOrg(client, { mentors: [uuid] }));
 * ```
 */
import "../sdk/nodeVersion";
export { type OrgFilter, type OrgSnapshot, readOrg, selectOrg } from "./org";
export { type Declared, type GenerateReport, type GeneratedProgram, type ProgramOptions, type SecretConfig, generateProgram, tsString } from "./program";
export { NameBook, identifier, mentorName, slug } from "./names";
