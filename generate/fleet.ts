/**
 * From an org snapshot to a fleet declaration (pure): `iblai-claw generate --fleet`. Every
 * object carries its id (`adoptId`, `adopt`), so that `iblai-claw fleet up` of the output
 * adopts the org as it is, with zero writes; write-only secrets become `{ env: VAR }` refs,
 * whose names the report lists.
 */
import { Document } from "yaml";
import { AGENT_CONFIG_FIELDS, NAME_PATTERN } from "../fleet/schema";
import type { FleetDeclaration, FleetMentor, FleetModelProvider, FleetServer, FleetSkill, FleetSkillFile } from "../fleet/types";
import { agentConfigFacts } from "../provider/resources/agentConfig";
import type { Skill } from "../sdk";
import { NameBook, slug } from "./names";
import { type OrgSnapshot, sameId } from "./org";

/** What `generate --fleet` made, and what it could not. */
export interface FleetGenerateReport {
    /** Environment variables the declaration's secret refs name: variable → what to put in it. */
    env: Record<string, string>;
    /** Objects or values left out or needing a hand: one line each. */
    notGenerated: string[];
}

/** The declaration's text and the asset files it names (relative to the declaration's folder). */
export interface GeneratedFleet {
    declaration: FleetDeclaration;
    files: Record<string, string | Buffer>;
    report: FleetGenerateReport;
}

/** Options of {@link generateFleet}. */
export interface FleetGenerateOptions {
    /** The fleet's name; default: the org's, made a valid name. */
    fleet?: string;
    /** The declaration's file name inside `files`; default `fleet.yaml`. */
    file?: string;
    /** When the snapshot was taken, for the header. Default now. */
    generatedAt?: string;
}

const present = (v: unknown): boolean => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);
/** A name valid as a fleet or server name. */
const fleetName = (text: string, fallback: string): string => {
    const s = slug(text).toLowerCase().replace(/[^a-z0-9-]/g, "-").replace(/^-+/, "");
    return NAME_PATTERN.test(s) ? s : fallback;
};
const envName = (server: string, what: string): string => `${server.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_${what}`;

/**
 * Builds the fleet declaration of a snapshot: one server per instance, its model providers,
 * the skills its mentors use (a skill is declared on the first server that uses it), and a
 * mentor per binding with its agent config, skills and the ids to adopt.
 *
 * @example
 * ```ts
 * const { files, report } = generateFleet(await readOrg(client));
 * fs.writeFileSync("fleet.yaml", files["fleet.yaml"]);
 * ```
 */
export function generateFleet(snap: OrgSnapshot, options: FleetGenerateOptions = {}): GeneratedFleet {
    const report: FleetGenerateReport = { env: { IBLAI_API_TOKEN: `the API token of org ${snap.org}` }, notGenerated: [] };
    const files: Record<string, string | Buffer> = {};
    const serverNames = new NameBook();
    const skillHome = new Map<string, string>(); // skill id → the server it is declared on
    const servers: FleetServer[] = [];

    const skillOf = (ref: unknown): Skill | undefined => snap.skills.find((s) => sameId(s.id, ref) || sameId(s.unique_id, ref));
    for (const inst of snap.instances) {
        const name = serverNames.take(fleetName(String(inst.name ?? ""), `server-${inst.id}`), String(inst.id));
        const token = envName(name, "GATEWAY_TOKEN");
        const key = envName(name, "DEVICE_KEY");
        report.env[token] = `the gateway token of instance "${inst.name}" (id ${inst.id}); write-only on the service`;
        report.env[key] = `the platform's device private key (PEM) of instance "${inst.name}"; write-only; without it the fleet would make and send a new one`;
        // verifyConnectivity off: adoption sends nothing but the write-only values (the connectivity test is a POST).
        const server: FleetServer = { name, serverUrl: String(inst.server_url), adoptId: String(inst.id), gatewayToken: { env: token }, devicePrivateKeyPem: { env: key }, verifyConnectivity: false };

        const providers: Record<string, FleetModelProvider> = {};
        for (const p of snap.modelProviders.filter((x) => sameId(x.server, inst.id))) {
            const mp: FleetModelProvider = { adoptId: String(p.id), baseUrl: String(p.base_url), apiType: String(p.api_type) };
            if (present(p.credential_name)) mp.credentialName = String(p.credential_name);
            if (present(p.model_catalog)) mp.modelCatalog = p.model_catalog as Record<string, unknown>[];
            providers[String(p.name)] = mp;
        }
        if (Object.keys(providers).length) server.modelProviders = providers;

        const mentors: FleetMentor[] = [];
        const skills: FleetSkill[] = [];
        for (const b of snap.bindings.filter((x) => sameId(x.server, inst.id))) {
            const mentor = String(b.mentor);
            const m: FleetMentor = { mentor };
            if (present((b as { agent_id?: unknown }).agent_id)) m.agentId = String((b as { agent_id?: unknown }).agent_id);
            const cfg = snap.agentConfigs.find((c) => String(c.mentor).toLowerCase() === mentor.toLowerCase()) as Record<string, unknown> | undefined;
            for (const field of AGENT_CONFIG_FIELDS) {
                const api = agentConfigFacts.fields[field]?.api as string;
                const v = cfg?.[api];
                if (present(v) && !(api === "config" && Object.keys(v as object).length === 0)) m[field] = v;
            }
            const assignments: Record<string, string> = {};
            for (const a of snap.assignments.filter((x) => String(x.mentor).toLowerCase() === mentor.toLowerCase())) {
                const skill = skillOf(a.skill);
                if (!skill) {
                    report.notGenerated.push(`assignment ${a.id} of mentor ${mentor}: its skill ${String(a.skill)} is not in the org's skills`);
                    continue;
                }
                const home = skillHome.get(String(skill.id));
                if (home !== undefined && home !== name) {
                    report.notGenerated.push(`skill ${skill.slug} of mentor ${mentor} on ${name}: declared on server ${home} (a skill has one home in a fleet); assign it there, or move the mentor`);
                    continue;
                }
                if (home === undefined) {
                    skillHome.set(String(skill.id), name);
                    skills.push(fleetSkill(snap, skill, files, report));
                }
                if (a.enabled === false) report.notGenerated.push(`assignment of ${skill.slug} to mentor ${mentor} is disabled; declared as assigned, so up would enable it: remove it from skills to keep it off`);
                assignments[skill.slug] = String(a.id);
            }
            if (Object.keys(assignments).length) m.skills = Object.keys(assignments);
            m.adopt = { binding: String(b.id), ...(cfg ? { agentConfig: String(cfg.id) } : {}), ...(Object.keys(assignments).length ? { assignments } : {}), push: true };
            mentors.push(m);
        }
        if (skills.length) server.skills = skills;
        if (mentors.length) server.mentors = mentors;
        servers.push(server);
    }
    const unused = snap.skills.filter((s) => !skillHome.has(String(s.id)));
    for (const s of unused) report.notGenerated.push(`skill ${s.slug} (id ${s.id}): assigned to no bound mentor; not declared (a fleet declares skills on the server whose mentors use them)`);
    const unbound = snap.agentConfigs.filter((c) => !snap.bindings.some((b) => String(b.mentor).toLowerCase() === String(c.mentor).toLowerCase()));
    for (const c of unbound) report.notGenerated.push(`agent config ${c.id} of mentor ${String(c.mentor)}: the mentor is bound to no server; not declared`);

    const declaration: FleetDeclaration = {
        fleet: options.fleet ?? fleetName(snap.org, "fleet"),
        connection: { baseUrl: snap.baseUrl, org: snap.org, apiToken: { env: "IBLAI_API_TOKEN" } },
        servers,
    };
    const doc = new Document(declaration);
    doc.commentBefore = ` Generated by iblai-claw generate --fleet from org ${snap.org} at ${options.generatedAt ?? new Date().toISOString()}.
 Every object carries its id (adoptId, adopt): iblai-claw fleet up adopts them without writing.
 Secrets are read from the environment: ${Object.keys(report.env).join(", ")}.`;
    files[options.file ?? "fleet.yaml"] = doc.toString({ lineWidth: 0 });
    return { declaration, files, report };
}

/** A skill with its files; an asset's bytes go to `assets/<slug>/<file>`, named by `source`. */
function fleetSkill(snap: OrgSnapshot, skill: Skill, files: Record<string, string | Buffer>, report: FleetGenerateReport): FleetSkill {
    const out: FleetSkill = { slug: skill.slug, adoptId: String(skill.id) };
    const s = skill as Record<string, unknown>;
    for (const k of ["name", "description", "instruction", "metadata"] as const) if (present(s[k])) (out as unknown as Record<string, unknown>)[k] = s[k];
    const own = snap.skillResources.filter((r) => sameId(r.skill, skill.id));
    const list: FleetSkillFile[] = [];
    for (const r of own) {
        const base = { fileType: String(r.file_type), filename: String(r.filename), adoptId: String(r.id) };
        if (r.file_type !== "asset") {
            list.push({ ...base, content: String(r.content ?? "") });
            continue;
        }
        const bytes = snap.assets.get(String(r.id));
        if (!bytes) {
            report.notGenerated.push(`asset ${r.filename} of skill ${skill.slug}: ${snap.assetErrors.get(String(r.id)) ?? "not downloaded"}; put the file at assets/${skill.slug}/${r.filename}`);
        }
        const source = `assets/${skill.slug}/${r.filename}`;
        if (bytes) files[source] = bytes;
        list.push({ ...base, source });
    }
    if (list.length) out.files = list;
    return out;
}
