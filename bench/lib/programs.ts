/**
 * The two Pulumi programs of the workflow benchmark, written from one template so they
 * have the same resources and the same dependency graph:
 *
 * - `ours`: the integration guide's objects as pulumi-iblai-claw resources: 1 instance,
 *   1 model provider + its push, 5 skills with a script each, and per mentor a binding,
 *   its agent config, 2 skill assignments and a config push;
 * - `floor`: the same graph of do-nothing dynamic resources (create returns its inputs,
 *   no API, no outputs beyond the inputs): what the engine costs on its own.
 */
import { generateKeyPairSync } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROGRAM_NODEARGS, PROGRAM_TSCONFIG } from "../../generate/layout";

export type ProgramKind = "ours" | "floor";

/**
 * How the program is run: `ts` = Pulumi's default (ts-node, type-checked), `ts-nocheck` =
 * ts-node transpile-only (a tsconfig with `noCheck: true`), `layout` = the tsconfig of the
 * layout we recommend (what `generate` writes: ts-node transpile-only by its own key),
 * `js` = compiled JavaScript.
 */
export type ProgramMode = "ts" | "ts-nocheck" | "layout" | "js";

export const SKILLS = 5;

/** Resources in the program (the stack itself not counted). */
export function resourceCount(mentors: number): number {
    return 3 + 2 * SKILLS + 5 * mentors;
}

/** A mentor's UUID, stable per index. */
export function mentorId(i: number): string {
    const hex = i.toString(16).padStart(12, "0");
    return `6f1c2a9e-0b6d-4c1e-9a57-${hex}`;
}

const HEADER: Record<ProgramKind, string> = {
    ours: `import * as pulumi from "@pulumi/pulumi";
import { AgentConfig, ClawInstance, ConfigPush, MentorBinding, ModelProvider, ProviderPush, Skill, SkillAssignment, SkillResource } from "pulumi-iblai-claw";
`,
    // One provider object for every resource, as one package's stub would be.
    floor: `import * as pulumi from "@pulumi/pulumi";
const nop: pulumi.dynamic.ResourceProvider = {
    async create(inputs: any) { return { id: String(inputs.nopName), outs: { ...inputs, contentHash: "h", id: inputs.nopName } }; },
    async diff() { return { changes: false }; },
    async update(_id: string, _olds: any, news: any) { return { outs: news }; },
    async delete() {},
};
class Nop extends pulumi.dynamic.Resource {
    declare readonly contentHash: pulumi.Output<string>;
    constructor(name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) {
        super(nop, name, { ...args, nopName: name, contentHash: undefined }, opts);
    }
}
const ClawInstance = Nop, ModelProvider = Nop, ProviderPush = Nop, Skill = Nop, SkillResource = Nop,
    MentorBinding = Nop, AgentConfig = Nop, SkillAssignment = Nop, ConfigPush = Nop;
`,
};

/**
 * The platform's device key for the instance (without one, every push fails with
 * "missing scope: operator.read"). One per process, so curl and the programs share it.
 */
export const DEVICE_PEM = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();

/** The program's text: the same body for both kinds, only the classes differ. */
export function programText(kind: ProgramKind, mentors: number): string {
    return `${HEADER[kind]}
const MENTORS = ${mentors};
const SKILLS = ${SKILLS};
const mentorId = (i: number) => "6f1c2a9e-0b6d-4c1e-9a57-" + i.toString(16).padStart(12, "0");

const server = new ClawInstance("server", {
    name: "bench", serverUrl: "https://claw.bench.example", gatewayToken: pulumi.secret("bench-gateway-token-0123456789"),
    connectionParams: pulumi.secret({ device_identity: { private_key_pem: ${JSON.stringify(DEVICE_PEM)} } }),
});
const provider = new ModelProvider("openrouter", {
    server: server.id, name: "openrouter", baseUrl: "https://openrouter.ai/api/v1", apiType: "openai-completions",
    credentialName: "openrouter", modelCatalog: [{ id: "anthropic/claude-sonnet-4-6", name: "Claude Sonnet" }],
});
new ProviderPush("providers", { instance: server.id, triggers: [provider.contentHash] });

const skills = Array.from({ length: SKILLS }, (_, s) => {
    const skill = new Skill(\`skill-\${s}\`, {
        name: \`Skill \${s}\`, slug: \`bench-skill-\${s}\`, description: "A benchmark skill",
        instruction: \`Run scripts/run-\${s}.sh.\`, metadata: { openclaw: { requires: { bins: ["curl"] } } },
    });
    const script = new SkillResource(\`script-\${s}\`, {
        skill: skill.id, fileType: "script", filename: \`run-\${s}.sh\`, content: \`#!/bin/sh\\necho skill \${s}\\n\`,
    });
    return { skill, script };
});

for (let i = 0; i < MENTORS; i++) {
    const mentor = mentorId(i);
    const binding = new MentorBinding(\`binding-\${i}\`, { mentor, server: server.id });
    const agent = new AgentConfig(\`agent-\${i}\`, {
        mentor, identity: \`# Mentor \${i}\\nA patient tutor.\`, model: "anthropic/claude-sonnet-4-6",
        config: { agents: { defaults: { heartbeat: { every: "30m" } } } },
    }, { dependsOn: [binding] });
    const picks = [skills[i % SKILLS], skills[(i + 1) % SKILLS]];
    const assignments = picks.map((p, k) => new SkillAssignment(\`assign-\${i}-\${k}\`, { mentor, skill: p.skill.id }));
    new ConfigPush(\`push-\${i}\`, {
        binding: binding.id,
        triggers: [agent.contentHash, ...assignments.map((a) => a.contentHash), ...picks.map((p) => p.skill.contentHash), ...picks.map((p) => p.script.contentHash)],
    });
}
`;
}

/**
 * Writes a Pulumi project for `kind` into `dir` (under the repo, so that the program
 * resolves the installed `node_modules/pulumi-iblai-claw` by name, as a user's does).
 * For `js` the program is compiled here with the repo's TypeScript, outside the timing.
 */
export function writeProject(dir: string, kind: ProgramKind, mentors: number, mode: ProgramMode, compile: (dir: string) => void): void {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const name = `bench-${kind}`;
    const main = mode === "js" ? "index.js" : "index.ts";
    const runtime = `  name: nodejs\n  options:\n    typescript: ${mode !== "js"}\n${mode === "layout" ? `    nodeargs: ${PROGRAM_NODEARGS}\n` : ""}`;
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime:\n${runtime}main: ${main}\n`);
    // Without a package.json of its own the language host would take the repo's.
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, private: true, main }));
    fs.writeFileSync(path.join(dir, "index.ts"), programText(kind, mentors));
    const tsconfig = mode === "layout" ? PROGRAM_TSCONFIG : {
        compilerOptions: { target: "ES2022", module: "commonjs", moduleResolution: "node", strict: true, skipLibCheck: true, types: [], ...(mode === "ts-nocheck" ? { noCheck: true } : {}) },
        files: ["index.ts"],
    };
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
    if (mode === "js") compile(dir);
}
