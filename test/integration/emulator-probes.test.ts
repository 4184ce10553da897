/**
 * test-connectivity, health-check, refresh-version and security-audit really probe the
 * instance's server_url: against the gateway stand-in (http and https), an unreachable
 * port, a gateway that is up but unwell, and a server that never answers.
 */
import * as net from "node:net";
import { type Gateway, startGateway } from "../../emulator";
import { selfSigned } from "../helpers/tls";
import { instanceBody, useApi } from "./emulator-http";

/** A port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
    const s = net.createServer();
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
    const port = (s.address() as net.AddressInfo).port;
    await new Promise<void>((r) => s.close(() => r()));
    return port;
}

describe("emulator probes of server_url", () => {
    const api = useApi({ probeTimeoutMs: 800 });
    let gw: Gateway;
    beforeAll(async () => {
        gw = await startGateway({ version: "2026.4.2-test" });
    });
    afterAll(async () => {
        await gw.close();
    });
    beforeEach(() => gw.setHealthy(true));

    const connectivity = async (serverUrl: string) => {
        const c = await api().create("claw/instances/", instanceBody({ server_url: serverUrl }));
        const r = await api().post(`claw/instances/${c.id}/test-connectivity/`);
        expect(r.status).toBe(200);
        return { id: c.id as number, body: r.body };
    };

    it("passes both checks against the gateway stand-in, which really sees the GET /", async () => {
        const before = gw.requestCount();
        const { body } = await connectivity(gw.url);
        expect(body.all_passed).toBe(true);
        expect(body.checks[1]).toEqual({ name: "health_check", passed: true, detail: "GET / answered 200" });
        expect(gw.requestCount()).toBe(before + 1);
    });

    it("fails tls_reachable with the connection error when nothing listens, and skips the health check", async () => {
        const port = await closedPort();
        const { body } = await connectivity(`https://127.0.0.1:${port}`);
        expect(body.all_passed).toBe(false);
        expect(body.checks[0].name).toBe("tls_reachable");
        expect(body.checks[0].passed).toBe(false);
        expect(body.checks[0].detail).toContain(`127.0.0.1:${port}`);
        expect(body.checks[0].detail).toMatch(/ECONNREFUSED/);
        expect(body.checks[1]).toMatchObject({ name: "health_check", passed: false });
        expect(body.checks[1].detail).toMatch(/not reachable/);
    });

    it("fails tls_reachable for a host name that does not resolve", async () => {
        const { body } = await connectivity("https://no-such-claw-server.invalid");
        expect(body.checks[0].passed).toBe(false);
        expect(body.checks[0].detail).toMatch(/ENOTFOUND|EAI_AGAIN|no answer/);
    });

    it("fails health_check when the server is up but answers GET / with 503, and health-check records it", async () => {
        gw.setHealthy(false);
        const { id, body } = await connectivity(gw.url);
        expect(body.checks[0].passed).toBe(true);
        expect(body.checks[1]).toEqual({ name: "health_check", passed: false, detail: "GET / answered 503 (expected 200)" });
        const h = await api().post(`claw/instances/${id}/health-check/`);
        expect(h.body.status).toBe("unhealthy");
        expect((await api().get(`claw/instances/${id}/`)).body.last_health_status).toBe("unhealthy");
        gw.setHealthy(true);
        await api().post(`claw/instances/${id}/health-check/`);
        expect((await api().get(`claw/instances/${id}/`)).body.last_health_status).toBe("healthy");
    });

    it("fails health_check with a timeout when the server accepts but never answers", async () => {
        const sockets = new Set<net.Socket>();
        const silent = net.createServer((s) => void sockets.add(s));
        await new Promise<void>((r) => silent.listen(0, "127.0.0.1", () => r()));
        try {
            const port = (silent.address() as net.AddressInfo).port;
            const { body } = await connectivity(`http://127.0.0.1:${port}`);
            expect(body.checks[0].passed).toBe(true);
            expect(body.checks[1].passed).toBe(false);
            expect(body.checks[1].detail).toMatch(/no answer within 800 ms/);
        } finally {
            for (const s of sockets) s.destroy();
            await new Promise<void>((r) => silent.close(() => r()));
        }
    });

    it("refresh-version reads the version the server reports, and fails with a detail when unreachable", async () => {
        const { id } = await connectivity(gw.url);
        expect((await api().post(`claw/instances/${id}/refresh-version/`)).body).toEqual({ claw_version: "2026.4.2-test" });
        expect((await api().get(`claw/instances/${id}/`)).body.claw_version).toBe("2026.4.2-test");
        const dead = await connectivity(`http://127.0.0.1:${await closedPort()}`);
        const r = await api().post(`claw/instances/${dead.id}/refresh-version/`);
        expect(r.status).toBe(400);
        expect(r.body.detail).toMatch(/^Could not detect the claw version: .*ECONNREFUSED/);
        const a = await api().post(`claw/instances/${dead.id}/security-audit/`);
        expect(a.status).toBe(400);
        expect(a.body.detail).toMatch(/^Could not reach the claw server: /);
    });

    const tls = selfSigned();
    (tls ? it : it.skip)("verifies TLS for https URLs: a self-signed gateway fails until its CA is trusted", async () => {
        const secure = await startGateway({ tls });
        try {
            const url = secure.url;
            expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
            const untrusted = (await connectivity(url)).body;
            expect(untrusted.checks[0].passed).toBe(false);
            expect(untrusted.checks[0].detail).toMatch(/self[- ]signed|certificate/i);
            api().emu.settings.probeCa = tls?.cert;
            const trusted = (await connectivity(url)).body;
            expect(trusted.checks[0].passed).toBe(true);
            expect(trusted.checks[0].detail).toMatch(/^TLS handshake with 127\.0\.0\.1:\d+ succeeded \(TLSv1\.[23]\)$/);
            expect(trusted.all_passed).toBe(true);
        } finally {
            delete api().emu.settings.probeCa;
            await secure.close();
        }
    });
});
