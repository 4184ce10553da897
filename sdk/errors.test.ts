import { generateKeyPairSync } from "node:crypto";
import { inspect } from "node:util";
import { AuthenticationError, ClawError, ConflictError, NotFoundError, PushFailedError, ValidationError, errorForStatus, parseDrfBody, redactDeep, redactText } from "./errors";

describe("errorForStatus", () => {
    it("maps a DRF 400 to a ValidationError naming each field", () => {
        const e = errorForStatus(400, { server_url: ["Enter a valid URL."], name: ["This field is required."] }, { method: "POST", route: "claw/instances/" });
        expect(e).toBeInstanceOf(ValidationError);
        expect(e.message).toContain("POST claw/instances/");
        expect(e.message).toContain("HTTP 400");
        expect(e.message).toContain("server_url: Enter a valid URL.");
        expect(e.fieldErrors).toEqual({ server_url: ["Enter a valid URL."], name: ["This field is required."] });
    });

    it("treats a uniqueness 400 as a conflict", () => {
        const e = errorForStatus(400, { slug: ["agent skill with this slug already exists."] }, { method: "POST", route: "agent-skills/" });
        expect(e).toBeInstanceOf(ConflictError);
        expect(e.code).toBe("CLAW_CONFLICT");
    });

    it.each([
        [401, "CLAW_AUTH"],
        [403, "CLAW_FORBIDDEN"],
        [404, "CLAW_NOT_FOUND"],
        [409, "CLAW_CONFLICT"],
        [429, "CLAW_RATE_LIMITED"],
        [503, "CLAW_SERVER"],
        [418, "CLAW_HTTP"],
    ])("maps %i to %s", (status, code) => {
        expect(errorForStatus(status, { detail: "x" }, {}).code).toBe(code);
    });

    it("gives a hint for auth failures", () => {
        const e = errorForStatus(401, { detail: "Invalid token." }, { method: "GET", route: "claw/instances/" });
        expect(e).toBeInstanceOf(AuthenticationError);
        expect(e.message).toMatch(/hint: .*iblai:apiToken/);
    });
});

describe("redaction", () => {
    it("scrubs the token and write-only values from the message, detail and JSON", () => {
        const e = new ValidationError("rejected", {
            method: "POST",
            route: "claw/instances/",
            status: 400,
            detail: "token s3cr3t-gw was refused",
            fieldErrors: { gateway_token: ["s3cr3t-gw is too short"] },
            secrets: ["s3cr3t-gw"],
        });
        const all = [e.message, String(e), JSON.stringify(e), e.detail, ...Object.values(e.fieldErrors ?? {}).flat()].join("\n");
        expect(all).not.toContain("s3cr3t-gw");
        expect(all).toContain("[REDACTED]");
    });

    it("scrubs anything shaped like an Authorization header", () => {
        expect(redactText("sent Authorization: Token abcdef123456", [])).toBe("sent Authorization: Token [REDACTED]");
        expect(redactText("Api-Key k3y-value", [])).toBe("Api-Key [REDACTED]");
        expect(redactText("Api-Token k3y-value", [])).toBe("Api-Token [REDACTED]");
    });

    it("ignores secrets too short to scrub safely", () => {
        expect(redactText("a b c", ["b"])).toBe("a b c");
    });
});

// Issue 10, point 8a: a private key echoed inside a nested field error became JSON text
// (newlines as `\n`), and the raw-text redaction no longer matched it.
describe("redaction of secrets echoed in other encodings", () => {
    const PEM = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const KEY_LINE = PEM.split("\n")[1] as string;
    const GW = 'gw"tok\\en-77c1 with spaces';
    /** Every text an error shows: message, stack, fields, JSON and inspect output. */
    const everything = (e: ClawError) => [e.message, e.stack, String(e), JSON.stringify(e), inspect(e, { depth: 10 }), JSON.stringify(e.fieldErrors), e.detail, e.hint].join("\n");
    const leaks = (text: string) =>
        [PEM, KEY_LINE, JSON.stringify(PEM).slice(1, -1), GW, JSON.stringify(GW).slice(1, -1), Buffer.from(PEM).toString("base64"), encodeURIComponent(PEM)].filter((s) =>
            text.includes(s),
        );

    it.each([
        ["a nested field error", { connection_params: { device_identity: { private_key_pem: [`Invalid key: ${PEM}`] } } }],
        ["a doubly nested echo (JSON inside a string inside JSON)", { connection_params: [JSON.stringify({ device_identity: { private_key_pem: PEM } })] }],
        ["an object inside a list", { non_field_errors: [{ echo: { pem: PEM, token: GW } }] }],
        ["the key's base64 and URL-encoded forms", { detail: `got ${Buffer.from(PEM).toString("base64")} and ${encodeURIComponent(PEM)}` }],
        ["a CRLF re-wrap of the key", { connection_params: [PEM.replace(/\n/g, "\r\n")] }],
        ["one line of the key", { connection_params: [`bad base64 near ${KEY_LINE}`] }],
        ["the token in a nested object", { gateway_token: { value: GW, hint: [GW] } }],
    ])("scrubs %s from message, stack, fieldErrors, JSON and inspect", (_, body) => {
        const e = errorForStatus(400, body, { method: "POST", route: "claw/instances/", secrets: [PEM, GW] });
        const text = everything(e);
        expect(leaks(text)).toEqual([]);
        expect(text).toContain("[REDACTED]");
    });

    it("scrubs a PEM private key nobody declared secret", () => {
        const e = errorForStatus(400, { x: { y: PEM } }, { method: "PATCH", route: "claw/instances/1/" });
        expect(leaks(everything(e))).toEqual([]);
    });

    it("scrubs the warnings and status of a failed push", () => {
        const e = new PushFailedError("push failed", { pushStatus: `failed: ${JSON.stringify({ k: PEM })}`, warnings: [{ detail: { pem: PEM } }, `token ${GW}`], secrets: [PEM, GW] });
        expect(leaks([everything(e), JSON.stringify(e.warnings), e.pushStatus].join("\n"))).toEqual([]);
    });

    it("redactDeep keeps structure and scrubs keys and values", () => {
        expect(redactDeep({ a: [{ [`k ${GW}`]: `v ${GW}` }], n: 3 }, [GW])).toEqual({ a: [{ "k [REDACTED]": "v [REDACTED]" }], n: 3 });
    });
});

describe("isInstance", () => {
    it("recognises errors across module copies by marker, not class identity", () => {
        const e = new NotFoundError("gone", { status: 404 });
        const foreign = Object.assign(Object.create(null), { [Symbol.for("pulumi-iblai-claw.ClawError")]: true, code: "CLAW_NOT_FOUND" });
        expect(NotFoundError.isInstance(e)).toBe(true);
        expect(NotFoundError.isInstance(foreign)).toBe(true);
        expect(ValidationError.isInstance(e)).toBe(false);
        expect(ClawError.isInstance(new Error("plain"))).toBe(false);
    });
});

describe("parseDrfBody", () => {
    it("reads detail, field lists, plain strings and non_field_errors", () => {
        expect(parseDrfBody({ detail: "Not found." })).toEqual({ detail: "Not found.", fieldErrors: undefined });
        expect(parseDrfBody({ name: "bad" })).toEqual({ detail: undefined, fieldErrors: { name: ["bad"] } });
        expect(parseDrfBody(["x"])).toEqual({ fieldErrors: { non_field_errors: ["x"] } });
        expect(parseDrfBody("<html>oops</html>")).toEqual({ detail: "<html>oops</html>" });
    });
});
