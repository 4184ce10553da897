/**
 * What the OpenClaw schema check costs a provider process (issue 14): loading the snapshot
 * (read + gunzip + JSON.parse), compiling the validators a typical config needs, checking it
 * again (cached), and the worst case of a config touching every top-level key. Each figure is
 * a fresh process (a cold start, as the dynamic provider has), N runs, median and max.
 * Prints figures; asserts nothing.
 *
 *   npm run bench:openclaw-schema            # N=3
 *   npx ts-node bench/openclaw-schema.ts 5
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const N = Number(process.argv[2] ?? 3);
const ROOT = path.resolve(__dirname, "..");
const GUIDE = { heartbeat: { every: "30m" }, session: { dmScope: "per-channel-peer" } };

/** Runs in a child process: prints one JSON line of timings in ms. */
const CHILD = `
const t0 = performance.now();
const sdk = require(${JSON.stringify(path.join(ROOT, "dist", "sdk"))});
const tRequire = performance.now();
const v = sdk.resolveOpenClawVersion(undefined);
sdk.schemaKeys(v, "root");
const tLoad = performance.now();
const guide = ${JSON.stringify(GUIDE)};
if (sdk.checkMentorConfig(guide, { version: v }).length) throw new Error("the guide's example should pass");
const tFirst = performance.now();
sdk.checkMentorConfig(guide, { version: v });
const tCached = performance.now();
// The workflow bench's config (bench/lib/programs.ts): one heartbeat under agents.defaults.
if (sdk.checkMentorConfig({ agents: { defaults: { heartbeat: { every: "30m" } } } }, { version: v }).length) throw new Error("the bench's config should pass");
const tAgents = performance.now();
const every = {};
for (const k of sdk.schemaKeys(v, "agent").concat(sdk.schemaKeys(v, "root"))) if (k !== "agents") every[k] = {};
sdk.checkMentorConfig(every, { version: v });
const tAll = performance.now();
console.log(JSON.stringify({ require: tRequire - t0, load: tLoad - tRequire, guideFirst: tFirst - tLoad, guideCached: tCached - tFirst, agentsFirst: tAgents - tCached, everyKey: tAll - tAgents, keys: Object.keys(every).length }));
`;

const runs: Record<string, number>[] = [];
for (let i = 0; i < N; i++) runs.push(JSON.parse(execFileSync(process.execPath, ["-e", CHILD], { encoding: "utf8" }).trim().split("\n").pop() as string));

const stat = (k: string) => {
    const xs = runs.map((r) => r[k] as number).sort((a, b) => a - b);
    return `median ${xs[Math.floor(xs.length / 2)]?.toFixed(1)} ms, max ${xs[xs.length - 1]?.toFixed(1)} ms`;
};
console.log(`OpenClaw schema check, ${N} cold processes (node ${process.version}, dist/ build):`);
console.log(`  require sdk (ajv is loaded later, lazily)  ${stat("require")}`);
console.log(`  load snapshot (read, gunzip, parse)       ${stat("load")}`);
console.log(`  guide example, first check (compiles 2)    ${stat("guideFirst")}`);
console.log(`  guide example, again (cached validators)   ${stat("guideCached")}`);
console.log(`  agents.defaults.heartbeat, first check     ${stat("agentsFirst")}`);
console.log(`  a config touching all ${runs[0]?.keys} other top-level keys (each {})  ${stat("everyKey")}`);
