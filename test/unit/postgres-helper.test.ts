import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { postgresBinDir } from "../helpers/postgres";

// The e2e tier's PostgreSQL helper: without the server binaries it must say which package to
// install, not fail later inside initdb.
describe("postgresBinDir", () => {
    it("names Debian's postgresql package when no server binaries are installed", () => {
        const empty = fs.mkdtempSync(path.join(os.tmpdir(), "no-pg-"));
        fs.mkdirSync(path.join(empty, "15", "bin"), { recursive: true }); // a major without initdb/pg_ctl
        try {
            expect(() => postgresBinDir(empty)).toThrow(/install Debian's "postgresql" package \(apt-get install -y postgresql/);
        } finally {
            fs.rmSync(empty, { recursive: true, force: true });
        }
    });

    it("picks the newest major that has initdb and pg_ctl", () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "pg-majors-"));
        try {
            for (const [major, full] of [["9", true], ["15", true], ["16", false]] as const) {
                const bin = path.join(root, major, "bin");
                fs.mkdirSync(bin, { recursive: true });
                if (full) for (const f of ["initdb", "pg_ctl"]) fs.writeFileSync(path.join(bin, f), "");
            }
            expect(postgresBinDir(root)).toBe(path.join(root, "15", "bin"));
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});
