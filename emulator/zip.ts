/**
 * A minimal zip writer (PKZIP, deflate or stored, no zip64) for the skill archives a real
 * delivery uploads to OpenClaw (`skills.upload.*`: a zip with `SKILL.md` at its root).
 * node's zlib does the compression and the CRC-32; no zip library is a dependency, and a
 * skill folder is small (OpenClaw caps a bundle at 8 MiB), so the whole archive is built
 * in memory.
 *
 * Entries are written in the order given with a fixed timestamp, so equal content gives
 * byte-equal archives (and equal hashes).
 */
import * as zlib from "node:zlib";

/** One file of an archive: a relative path with `/` separators, and its bytes. */
export interface ZipEntry {
    path: string;
    data: Buffer;
}

// 1980-01-01 00:00 in DOS time: a fixed stamp keeps archives reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_FLAG = 0x0800;

/**
 * Builds a zip archive of `entries`. Throws on a path that is absolute, has `..` or `\`, or
 * repeats, since an archive like that would be refused (or worse) by the server.
 *
 * @example
 * ```ts
 * const zip = zipArchive([{ path: "SKILL.md", data: Buffer.from("---\nname: web\n---\nUse it.") }]);
 * ```
 */
export function zipArchive(entries: readonly ZipEntry[]): Buffer {
    const seen = new Set<string>();
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const e of entries) {
        if (e.path === "" || e.path.startsWith("/") || e.path.includes("\\") || e.path.split("/").some((p) => p === ".." || p === "." || p === "")) {
            throw new Error(`zip entry path "${e.path}" must be relative, with "/" separators and no "." or ".." parts`);
        }
        if (seen.has(e.path)) throw new Error(`zip entry "${e.path}" appears twice`);
        seen.add(e.path);
        const name = Buffer.from(e.path, "utf8");
        const deflated = zlib.deflateRawSync(e.data);
        const stored = deflated.length >= e.data.length;
        const body = stored ? e.data : deflated;
        const crc = zlib.crc32(e.data) >>> 0;
        // The fields local and central headers share, in the same order: flags … name length.
        const shared = (b: Buffer, at: number) => {
            b.writeUInt16LE(UTF8_FLAG, at);
            b.writeUInt16LE(stored ? 0 : 8, at + 2);
            b.writeUInt16LE(DOS_TIME, at + 4);
            b.writeUInt16LE(DOS_DATE, at + 6);
            b.writeUInt32LE(crc, at + 8);
            b.writeUInt32LE(body.length, at + 12);
            b.writeUInt32LE(e.data.length, at + 16);
            b.writeUInt16LE(name.length, at + 20);
        };
        const local = Buffer.alloc(30);
        local.writeUInt32LE(0x04034b50, 0);
        local.writeUInt16LE(20, 4); // version needed
        shared(local, 6);
        const central = Buffer.alloc(46);
        central.writeUInt32LE(0x02014b50, 0);
        central.writeUInt16LE((3 << 8) | 20, 4); // made by: unix, 2.0
        central.writeUInt16LE(20, 6);
        shared(central, 8);
        // extra, comment, disk, internal attrs: 0; external attrs: a regular file, rw-r--r--
        central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
        central.writeUInt32LE(offset, 42);
        locals.push(local, name, body);
        centrals.push(central, name);
        offset += local.length + name.length + body.length;
    }
    const centralSize = centrals.reduce((n, b) => n + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(centralSize, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, ...centrals, end]);
}
