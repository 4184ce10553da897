/**
 * Request bodies as DRF's default parsers read them: JSON, multipart forms (the only way
 * to send a file) and urlencoded forms. Anything else is a 415, as DRF answers it.
 */
import { ApiFault } from "./entity";
import { UploadedFile } from "./validate";

/** Largest body accepted (DRF has no such limit itself; the web server in front of it does). */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * Parses a body by its content type. An empty body is `{}`.
 *
 * @example
 * ```ts
 * parseBody("application/json", Buffer.from('{"name":"prod"}')); // → { name: "prod" }
 * ```
 */
export function parseBody(contentType: string | undefined, raw: Buffer): unknown {
    if (raw.length === 0) return {};
    const [type = "", ...params] = (contentType ?? "").split(";").map((s) => s.trim());
    const mediaType = type.toLowerCase();
    if (mediaType === "application/json" || mediaType.endsWith("+json")) {
        try {
            return JSON.parse(raw.toString("utf8"));
        } catch (e) {
            throw ApiFault.detail(400, `JSON parse error - ${(e as Error).message}`);
        }
    }
    if (mediaType === "multipart/form-data") {
        const boundary = params.map((p) => /^boundary="?([^";]+)"?$/i.exec(p)?.[1]).find((b) => b !== undefined);
        if (!boundary) throw ApiFault.detail(400, "Multipart form parse error - Invalid boundary in multipart: None");
        return parseMultipart(raw, boundary);
    }
    if (mediaType === "application/x-www-form-urlencoded") {
        return Object.fromEntries(new URLSearchParams(raw.toString("utf8")));
    }
    throw ApiFault.detail(415, `Unsupported media type "${type}" in request.`);
}

/**
 * A multipart/form-data body: text parts become strings, file parts {@link UploadedFile}s.
 * A repeated name keeps its last part, as Django's QueryDict.get does.
 */
export function parseMultipart(raw: Buffer, boundary: string): Record<string, string | UploadedFile> {
    const out: Record<string, string | UploadedFile> = {};
    const delim = Buffer.from(`--${boundary}`);
    let pos = raw.indexOf(delim);
    if (pos < 0) throw ApiFault.detail(400, "Multipart form parse error - no parts found");
    for (;;) {
        pos += delim.length;
        if (raw.subarray(pos, pos + 2).toString() === "--") break; // closing delimiter
        pos = skipCrlf(raw, pos);
        const headEnd = raw.indexOf("\r\n\r\n", pos);
        if (headEnd < 0) throw ApiFault.detail(400, "Multipart form parse error - part without headers");
        const headers = raw.subarray(pos, headEnd).toString("utf8");
        const next = raw.indexOf(Buffer.concat([Buffer.from("\r\n"), delim]), headEnd + 4);
        if (next < 0) throw ApiFault.detail(400, "Multipart form parse error - unterminated part");
        const content = raw.subarray(headEnd + 4, next);
        const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headers)?.[1] ?? "";
        const name = param(disposition, "name");
        const filename = param(disposition, "filename");
        const type = /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim() ?? "application/octet-stream";
        if (name !== undefined) out[name] = filename !== undefined ? new UploadedFile(filename, type, Buffer.from(content)) : content.toString("utf8");
        pos = next + 2;
    }
    return out;
}

function skipCrlf(raw: Buffer, pos: number): number {
    return raw[pos] === 0x0d && raw[pos + 1] === 0x0a ? pos + 2 : pos;
}

function param(disposition: string, key: string): string | undefined {
    const m = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, "i").exec(disposition) ?? new RegExp(`;\\s*${key}=([^;\\s]+)`, "i").exec(disposition);
    return m?.[1]?.replace(/\\(.)/g, "$1");
}
