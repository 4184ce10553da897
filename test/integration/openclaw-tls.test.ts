/**
 * A real OpenClaw gateway serving TLS itself (`gateway.tls` with a self-signed certificate
 * for 127.0.0.1): the probes report the real TLS handshake, refresh-version and pushes go
 * over wss, and an untrusted certificate fails them with the TLS error.
 */
import { agentIdOf } from "../../emulator/placement";
import { useOpenClaw } from "../helpers/openclaw";
import { selfSigned } from "../helpers/tls";
import { ed25519Pem, instanceBody, MENTOR, useApi } from "./emulator-http";

jest.setTimeout(180_000);

const tls = selfSigned();
if (!tls) throw new Error("this test needs the openssl CLI to make a certificate for the gateway");

describe("a real OpenClaw gateway over TLS", () => {
    const oc = useOpenClaw({ tls });
    const api = useApi({ deliver: "real", pushDelayMs: 10, probeTimeoutMs: 5000, gatewayTimeoutMs: 60_000 });

    it("fails probes and pushes on an untrusted certificate, with the TLS error", async () => {
        api().emu.settings.probeCa = undefined;
        const inst = await api().create("claw/instances/", instanceBody({ server_url: oc().url, gateway_token: oc().token }));
        const conn = await api().post(`claw/instances/${inst.id}/test-connectivity/`);
        expect(conn.body.all_passed).toBe(false);
        expect(conn.body.checks[0].detail).toMatch(/self[- ]signed|certificate/i);
        const b = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: inst.id, agent_config: { identity: "# Ada" } });
        await api().post(`claw/mentor-configs/${b.id}/push-config/`);
        const done = await api().settle(`claw/mentor-configs/${b.id}/`, "last_config_push_status", 90_000);
        expect(done.last_config_push_status).toMatch(/^failed: connect: TLS connection to 127\.0\.0\.1:\d+ failed: .*self[- ]signed certificate/);
    });

    it("reports the TLS handshake and the version, and pushes over wss once the CA is trusted", async () => {
        api().emu.settings.probeCa = tls.cert;
        expect(oc().url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        const inst = await api().create(
            "claw/instances/",
            instanceBody({ server_url: oc().url, gateway_token: oc().token, connection_params: { device_identity: { private_key_pem: ed25519Pem() } } }),
        );
        const conn = await api().post(`claw/instances/${inst.id}/test-connectivity/`);
        expect(conn.body.all_passed).toBe(true);
        expect(conn.body.checks[0].detail).toMatch(new RegExp(`^TLS handshake with 127\\.0\\.0\\.1:${oc().port} succeeded \\(TLSv1\\.[23]\\)$`));
        expect((await api().post(`claw/instances/${inst.id}/refresh-version/`)).body.claw_version).toMatch(/^\d{4}\.\d+\.\d+/);

        const b = await api().create("claw/mentor-configs/", { mentor: MENTOR, server: inst.id, agent_config: { identity: "# Ada over wss", model: "openai/gpt-5" } });
        await api().post(`claw/mentor-configs/${b.id}/push-config/`);
        const done = await api().settle(`claw/mentor-configs/${b.id}/`, "last_config_push_status", 90_000);
        expect(done.last_config_push_status).toBe("success");
        expect(await oc().agentFile(agentIdOf(MENTOR), "IDENTITY.md")).toBe("# Ada over wss");
    });
});
