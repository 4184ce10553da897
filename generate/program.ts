/**
 * From an org snapshot to a Pulumi program (pure): `index.ts` declaring every object with
 * `adoptId`, references as resource references, write-only values as required secret stack
 * config, and a report of what was made and what could not be.
 */
import { type AgentConfig, type Instance, type MentorBinding, type ModelProvider, SKILL_FOLDERS, type Skill, type SkillAssignment, type SkillFileType, type SkillResource } from "../sdk";
import { PROGRAM_NODEARGS, programTsconfigText } from "./layout";
import { NameBook, identifier, mentorName, slug } from "./names";
import { type OrgSnapshot, sameId } from "./org";

/** One declared resource. */
export interface Declared {
    type: string;
    name: string;
    /** The service's id; empty for pushes (nothing to adopt on the service). */
    id: string;
}

/** A stack config value the program needs because the API never returns it. */
export interface SecretConfig {
    key: string;
    required: boolean;
    /** What it is and how to set it. */
    help: string;
}

/** What `generate` made, and what it could not. */
export interface GenerateReport {
    declared: Declared[];
    secrets: SecretConfig[];
    /** Objects or values left out or needing a hand: one line each. */
    notGenerated: string[];
}

/** The generated project's files (text, or bytes for assets), by relative path. */
export interface GeneratedProgram {
    files: Record<string, string | Buffer>;
    report: GenerateReport;
}

/** Options of {@link generateProgram}. */
export interface ProgramOptions {
    /** The Pulumi project's name. Default `claw-<org>`. */
    project?: string;
    /** How the program's package.json names this package. Default `file:pulumi-iblai-claw.tgz`. */
    packageSource?: string;
    /** When the snapshot was taken, for the header. Default now. */
    generatedAt?: string;
}

/** A slug a ClawSkill can take as its name part (URN parts cannot hold "::"). */
const isComponentSlug = (s: string): boolean => s !== "" && !s.includes("::");

/** A TypeScript string literal; a template literal when the text has several lines. */
export function tsString(s: string): string {
    if (!s.includes("\n")) return JSON.stringify(s);
    return "`" + s.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${").replace(/\r/g, "\\r") + "`";
}

function tsValue(v: unknown, indent: string): string {
    if (typeof v === "string") return tsString(v);
    return JSON.stringify(v, null, 4).split("\n").join(`\n${indent}`);
}

const idLiteral = (id: unknown): string => (typeof id === "number" || /^\d+$/.test(String(id)) ? String(Number(id)) : JSON.stringify(String(id)));
const nonEmpty = (v: unknown): boolean => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0) && !(typeof v === "object" && !Array.isArray(v) && Object.keys(v as object).length === 0);

/** A `new claw.<Type>(...)` statement. `props` values are code, already rendered. */
function declaration(varName: string, type: string, name: string, props: Array<[string, string]>, opts?: string): string {
    const body = props.map(([k, v]) => `    ${k}: ${v},`).join("\n");
    return `const ${varName} = new claw.${type}(${JSON.stringify(name)}, {\n${body}\n}${opts ? `, ${opts}` : ""});`;
}

/** Rendered props for the API fields of an object that are set (readable fields only). */
function fieldProps(obj: Record<string, unknown>, map: Array<[input: string, api: string]>, keepEmpty: string[] = []): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    for (const [input, api] of map) {
        const v = obj[api];
        if (typeof v === "boolean" || nonEmpty(v) || (keepEmpty.includes(api) && v !== undefined && v !== null)) out.push([input, tsValue(v, "    ")]);
    }
    return out;
}

/**
 * Builds the program for a snapshot.
 *
 * @example
 * ```ts
 * const { files, report } = generateProgram(await readOrg(client));
 * for (const [p, text] of Object.entries(files)) fs.writeFileSync(path.join(out, p), text);
 * ```
 */
export function generateProgram(snap: OrgSnapshot, options: ProgramOptions = {}): GeneratedProgram {
    const project = options.project ?? `claw-${slug(snap.org) || "org"}`;
    const report: GenerateReport = { declared: [], secrets: [], notGenerated: [] };
    const files: Record<string, string | Buffer> = {};
    const blocks: string[] = [];
    const names = { instance: new NameBook(), provider: new NameBook(), binding: new NameBook(), config: new NameBook(), skill: new NameBook(), resource: new NameBook(), assignment: new NameBook(), push: new NameBook() };
    const declare = (type: string, name: string, id: unknown) => report.declared.push({ type, name, id: id === undefined ? "" : String(id) });

    // Mentors: readable names from their IDENTITY.md, stable across runs.
    const configOf = (mentor: unknown): AgentConfig | undefined => snap.agentConfigs.find((c) => String(c.mentor).toLowerCase() === String(mentor).toLowerCase());
    const mentorNames = new Map<string, string>();
    const mentorBook = new NameBook();
    const mentorKey = (m: unknown) => String(m).toLowerCase();
    for (const m of [...snap.agentConfigs.map((c) => c.mentor), ...snap.bindings.map((b) => b.mentor), ...snap.assignments.map((a) => a.mentor)]) {
        if (!mentorNames.has(mentorKey(m))) mentorNames.set(mentorKey(m), mentorBook.take(mentorName(String(m), configOf(m)?.identity), String(m).slice(0, 8)));
    }
    const mentorOf = (m: unknown) => mentorNames.get(mentorKey(m)) as string;
    const plainSkills = new Set<string>();
    const pushNotice = (mname: string, b: MentorBinding & Record<string, unknown>) => {
        if (!/^success/i.test(String(b.last_config_push_status ?? ""))) {
            report.notGenerated.push(`config push of mentor ${mname} on binding ${b.id}: its last push did not succeed (${String(b.last_config_push_status ?? "never pushed")}); the first up pushes`);
        }
    };
    const mentorConst = (m: unknown) => identifier(mentorOf(m), "mentor");

    // --- instances and their model providers ------------------------------------------
    const instanceVar = new Map<string, string>();
    const instanceBlocks: string[] = [];
    for (const inst of snap.instances as Array<Instance & Record<string, unknown>>) {
        const name = names.instance.take(slug(inst.name), String(inst.id));
        const v = identifier(name, "instance");
        instanceVar.set(String(inst.id), v);
        const key = (what: string) => identifier(name, what);
        const token = key("gatewayToken");
        const params = key("connectionParams");
        const headers = key("authHeaders");
        report.secrets.push(
            { key: token, required: true, help: `the gateway token of instance "${inst.name}" (id ${inst.id}); write-only on the service: pulumi config set --secret ${token} <token>` },
            {
                key: params,
                required: false,
                help: `its connection params, e.g. the device key: pulumi config set --secret --path '${params}.device_identity.private_key_pem' "$(cat device-key.pem)"; unset = the service keeps what it has`,
            },
            { key: headers, required: false, help: `its proxy auth headers: pulumi config set --secret --path '${headers}.X-Proxy-Auth' <value>; unset = the service keeps what it has` },
        );
        const props: Array<[string, string]> = [["adoptId", idLiteral(inst.id)], ...fieldProps(inst, [["name", "name"], ["clawType", "claw_type"], ["serverUrl", "server_url"]])];
        if (inst.deployment_backend !== undefined && inst.deployment_backend !== null) {
            props.push(["deploymentBackend", String(inst.deployment_backend)]);
            report.notGenerated.push(`deployment backend ${inst.deployment_backend} of instance "${inst.name}": no resource for deployment backends; kept as its id`);
        }
        props.push(
            ["// Write-only on the service (never returned)", ""],
            ["gatewayToken", `config.requireSecret(${JSON.stringify(token)})`],
            ["connectionParams", `config.getSecretObject<Record<string, unknown>>(${JSON.stringify(params)})`],
            ["authHeaders", `config.getSecretObject<Record<string, string>>(${JSON.stringify(headers)})`],
        );
        instanceBlocks.push(`// Instance "${inst.name}" (id ${inst.id}).\n${declaration(v, "ClawInstance", name, props)}`);
        declare("ClawInstance", name, inst.id);

        const providers = snap.modelProviders.filter((p) => sameId(p.server, inst.id)) as Array<ModelProvider & Record<string, unknown>>;
        const providerVars: string[] = [];
        for (const p of providers) {
            const pname = names.provider.take(`${name}-${slug(p.name)}`, String(p.id));
            const pv = identifier(pname, "provider");
            providerVars.push(pv);
            instanceBlocks.push(
                declaration(pv, "ModelProvider", pname, [
                    ["adoptId", idLiteral(p.id)],
                    ["server", `${v}.id`],
                    ...fieldProps(p, [["name", "name"], ["baseUrl", "base_url"], ["apiType", "api_type"], ["credentialName", "credential_name"], ["credentialKey", "credential_key"], ["modelCatalog", "model_catalog"], ["enabled", "enabled"], ["modelsMode", "models_mode"]]),
                ]),
            );
            declare("ModelProvider", pname, p.id);
        }
        if (providerVars.length) {
            const pushName = names.push.take(`${name}-providers`, String(inst.id));
            instanceBlocks.push(
                declaration(identifier(pushName, "push"), "ProviderPush", pushName, [
                    ["server", `${v}.id`],
                    ["triggers", `[${providerVars.map((x) => `${x}.contentHash`).join(", ")}]`],
                    ["// Takes over the last push when it succeeded: the first up sends nothing", ""],
                    ["adopt", "true"],
                ]),
            );
            declare("ProviderPush", pushName, undefined);
            const states = providers.filter((p) => p.enabled !== false).map((p) => String(p.last_provider_push_status ?? ""));
            if (!states.every((s) => /^success/i.test(s))) {
                report.notGenerated.push(`provider push of instance "${inst.name}": its last push did not succeed (${states.join(", ") || "never pushed"}); the first up pushes`);
            }
        }
    }
    blocks.push(...instanceBlocks);

    // --- skills and their files: a ClawSkill each (one hash over the skill and its files) ---
    const skillVar = new Map<string, string>();
    for (const s of snap.skills as Array<Skill & Record<string, unknown>>) {
        const name = names.skill.take(slug(String(s.slug)) || slug(String(s.name)), String(s.id));
        const v = identifier(name, "skill");
        const resources = snap.skillResources.filter((x) => sameId(x.skill, s.id)) as Array<SkillResource & Record<string, unknown>>;
        const paths = resources.map((r) => `${String(r.file_type)}/${String(r.filename)}`);
        // A ClawSkill names its files by path; a skill holding one path twice stays plain.
        const component = isComponentSlug(String(s.slug)) && new Set(paths).size === paths.length;
        const skillProps: Array<[string, string]> = [
            ["adoptId", idLiteral(s.id)],
            ...fieldProps(s, [["name", "name"], ["slug", "slug"], ["description", "description"], ["version", "version"], ["instruction", "instruction"], ["metadata", "metadata"], ["enabled", "enabled"]]),
        ];
        const fileProps = (r: SkillResource & Record<string, unknown>): Array<[string, string]> => {
            const props: Array<[string, string]> = [["adoptId", idLiteral(r.id)], ...fieldProps(r, [["fileType", "file_type"], ["filename", "filename"]])];
            if (r.file_type === "asset") {
                const local = `assets/${name}/${String(r.filename).replace(/[/\\]/g, "_")}`;
                const bytes = snap.assets.get(String(r.id));
                if (bytes) files[local] = bytes;
                else report.notGenerated.push(`asset "${r.filename}" of skill "${s.slug}" (id ${r.id}): ${snap.assetErrors.get(String(r.id)) ?? "not downloaded"}; put the file at ${local}`);
                props.push(["source", JSON.stringify(local)]);
            } else {
                props.push(...fieldProps(r, [["content", "content"]], ["content"]));
            }
            return props;
        };
        const lines = [`// Skill "${s.slug}" (id ${s.id}).`];
        if (component) {
            skillVar.set(String(s.id), v);
            // Values go in verbatim: re-indenting would change a multi-line text (a template literal).
            const list = resources.map((r) => `        { ${fileProps(r).map(([k, val]) => `${k}: ${val}`).join(", ")} },`);
            lines.push(declaration(v, "ClawSkill", name, [...skillProps, ...(list.length ? ([["resources", `[\n${list.join("\n")}\n    ]`]] as Array<[string, string]>) : [])]));
            declare("ClawSkill", name, undefined);
            declare("Skill", `${name}-skill`, s.id);
            resources.forEach((r, i) => declare("SkillResource", `${name}-${SKILL_FOLDERS[r.file_type as SkillFileType] ?? "files"}/${String(r.filename)}`, resources[i]?.id));
        } else {
            const plain = identifier(name, "plainSkill");
            lines.push(declaration(plain, "Skill", name, skillProps));
            declare("Skill", name, s.id);
            for (const r of resources) {
                const rname = names.resource.take(`${name}-${slug(String(r.filename))}`, String(r.id));
                lines.push(declaration(identifier(rname, "file"), "SkillResource", rname, [["skill", `${plain}.id`], ...fileProps(r)]));
                declare("SkillResource", rname, r.id);
            }
            report.notGenerated.push(`skill "${s.slug}" (id ${s.id}) holds two files of one path (or a slug a component cannot name): declared as plain Skill and SkillResources, and its assignments too`);
            plainSkills.add(String(s.id));
            skillVar.set(String(s.id), plain);
        }
        blocks.push(lines.join("\n"));
    }

    // --- mentors: a ClawAgent where one fits (exactly one binding, every skill a ClawSkill);
    // else plain bindings, agent config, assignments and pushes ------------------------------
    const cfgFields: Array<[string, string]> = [["identity", "identity"], ["soul", "soul"], ["userContext", "user_context"], ["tools", "tools"], ["agents", "agents"], ["bootstrap", "bootstrap"], ["heartbeat", "heartbeat"], ["memory", "memory"], ["model", "model"], ["config", "config"]];
    for (const m of mentorNames.keys()) {
        const mname = mentorOf(m);
        const cfg = configOf(m) as (AgentConfig & Record<string, unknown>) | undefined;
        const uuid = String((cfg ?? snap.bindings.find((b) => mentorKey(b.mentor) === m) ?? snap.assignments.find((a) => mentorKey(a.mentor) === m))?.mentor);
        const lines = [`// Mentor ${mname} (${uuid}).`, `const ${mentorConst(m)} = ${JSON.stringify(uuid)};`];
        const bindings = snap.bindings.filter((b) => mentorKey(b.mentor) === m) as Array<MentorBinding & Record<string, unknown>>;
        const held = snap.assignments.filter((x) => mentorKey(x.mentor) === m) as Array<SkillAssignment & Record<string, unknown>>;
        const skillSlug = (id: unknown) => String(snap.skills.find((s) => sameId(s.id, id))?.slug ?? id);
        const one = bindings.length === 1 ? bindings[0] : undefined;
        // A ClawAgent always has an agent config: it fits a bound mentor whose config exists.
        const fits = one !== undefined && cfg !== undefined && instanceVar.has(String(one.server)) && held.every((a) => skillVar.has(String(a.skill)) && !plainSkills.has(String(a.skill)));
        if (one && fits) {
            const aname = names.binding.take(mname, String(one.id));
            const adopt = [
                `binding: ${idLiteral(one.id)}`,
                `agentConfig: ${idLiteral(cfg.id)}`,
                ...(held.length ? [`assignments: { ${held.map((a) => `${JSON.stringify(skillSlug(a.skill))}: ${idLiteral(a.id)}`).join(", ")} }`] : []),
                "push: true",
            ];
            lines.push(
                declaration(identifier(aname, "agent"), "ClawAgent", aname, [
                    ["mentor", mentorConst(m)],
                    ["server", `${instanceVar.get(String(one.server))}.id`],
                    ...fieldProps(one, [["enabled", "enabled"], ["autoPush", "auto_push"]]),
                    ...fieldProps(cfg, cfgFields),
                    ...(held.length ? ([["skills", `[${held.map((a) => skillVar.get(String(a.skill))).join(", ")}]`]] as Array<[string, string]>) : []),
                    ["// Takes these over at the first up (the push too, when its last one succeeded)", ""],
                    ["adopt", `{ ${adopt.join(", ")} }`],
                ]),
            );
            declare("ClawAgent", aname, undefined);
            declare("MentorBinding", `${aname}-binding`, one.id);
            declare("AgentConfig", `${aname}-config`, cfg.id);
            for (const a of held) declare("SkillAssignment", `${aname}-${skillSlug(a.skill)}-assignment`, a.id);
            declare("ConfigPush", `${aname}-push`, undefined);
            pushNotice(mname, one);
            blocks.push(lines.join("\n"));
            continue;
        }
        const bindingVars: string[] = [];
        const bindingNames: string[] = [];
        for (const b of bindings) {
            const inst = instanceVar.get(String(b.server));
            const instName = snap.instances.find((i) => sameId(i.id, b.server))?.name ?? String(b.server);
            const bname = names.binding.take(bindings.length > 1 ? `${mname}-${slug(instName)}` : mname, String(b.id));
            const bv = identifier(bname, "binding");
            bindingVars.push(bv);
            bindingNames.push(bname);
            lines.push(
                declaration(bv, "MentorBinding", bname, [
                    ["adoptId", idLiteral(b.id)],
                    ["mentor", mentorConst(m)],
                    ["server", inst ? `${inst}.id` : idLiteral(b.server)],
                    ...fieldProps(b, [["enabled", "enabled"], ["autoPush", "auto_push"]]),
                ]),
            );
            declare("MentorBinding", bname, b.id);
        }
        let cfgVar: string | undefined;
        if (cfg) {
            const cname = names.config.take(mname, String(cfg.id));
            cfgVar = identifier(cname, "config");
            lines.push(
                declaration(cfgVar, "AgentConfig", cname, [["adoptId", idLiteral(cfg.id)], ["mentor", mentorConst(m)], ...fieldProps(cfg, cfgFields)], bindingVars.length ? `{ dependsOn: [${bindingVars.join(", ")}] }` : undefined),
            );
            declare("AgentConfig", cname, cfg.id);
        }
        const triggers = cfgVar ? [`${cfgVar}.contentHash`] : [];
        for (const a of held) {
            const sv = skillVar.get(String(a.skill));
            const aname = names.assignment.take(`${mname}-${slug(skillSlug(a.skill))}`, String(a.id));
            const av = identifier(aname, "assignment");
            const skillRef = sv ? (plainSkills.has(String(a.skill)) ? `${sv}.id` : `${sv}.skillId`) : idLiteral(a.skill);
            lines.push(declaration(av, "SkillAssignment", aname, [["adoptId", idLiteral(a.id)], ["mentor", mentorConst(m)], ["skill", skillRef], ...fieldProps(a, [["enabled", "enabled"]])]));
            declare("SkillAssignment", aname, a.id);
            if (!sv) report.notGenerated.push(`skill ${a.skill} assigned to mentor ${mname}: not in the org's skill list; referenced by its id`);
            triggers.push(`${av}.contentHash`, ...(sv ? [`${sv}.contentHash`] : []));
        }
        for (const [i, b] of bindings.entries()) {
            const pname = names.push.take(`${bindingNames[i]}-push`, String(b.id));
            lines.push(
                declaration(identifier(pname, "configPush"), "ConfigPush", pname, [
                    ["binding", `${bindingVars[i]}.id`],
                    ["triggers", `[${triggers.join(", ")}]`],
                    ["// Takes over the last push when it succeeded: the first up sends nothing", ""],
                    ["adopt", "true"],
                ]),
            );
            declare("ConfigPush", pname, undefined);
            pushNotice(mname, b);
        }
        blocks.push(lines.join("\n"));
    }

    const when = options.generatedAt ?? new Date().toISOString();
    const header = [
        `// Generated by \`iblai-claw generate\` from org "${snap.org}" at ${snap.baseUrl} (${when}).`,
        "// Every object carries adoptId: the first `pulumi up` takes it over instead of creating it,",
        "// and writes nothing unless this program says something different (docs/adoption.md).",
        "// Edit freely; once adopted, adoptId is inert and can stay or go.",
        "//",
        "// Values the API never returns come from secret stack config:",
        ...report.secrets.map((s) => `//   ${s.key}${s.required ? " (required)" : ""}: ${s.help}`),
    ].join("\n");
    const program = [
        header,
        'import * as pulumi from "@pulumi/pulumi";',
        'import * as claw from "pulumi-iblai-claw";',
        "",
        "const config = new pulumi.Config();",
        "",
        blocks.join("\n\n"),
        "",
        `export const instanceIds = { ${[...instanceVar.values()].map((v) => `${v}: ${v}.id`).join(", ")} };`,
        "",
    ]
        .join("\n")
        // A comment-only prop renders as `// ...: ,`: make it a plain comment line.
        .replace(/^( {4}\/\/ [^\n]*): ,$/gm, "$1");
    files["index.ts"] = program;
    files["Pulumi.yaml"] = [
        `name: ${project}`,
        "runtime:",
        "  name: nodejs",
        "  options:",
        `    nodeargs: ${PROGRAM_NODEARGS}`,
        `description: ibl.ai claw objects of org ${snap.org}, generated by iblai-claw generate`,
        // Declared, so that preview names a missing one before anything runs.
        ...(report.secrets.some((s) => s.required) ? ["config:"] : []),
        ...report.secrets.filter((s) => s.required).flatMap((s) => [`  ${s.key}:`, "    type: string", "    secret: true", `    description: ${JSON.stringify(s.help)}`]),
        "",
    ].join("\n");
    files["package.json"] = `${JSON.stringify({ name: project, private: true, main: "index.ts", dependencies: { "@pulumi/pulumi": "^3.200.0", "pulumi-iblai-claw": options.packageSource ?? "file:pulumi-iblai-claw.tgz" } }, null, 2)}\n`;
    files["tsconfig.json"] = programTsconfigText();
    files["README.md"] = readme(project, snap, report);
    return { files, report };
}

function readme(project: string, snap: OrgSnapshot, report: GenerateReport): string {
    const counts = new Map<string, number>();
    for (const d of report.declared) counts.set(d.type, (counts.get(d.type) ?? 0) + 1);
    return [
        `# ${project}`,
        "",
        `Generated by \`iblai-claw generate\` from org \`${snap.org}\` (${[...counts].map(([t, n]) => `${n} ${t}`).join(", ") || "nothing"}).`,
        "",
        "```sh",
        "npm install",
        "pulumi stack init <stack>",
        `pulumi config set iblai:baseUrl ${snap.baseUrl}`,
        `pulumi config set iblai:org ${snap.org}`,
        "pulumi config set --secret iblai:apiToken <api-token>",
        ...report.secrets.filter((s) => s.required).map((s) => `pulumi config set --secret ${s.key} <value>`),
        "pulumi up     # adopts every object; writes only the write-only values you set",
        "pulumi preview  # empty",
        "```",
        "",
        "`pulumi` runs the program transpile-only (`tsconfig.json`: `\"ts-node\": { \"transpileOnly\": true }`), so that",
        "`pulumi up` starts fast; type-check it apart with `npx tsc --noEmit` (TypeScript installed), e.g. in CI.",
        "",
        "Write-only values (the API never returns them):",
        "",
        ...report.secrets.map((s) => `- \`${s.key}\`${s.required ? " (required)" : ""}: ${s.help}`),
        "",
        ...(report.notGenerated.length ? ["Needs a hand:", "", ...report.notGenerated.map((n) => `- ${n}`), ""] : []),
    ].join("\n");
}
