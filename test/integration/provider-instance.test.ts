import * as crud from "../../provider/engine/crud";
import { clawInstanceFacts as facts } from "../../provider/resources/clawInstance";
import { ORG, TOKEN, useEmulator } from "../helpers/emulator";

// The provider engine's CRUD functions against a real emulator: what `pulumi up` would do,
// without the engine around it.
describe("ClawInstance engine against the emulator", () => {
    const env = useEmulator();
    const conn = () => ({ baseUrl: env.emu.url, org: ORG, apiToken: TOKEN });
    const args = { name: "prod", serverUrl: "https://claw.acme.dev", gatewayToken: "gw-tok-9f8e7d", authHeaders: { "X-Proxy": "p-4c4c4c" } };

    it("creates, reads, updates in place and deletes", async () => {
        const checked = crud.check(facts, conn(), {}, args);
        expect(checked.failures).toEqual([]);
        const created = await crud.create(facts, conn(), checked.inputs as Record<string, unknown>);
        expect(created.id).toMatch(/^\d+$/);
        expect(created.outs).toMatchObject({ name: "prod", clawType: "openclaw", status: "active", org: ORG, gatewayToken: "gw-tok-9f8e7d" });

        const stored = env.emu.store.get(ORG, "claw/instances", Number(created.id));
        expect(stored).toMatchObject({ gateway_token: "gw-tok-9f8e7d", auth_headers: { "X-Proxy": "p-4c4c4c" } });

        const news = { ...(checked.inputs as object), name: "prod-eu" } as Record<string, unknown>;
        expect(crud.diff(facts, created.id, created.outs, news)).toMatchObject({ changes: true, replaces: [] });
        const updated = await crud.update(facts, conn(), created.id, created.outs, news);
        expect(updated.outs).toMatchObject({ name: "prod-eu" });
        expect(env.emu.store.get(ORG, "claw/instances", Number(created.id))).toMatchObject({ name: "prod-eu", gateway_token: "gw-tok-9f8e7d" });

        const read = await crud.read(facts, conn(), created.id, updated.outs as Record<string, unknown>);
        expect(read.id).toBe(created.id);
        expect(read.props).toMatchObject({ name: "prod-eu", gatewayToken: "gw-tok-9f8e7d", apiBaseUrl: env.emu.url });

        await crud.remove(facts, conn(), created.id, read.props as Record<string, unknown>);
        expect(env.emu.store.get(ORG, "claw/instances", Number(created.id))).toBeUndefined();
    });

    it("reads a deleted object as gone and deletes it again without error", async () => {
        const c = await crud.create(facts, conn(), crud.check(facts, conn(), {}, args).inputs as Record<string, unknown>);
        env.emu.store.remove(ORG, "claw/instances", Number(c.id));
        expect(await crud.read(facts, conn(), c.id, c.outs)).toEqual({ id: "", props: {} });
        await expect(crud.remove(facts, conn(), c.id, c.outs)).resolves.toBeUndefined();
    });

    it("sends a removed write-only object as empty, so it is cleared on the service", async () => {
        const inputs = crud.check(facts, conn(), {}, args).inputs as Record<string, unknown>;
        const c = await crud.create(facts, conn(), inputs);
        const { authHeaders: _dropped, ...without } = inputs;
        await crud.update(facts, conn(), c.id, c.outs, without);
        expect(env.emu.store.get(ORG, "claw/instances", Number(c.id))).toMatchObject({ auth_headers: {} });
    });

    it("fails with the service's field error, redacted, and nothing half-created", async () => {
        const before = env.emu.store.list(ORG, "claw/instances").length;
        // Passes the client-side schema (a valid URL) but is longer than the service allows.
        const longUrl = `https://claw.acme.dev/${"x".repeat(200)}`;
        const inputs = { ...(crud.check(facts, conn(), {}, args).inputs as object), serverUrl: longUrl } as Record<string, unknown>;
        const err = await crud.create(facts, conn(), inputs).catch((e: Error) => e);
        expect(err).toBeInstanceOf(Error);
        expect((err as Error).message).toMatch(/iblai:ClawInstance create failed: .*(server_url|serverUrl)/s);
        expect((err as Error).message).not.toContain("gw-tok-9f8e7d");
        expect((err as Error).message).not.toContain(TOKEN);
        expect(env.emu.store.list(ORG, "claw/instances").length).toBe(before);
    });

    it("takes the token from config, not state: a wrong one fails with 401, redacted", async () => {
        const c = await crud.create(facts, conn(), crud.check(facts, conn(), {}, args).inputs as Record<string, unknown>);
        const rotated = { ...conn(), apiToken: "wrong-token-000" };
        const err = await crud.read(facts, rotated, c.id, c.outs).catch((e: Error) => e);
        expect(String(err)).toMatch(/HTTP 401/);
        expect(String(err)).not.toContain("wrong-token-000");
    });
});
