/**
 * Preload that profiles a Node process in chunks, for bench/profile.ts:
 *
 *   IBLAI_CPU_PROFILE_DIR=/tmp/prof NODE_OPTIONS="--require $PWD/bench/cpu-profile-chunks.cjs" pulumi up ...
 *   npx ts-node --transpile-only bench/profile.ts /tmp/prof
 *
 * `node --cpu-prof` writes its profile only when a process exits by itself; the engine
 * kills the dynamic-provider host (SIGKILL to its process group) at the end of a command, so
 * its profile would be lost.
 * This writes one profile every IBLAI_CPU_PROFILE_MS (default 1000) ms instead, named
 * CHUNK.<pid>.<n>.cpuprofile; what a killed process did before its last chunk is kept.
 * Writing a chunk costs the process a little CPU, which bench/profile.ts reports apart.
 */
"use strict";
const dir = process.env.IBLAI_CPU_PROFILE_DIR;
if (dir) {
    const inspector = require("node:inspector");
    const fs = require("node:fs");
    const path = require("node:path");
    const session = new inspector.Session();
    session.connect();
    let n = 0;
    session.post("Profiler.enable", () => session.post("Profiler.start"));
    const flush = () =>
        session.post("Profiler.stop", (err, r) => {
            if (!err && r) fs.writeFileSync(path.join(dir, `CHUNK.${process.pid}.${String(n++).padStart(4, "0")}.cpuprofile`), JSON.stringify(r.profile));
            session.post("Profiler.start");
        });
    setInterval(flush, Number(process.env.IBLAI_CPU_PROFILE_MS || 1000)).unref();
    process.once("beforeExit", flush);
}
