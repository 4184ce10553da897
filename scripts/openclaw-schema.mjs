#!/usr/bin/env node
// Makes (or refreshes) the pinned snapshot of OpenClaw's config schema that the provider's
// check and the policy pack validate agent configs against (issue 10):
//
//   npm run schema:openclaw -- 2026.9.6          # or: node scripts/openclaw-schema.mjs 2026.9.6
//
// It runs `openclaw config schema` of that exact package version (draft-07 JSON Schema,
// ~2.4 MB pretty-printed) with HOME and OPENCLAW_STATE_DIR in a temp folder, so nothing of
// this machine's own OpenClaw leaks in, and writes
//   openclaw-schema/<version>.json.gz   the schema, minified and gzipped (~100 KB instead of 2.4 MB)
//   openclaw-schema/index.json          each snapshot's version, file, size and SHA-256
// The output is deterministic: running it again for the same version changes nothing.
//
// Where the openclaw package comes from, first hit wins:
//   --bin <path> or OPENCLAW_BIN              openclaw.mjs, or the package folder holding it
//   <cache>/openclaw-v<version>/node_modules/openclaw           (what scripts/setup.sh installs)
//   <cache>/openclaw-v<version>.partial/node_modules/openclaw   (an install still being moved in place)
//   else `npm install openclaw@<version>` into <cache>/openclaw-v<version>
// <cache> is IBLAI_CLAW_CACHE or ~/.cache/pulumi-iblai-claw. OpenClaw needs Node >= 24.16:
// OPENCLAW_NODE, else this node when new enough, else the newest <cache>/node-v*/bin/node.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import * as zlib from "node:zlib";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// OPENCLAW_SCHEMA_OUT writes elsewhere (the test that re-makes the snapshot uses it).
const OUT_DIR = process.env.OPENCLAW_SCHEMA_OUT || path.join(ROOT, "openclaw-schema");
const CACHE = process.env.IBLAI_CLAW_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "pulumi-iblai-claw");
const NODE_MIN = [24, 16];

function die(message) {
    console.error(`openclaw-schema: ${message}`);
    process.exit(1);
}

function parseArgs(argv) {
    const out = { version: undefined, bin: process.env.OPENCLAW_BIN || undefined };
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === "--bin") out.bin = argv[++i];
        else if (argv[i] === "-h" || argv[i] === "--help") {
            console.log("usage: npm run schema:openclaw -- [<version>] [--bin <openclaw.mjs or package folder>]");
            process.exit(0);
        } else if (argv[i].startsWith("-")) die(`unknown option ${argv[i]}`);
        else out.version = argv[i];
    }
    return out;
}

/** The version pinned in scripts/toolchain.env (OPENCLAW_VERSION=...), if any. */
function pinnedVersion() {
    const env = fs.readFileSync(path.join(ROOT, "scripts", "toolchain.env"), "utf8");
    return /^OPENCLAW_VERSION=([^\s#]+)/m.exec(env)?.[1];
}

const atLeast = (v, min) => v[0] > min[0] || (v[0] === min[0] && v[1] >= min[1]);
const nodeVersionOf = (bin) => execFileSync(bin, ["-p", "process.versions.node"], { encoding: "utf8" }).trim().split(".").map(Number);

function pickNode() {
    if (process.env.OPENCLAW_NODE) return process.env.OPENCLAW_NODE;
    if (atLeast(process.versions.node.split(".").map(Number), NODE_MIN)) return process.execPath;
    const cached = (fs.existsSync(CACHE) ? fs.readdirSync(CACHE) : [])
        .filter((d) => /^node-v\d+\.\d+\.\d+$/.test(d))
        .map((d) => path.join(CACHE, d, "bin", "node"))
        .filter((b) => fs.existsSync(b) && atLeast(nodeVersionOf(b), NODE_MIN))
        .sort((a, b) => compareVersions(nodeVersionOf(b).join("."), nodeVersionOf(a).join(".")));
    if (cached[0]) return cached[0];
    die(`OpenClaw needs Node >= ${NODE_MIN.join(".")}; this is ${process.version} and ${CACHE} has none (run scripts/setup.sh, or set OPENCLAW_NODE)`);
}

function compareVersions(a, b) {
    const pa = a.split(/[.-]/).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const pb = b.split(/[.-]/).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        if (pa[i] === pb[i]) continue;
        if (pa[i] === undefined) return -1;
        if (pb[i] === undefined) return 1;
        return typeof pa[i] === "number" && typeof pb[i] === "number" ? pa[i] - pb[i] : String(pa[i]).localeCompare(String(pb[i]));
    }
    return 0;
}

/** openclaw.mjs of the requested version: given, in the cache, or installed into the cache. */
function findOpenClaw(version, given) {
    const entry = (p) => (fs.existsSync(p) && fs.statSync(p).isDirectory() ? path.join(p, "openclaw.mjs") : p);
    if (given) {
        const bin = entry(path.resolve(given));
        if (!fs.existsSync(bin)) die(`no openclaw at ${bin}`);
        return bin;
    }
    for (const dir of [`openclaw-v${version}`, `openclaw-v${version}.partial`]) {
        const bin = path.join(CACHE, dir, "node_modules", "openclaw", "openclaw.mjs");
        if (fs.existsSync(bin)) return bin;
    }
    const target = path.join(CACHE, `openclaw-v${version}`);
    const partial = `${target}.schema-install`;
    console.error(`openclaw-schema: openclaw@${version} is not in ${CACHE}; installing it there with npm`);
    fs.rmSync(partial, { recursive: true, force: true });
    fs.mkdirSync(partial, { recursive: true });
    execFileSync("npm", ["install", "--prefix", partial, "--no-save", "--no-audit", "--no-fund", `openclaw@${version}`], { stdio: ["ignore", "inherit", "inherit"] });
    fs.renameSync(partial, target);
    return path.join(target, "node_modules", "openclaw", "openclaw.mjs");
}

function main() {
    const args = parseArgs(process.argv.slice(2));
    const version = args.version ?? pinnedVersion();
    if (!version) die("which version? npm run schema:openclaw -- <version> (or pin OPENCLAW_VERSION in scripts/toolchain.env)");
    if (!/^\d+\.\d+\.\d+([-.][\w.]+)?$/.test(version)) die(`${JSON.stringify(version)} is not an OpenClaw version (e.g. 2026.9.6)`);

    const bin = findOpenClaw(version, args.bin);
    const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(bin), "package.json"), "utf8"));
    if (pkg.name !== "openclaw" || pkg.version !== version) die(`${bin} is ${pkg.name}@${pkg.version}, not openclaw@${version}`);

    // A throwaway HOME and state dir: the schema must come from the package alone.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "openclaw-schema-"));
    let text;
    try {
        text = execFileSync(pickNode(), [bin, "config", "schema"], {
            encoding: "utf8",
            maxBuffer: 64 * 1024 * 1024,
            env: { ...process.env, HOME: home, OPENCLAW_STATE_DIR: path.join(home, "state"), NO_COLOR: "1" },
            stdio: ["ignore", "pipe", "pipe"],
        });
    } catch (e) {
        die(`\`openclaw config schema\` failed: ${String(e.stderr || e.message).trim().slice(0, 2000)}`);
    } finally {
        fs.rmSync(home, { recursive: true, force: true });
    }
    let schema;
    try {
        schema = JSON.parse(text);
    } catch {
        die(`\`openclaw config schema\` did not print JSON (first bytes: ${JSON.stringify(text.slice(0, 120))})`);
    }
    if (schema.$schema !== "http://json-schema.org/draft-07/schema#" || schema.type !== "object" || typeof schema.properties !== "object") {
        die(`unexpected schema: $schema ${JSON.stringify(schema.$schema)}, type ${JSON.stringify(schema.type)}`);
    }

    const minified = JSON.stringify(schema);
    const file = `${version}.json.gz`;
    fs.mkdirSync(OUT_DIR, { recursive: true });
    // gzip's header holds no mtime here (zlib writes 0), so the bytes depend on the schema only.
    fs.writeFileSync(path.join(OUT_DIR, file), zlib.gzipSync(minified, { level: 9 }));

    const indexPath = path.join(OUT_DIR, "index.json");
    const index = fs.existsSync(indexPath) ? JSON.parse(fs.readFileSync(indexPath, "utf8")) : {};
    const snapshots = { ...(index.snapshots ?? {}) };
    snapshots[version] = {
        file,
        sha256: createHash("sha256").update(minified).digest("hex"),
        bytes: Buffer.byteLength(minified),
        source: `openclaw@${version}: openclaw config schema`,
    };
    const sorted = Object.fromEntries(Object.keys(snapshots).sort(compareVersions).map((v) => [v, snapshots[v]]));
    const out = {
        about: "OpenClaw config schemas (draft-07 JSON Schema) as printed by `openclaw config schema`, minified and gzipped. Made by scripts/openclaw-schema.mjs; sha256 and bytes are of the minified JSON. The newest version is the default (docs/openclaw-config.md).",
        snapshots: sorted,
    };
    fs.writeFileSync(indexPath, `${JSON.stringify(out, null, 2)}\n`);
    const gz = fs.statSync(path.join(OUT_DIR, file)).size;
    console.log(`openclaw-schema: wrote ${path.join(OUT_DIR, file)} (${minified.length} bytes of JSON, ${gz} gzipped) from ${bin}`);
}

main();
