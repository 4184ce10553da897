import { AuthenticationError, ClawError, ConflictError, NotFoundError, ValidationError, errorForStatus, parseDrfBody, redactText } from "./errors";

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
    });

    it("ignores secrets too short to scrub safely", () => {
        expect(redactText("a b c", ["b"])).toBe("a b c");
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
