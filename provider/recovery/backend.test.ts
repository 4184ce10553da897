import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileBackendDir, programDir, repairEmptyAttrs, stackLocks } from "./backend";

describe("a file backend after a kill", () => {
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "backend-"));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    const put = (rel: string, text: string) => {
        const p = path.join(dir, ".pulumi", rel);
        fs.mkdirSync(path.dirname(p), { recursive: true });
        fs.writeFileSync(p, text);
        return p;
    };

    it("removes only the empty .attrs files", () => {
        const empty = put("stacks/shop/dev.json.attrs", "");
        const good = put("stacks/shop/prod.json.attrs", '{"md5":"x"}');
        const state = put("stacks/shop/dev.json", "");
        expect(repairEmptyAttrs(dir)).toEqual([empty]);
        expect(fs.existsSync(empty)).toBe(false);
        expect(fs.existsSync(good) && fs.existsSync(state)).toBe(true);
        expect(repairEmptyAttrs(dir)).toEqual([]);
    });

    it("calls a lock stale only when its process on this machine is gone", () => {
        const dead = spawnSync(process.execPath, ["-e", ""]).pid as number;
        const host = os.hostname();
        put("locks/organization/shop/dev/a.json", JSON.stringify({ pid: dead, hostname: host, timestamp: "t" }));
        put("locks/organization/shop/dev/b.json", JSON.stringify({ pid: process.pid, hostname: host }));
        put("locks/organization/shop/dev/c.json", JSON.stringify({ pid: dead, hostname: `not-${host}` }));
        put("locks/organization/shop/prod/d.json", JSON.stringify({ pid: dead, hostname: host }));
        const locks = stackLocks(dir, "organization/shop/dev");
        expect(locks.map((l) => [path.basename(l.file), l.stale]).sort()).toEqual([
            ["a.json", true],
            ["b.json", false],
            ["c.json", false],
        ]);
    });

    it("knows a file backend by its URL", () => {
        expect(fileBackendDir("file:///srv/state")).toBe("/srv/state");
        expect(fileBackendDir("file://~/state")).toBe(path.join(os.homedir(), "state"));
        expect(fileBackendDir("https://api.pulumi.com")).toBeUndefined();
        expect(fileBackendDir(undefined)).toBeUndefined();
    });
});

describe("the program's folder, where the provider keeps its journal", () => {
    it("follows the project's main", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "project-"));
        try {
            fs.mkdirSync(path.join(dir, "app"));
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: p\nruntime: nodejs\n");
            expect(programDir(dir)).toBe(dir);
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: p\nmain: app/index.ts # the program\n");
            expect(programDir(dir)).toBe(path.join(dir, "app"));
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), 'name: p\nmain: "app"\n');
            expect(programDir(dir)).toBe(path.join(dir, "app"));
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
