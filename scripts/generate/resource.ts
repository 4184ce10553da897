import type { EntityDecl, FieldDecl } from "../../provider/entities";
import { docComment, docWithExample, header } from "./header";

/** Type names a generated resource file may use, and the module (relative to provider/resources/) of each. */
const PROVIDER_TYPES: Record<string, string> = {
    SkillFileType: "../../sdk",
    ClawType: "../../sdk",
    ModelsMode: "../../sdk",
    CatalogModel: "../../sdk",
    InstanceRef: "../ids",
    SkillRef: "../ids",
    BindingRef: "../ids",
    MentorUuid: "../ids",
};

const IDENT = /^[A-Za-z_$][\w$]*$/;
const prop = (k: string) => (IDENT.test(k) ? k : JSON.stringify(k));
const list = (xs: readonly string[]) => `[${xs.map((x) => JSON.stringify(x)).join(", ")}]`;
const lower = (s: string) => s[0].toLowerCase() + s.slice(1);

/** The engine's facts of one input (FieldFact), as source: only what is set. */
function fieldFact(f: FieldDecl): string {
    const parts = [`api: ${JSON.stringify(f.api)}`];
    if (f.api === "") parts.push(`local: ${f.type.zodRequest}`);
    if (f.type.kind) parts.push(`kind: ${JSON.stringify(f.type.kind)}`);
    if (f.writeOnly) parts.push("writeOnly: true");
    if (f.secret) parts.push("secret: true");
    if (f.replaceOnChange) parts.push("replaceOnChange: true");
    if (f.resetTo !== undefined) parts.push(`resetTo: ${JSON.stringify(f.resetTo)}`);
    if (f.default !== undefined) parts.push(`default: ${JSON.stringify(f.default)}`);
    if (f.routes) parts.push(`routes: ${JSON.stringify(f.routes)}`);
    return `{ ${parts.join(", ")} }`;
}

/** The doc sentence of an input, with what the engine does that a user must know. */
export function inputDoc(f: FieldDecl): string | undefined {
    const hidden = f.writeOnly && f.secret ? "Write-only on the service; secret here." : f.writeOnly ? "Write-only: diffed against the last inputs." : f.secret ? "Secret." : undefined;
    const notes = [f.doc, hidden, f.replaceOnChange ? "A change replaces." : undefined].filter((x): x is string => x !== undefined);
    return notes.length ? notes.join(" ") : undefined;
}

const withDoc = (doc: string | undefined, line: string) => (doc ? `${docComment([doc], "    ")}\n${line}` : line);

/**
 * The schema check validates with: the collection routes' create body, plus the fields only
 * the mentor routes take (check runs before the generation is known, with no request).
 */
function createSchema(decl: EntityDecl): string {
    const base = `${decl.sdkName ?? decl.type}Create`;
    const m = decl.mentorSchemas;
    const extra = Object.values(decl.fields).filter((f) => f.onlyOn === "mentor");
    if (!m || !extra.length) return base;
    return `${base}.extend({ ${extra.map((f) => `${prop(f.api)}: ${m.name}Create.shape.${f.api}`).join(", ")} })`;
}

/** The facts table: the data from the declaration, the behaviour by reference to it. */
function facts(decl: EntityDecl, varName: string): string {
    const b = decl.behaviour ?? {};
    const delivered = Object.values(decl.fields).filter((f) => f.delivered);
    const find = decl.find
        ? `    find: { ${[
              decl.find.naturalKey ? `naturalKey: ${list(decl.find.naturalKey)}` : undefined,
              `match: ${list(decl.find.match)}`,
              b.findQuery ? `query: ${decl.file}.behaviour?.findQuery` : undefined,
          ]
              .filter(Boolean)
              .join(", ")} },`
        : undefined;
    const behaviourKeys = (["checkInputs", "afterWrite", "notice", "createdOutputs", "deleteBeforeReplace", "afterDelete"] as const).filter((k) => b[k]);
    return [
        `/** The facts of \`${decl.collection}\` for the shared engine. */`,
        `export const ${varName}: ResourceFacts = {`,
        `    type: ${JSON.stringify(decl.type)},`,
        `    fields: {`,
        ...Object.entries(decl.fields).map(([k, f]) => `        ${prop(k)}: ${fieldFact(f)},`),
        `    },`,
        `    outputs: { ${Object.entries(decl.outputs)
            .map(([k, o]) => `${prop(k)}: ${JSON.stringify(o.api)}`)
            .join(", ")} },`,
        `    createSchema: ${createSchema(decl)},`,
        ...(decl.routed ? ["    routed: true,"] : []),
        ...(find ? [find] : []),
        ...(b.delivered ? [`    delivered: ${decl.file}.behaviour?.delivered,`] : []),
        ...(delivered.length && !b.delivered ? [`    delivered: (o) => ({ ${delivered.map((f) => `${prop(f.api)}: o${IDENT.test(f.api) ? `.${f.api}` : `[${JSON.stringify(f.api)}]`}`).join(", ")} }),`] : []),
        b.ops ? `    ops: ${decl.file}.behaviour!.ops!,` : `    ops: (client) => entityOps(client.${decl.sdk}),`,
        ...behaviourKeys.map((k) => `    ${k}: ${decl.file}.behaviour?.${k},`),
        `};`,
    ].join("\n");
}

/**
 * The provider's resource file of an entity (provider/resources/<file>.ts): its facts,
 * its `XArgs` and its class with every output.
 *
 * @example
 * ```ts
 * fs.writeFileSync("provider/resources/skill.ts", resourceFile(skill));
 * ```
 */
export function resourceFile(decl: EntityDecl): string {
    const t = decl.type;
    const varName = `${lower(t)}Facts`;
    const fields = Object.entries(decl.fields);
    const delivered = fields.some(([, f]) => f.delivered);
    const extra = [...(delivered || decl.behaviour?.delivered ? ["contentHash"] : []), ...(decl.routed ? ["apiRoutes"] : []), ...Object.keys(decl.engineOutputs ?? {})];
    const wholes = fields.filter(([, f]) => f.acceptsResource);
    const args = [
        docComment([`Inputs of {@link ${t}}.`]),
        `export interface ${t}Args extends IdentityArgs {`,
        ...fields.map(([k, f]) =>
            withDoc(inputDoc(f), `    ${prop(k)}${f.required ? "" : "?"}: pulumi.Input<${f.type.ts}>${f.acceptsResource ? ` | ${f.acceptsResource}` : ""};`),
        ),
        `}`,
    ].join("\n");
    const cls = [
        docWithExample(decl.doc, decl.examples.program),
        `export class ${t} extends ClawApiResource {`,
        `    /** ${decl.idDoc ?? `This ${t}'s id, typed so it only goes where a ${t} is meant.`} */`,
        `    declare readonly id: pulumi.Output<${decl.idType}>;`,
        ...fields.map(([k, f]) => `    declare readonly ${prop(k)}: pulumi.Output<${f.type.outputTs}${f.required ? "" : " | undefined"}>;`),
        ...Object.entries(decl.outputs).map(([k, o]) => withDoc(o.doc, `    declare readonly ${prop(k)}: pulumi.Output<${o.type.outputTs}>;`)),
        ...(decl.routed
            ? [
                  "    /** The route generation this object was made on (`mentor` or `collection`; absent: collection). */",
                  "    declare readonly apiRoutes: pulumi.Output<string | undefined>;",
              ]
            : []),
        ...Object.entries(decl.engineOutputs ?? {}).map(([k, o]) => withDoc(o.doc, `    declare readonly ${prop(k)}: pulumi.Output<${o.ts}>;`)),
        ...(delivered ? [`    /** SHA-256 of what a push delivers of this ${t}: a ${decl.pushedBy ?? "ConfigPush"} trigger. */`, `    declare readonly contentHash: pulumi.Output<string>;`] : []),
        "",
        `    constructor(name: string, args: ${t}Args, opts?: pulumi.CustomResourceOptions) {`,
        ...(wholes.length ? ["        // A resource given whole stands for its id (resource references do not reach a dynamic provider as such)."] : []),
        ...wholes.map(([k, f]) => `        const ${k} = args.${k} instanceof ${f.acceptsResource} ? args.${k}.id : args.${k};`),
        `        super(shapeOf(${varName}${extra.length ? `, { outputs: ${list(extra)} }` : ""}), name, ${wholes.length ? `{ ...args, ${wholes.map(([k]) => k).join(", ")} }` : "args"}, opts);`,
        `    }`,
        `}`,
    ].join("\n");
    const body = [facts(decl, varName), "", args, "", cls].join("\n");
    const used = (from: string) => Object.entries(PROVIDER_TYPES).filter(([n, f]) => f === from && new RegExp(`\\b${n}\\b`).test(body)).map(([n]) => n);
    const sdkNames = [`${decl.sdkName ?? t}Create`, ...(body.includes(`${decl.mentorSchemas?.name}Create.shape`) ? [`${decl.mentorSchemas!.name}Create`] : []), ...used("../../sdk").map((n) => `type ${n}`)];
    const idsNames = [...new Set([decl.idType, ...used("../ids")])].sort();
    const usesEntityOps = body.includes("entityOps(");
    const imports = [
        `import type * as pulumi from "@pulumi/pulumi";`,
        ...(/\bz\./.test(body) ? [`import { z } from "zod";`] : []),
        `import { ${sdkNames.join(", ")} } from "../../sdk";`,
        usesEntityOps ? `import { type ResourceFacts, entityOps } from "../engine/facts";` : `import type { ResourceFacts } from "../engine/facts";`,
        `import { ClawApiResource, type IdentityArgs, shapeOf } from "../engine/resource";`,
        ...(decl.behaviour ? [`import { ${decl.file} } from "../entities/${decl.file}";`] : []),
        ...[...new Set(wholes.map(([, f]) => f.acceptsResource!))].map((c) => `import { ${c} } from "./${lower(c)}";`),
        `import type { ${idsNames.join(", ")} } from "../ids";`,
    ];
    return `${header(decl)}\n${imports.join("\n")}\n\n${body}\n`;
}
