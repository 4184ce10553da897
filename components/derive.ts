/**
 * The pure logic of the components: child names, aliases for resources that moved into a
 * component, and the push triggers derived from what a push delivers. No Pulumi resources
 * are made here, so all of it is unit-tested (derive.test.ts).
 */
import { createPublicKey } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { contentHash } from "../provider";
import { SKILL_FOLDERS } from "../sdk";
import { ComponentInputError } from "./errors";

/**
 * The name of a component's child: the component's name, then the child's parts, joined by
 * `-`. Pulumi URNs hold the parent's type but not its name, so two components of one type
 * need children with different names: this makes them so.
 *
 * @example
 * ```ts
 * childName("ada", "binding");            // "ada-binding"
 * childName("academy", "citations", "references/apa.md"); // "academy-citations-references/apa.md"
 * ```
 */
export function childName(component: string, ...parts: string[]): string {
    for (const p of [component, ...parts]) {
        // "::" separates the parts of a URN; an empty part would make two children collide.
        if (p === "" || p.includes("::")) throw new ComponentInputError(component, "name", `cannot derive a child name from ${JSON.stringify(p)}`);
    }
    return [component, ...parts].join("-");
}

/** Where a child used to live before it moved into a component. */
export type MovedFrom = string | pulumi.Alias;

/**
 * The `aliases` option of a child that used to be a hand-wired resource. A string is the
 * old name of a resource at the top of the stack (no parent); an `Alias` is used as given.
 * With it, moving from hand-wired resources to a component keeps each object: no
 * replacement, no second create.
 *
 * @example
 * ```ts
 * aliasesOf("mentor-binding"); // [{ name: "mentor-binding", parent: pulumi.rootStackResource }]
 * aliasesOf(undefined);        // undefined
 * ```
 */
export function aliasesOf(old: MovedFrom | undefined): pulumi.Input<pulumi.Alias>[] | undefined {
    if (old === undefined) return undefined;
    // `parent: rootStackResource` says "it had no parent"; leaving parent out would mean
    // "the same parent as now", i.e. the component.
    return [typeof old === "string" ? { name: old, parent: pulumi.rootStackResource } : old];
}

/** A skill as a config push delivers it to one mentor. */
export interface DeliveredSkill<H> {
    /** A stable key: the skill's slug (or the name given to an existing skill). */
    key: string;
    /** Hash of the skill and its files; absent for an existing skill known by id only. */
    content?: H;
    /** The skill's id, for an existing skill without a content hash. */
    id?: H;
    /** Hash of the mentor's assignment of the skill. */
    assignment: H;
}

/**
 * The triggers of a mentor's ConfigPush: everything the push delivers, keyed so that the
 * order in which skills are listed does not matter (the push hashes canonical JSON, whose
 * object keys are sorted). Adding a skill, editing a file or changing the model changes
 * exactly one part; nothing else is in it. Works on plain values and on Outputs alike
 * (Pulumi resolves Outputs nested in inputs).
 *
 * @example
 * ```ts
 * configPushTriggers("ada", agentConfig.contentHash, [
 *     { key: "weather", content: weather.contentHash, assignment: adaWeather.contentHash },
 * ]);
 * // { agentConfig: <hash>, skills: { weather: { content: <hash>, assignment: <hash> } } }
 * ```
 */
export function configPushTriggers<H>(component: string, agentConfig: H, skills: readonly DeliveredSkill<H>[]): { agentConfig: H; skills: Record<string, { content?: H; id?: H; assignment: H }> } {
    const out: Record<string, { content?: H; id?: H; assignment: H }> = {};
    for (const s of skills) {
        if (s.key in out) throw new ComponentInputError(component, "skills", `skill ${JSON.stringify(s.key)} is listed twice; a mentor holds a skill once`);
        out[s.key] = s.content === undefined ? { id: s.id, assignment: s.assignment } : { content: s.content, assignment: s.assignment };
    }
    return { agentConfig, skills: out };
}

/**
 * The triggers of a server's ProviderPush: each model provider's content hash by name.
 *
 * @example
 * ```ts
 * providerPushTriggers("prod", { openrouter: openrouter.contentHash }); // { providers: { openrouter: <hash> } }
 * ```
 */
export function providerPushTriggers<H>(component: string, providers: Record<string, H>): { providers: Record<string, H> } {
    if (Object.keys(providers).length === 0) throw new ComponentInputError(component, "modelProviders", "a provider push needs at least one model provider");
    return { providers: { ...providers } };
}

/**
 * The content hash of a skill as a push delivers it: the skill's own content hash and each
 * of its files' hashes by path. Editing any file changes it; the order of the files does not.
 *
 * @example
 * ```ts
 * skillContentHash("ab12…", { "scripts/a.sh": "cd34…" }); // a SHA-256 hex string
 * ```
 */
export function skillContentHash(skill: string, files: Record<string, string>): string {
    return contentHash({ skill, files });
}

/** The folder each skill file type lives in (the sdk's table, one for every user of it). */
export { SKILL_FOLDERS };
export type SkillFileKind = keyof typeof SKILL_FOLDERS;

/**
 * The path of a skill file inside its skill's folder, the key by which a ClawSkill names
 * and hashes its files.
 *
 * @example
 * ```ts
 * skillFilePath("script", "wttr.sh"); // "scripts/wttr.sh"
 * ```
 */
export function skillFilePath(kind: SkillFileKind, filename: string): string {
    return `${SKILL_FOLDERS[kind]}/${filename}`;
}

/**
 * The public half (SPKI PEM) of a device's private key (PKCS8 PEM), for a ClawServer given
 * its key rather than generating one: the server approves the device by it.
 *
 * @example
 * ```ts
 * publicKeyPemOf(privateKeyPem); // "-----BEGIN PUBLIC KEY-----\n..."
 * ```
 */
export function publicKeyPemOf(privateKeyPem: string): string {
    return createPublicKey(privateKeyPem).export({ type: "spki", format: "pem" }).toString();
}
