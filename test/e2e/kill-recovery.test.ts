import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { type Emulator, startEmulator } from "../../emulator";
import { PulumiProject, ROOT, requirePulumi } from "../helpers/pulumi";

// A `pulumi up` (and a destroy) killed with SIGKILL of the whole pulumi process tree after a
// random number of steps, then the documented recovery (docs/operations.md): one
// `iblai-claw-recover`, then the interrupted command again. After each round the service
// must hold exactly what the program declares: counts per kind, no duplicates, nothing
// outside state. The dice are seeded; the seed is printed; KILL_SEED=<seed> replays a run.
const ORG = "kill-org";
const TOKEN = "kill-api-token-3e9a";
const SEED = Number(process.env.KILL_SEED ?? Math.floor(Math.random() * 1e6));
const run = promisify(execFile);
const RECOVER = path.join(ROOT, "node_modules", "pulumi-iblai-claw", "dist", "provider", "recovery", "cli.js");

/**
 * The pids below `pid`, from /proc. The engine starts plugins (the dynamic-provider hosts)
 * outside the CLI's process group, so killing the group alone left them running, orphaned.
 */
function descendants(pid: number): number[] {
    const parents = new Map<number, number[]>();
    for (const entry of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        try {
            // Field 4 of /proc/PID/stat is the parent; the name (field 2) may hold spaces, so split after ")".
            const ppid = Number(fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.split(" ")[1]);
            parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
        } catch {
            // gone meanwhile
        }
    }
    const out: number[] = [];
    for (let todo = [pid]; todo.length; ) {
        const next = parents.get(todo.pop() as number) ?? [];
        out.push(...next);
        todo.push(...next);
    }
    return out;
}

/** SIGKILL for a pulumi run as a crash would deliver it: the CLI's group and every process below it. */
function killTree(pid: number): void {
    const below = descendants(pid);
    for (const target of [-pid, ...below]) {
        try {
            process.kill(target, "SIGKILL");
        } catch {
            // already gone
        }
    }
}

/** mulberry32: small, seedable, good enough to pick kill points. */
function dice(seed: number): (lo: number, hi: number) => number {
    let a = seed >>> 0;
    return (lo, hi) => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        return lo + Math.floor(r * (hi - lo + 1));
    };
}

const mentorId = (i: number) => `${(0x10000000 + i).toString(16)}-aaaa-4bbb-8ccc-${i.toString(16).padStart(12, "0")}`;

/** The program: one server, a model provider and its push, two skills with a script each; per mentor a binding, its agent config and two assignments. */
function program(mentors: number[], script: string): string {
    return `
import { AgentConfig, ClawInstance, DeviceIdentity, GatewayToken, MentorBinding, ModelProvider, ProviderPush, Skill, SkillAssignment, SkillResource } from "pulumi-iblai-claw";
const server = new ClawInstance("server", {
    name: "kill-test", serverUrl: "https://claw.kill.example",
    gatewayToken: new GatewayToken("gw").value, connectionParams: new DeviceIdentity("device").connectionParams,
});
const provider = new ModelProvider("openrouter", { server: server.id, name: "openrouter", baseUrl: "https://openrouter.ai/api/v1", apiType: "openai-completions", credentialName: "openrouter" });
new ProviderPush("providers", { instance: server.id, triggers: [provider.contentHash] });
const skills = ["weather", "clock"].map((slug) => {
    const s = new Skill(slug, { name: slug, slug });
    new SkillResource(slug + "-script", { skill: s.id, fileType: "script", filename: slug + ".sh", content: ${JSON.stringify(script)} + slug });
    return s;
});
for (const m of ${JSON.stringify(mentors.map(mentorId))}) {
    const b = new MentorBinding("bind-" + m, { mentor: m, server: server.id });
    new AgentConfig("agent-" + m, { mentor: m, identity: "# " + m }, { dependsOn: [b] });
    skills.forEach((s, i) => new SkillAssignment("assign-" + i + "-" + m, { mentor: m, skill: s.id }));
}
`;
}

const KINDS: Record<string, { type: string; key: (o: Record<string, unknown>) => string }> = {
    "claw/instances": { type: "ClawInstance", key: (o) => String(o.name) },
    "claw/model-providers": { type: "ModelProvider", key: (o) => `${o.server}/${o.name}` },
    "agent-skills": { type: "Skill", key: (o) => String(o.slug) },
    "agent-skill-resources": { type: "SkillResource", key: (o) => `${o.skill}/${o.filename}` },
    "claw/mentor-configs": { type: "MentorBinding", key: (o) => `${o.mentor}/${o.server}` },
    "agent-configs": { type: "AgentConfig", key: (o) => String(o.mentor) },
    "mentor-skill-assignments": { type: "SkillAssignment", key: (o) => `${o.mentor}/${o.skill}` },
};

describe(`an interrupted pulumi up or destroy converges (seed ${SEED})`, () => {
    let emu: Emulator;
    let project: PulumiProject;
    const roll = dice(SEED);

    beforeAll(async () => {
        await requirePulumi();
        // Prints the seed so a failing run can be replayed.
        console.log(`kill test seed ${SEED}: replay with KILL_SEED=${SEED}`);
        emu = await startEmulator({ orgs: { [ORG]: TOKEN }, faults: [{ kind: "latency", ms: 15 }], pushDelayMs: 20 });
        PulumiProject.ensureRoot();
        project = new PulumiProject("kill", program([], ""));
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG }, { "iblai:apiToken": TOKEN });
    });
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
        await emu?.close();
    });

    /**
     * Runs a pulumi command and SIGKILLs its whole process tree once `until` says so (given the
     * resource step events seen and the output so far); says whether it was killed.
     */
    async function killedWhen(args: string[], until: (seen: number, text: string) => boolean): Promise<{ killed: boolean; seen: number }> {
        const child = project.start(args);
        let seen = 0;
        let killed = false;
        let text = "";
        const onData = (d: Buffer) => {
            for (const line of d.toString().split("\n")) {
                if (/\s(creating|created|updating|updated|deleting|deleted|replacing|replaced)\b/.test(line)) seen++;
                text += `${line}\n`;
                if (!killed && until(seen, text)) {
                    killed = true;
                    killTree(child.pid as number);
                }
            }
        };
        child.stdout?.on("data", onData);
        await new Promise((resolve) => child.on("close", resolve));
        // The whole tree goes: the CLI, the language host, the program and the providers.
        killTree(child.pid as number);
        return { killed, seen };
    }
    const killedAfter = (args: string[], steps: number) => killedWhen(args, (seen) => seen >= steps);

    async function recover(): Promise<string> {
        project.repairBackend();
        const { stdout } = await run("node", [RECOVER, "-s", project.stack], { cwd: project.dir, env: project.env() });
        return stdout;
    }

    /** The service against the program and the state: counts per kind, no duplicates, nothing outside state. */
    async function expectConverged(mentors: number, opts: { pendingMarks?: boolean } = {}): Promise<void> {
        const state = JSON.parse(await project.exportState()) as { deployment: { resources?: { type: string; id?: string }[]; pending_operations?: unknown[] } };
        if (!opts.pendingMarks) expect(state.deployment.pending_operations ?? []).toEqual([]);
        const want: Record<string, number> = {
            "claw/instances": 1,
            "claw/model-providers": 1,
            "agent-skills": 2,
            "agent-skill-resources": 2,
            "claw/mentor-configs": mentors,
            "agent-configs": mentors,
            "mentor-skill-assignments": 2 * mentors,
        };
        const got: Record<string, number> = {};
        for (const [c, k] of Object.entries(KINDS)) {
            const rows = emu.store.list(ORG, c) as Record<string, unknown>[];
            got[c] = rows.length;
            const keys = rows.map(k.key);
            expect({ kind: c, duplicates: keys.filter((x, i) => keys.indexOf(x) !== i) }).toEqual({ kind: c, duplicates: [] });
            const inState = (state.deployment.resources ?? []).filter((r) => r.type === `pulumi-nodejs:dynamic/iblai:${k.type}`).map((r) => String(r.id));
            expect({ kind: c, ids: rows.map((r) => String(r.id)).sort() }).toEqual({ kind: c, ids: inState.sort() });
        }
        expect(got).toEqual(want);
    }

    // Round 2 edits the program again between the kill and the recovery: two of the mentors
    // the killed run was adding are dropped, so what it half-made for them must go.
    const rounds: { name: string; mentors: number[]; script: string; thenDeclare?: number[] }[] = [
        { name: "a first up of 16 mentors", mentors: [...Array(16).keys()], script: "#!/bin/sh\necho v1 " },
        {
            name: "an update that drops 4 mentors, adds 4 and edits the scripts, then an edit that drops 2 of the new ones",
            mentors: [...Array(16).keys()].map((i) => i + 4),
            script: "#!/bin/sh\necho v2 ",
            thenDeclare: [...Array(14).keys()].map((i) => i + 4),
        },
    ];
    for (const [i, r] of rounds.entries()) {
        it(`round ${i + 1}: ${r.name}, killed, recovered with iblai-claw-recover and up`, async () => {
            project.writeProgram(program(r.mentors, r.script));
            const steps = roll(2, 50);
            const k = await killedAfter(["up", "-s", project.stack, "--yes", "--skip-preview"], steps);
            console.log(`round ${i + 1}: killed=${k.killed} after ${k.seen} step events (target ${steps})`);
            if (r.thenDeclare) project.writeProgram(program(r.thenDeclare, r.script));
            const rec = await recover();
            console.log(rec);
            expect(rec).toMatch(/\[recover\]/);
            await project.up();
            await expectConverged((r.thenDeclare ?? r.mentors).length);
            // What the recovery put into state reads like any created resource: nothing left to do.
            await project.preview(["--expect-no-changes"]);
        });
    }

    it("round 3: an update that drops 6 mentors and adds 2, killed, recovered by the engine alone (cancel, up)", async () => {
        const mentors = [...Array(12).keys()].map((i) => i + 10);
        project.writeProgram(program(mentors, "#!/bin/sh\necho v3 "));
        const steps = roll(2, 40);
        const k = await killedAfter(["up", "-s", project.stack, "--yes", "--skip-preview"], steps);
        console.log(`round 3: killed=${k.killed} after ${k.seen} step events (target ${steps})`);
        await project.cli(["cancel", "-s", project.stack, "--yes"]);
        // The retried creates find their half-made objects (no duplicate, no "already exists");
        // Pulumi keeps its pending-create marks, which the recover command then clears.
        await project.up();
        await expectConverged(mentors.length, { pendingMarks: true });
        console.log(await recover());
        await expectConverged(mentors.length);
    });

    it("a kill during program start leaves a lock (and a kill can leave an empty .attrs): the recovery removes both", async () => {
        const k = await killedWhen(["up", "-s", project.stack, "--yes", "--skip-preview"], (_seen, text) => /Updating \(/.test(text));
        expect(k).toMatchObject({ killed: true, seen: 0 });
        const locked = await project.cli(["up", "-s", project.stack, "--yes", "--skip-preview"], { allowFail: true });
        expect(locked.code).not.toBe(0);
        expect(locked.stdout + locked.stderr).toMatch(/currently locked/);
        // The in-place rewrite of the state's .attrs cannot be hit on purpose: play its result.
        const attrs = path.join(project.dir, ".state", ".pulumi", "stacks", "kill", `${project.stack}.json.attrs`);
        expect(fs.existsSync(attrs)).toBe(true);
        fs.truncateSync(attrs, 0);
        const { stdout } = await run("node", [RECOVER, "-s", project.stack], { cwd: project.dir, env: project.env() });
        console.log(stdout);
        expect(stdout).toMatch(/removed the empty .*e2e\.json\.attrs/);
        expect(stdout).toMatch(/removed 1 lock\(s\)/);
        await expectConverged(12);
    });

    it("prints what the runs cost (figures, not assertions)", () => {
        const counts = emu.requestCounts();
        const pick = (k: string) => counts[k] ?? 0;
        console.log(`requests so far: ${Object.values(counts).reduce((a, b) => a + b, 0)} in all; agent-configs/ list pages ${pick("GET agent-configs/")}, POST mentor-configs ${pick("POST claw/mentor-configs/")}`);
        expect(pick("POST claw/mentor-configs/")).toBeGreaterThan(0);
    });

    it("a destroy killed midway, recovered, leaves nothing behind (agent configs included)", async () => {
        const steps = roll(2, 40);
        const k = await killedAfter(["destroy", "-s", project.stack, "--yes", "--skip-preview"], steps);
        console.log(`destroy: killed=${k.killed} after ${k.seen} step events (target ${steps})`);
        console.log(await recover());
        await project.destroy();
        for (const c of Object.keys(KINDS)) expect({ kind: c, left: emu.store.list(ORG, c).length }).toEqual({ kind: c, left: 0 });
    });
});

// Pulumi's own remedy for a pending create, pinned so we notice when upstream changes it:
// `refresh --import-pending-creates URN ID` relabels the operation "importing", and the
// engine then drops it without reading the object (pkg/backend/snapshot.go keeps only
// "creating" operations). The object stays outside state; the provider's retried create is
// what brings it in (docs/operations.md).
describe("a create killed while its POST is in flight, and Pulumi's --import-pending-creates", () => {
    let emu: Emulator;
    let project: PulumiProject;
    const SLOW_MS = 1500;

    beforeAll(async () => {
        await requirePulumi();
        emu = await startEmulator({ orgs: { [ORG]: TOKEN }, faults: [{ method: "POST", route: "agent-skills/", kind: "latency", ms: SLOW_MS }] });
        PulumiProject.ensureRoot();
        project = new PulumiProject("pending", `import { Skill } from "pulumi-iblai-claw";\nnew Skill("solo", { name: "Solo", slug: "solo" });\n`);
        await project.init({ "iblai:baseUrl": emu.url, "iblai:org": ORG }, { "iblai:apiToken": TOKEN });
    });
    afterAll(async () => {
        if (!process.env.KEEP_E2E) await project?.dispose();
        await emu?.close();
    });

    it("is not imported by the engine, and the next up adopts what the POST made instead of failing with 'already exists'", async () => {
        const child = project.start(["up", "-s", project.stack, "--yes", "--skip-preview"]);
        // Killed once the POST has reached the service, which holds it SLOW_MS before acting.
        const poll = setInterval(() => {
            if ((emu.requestCounts()["POST agent-skills/"] ?? 0) > 0) killTree(child.pid as number);
        }, 20);
        await new Promise((resolve) => child.on("close", resolve));
        clearInterval(poll);
        // The service finishes the POST its caller no longer waits for.
        await new Promise((r) => setTimeout(r, SLOW_MS + 500));
        const made = emu.store.list(ORG, "agent-skills");
        expect(made).toHaveLength(1);
        const urn = `urn:pulumi:${project.stack}::pending::pulumi-nodejs:dynamic/iblai:Skill::solo`;
        const pendingOf = async () => (JSON.parse(await project.exportState()) as { deployment: { pending_operations?: { type: string; resource: { urn: string } }[]; resources?: { urn: string }[] } }).deployment;
        expect((await pendingOf()).pending_operations).toEqual([expect.objectContaining({ type: "creating", resource: expect.objectContaining({ urn }) })]);

        await project.cli(["cancel", "-s", project.stack, "--yes"]);
        // A string-array flag: the URN and the id are two values of it.
        await project.refresh([`--import-pending-creates=${urn}`, `--import-pending-creates=${String(made[0]?.id)}`]);
        const after = await pendingOf();
        expect(after.pending_operations ?? []).toEqual([]);
        expect((after.resources ?? []).map((r) => r.urn)).not.toContain(urn);

        const r = await project.up();
        expect(r.stdout).toMatch(/1 created/);
        expect(emu.store.list(ORG, "agent-skills")).toEqual([expect.objectContaining({ id: made[0]?.id, slug: "solo" })]);
        const state = await pendingOf();
        expect(state.resources?.find((x) => x.urn === urn)).toMatchObject({ id: String(made[0]?.id) });
    });
});
