import { ApiFault } from "./entity";
import { parseBody, parseMultipart } from "./body";
import { UploadedFile } from "./validate";

const CRLF = "\r\n";

function multipart(boundary: string, parts: Array<{ name: string; filename?: string; type?: string; data: string | Buffer }>): Buffer {
    const chunks: Buffer[] = [];
    for (const p of parts) {
        let head = `--${boundary}${CRLF}Content-Disposition: form-data; name="${p.name}"`;
        if (p.filename !== undefined) head += `; filename="${p.filename}"`;
        head += CRLF;
        if (p.type) head += `Content-Type: ${p.type}${CRLF}`;
        chunks.push(Buffer.from(head + CRLF), Buffer.from(p.data), Buffer.from(CRLF));
    }
    chunks.push(Buffer.from(`--${boundary}--${CRLF}`));
    return Buffer.concat(chunks);
}

describe("parseMultipart", () => {
    it("reads text fields and file parts, keeping binary bytes intact", () => {
        const bytes = Buffer.from([0, 13, 10, 45, 45, 255]); // includes CRLF and "--"
        const out = parseMultipart(
            multipart("XyZ", [
                { name: "skill", data: "3" },
                { name: "file", filename: "logo.png", type: "image/png", data: bytes },
            ]),
            "XyZ",
        );
        expect(out.skill).toBe("3");
        const f = out.file as UploadedFile;
        expect(f).toBeInstanceOf(UploadedFile);
        expect(f.filename).toBe("logo.png");
        expect(f.contentType).toBe("image/png");
        expect([...f.data]).toEqual([...bytes]);
    });

    it("keeps the last of repeated names", () => {
        expect(parseMultipart(multipart("b", [{ name: "a", data: "1" }, { name: "a", data: "2" }]), "b")).toEqual({ a: "2" });
    });
});

describe("parseBody", () => {
    it("parses JSON, urlencoded and multipart by content type; an empty body is {}", () => {
        expect(parseBody("application/json; charset=utf-8", Buffer.from('{"a":1}'))).toEqual({ a: 1 });
        expect(parseBody("application/x-www-form-urlencoded", Buffer.from("a=1&b=x"))).toEqual({ a: "1", b: "x" });
        expect(parseBody('multipart/form-data; boundary="q"', multipart("q", [{ name: "n", data: "v" }]))).toEqual({ n: "v" });
        expect(parseBody(undefined, Buffer.alloc(0))).toEqual({});
    });

    it("answers DRF's 400 for bad JSON and 415 for other media types", () => {
        const bad = () => parseBody("application/json", Buffer.from("{"));
        expect(bad).toThrow(ApiFault);
        try {
            parseBody("text/csv", Buffer.from("a,b"));
        } catch (e) {
            expect((e as ApiFault).status).toBe(415);
            expect((e as ApiFault).body).toEqual({ detail: 'Unsupported media type "text/csv" in request.' });
        }
        expect.assertions(3);
    });
});
