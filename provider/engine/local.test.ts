import { createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
import { deviceIdentityFacts, fingerprintOf } from "../resources/deviceIdentity";
import { gatewayTokenFacts } from "../resources/gatewayToken";
import { localMethods } from "./local";

describe("DeviceIdentity", () => {
    const m = localMethods(deviceIdentityFacts);

    it("generates an Ed25519 PKCS8 key whose public half verifies its signatures", async () => {
        const { id, outs } = await m.create({ keepers: { v: "1" } });
        expect(id).toMatch(/^[0-9a-f-]{36}$/);
        expect(outs.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
        const priv = createPrivateKey(outs.privateKeyPem as string);
        expect(priv.asymmetricKeyType).toBe("ed25519");
        const msg = Buffer.from("v2|device|client|mode|role|scopes|0|token|nonce");
        expect(verify(null, msg, createPublicKey(outs.publicKeyPem as string), sign(null, msg, priv))).toBe(true);
        expect(outs.connectionParams).toEqual({ device_identity: { private_key_pem: outs.privateKeyPem } });
        expect(outs.fingerprint).toBe(fingerprintOf(outs.publicKeyPem as string));
        expect(outs.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    });

    it("makes a different key each time, and replaces on a keepers change only", async () => {
        const a = await m.create({});
        const b = await m.create({});
        expect(a.outs.privateKeyPem).not.toBe(b.outs.privateKeyPem);
        expect(await m.diff("x", { ...a.outs, keepers: { v: "1" } }, { keepers: { v: "1" } })).toMatchObject({ changes: false });
        expect(await m.diff("x", { ...a.outs, keepers: { v: "1" } }, { keepers: { v: "2" } })).toMatchObject({ changes: true, replaces: ["keepers"] });
    });

    it("rejects an unknown input by name", async () => {
        const r = await m.check({}, { keepers: { a: "b" }, rotate: true });
        expect(r.failures).toEqual([expect.objectContaining({ property: "rotate", reason: expect.stringMatching(/unknown input/) })]);
    });
});

describe("GatewayToken", () => {
    const m = localMethods(gatewayTokenFacts);

    it("makes a base64url token of the asked size", async () => {
        const { outs } = await m.create({ bytes: 48 });
        expect(Buffer.from(outs.value as string, "base64url")).toHaveLength(48);
        expect((await m.create({})).outs.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it("refuses a token too short to be safe, naming the input", async () => {
        const r = await m.check({}, { bytes: 8 });
        expect(r.failures).toEqual([{ property: "bytes", reason: expect.stringMatching(/^bytes: at least 16 bytes/) }]);
    });
});
