import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * A self-signed certificate for 127.0.0.1 (and localhost), made with the openssl CLI;
 * undefined when openssl is not installed.
 *
 * @example
 * ```ts
 * const tls = selfSigned(); // { key: "-----BEGIN PRIVATE KEY-----…", cert: "-----BEGIN CERTIFICATE-----…" }
 * ```
 */
export function selfSigned(): { key: string; cert: string } | undefined {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claw-tls-"));
    try {
        execFileSync(
            "openssl",
            ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
            { cwd: dir, stdio: "ignore" },
        );
        return { key: fs.readFileSync(path.join(dir, "key.pem"), "utf8"), cert: fs.readFileSync(path.join(dir, "cert.pem"), "utf8") };
    } catch {
        return undefined;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
