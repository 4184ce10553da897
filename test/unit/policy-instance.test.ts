import { runResource, secret, unknown } from "../../policy/harness";
import { clawServerHttps, openclawDeviceIdentity } from "../../policy/policies";
import { TOKENS } from "../../policy/tokens";
import { classifyUrl, isLoopbackHost } from "../../policy/urls";

const KEY = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIcanary-key-material\n-----END PRIVATE KEY-----\n";
const instance = (props: Record<string, unknown>) => ({
    type: TOKENS.ClawInstance,
    name: "prod",
    props: { name: "prod", serverUrl: "https://claw.acme.dev", gatewayToken: secret("gw-canary-token"), ...props },
});

describe("URL rules", () => {
    it("treats localhost, 127.0.0.0/8 and ::1 as loopback, and nothing else", () => {
        for (const h of ["localhost", "LOCALHOST", "app.localhost", "127.0.0.1", "127.1.2.3", "[::1]", "::1"]) expect(isLoopbackHost(h)).toBe(true);
        for (const h of ["10.0.0.1", "localhost.evil.com", "127.0.0.1.nip.io", "0.0.0.0", "[::2]"]) expect(isLoopbackHost(h)).toBe(false);
    });
    it("classifies URLs by scheme and host", () => {
        expect(classifyUrl("https://claw.acme.dev")).toBe("https");
        expect(classifyUrl("HTTPS://claw.acme.dev:8443/x")).toBe("https");
        expect(classifyUrl("http://127.0.0.1:18789")).toBe("loopback-http");
        expect(classifyUrl("http://claw.acme.dev")).toBe("http");
        expect(classifyUrl("ws://claw.acme.dev")).toBe("other-scheme");
        expect(classifyUrl("claw.acme.dev")).toBe("invalid");
        expect(classifyUrl(42)).toBe("invalid");
    });
});

describe("claw-server-https", () => {
    const run = (props: Record<string, unknown>, config = {}) => runResource([clawServerHttps], instance(props), config);

    it("passes https", async () => {
        expect((await run({})).diagnostics).toEqual([]);
    });
    it("rejects plain http to a remote host as mandatory, without printing the URL", async () => {
        const r = await run({ serverUrl: "http://user:pw-canary@claw.acme.dev" });
        expect(r.violations).toEqual([expect.objectContaining({ level: "mandatory", message: expect.stringContaining('ClawInstance "prod": serverUrl must use https') })]);
        expect(r.violations[0].message).not.toContain("pw-canary");
        expect(r.violations[0].message).not.toContain("acme.dev");
    });
    it("allows http to a loopback host by default, and refuses it when configured so", async () => {
        expect((await run({ serverUrl: "http://127.0.0.1:18789" })).diagnostics).toEqual([]);
        const r = await run({ serverUrl: "http://localhost:18789" }, { "claw-server-https": { allowLoopbackHttp: false } });
        expect(r.violations).toHaveLength(1);
    });
    it("rejects other schemes and values that are not URLs", async () => {
        expect((await run({ serverUrl: "ftp://claw.acme.dev" })).violations[0].message).toContain("must be an https URL");
        expect((await run({ serverUrl: "not a url" })).violations[0].message).toContain("not a valid URL");
    });
    it("leaves an unknown URL to the SDK's advisory note", async () => {
        const r = await run({ serverUrl: unknown.string });
        expect(r.violations).toEqual([]);
        expect(r.unknownNotes).toHaveLength(1);
    });
});

describe("claw-openclaw-device-identity", () => {
    const run = (props: Record<string, unknown>, config = {}) => runResource([openclawDeviceIdentity], instance(props), config);

    it("passes an OpenClaw instance with a PKCS8 PEM key, given as a secret", async () => {
        expect((await run({ clawType: "openclaw", connectionParams: secret({ device_identity: { private_key_pem: KEY } }) })).diagnostics).toEqual([]);
    });
    it("warns (advisory) when an OpenClaw instance has none, the claw type defaulting to openclaw", async () => {
        for (const props of [{}, { connectionParams: secret({ timeout: 30 }) }, { connectionParams: secret({ device_identity: { private_key_pem: "  " } }) }]) {
            const r = await run(props);
            expect(r.violations).toEqual([expect.objectContaining({ level: "advisory", message: expect.stringContaining("missing scope: operator.read") })]);
        }
    });
    it("warns about a key that is not PKCS8 PEM, without printing it (unless that check is switched off)", async () => {
        const other = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEcanary\n-----END OPENSSH PRIVATE KEY-----";
        const r = await run({ connectionParams: secret({ device_identity: { private_key_pem: other } }) });
        expect(r.violations[0].message).toContain("not a PKCS8 PEM key");
        expect(r.violations[0].message).not.toContain("canary");
        expect((await run({ connectionParams: { device_identity: { private_key_pem: other } } }, { "claw-openclaw-device-identity": { requirePkcs8Pem: false } })).diagnostics).toEqual([]);
    });
    it("does not apply to IronClaw instances", async () => {
        expect((await run({ clawType: "ironclaw" })).diagnostics).toEqual([]);
    });
    it("leaves an unknown key to the SDK's advisory note", async () => {
        const r = await run({ connectionParams: { device_identity: { private_key_pem: unknown.string } } });
        expect(r.violations).toEqual([]);
        expect(r.unknownNotes).toEqual([expect.objectContaining({ message: expect.stringContaining("device_identity.private_key_pem") })]);
    });
    it("can be made mandatory by config", async () => {
        expect((await run({}, { "claw-openclaw-device-identity": { enforcementLevel: "mandatory" } })).violations[0].level).toBe("mandatory");
    });
});
