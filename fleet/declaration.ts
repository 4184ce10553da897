/**
 * Reading a fleet declaration (YAML, or a TypeScript/JavaScript module) and refusing what
 * cannot run, before any stack does: the schema (fleet/schema.ts), then the checks across
 * fields (names unique, references resolve, files exist, units fit a shard). Every problem
 * found is reported at once, each naming its line.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { AgentSetError } from "../components/errors";
import { loadAgentSet } from "../components/agentSetLoader";
import { closestName } from "../sdk";
import { FleetDeclarationError, type FleetProblem, pathText } from "./errors";
import { FleetSchema } from "./schema";
import { type Path, type SpotFinder, moduleSpots, yamlSpots } from "./sourceSpots";
import { DEFAULT_SHARD_SIZE, type FleetAgentSet, type FleetDeclaration, type FleetMentor, type PlacementUnit, type SourceSpot } from "./types";

/** A checked declaration with what the planner needs. */
export interface LoadedFleet {
    /** The declaration as checked; top-level `mentors` moved under their servers. */
    declaration: FleetDeclaration;
    /** The declaration's file, as named to {@link loadFleet}. */
    file: string;
    /** Its folder (absolute): skill file sources and agent-set folders are relative to it. */
    dir: string;
    /** Every placement unit in declaration order: per server, its mentors, then its agent sets. */
    units: PlacementUnit[];
    /** Where a path of the declaration (as written) is in the file. */
    spotOf(path: (string | number)[]): SourceSpot | undefined;
}

/** The placement key of a mentor: its UUID (lower case) or else its name. */
export function mentorKey(m: FleetMentor): string {
    return `mentor:${m.mentor !== undefined ? m.mentor.toLowerCase() : String(m.name)}`;
}

/** The name of an agent set: given, or its folder's base name. */
export function agentSetName(s: FleetAgentSet): string {
    return s.name ?? path.basename(path.resolve(s.folder));
}

/** The placement key of an agent set. */
export function agentSetKey(server: string, s: FleetAgentSet): string {
    return `set:${server}/${agentSetName(s)}`;
}

/** The file as the user sees it: relative to the working folder when inside it. */
function shownFile(abs: string): string {
    const rel = path.relative(process.cwd(), abs);
    return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : abs;
}

let tsRegistered = false;

/** A module's declaration: its default export, else its `fleet` export. */
function requireDeclaration(abs: string, file: string): unknown {
    if (/\.[cm]?ts$/.test(abs) && !tsRegistered) {
        let tsNode: { register(o: object): void };
        try {
            tsNode = require(require.resolve("ts-node", { paths: [path.dirname(abs), process.cwd(), __dirname] })) as typeof tsNode;
        } catch {
            throw new FleetDeclarationError(file, [{ path: "(file)", message: "a TypeScript declaration needs ts-node, which cannot be found", hint: "npm install --save-dev ts-node typescript, or compile it and give the .js file, or write it in YAML" }]);
        }
        // Only the declaration is compiled: a type check would cost seconds for nothing the schema does not check.
        tsNode.register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
        tsRegistered = true;
    }
    const mod = require(abs) as { default?: unknown; fleet?: unknown };
    const value = mod.default ?? mod.fleet;
    if (value === undefined) throw new FleetDeclarationError(file, [{ path: "(file)", message: "the module exports no declaration", hint: "export default { fleet: ..., servers: [...] } (or export const fleet = ...)" }]);
    return value;
}

/** The raw declaration and where its parts are in the file. */
function readSource(abs: string, file: string): { raw: unknown; spotOf: SpotFinder } {
    if (!fs.existsSync(abs)) throw new FleetDeclarationError(file, [{ path: "(file)", message: "no such file", hint: "give the declaration's path with -f, e.g. -f fleet.yaml" }]);
    const ext = path.extname(abs);
    if (ext === ".yaml" || ext === ".yml") {
        const lines = new LineCounter();
        const doc = parseDocument(fs.readFileSync(abs, "utf8"), { lineCounter: lines, prettyErrors: false });
        if (doc.errors.length > 0) {
            const problems = doc.errors.map((e): FleetProblem => {
                const { line, col } = lines.linePos(e.pos[0]);
                return { spot: { file, line, column: col }, path: "(yaml)", message: e.message.split("\n")[0] ?? e.code, hint: e.code === "DUPLICATE_KEY" ? "a key appears once per object" : undefined };
            });
            throw new FleetDeclarationError(file, problems);
        }
        return { raw: doc.toJS(), spotOf: yamlSpots(doc, lines, file) };
    }
    if ([".ts", ".cts", ".js", ".cjs"].includes(ext)) {
        const raw = requireDeclaration(abs, file);
        return { raw, spotOf: moduleSpots(fs.readFileSync(abs, "utf8"), raw, file) };
    }
    throw new FleetDeclarationError(file, [{ path: "(file)", message: `cannot read a ${ext || "extension-less"} file`, hint: "a declaration is .yaml/.yml, or a .ts/.js module" }]);
}

/** A zod issue as a problem; the schema's custom issues carry their hint in `params`. */
function issueProblem(issue: z.core.$ZodIssue, spotOf: SpotFinder): FleetProblem {
    const p = issue.path as Path;
    const hint = (issue as { params?: { hint?: string } }).params?.hint;
    return { spot: spotOf(p), path: pathText(p), message: issue.message, hint };
}

/**
 * Reads a declaration and checks it whole. YAML (`.yaml`, `.yml`), or a `.ts`/`.js` module
 * whose default export (or `fleet` export) is the declaration; TypeScript is compiled with
 * ts-node when it is installed.
 *
 * @throws FleetDeclarationError with every problem, each naming its line and field.
 * @example
 * ```ts
 * const loaded = await loadFleet("fleet.yaml");
 * console.log(loaded.units.length, loaded.declaration.servers.map((s) => s.name));
 * ```
 */
export async function loadFleet(file: string): Promise<LoadedFleet> {
    const abs = path.resolve(file);
    const shown = shownFile(abs);
    const dir = path.dirname(abs);
    const { raw, spotOf } = readSource(abs, shown);
    const parsed = FleetSchema.safeParse(raw);
    if (!parsed.success) throw new FleetDeclarationError(shown, parsed.error.issues.map((i) => issueProblem(i, spotOf)));
    const declaration = parsed.data as unknown as FleetDeclaration;
    const { problems, units } = crossCheck(declaration, dir, spotOf);
    if (problems.length > 0) throw new FleetDeclarationError(shown, problems);
    return { declaration, file: shown, dir, units, spotOf: (p) => spotOf(p) };
}

/** A mentor with the path it was written at. */
interface Placed<T> {
    value: T;
    path: Path;
}

/**
 * The checks across fields; moves top-level mentors under their servers (in place) and
 * lists the placement units.
 */
function crossCheck(d: FleetDeclaration, dir: string, spotOf: SpotFinder): { problems: FleetProblem[]; units: PlacementUnit[] } {
    const problems: FleetProblem[] = [];
    const say = (p: Path, message: string, hint?: string) => problems.push({ spot: spotOf(p), path: pathText(p), message, hint });
    const where = (p: Path) => {
        const s = spotOf(p);
        return s && s.line > 0 ? `${pathText(p)} (line ${s.line})` : pathText(p);
    };
    const shardSize = d.shardSize ?? DEFAULT_SHARD_SIZE;

    const serverAt = new Map<string, number>();
    d.servers.forEach((s, i) => {
        const first = serverAt.get(s.name);
        if (first !== undefined) say(["servers", i, "name"], `two servers named ${s.name}: also ${where(["servers", first, "name"])}`, "server names are unique in a fleet (they name its stacks)");
        else serverAt.set(s.name, i);
    });

    // Each server's mentors with where they were written: nested ones, then top-level ones.
    const mentorsOf = d.servers.map((s, i): Placed<FleetMentor>[] => (s.mentors ?? []).map((m, j) => ({ value: m, path: ["servers", i, "mentors", j] })));
    d.servers.forEach((s, i) =>
        (s.mentors ?? []).forEach((m, j) => {
            if (m.server !== undefined && m.server !== s.name) say(["servers", i, "mentors", j, "server"], `names server ${m.server}, but is listed under server ${s.name}`, "drop server: here, or move the mentor under its server");
        }),
    );
    (d.mentors ?? []).forEach((m, j) => {
        const p: Path = ["mentors", j];
        if (m.server === undefined) return say(p, "a top-level mentor has no server", `add server: <one of ${[...serverAt.keys()].join(", ")}>`);
        const i = serverAt.get(m.server);
        if (i === undefined) {
            const near = closestName(m.server, [...serverAt.keys()]);
            return say([...p, "server"], `no server named ${m.server}`, near ? `did you mean ${near}?` : `servers: ${[...serverAt.keys()].join(", ")}`);
        }
        mentorsOf[i]?.push({ value: m, path: p });
    });

    const mentorSeen = new Map<string, Path>();
    const nameSeen = new Map<string, Path>();
    const units: PlacementUnit[] = [];
    d.servers.forEach((s, i) => {
        const sp: Path = ["servers", i];
        const slugs = new Map<string, number>();
        (s.skills ?? []).forEach((k, j) => {
            if (slugs.has(k.slug)) say([...sp, "skills", j, "slug"], `skill ${k.slug} twice on server ${s.name}`, "a slug is unique per platform");
            slugs.set(k.slug, j);
            (k.files ?? []).forEach((f, n) => {
                if (f.source !== undefined && !fs.existsSync(path.resolve(dir, f.source))) say([...sp, "skills", j, "files", n, "source"], `no such file: ${f.source} (from ${dir})`, "source is relative to the declaration's folder");
            });
        });
        for (const { value: m, path: p } of mentorsOf[i] ?? []) {
            if (m.mentor !== undefined) {
                const key = m.mentor.toLowerCase();
                const first = mentorSeen.get(key);
                if (first) say([...p, "mentor"], `mentor ${m.mentor} is declared twice: also ${where(first)}`, "a mentor is bound to one server; keep one entry");
                else mentorSeen.set(key, [...p, "mentor"]);
            }
            if (m.name !== undefined) {
                const first = nameSeen.get(m.name);
                if (first) say([...p, "name"], `mentor name ${JSON.stringify(m.name)} is used twice: also ${where(first)}`, "mentor names are unique per org; rename one");
                else nameSeen.set(m.name, [...p, "name"]);
            }
            (m.skills ?? []).forEach((slug, n) => {
                if (slugs.has(slug)) return;
                const near = closestName(slug, [...slugs.keys()]);
                say([...p, "skills", n], `no skill ${slug} on server ${s.name}`, near ? `did you mean ${near}?` : `declare it under servers[${i}].skills (slugs there: ${[...slugs.keys()].join(", ") || "none"})`);
            });
            units.push({ key: mentorKey(m), server: s.name, weight: 1, at: spotOf(p) });
        }
        const setNames = new Set<string>();
        (s.agentSets ?? []).forEach((set, j) => {
            const p: Path = [...sp, "agentSets", j];
            const setName = agentSetName(set);
            if (setNames.has(setName)) say([...p, "name"], `agent set ${setName} twice on server ${s.name}`, "give each a distinct name:");
            setNames.add(setName);
            const weight = agentCount(path.resolve(dir, set.folder), set.omitConfig, [...p, "folder"], say);
            if (weight === undefined) return;
            if (weight > shardSize) say(p, `agent set ${setName} has ${weight} agents, more than shardSize ${shardSize}: a set is placed whole in one shard`, `raise shardSize to at least ${weight}`);
            units.push({ key: agentSetKey(s.name, set), server: s.name, weight, at: spotOf(p) });
        });
        s.mentors = (mentorsOf[i] ?? []).map((x) => x.value);
    });
    delete d.mentors;
    return { problems, units };
}

/** The number of agents of a set folder (its weight), or undefined after saying why it cannot be read. */
function agentCount(folder: string, omitConfig: readonly string[] | undefined, p: Path, say: (p: Path, message: string, hint?: string) => void): number | undefined {
    if (!fs.existsSync(path.join(folder, "openclaw.json"))) {
        say(p, `${folder} has no openclaw.json`, "an agent set's folder holds openclaw.json at its top (a published OpenClaw agent set)");
        return undefined;
    }
    try {
        return loadAgentSet(folder, { omitConfig }).agents.length;
    } catch (e) {
        if (!AgentSetError.isInstance(e)) throw e;
        for (const q of e.problems) say(p, `${q.file}${q.at ? ` (${q.at})` : ""}: ${q.message}`);
        return undefined;
    }
}
