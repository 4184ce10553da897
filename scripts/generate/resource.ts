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
const lower = (s: string) => s[0].toLowerCase() + s.slice(1);

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

/**
 * The facts: read from the declaration at load by the shared factsOf (provider/engine/
 * entityResource.ts); what the declaration holds only as zod source (the create schema,
 * the schema of an input the service never sees) is written out here.
 */
function facts(decl: EntityDecl, varName: string): string {
    const locals = Object.entries(decl.fields).filter(([, f]) => f.api === "");
    const local = locals.length ? `, { ${locals.map(([k, f]) => `${prop(k)}: ${f.type.zodRequest}`).join(", ")} }` : "";
    return [`/** The facts of \`${decl.collection}\` for the shared engine. */`, `export const ${varName}: ResourceFacts = factsOf(${decl.file}, ${createSchema(decl)}${local});`].join("\n");
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
        `export class ${t} extends entityResource<${t}Args>(${varName}${wholes.length ? `, { ${wholes.map(([k, f]) => `${prop(k)}: ${f.acceptsResource}`).join(", ")} }` : ""}) {`,
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
        `}`,
    ].join("\n");
    const body = [facts(decl, varName), "", args, "", cls].join("\n");
    const used = (from: string) => Object.entries(PROVIDER_TYPES).filter(([n, f]) => f === from && new RegExp(`\\b${n}\\b`).test(body)).map(([n]) => n);
    const sdkNames = [`${decl.sdkName ?? t}Create`, ...(body.includes(`${decl.mentorSchemas?.name}Create.shape`) ? [`${decl.mentorSchemas!.name}Create`] : []), ...used("../../sdk").map((n) => `type ${n}`)];
    const idsNames = [...new Set([decl.idType, ...used("../ids")])].sort();
    const imports = [
        `import type * as pulumi from "@pulumi/pulumi";`,
        ...(/\bz\./.test(body) ? [`import { z } from "zod";`] : []),
        `import { ${sdkNames.join(", ")} } from "../../sdk";`,
        `import { entityResource, factsOf } from "../engine/entityResource";`,
        `import type { ResourceFacts } from "../engine/facts";`,
        `import type { IdentityArgs } from "../engine/resource";`,
        `import { ${decl.file} } from "../entities/${decl.file}";`,
        ...[...new Set(wholes.map(([, f]) => f.acceptsResource!))].map((c) => `import { ${c} } from "./${lower(c)}";`),
        `import type { ${idsNames.join(", ")} } from "../ids";`,
    ];
    return `${header(decl)}\n${imports.join("\n")}\n\n${body}\n`;
}
