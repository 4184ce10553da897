import * as crypto from "node:crypto";
import * as zlib from "node:zlib";
import { zipArchive } from "./zip";

/** Reads an archive back through its central directory (what unzip does), checking each CRC. */
function unzip(zip: Buffer): Record<string, Buffer> {
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const count = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    const out: Record<string, Buffer> = {};
    for (let i = 0; i < count; i++) {
        expect(zip.readUInt32LE(at)).toBe(0x02014b50);
        const method = zip.readUInt16LE(at + 10);
        const crc = zip.readUInt32LE(at + 16);
        const size = zip.readUInt32LE(at + 20);
        const nameLen = zip.readUInt16LE(at + 28);
        const local = zip.readUInt32LE(at + 42);
        const name = zip.subarray(at + 46, at + 46 + nameLen).toString("utf8");
        expect(zip.readUInt32LE(local)).toBe(0x04034b50);
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const body = zip.subarray(start, start + size);
        const data = method === 8 ? zlib.inflateRawSync(body) : Buffer.from(body);
        expect(zlib.crc32(data) >>> 0).toBe(crc);
        out[name] = data;
        at += 46 + nameLen;
    }
    return out;
}

describe("zipArchive", () => {
    it("writes entries that read back byte for byte, compressed or stored, in a reproducible archive", () => {
        const binary = crypto.randomBytes(300); // incompressible: stored
        const entries = [
            { path: "SKILL.md", data: Buffer.from("---\nname: web\n---\n" + "Use curl. ".repeat(50)) },
            { path: "assets/logo.png", data: binary },
            { path: "références/é.md", data: Buffer.from("ünïcode") },
        ];
        const zip = zipArchive(entries);
        expect(unzip(zip)).toEqual(Object.fromEntries(entries.map((e) => [e.path, e.data])));
        expect(zipArchive(entries).equals(zip)).toBe(true);
    });

    it("refuses paths an archive must not hold", () => {
        for (const p of ["/etc/passwd", "../x", "a/../b", "a\\b", "a//b", ""]) {
            expect(() => zipArchive([{ path: p, data: Buffer.from("x") }])).toThrow(/must be relative/);
        }
        expect(() => zipArchive([{ path: "a", data: Buffer.alloc(0) }, { path: "a", data: Buffer.alloc(0) }])).toThrow('zip entry "a" appears twice');
    });
});
