import type { EntityDecl, FieldDecl } from "../../provider/entities";
import { docWithExample, header, importsFor } from "./header";

/** Names a generated sdk schema may use, and the module (relative to sdk/schemas/) that exports each. */
const SDK_NAMES: Record<string, string> = {
    ObjectRef: "./common",
    IntegerId: "./common",
    MentorId: "./common",
    anyId: "./common",
    roString: "./common",
    httpUrl: "./common",
    SKILL_FILE_TYPES: "./skillFiles",
    fileData: "./skillFiles",
    fileRules: "./skillFiles",
    AgentConfigFields: "./agentConfig.generated",
    AgentConfigPatch: "./agentConfigPatch",
    CatalogModel: "./catalogModel",
};

const show = (v: unknown) => JSON.stringify(v);
const list = (xs: readonly string[]) => `[${xs.map(show).join(", ")}]`;
/** `ModelProvider` → `MODEL_PROVIDER`. */
export const upper = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();

function requestLine(name: string, f: FieldDecl): string {
    const comment = f.why ? `    // ${f.why}\n` : "";
    return `${comment}    ${name}: ${f.type.zodRequest}${f.required ? "" : ".optional()"},`;
}

function responseLine(api: string, zod: string): string {
    return `    ${api}: ${zod},`;
}

/**
 * The request objects: `fields` (the collection routes') and, where the mentor routes have
 * their own, `mentorFields`; the fields both take are written once, in `shared`.
 */
function requestObjects(decl: EntityDecl, fields: readonly FieldDecl[]): string[] {
    const object = (name: string, fs: readonly FieldDecl[]) => [`const ${name} = z.strictObject({`, ...fs.map((f) => requestLine(f.api, f)), `});`];
    if (!decl.mentorSchemas) return object("fields", fields);
    // In the declaration's order (the native provider's schema lists required inputs so):
    // the shared fields spread in where the first of them stands.
    const generation = (name: string, g: string) => {
        if (!fields.some((f) => f.onlyOn === g)) return [`const ${name} = shared;`];
        const firstShared = fields.findIndex((f) => f.onlyOn === undefined);
        const lines = fields.flatMap((f, i) => (f.onlyOn === g ? [requestLine(f.api, f)] : i === firstShared ? ["    ...shared.shape,"] : []));
        return [`const ${name} = z.strictObject({`, ...lines, `});`];
    };
    return [...object("shared", fields.filter((f) => f.onlyOn === undefined)), ...generation("fields", "collection"), ...generation("mentorFields", "mentor")];
}

/** The request schemas of the mentor routes, where the entity has its own there. */
function mentorSchemas(decl: EntityDecl, fields: readonly FieldDecl[]): string[] {
    const m = decl.mentorSchemas;
    if (!m) return [];
    return [
        ...(m.single
            ? [
                  docWithExample(`Body of \`PATCH ${m.route}\` (the current guide's routes): ${m.doc}`, `${m.name}.parse(${show(m.example)});`),
                  `export const ${m.name} = mentorFields;`,
                  `export type ${m.name} = z.input<typeof ${m.name}>;`,
                  "",
              ]
            : mentorPair(m)),
    ];
}

/** `<name>Create` and `<name>Update` of the mentor routes. */
function mentorPair(m: NonNullable<EntityDecl["mentorSchemas"]>): string[] {
    return [
        docWithExample(`Body of \`POST ${m.route}\` (the current guide's routes): ${m.doc}`, `${m.name}Create.parse(${show(m.example)});`),
        `export const ${m.name}Create = mentorFields;`,
        `export type ${m.name}Create = z.input<typeof ${m.name}Create>;`,
        "",
        docWithExample(`Body of \`PATCH ${m.route}\`.`, `${m.name}Update.parse({ enabled: false });`),
        `export const ${m.name}Update = mentorFields.partial();`,
        `export type ${m.name}Update = z.input<typeof ${m.name}Update>;`,
        "",
    ];
}

/**
 * The sdk's request and response zod schemas of an entity (sdk/schemas/<file>.generated.ts).
 *
 * @example
 * ```ts
 * fs.writeFileSync("sdk/schemas/skill.generated.ts", sdkSchemas(skill));
 * ```
 */
export function sdkSchemas(decl: EntityDecl): string {
    const t = decl.sdkName ?? decl.type;
    // Inputs with no API name are the engine's own: never sent, never returned.
    const fields = Object.values(decl.fields).filter((f) => f.api !== "");
    const writeOnly = fields.filter((f) => f.writeOnly).map((f) => f.api);
    const defines = fields.flatMap((f) => (f.type.defines ? [f.type.defines] : []));
    const idOut = Object.values(decl.outputs).find((o) => o.api === "id");
    const otherOuts = Object.values(decl.outputs).filter((o) => o.api !== "id" && !o.byOps);
    const rules = decl.requestRules?.name;
    const body = [
        ...defines.flatMap((d) => [
            docWithExample(d.doc, `const v: ${d.tsType} = ${show(d.names[0])};`),
            `export const ${d.values} = ${list(d.names)} as const;`,
            `export type ${d.tsType} = (typeof ${d.values})[number];`,
            "",
        ]),
        ...(writeOnly.length
            ? [
                  docWithExample("Fields the service accepts but never returns; scrubbed from errors.", `${upper(t)}_WRITE_ONLY.includes(${show(writeOnly[0])}); // true`),
                  `export const ${upper(t)}_WRITE_ONLY = ${list(writeOnly)} as const;`,
                  "",
              ]
            : []),
        ...requestObjects(decl, fields),
        "",
        docWithExample(`Body of \`POST ${decl.collection}\`: a new ${t} (see the ${decl.type} resource for what it is).`, `${t}Create.parse(${show(decl.examples.create)});`),
        `export const ${t}Create = ${rules ? `fields.superRefine(${rules}(true))` : "fields"};`,
        `export type ${t}Create = z.input<typeof ${t}Create>;`,
        "",
        docWithExample(`Body of \`PATCH ${decl.collection}{id}/\`.`, `${t}Update.parse(${show(decl.examples.update)});`),
        `export const ${t}Update = fields.partial()${rules ? `.superRefine(${rules}(false))` : ""};`,
        `export type ${t}Update = z.input<typeof ${t}Update>;`,
        "",
        ...mentorSchemas(decl, fields),
        docWithExample(`${t} as the service returns it.`, `const o: ${t} = await client.${decl.sdk}.get(9);`),
        `export const ${t} = z.looseObject({`,
        // Every object has an id, whether or not the resource outputs it under its own name.
        responseLine("id", idOut?.type.zodResponse ?? "anyId"),
        ...fields.filter((f) => !f.writeOnly).map((f) => responseLine(f.api, f.response ?? (f.required ? f.type.zodResponse : `${f.type.zodResponse}.nullish()`))),
        ...otherOuts.map((o) => {
            const base = o.type.zodResponse === "z.string()" ? "roString" : `${o.type.zodResponse}.nullish()`;
            return `${o.doc ? `    /** ${o.doc} */\n` : ""}${responseLine(o.api, base)}`;
        }),
        ...Object.entries(decl.responseOnly ?? {}).map(([api, zod]) => responseLine(api, zod)),
        `});`,
        `export type ${t} = z.output<typeof ${t}>;`,
    ].join("\n");
    const imports = ['import { z } from "zod";', ...importsFor(body, SDK_NAMES)];
    return `${header(decl)}\n${imports.join("\n")}\n\n${body}\n`;
}
