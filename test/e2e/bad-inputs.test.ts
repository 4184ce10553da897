import * as fs from "node:fs";
import * as path from "node:path";
import { type Emulator, startEmulator } from "../../emulator";
import { API_FACTS, RESOURCE_TYPES } from "../../provider/engine/runtime";
import { configPushFacts } from "../../provider/resources/configPush";
import { deviceIdentityFacts } from "../../provider/resources/deviceIdentity";
import { gatewayTokenFacts } from "../../provider/resources/gatewayToken";
import { providerPushFacts } from "../../provider/resources/providerPush";
import { PulumiProject, requirePulumi } from "../helpers/pulumi";
import { BASES, type BadInputCase, CANARY, CASES } from "./badInputCases";

const ORG = "bad-inputs";
const TOKEN = "bad-inputs-token-0c9e";

// The program: one resource of the case's type (plus the valid resources its `$` references
// name), from the case in the environment. Plain JavaScript: no compile per preview.
const PROGRAM = `
const claw = require("pulumi-iblai-claw");
const spec = JSON.parse(process.env.BAD_INPUT_CASE);
const made = {};
const make = {
    $instance: () => new claw.ClawInstance("ref-instance", { name: "ref", serverUrl: "https://claw.example.test", gatewayToken: "gw-ref-token-0001" }).id,
    $skill: () => new claw.Skill("ref-skill", { name: "Ref", slug: "ref-skill" }).id,
    $binding: () => new claw.MentorBinding("ref-binding", { mentor: "9b2d7e41-5c3a-4f8e-b1d6-0a7c3e9f2b58", server: ref("$instance") }).id,
};
const ref = (name) => (made[name] ??= make[name]());
const args = {};
for (const [k, v] of Object.entries(spec.args)) args[k] = typeof v === "string" && v.startsWith("$") ? ref(v) : v;
new claw[spec.type]("case", args);
`;

/** One preview: a type, its merged args, the cases it checks. */
interface Batch {
    type: string;
    args: Record<string, unknown>;
    cases: BadInputCase[];
}

/** Cases of one type share a preview when they touch different inputs; `alone` ones get their own. */
function batches(cases: readonly BadInputCase[]): Batch[] {
    const out: Batch[] = [];
    for (const c of cases) {
        const keys = Object.keys(c.args ?? {});
        const fits = !c.alone && out.find((b) => b.type === c.type && !b.cases.some((x) => x.alone) && !keys.some((k) => k in b.args));
        if (fits) {
            Object.assign(fits.args, c.args);
            fits.cases.push(c);
        } else out.push({ type: c.type, args: { ...(c.args ?? {}) }, cases: [c] });
    }
    return out;
}

/**
 * Every input of every resource type, by the name a program writes: what the corpus must
 * cover (issue 20). A push's `triggers` takes any value (its hash is what counts), so no
 * value of it is bad.
 */
function everyInput(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const f of Object.values(API_FACTS)) out[f.type] = [...Object.keys(f.fields), "adoptId", "apiBaseUrl", "org"];
    for (const f of [configPushFacts, providerPushFacts]) out[f.type] = [f.target, ...(f.aliases ?? []), "timeoutSeconds", "adopt", "org"];
    for (const f of [gatewayTokenFacts, deviceIdentityFacts]) out[f.type] = Object.keys(f.inputs.shape);
    return out;
}

function caseArgs(b: Batch): Record<string, unknown> {
    const args: Record<string, unknown> = { ...BASES[b.type], ...b.args };
    for (const [k, v] of Object.entries(b.args)) if (v === undefined) delete args[k];
    return args;
}

// issue 13: every bad input is stopped at preview, naming the input and the fix, with zero
// requests and no input value printed back. Two projects run the previews two at a time.
describe(`${CASES.length} bad inputs through the real CLI's preview`, () => {
    let emu: Emulator;
    const projects: PulumiProject[] = [];
    const results = new Map<Batch, { code: number; text: string }>();
    const all = batches(CASES);

    beforeAll(async () => {
        await requirePulumi();
        PulumiProject.ensureRoot();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN } });
        for (const name of ["bad-inputs-a", "bad-inputs-b"]) {
            const p = new PulumiProject(name, "");
            fs.writeFileSync(path.join(p.dir, "Pulumi.yaml"), `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n`);
            fs.writeFileSync(path.join(p.dir, "package.json"), JSON.stringify({ name, private: true, main: "index.js" }));
            fs.rmSync(path.join(p.dir, "index.ts"));
            fs.writeFileSync(path.join(p.dir, "index.js"), PROGRAM);
            fs.mkdirSync(path.join(p.dir, "fixtures"));
            fs.writeFileSync(path.join(p.dir, "fixtures", "logo.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
            await p.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG }, { "iblai:apiToken": TOKEN });
            projects.push(p);
        }
        const queue = [...all];
        await Promise.all(
            projects.map(async (p) => {
                for (let b = queue.shift(); b; b = queue.shift()) {
                    const settings = Object.assign({}, ...b.cases.map((c) => c.config ?? {})) as Record<string, string>;
                    // A case may override a base setting (iblai:org): put the base value back after.
                    const before: Record<string, string | undefined> = {};
                    for (const k of Object.keys(settings)) {
                        const got = await p.cli(["config", "get", "-s", p.stack, k], { allowFail: true });
                        before[k] = got.code === 0 ? got.stdout.replace(/\n$/, "") : undefined;
                    }
                    for (const [k, v] of Object.entries(settings)) await p.cli(["config", "set", "-s", p.stack, "--plaintext", k, v]);
                    const env = { BAD_INPUT_CASE: JSON.stringify({ type: b.type, args: caseArgs(b) }), ...Object.assign({}, ...b.cases.map((c) => c.env ?? {})) };
                    const r = await p.preview([], { allowFail: true, env });
                    results.set(b, { code: r.code, text: r.stdout + r.stderr });
                    for (const [k, v] of Object.entries(before)) {
                        if (v === undefined) await p.cli(["config", "rm", "-s", p.stack, k]);
                        else await p.cli(["config", "set", "-s", p.stack, "--plaintext", k, v]);
                    }
                }
            }),
        );
    }, 1_800_000);
    afterAll(async () => {
        for (const p of projects) await p.dispose();
        await emu?.close();
    });

    it("has at least 100 cases, each naming its input", () => {
        expect(CASES.length).toBeGreaterThanOrEqual(100);
        expect(all.length).toBeLessThan(CASES.length);
    });

    it("covers every input of every resource type (issue 20)", () => {
        const inputs = everyInput();
        expect(Object.keys(inputs).sort()).toEqual([...RESOURCE_TYPES].sort());
        const missing = Object.entries(inputs).flatMap(([type, names]) => names.filter((n) => !CASES.some((c) => c.type === type && c.field === n)).map((n) => `${type}.${n}`));
        expect(missing).toEqual([]);
    });

    it.each(CASES.map((c, i) => [i, `${c.type} ${c.field}${c.says ? ` (${c.says})` : ""}`, c] as const))("case %i: %s fails at preview, naming the input", (_i, _title, c) => {
        const batch = all.find((b) => b.cases.includes(c)) as Batch;
        const r = results.get(batch);
        expect(r).toBeDefined();
        expect(r?.code).not.toBe(0);
        // The problem that names this case's input (a batch holds several), with its fix.
        const named = new RegExp(`has a problem: ${c.field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[:. ]`);
        const lines = (r?.text ?? "").split("\n").filter((l) => named.test(l));
        expect(lines.length).toBeGreaterThan(0);
        if (c.says) expect(lines.join("\n")).toContain(c.says);
        expect(r?.text).not.toContain(CANARY);
    });

    it("sent no request to the API", () => {
        expect(emu.requestCounts()).toEqual({});
    });
});
