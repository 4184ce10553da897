import { generateKeyPairSync } from "node:crypto";
import { type ClawClient, PushFailedError, TimeoutError, warningText } from "../../sdk";
import { useEmulator } from "../helpers/emulator";
import { ORG } from "../helpers/emulator";
import { admin, clearFaults, mentorId, setFaults, uniq } from "./sdk-helpers";

// Push helpers against the emulator's asynchronous pushes: queue, poll the outcome fields,
// return the warnings or fail with the service's text and a hint.
describe("sdk push helpers against the emulator", () => {
    const env = useEmulator();
    let client: ClawClient;
    beforeAll(() => {
        client = env.client({ retry: { baseDelayMs: 5, maxDelayMs: 50 } });
    });
    afterEach(() => clearFaults(env.emu.url));

    const pem = () => generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const fast = { pollIntervalMs: 50, maxPollIntervalMs: 200, timeoutMs: 15_000 };

    const server = (withIdentity: boolean) =>
        client.instances.create({
            name: uniq("push"),
            server_url: `https://${uniq("push")}.example.com`,
            gateway_token: "gw-push-tok",
            claw_type: "openclaw",
            ...(withIdentity ? { connection_params: { device_identity: { private_key_pem: pem() } } } : {}),
        });

    it("queues a config push and waits for success, returning the warnings", async () => {
        const s = await server(true);
        const b = await client.mentorBindings.create({ mentor: mentorId(), server: s.id, enabled: true });
        await client.agentConfigs.upsertForMentor(b.mentor, { identity: "# Ada", config: { agents: { defaults: { heartbeat: { every: "30m" } } } } });
        const out = await client.mentorBindings.pushConfigAndWait(b.id, fast);
        expect(out.status).toBeTruthy();
        expect(Array.isArray(out.warnings)).toBe(true);
        const after = await client.mentorBindings.get(b.id);
        expect(after.last_config_push).toBeTruthy();
        expect(out.finishedAt).toBe(after.last_config_push);

        // A second push is told apart from the first by its new timestamp.
        const again = await client.mentorBindings.pushConfigAndWait(b.id, fast);
        expect(again.finishedAt).not.toBe(out.finishedAt);
    });

    it("returns what the service said when queuing", async () => {
        const s = await server(true);
        const b = await client.mentorBindings.create({ mentor: mentorId(), server: s.id });
        expect(await client.mentorBindings.pushConfig(b.id)).toMatchObject({ queued: true });
    });

    it("fails a push without device identity with the service's text and the device_identity hint", async () => {
        const s = await server(false);
        const b = await client.mentorBindings.create({ mentor: mentorId(), server: s.id });
        const e = (await client.mentorBindings.pushConfigAndWait(b.id, fast).catch((x: unknown) => x)) as PushFailedError;
        expect(e).toBeInstanceOf(PushFailedError);
        expect(e.code).toBe("CLAW_PUSH_FAILED");
        expect(e.pushStatus).toMatch(/operator\.read/);
        expect(e.hint).toContain("connection_params.device_identity");
        expect(e.message).toContain(`POST claw/mentor-configs/${b.id}/push-config/`);
    });

    it("fails an unapproved device with the pairing hint and the request id, then succeeds once approved", async () => {
        await admin(env.emu.url, "PUT", "settings", { requireDeviceApproval: true });
        try {
            const s = await server(true);
            const b = await client.mentorBindings.create({ mentor: mentorId(), server: s.id });
            const e = (await client.mentorBindings.pushConfigAndWait(b.id, fast).catch((x: unknown) => x)) as PushFailedError;
            expect(e).toBeInstanceOf(PushFailedError);
            expect(e.pushStatus).toContain("PAIRING_REQUIRED");
            const requestId = /devices approve ([\w-]+)/.exec(e.pushStatus ?? "")?.[1];
            expect(requestId).toBeTruthy();
            expect(e.hint).toContain("openclaw devices list");
            expect(e.hint).toContain(`openclaw devices approve ${requestId}`);

            await admin(env.emu.url, "POST", `orgs/${ORG}/instances/${s.id}/approve-device`, { request_id: requestId });
            await expect(client.mentorBindings.pushConfigAndWait(b.id, fast)).resolves.toMatchObject({ status: "success" });

            // A gateway update drops the pairing: NOT_PAIRED, with the same advice.
            await admin(env.emu.url, "POST", `orgs/${ORG}/instances/${s.id}/revoke-device`);
            const again = (await client.mentorBindings.pushConfigAndWait(b.id, fast).catch((x: unknown) => x)) as PushFailedError;
            expect(again.pushStatus).toContain("NOT_PAIRED");
            expect(again.hint).toContain("openclaw devices approve");
        } finally {
            await admin(env.emu.url, "PUT", "settings", { requireDeviceApproval: false });
        }
    });

    it("reports the security warnings of a push", async () => {
        const s = await server(true);
        const b = await client.mentorBindings.create({ mentor: mentorId(), server: s.id });
        // Allowed, unlike a blocked path, but the service's baseline check warns about it.
        await client.agentConfigs.upsertForMentor(b.mentor, { config: { tools: { exec: { security: "full" } } } });
        const out = await client.mentorBindings.pushConfigAndWait(b.id, fast);
        expect(out.warnings.map(warningText)).toEqual([expect.stringContaining("tools.exec.security")]);
        expect(out.warnings).toEqual((await client.mentorBindings.get(b.id)).last_push_warnings);
    });

    it("waits out a slow push, and times out when it is slower than allowed", async () => {
        const s = await server(true);
        const b = await client.mentorBindings.create({ mentor: mentorId(), server: s.id });
        await setFaults(env.emu.url, [{ route: "claw/mentor-configs/{id}/push-config/", kind: "slow-push", ms: 1500, times: 1 }]);
        const t0 = Date.now();
        const e = (await client.mentorBindings.pushConfigAndWait(b.id, { ...fast, timeoutMs: 500 }).catch((x: unknown) => x)) as TimeoutError;
        expect(e).toBeInstanceOf(TimeoutError);
        expect(Date.now() - t0).toBeLessThan(1400);
        expect(e.message).toContain("did not finish within 500 ms");

        await setFaults(env.emu.url, [{ route: "claw/mentor-configs/{id}/push-config/", kind: "slow-push", ms: 800, times: 1 }]);
        const t1 = Date.now();
        await expect(client.mentorBindings.pushConfigAndWait(b.id, fast)).resolves.toMatchObject({ warnings: expect.any(Array) });
        expect(Date.now() - t1).toBeGreaterThanOrEqual(700);
    });

    it("pushes every enabled model provider of an instance and reports each", async () => {
        const s = await server(true);
        const base = { server: s.id, base_url: "https://openrouter.ai/api/v1", api_type: "openai-completions", credential_name: "or" };
        const p1 = await client.modelProviders.create({ ...base, name: "openrouter", enabled: true });
        const p2 = await client.modelProviders.create({ ...base, name: "anthropic", api_type: "anthropic-messages", enabled: true });
        const off = await client.modelProviders.create({ ...base, name: "disabled", enabled: false });
        const out = await client.instances.pushProvidersAndWait(s.id, fast);
        expect(out.providers.map((p) => p.id).sort()).toEqual([p1.id, p2.id].sort());
        expect(out.providers.every((p) => p.status && p.finishedAt)).toBe(true);
        expect((await client.modelProviders.get(off.id)).last_provider_push ?? null).toBeNull();
        expect(await client.instances.pushProviders(s.id)).toMatchObject({ queued: true });
    });

    it("fails a provider push naming each failed provider and the service's reason", async () => {
        await admin(env.emu.url, "PUT", `orgs/${ORG}/credentials`, { names: ["or"] });
        try {
            const s = await server(true);
            const base = { server: s.id, base_url: "https://x.example/v1", api_type: "openai-completions" };
            await client.modelProviders.create({ ...base, name: "good", credential_name: "or", enabled: true });
            await client.modelProviders.create({ ...base, name: "bad", credential_name: "no-such-credential", enabled: true });
            const e = (await client.instances.pushProvidersAndWait(s.id, fast).catch((x: unknown) => x)) as PushFailedError;
            expect(e).toBeInstanceOf(PushFailedError);
            expect(e.message).toContain("failed for bad");
            expect(e.pushStatus).toMatch(/^bad: failed: .*no-such-credential/);
            expect(e.pushStatus).not.toContain("good");
        } finally {
            await admin(env.emu.url, "DELETE", `orgs/${ORG}/credentials`);
        }
    });

    it("returns at once when an instance has no enabled provider", async () => {
        const s = await server(true);
        await expect(client.instances.pushProvidersAndWait(s.id, fast)).resolves.toMatchObject({ providers: [] });
    });
});
