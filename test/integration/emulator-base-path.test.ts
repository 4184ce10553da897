/**
 * Issue 10, point 4: the platform's own host carries a path prefix (`https://<host>/dm`)
 * before `/api/ai-mentor/`. The emulator can serve under one (`basePath`), and the sdk
 * builds every URL under it: raw HTTP pins the emulator's side, the sdk's round trip
 * (create, list with paging links, get, delete) pins the client's.
 */
import { ClawClient } from "../../sdk";
import { Api, instanceBody, ORG, TOKEN, useApi } from "./emulator-http";

describe("a base URL with a path prefix", () => {
    const api = useApi({ basePath: "/dm/" });

    it("serves the API under the prefix and 404s without it", async () => {
        expect(api().emu.basePath).toBe("/dm");
        expect(api().emu.url).toMatch(/:\d+\/dm$/);
        expect((await api().get("claw/instances/")).status).toBe(200);
        const origin = api().emu.url.slice(0, -"/dm".length);
        const bare = await fetch(`${origin}/api/ai-mentor/orgs/${ORG}/claw/instances/`, { headers: { authorization: `Token ${TOKEN}` } });
        expect(bare.status).toBe(404);
    });

    it("gives paging links under the prefix", async () => {
        for (let i = 0; i < 3; i++) await api().create("claw/instances/", instanceBody({ name: `dm${i}` }));
        const first = await api().get("claw/instances/?limit=2");
        expect(first.body.next).toBe(`${api().base()}claw/instances/?limit=2&offset=2`);
        expect(first.body.next).toContain("/dm/api/ai-mentor/");
    });

    it.each([["with"], ["without"]])("carries an sdk round trip, base URL %s a trailing slash", async (slash) => {
        const a: Api = api();
        const client = new ClawClient({ baseUrl: slash === "with" ? `${a.emu.url}/` : a.emu.url, org: ORG, token: TOKEN, pageSize: 1 });
        try {
            const made = await client.instances.create({ name: `sdk-${slash}`, server_url: "https://dm.example.com", gateway_token: "gw-token-dm-1" });
            expect(client.urlOf("claw/instances/")).toBe(`${a.emu.url}/api/ai-mentor/orgs/${ORG}/claw/instances/`);
            expect((await client.instances.get(made.id)).name).toBe(`sdk-${slash}`);
            // pageSize 1: every page after the first is read through the service's `next` links.
            expect((await client.instances.listAll()).map((i) => i.name)).toContain(`sdk-${slash}`);
            await client.instances.delete(made.id);
        } finally {
            await client.close();
        }
    });
});
