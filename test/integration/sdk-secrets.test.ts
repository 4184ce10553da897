import { generateKeyPairSync } from "node:crypto";
import { inspect } from "node:util";
import { ClawError, type RequestEvent } from "../../sdk";
import { TOKEN, useEmulator } from "../helpers/emulator";
import { clearFaults, mentorId, setFaults, uniq } from "./sdk-helpers";

// Drives many failing and succeeding calls, collects every error text and every log line
// the client produced, and checks that no secret appears in any of them.
describe("sdk keeps secrets out of errors and logs", () => {
    const env = useEmulator();
    afterEach(() => clearFaults(env.emu.url));

    const GW = "gw-secret-e2a91f07";
    const PROXY = "proxy-secret-5b3c";
    const WRONG = "wrong-token-c0ffee42";
    const PEM = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const PEM_BODY = PEM.split("\n")[1];

    it("in every error message and every onRequest event", async () => {
        const lines: string[] = [];
        const log = (e: RequestEvent) => lines.push(JSON.stringify(e), inspect(e));
        const client = env.client({ onRequest: log, timeoutMs: 300, retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 } });
        const errors: unknown[] = [];
        const attempt = async (f: () => Promise<unknown>) => {
            try {
                await f();
            } catch (e) {
                errors.push(e);
            }
        };
        const body = (name = uniq("sec")) => ({
            name,
            server_url: "https://sec.example.com",
            gateway_token: GW,
            auth_headers: { "X-Proxy-Auth": PROXY },
            connection_params: { device_identity: { private_key_pem: PEM } },
        });

        const inst = await client.instances.create(body());
        const faults: Array<[object, () => Promise<unknown>]> = [
            [{ method: "POST", route: "claw/instances/", kind: "status", status: 429 }, () => client.instances.create(body())],
            [{ method: "PATCH", route: "claw/instances/{id}/", kind: "status", status: 503 }, () => client.instances.update(inst.id, body())],
            [{ method: "PUT", route: "claw/instances/{id}/", kind: "reset-before" }, () => client.instances.replace(inst.id, body())],
            [{ method: "PATCH", route: "claw/instances/{id}/", kind: "latency", ms: 1000 }, () => client.instances.update(inst.id, { gateway_token: GW })],
            [{ method: "POST", route: "claw/instances/", kind: "status", status: 500 }, () => client.instances.create(body())],
        ];
        for (const [rule, call] of faults) {
            await setFaults(env.emu.url, [rule as never]);
            await attempt(call);
        }
        await clearFaults(env.emu.url);
        await attempt(() => client.request("POST", "claw/instances/", { body: { ...body(), server_url: "not a url" }, secrets: [GW, PROXY, PEM] }));
        await attempt(() => client.instances.update(inst.id, { ...body(), name: "" }));
        await attempt(() => client.instances.get(999_999));
        const bare = await client.instances.create({ name: uniq("bare"), server_url: "https://bare.example.com", gateway_token: GW });
        const b = await client.mentorBindings.create({ mentor: mentorId(), server: bare.id });
        await attempt(() => client.mentorBindings.pushConfigAndWait(b.id, { pollIntervalMs: 50, timeoutMs: 10_000 }));
        const wrong = env.client({ token: WRONG, onRequest: log });
        await attempt(() => wrong.instances.listAll());
        await attempt(() => wrong.instances.create(body()));

        expect(errors.length).toBeGreaterThanOrEqual(10);
        expect(errors.every((e) => ClawError.isInstance(e))).toBe(true);
        expect(lines.length).toBeGreaterThanOrEqual(15);
        const texts = errors.flatMap((e) => {
            const c = e as ClawError;
            return [c.message, String(c), JSON.stringify(c), inspect(c), c.stack ?? "", c.detail ?? "", JSON.stringify(c.fieldErrors ?? {}), JSON.stringify((c as { cause?: unknown }).cause ?? {})];
        });
        const all = [...texts, ...lines].join("\n");
        for (const secret of [TOKEN, WRONG, GW, PROXY, PEM_BODY]) expect(all).not.toContain(secret);
    });
});
