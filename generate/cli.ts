#!/usr/bin/env node
/**
 * `iblai-claw`: commands beside the Pulumi resources. `generate` reads an org and writes
 * a Pulumi program that adopts everything in it (docs/adoption.md).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { ClawClient, ClawError, redactText } from "../sdk";
import { generateFleet } from "./fleet";
import { readOrg } from "./org";
import { type GenerateReport, generateProgram } from "./program";

const USAGE = `usage:
  iblai-claw fleet preview|up|refresh|destroy -f fleet.yaml ...   (docs/fleet.md; iblai-claw fleet --help)
  iblai-claw generate [--out DIR] [--dry-run] [--mentor UUID]... [--instance ID|NAME]...
                      [--stack STACK] [--base-url URL] [--org ORG] [--project NAME]
                      [--package-source SPEC] [--force]
  iblai-claw generate --fleet [--out fleet.yaml] [--dry-run] [--mentor UUID]... [--instance X]...
  iblai-claw fleet <subcommand> ...   (iblai-claw fleet --help; docs/fleet.md)

Reads the org through the API (nothing is written) and writes a TypeScript Pulumi program
that declares every instance, model provider, mentor binding, agent config, skill, skill
file and assignment with adoptId set, and a push per binding and instance.

Credentials, as the provider takes them: the stack config of --stack (run in a Pulumi
project: iblai:baseUrl, iblai:org, iblai:apiToken, iblai:authScheme), else IBLAI_BASE_URL,
IBLAI_ORG, IBLAI_API_TOKEN, IBLAI_AUTH_SCHEME; --base-url and --org win over both.

  --out DIR        where to write (default ./claw-program); refuses a folder holding an
                   index.ts unless --force
  --dry-run        print what would be generated and what cannot be; write nothing
  --mentor UUID    only these mentors (repeatable)
  --instance X     only these instances, by id or name (repeatable)
  --fleet          write a fleet declaration (YAML, default ./fleet.yaml) instead of a program:
                   one server per instance, each object with its id to adopt; secrets as
                   { env: VAR } refs, whose variables are printed`;

class UsageError extends Error {}

interface Connection {
    baseUrl?: string;
    org?: string;
    token?: string;
    authScheme?: string;
}

/** The provider's settings from a stack's config (`pulumi config --json --show-secrets`). */
function stackConnection(stack: string): Connection {
    let text: string;
    try {
        text = execFileSync("pulumi", ["config", "--json", "--show-secrets", "--stack", stack], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
        const err = String((e as { stderr?: string }).stderr ?? (e as Error).message).trim();
        throw new UsageError(`cannot read the config of stack ${JSON.stringify(stack)}: ${err}\n  hint: run in the Pulumi project's folder, or use IBLAI_* variables`);
    }
    const cfg = JSON.parse(text) as Record<string, { value?: string }>;
    return { baseUrl: cfg["iblai:baseUrl"]?.value, org: cfg["iblai:org"]?.value, token: cfg["iblai:apiToken"]?.value, authScheme: cfg["iblai:authScheme"]?.value };
}

function printReport(report: GenerateReport, out: (line: string) => void): void {
    const counts = new Map<string, number>();
    for (const d of report.declared) counts.set(d.type, (counts.get(d.type) ?? 0) + 1);
    out(`declares ${report.declared.length} resources: ${[...counts].map(([t, n]) => `${n} ${t}`).join(", ") || "none"}`);
    for (const d of report.declared) out(`  ${d.type.padEnd(16)} ${d.name}${d.id ? `  (adopts id ${d.id})` : ""}`);
    const required = report.secrets.filter((s) => s.required);
    if (report.secrets.length) {
        out(`write-only values the API never returns: ${required.length} required secret config value(s), ${report.secrets.length - required.length} optional`);
        for (const s of report.secrets) out(`  ${s.key}${s.required ? " (required)" : ""}: ${s.help}`);
    }
    if (report.notGenerated.length) {
        out("cannot be generated as is:");
        for (const n of report.notGenerated) out(`  ${n}`);
    }
}

async function generate(argv: string[]): Promise<void> {
    const { values } = parseArgs({
        args: argv,
        options: {
            out: { type: "string" },
            "dry-run": { type: "boolean" },
            mentor: { type: "string", multiple: true },
            instance: { type: "string", multiple: true },
            stack: { type: "string" },
            "base-url": { type: "string" },
            org: { type: "string" },
            project: { type: "string" },
            "package-source": { type: "string" },
            force: { type: "boolean" },
            fleet: { type: "boolean" },
        },
        strict: true,
    });
    const fromStack = values.stack ? stackConnection(values.stack) : {};
    const conn: Connection = {
        baseUrl: values["base-url"] ?? fromStack.baseUrl ?? process.env.IBLAI_BASE_URL,
        org: values.org ?? fromStack.org ?? process.env.IBLAI_ORG,
        token: fromStack.token ?? process.env.IBLAI_API_TOKEN,
        authScheme: fromStack.authScheme ?? process.env.IBLAI_AUTH_SCHEME,
    };
    const client = new ClawClient({ baseUrl: conn.baseUrl ?? "", org: conn.org ?? "", token: conn.token ?? "", authScheme: conn.authScheme as never });
    if (values.fleet) {
        try {
            return writeFleet(await readOrg(client, { mentors: values.mentor, instances: values.instance }), path.resolve(values.out ?? "fleet.yaml"), Boolean(values["dry-run"]), Boolean(values.force));
        } finally {
            await client.close();
        }
    }
    const out = path.resolve(values.out ?? "claw-program");
    if (!values["dry-run"] && fs.existsSync(path.join(out, "index.ts")) && !values.force) {
        throw new UsageError(`${path.join(out, "index.ts")} exists; choose another --out, or --force to overwrite`);
    }
    try {
        const snap = await readOrg(client, { mentors: values.mentor, instances: values.instance });
        const { files, report } = generateProgram(snap, { project: values.project, packageSource: values["package-source"] });
        if (values["dry-run"]) {
            console.log(`dry run: would write ${Object.keys(files).length} files to ${out}`);
            for (const f of Object.keys(files).sort()) console.log(`  ${f}`);
        } else {
            for (const [rel, content] of Object.entries(files)) {
                const file = path.join(out, rel);
                fs.mkdirSync(path.dirname(file), { recursive: true });
                fs.writeFileSync(file, content);
            }
            console.log(`wrote ${Object.keys(files).length} files to ${out}`);
        }
        printReport(report, (l) => console.log(l));
    } finally {
        await client.close();
    }
}

/** `generate --fleet`: the declaration and its asset files, beside each other. */
function writeFleet(snap: Awaited<ReturnType<typeof readOrg>>, file: string, dryRun: boolean, force: boolean): void {
    if (!dryRun && fs.existsSync(file) && !force) throw new UsageError(`${file} exists; choose another --out, or --force to overwrite`);
    const { files, report } = generateFleet(snap, { file: path.basename(file) });
    for (const [rel, content] of Object.entries(files)) {
        const target = path.join(path.dirname(file), rel);
        if (dryRun) console.log(`would write ${target}`);
        else {
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.writeFileSync(target, content);
        }
    }
    if (!dryRun) console.log(`wrote ${file} (${snap.instances.length} servers, ${snap.bindings.length} mentors)`);
    console.log("set these environment variables before iblai-claw fleet up:");
    for (const [name, what] of Object.entries(report.env)) console.log(`  ${name}: ${what}`);
    if (report.notGenerated.length) {
        console.log("cannot be generated as is:");
        for (const n of report.notGenerated) console.log(`  ${n}`);
    }
}

async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv;
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
        console.log(USAGE);
        return command === undefined ? 2 : 0;
    }
    if (command === "fleet") {
        // Loaded only for the fleet: it brings the Automation API.
        const { runFleetCommand } = await import("../fleet/cli");
        return runFleetCommand(rest);
    }
    if (command !== "generate") {
        console.error(`iblai-claw: unknown command ${JSON.stringify(command)}\n${USAGE}`);
        return 2;
    }
    try {
        await generate(rest);
        return 0;
    } catch (e) {
        const token = process.env.IBLAI_API_TOKEN;
        const text = ClawError.isInstance(e) || e instanceof UsageError ? (e as Error).message : String((e as Error)?.stack ?? e);
        console.error(`iblai-claw generate: ${redactText(text, [token])}`);
        // Bad flags and usage are 2, as for the emulator's CLI; a failed read is 1.
        return e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS") ? 2 : 1;
    }
}

main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
});
