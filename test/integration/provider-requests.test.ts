import { generateKeyPairSync } from "node:crypto";
import * as crud from "../../provider/engine/crud";
import { pushMethods } from "../../provider/engine/push";
import { agentConfigFacts } from "../../provider/resources/agentConfig";
import { configPushFacts } from "../../provider/resources/configPush";
import { mentorBindingFacts } from "../../provider/resources/mentorBinding";
import { ORG, TOKEN, useEmulator } from "../helpers/emulator";

// Issue 14: what one mentor costs in requests, counted by a real emulator. The provider
// sends what the guide's curl calls send (POST binding, PATCH its agent config, POST
// push-config) plus only the reads that tell the push's outcome; destroy sends one DELETE
// per object when the AgentConfig resource took the config with it.
const MENTOR = "0b9e4c21-6d3a-4f7e-8c15-9a2d4e6f8b30";

describe("requests per mentor (provider against the emulator)", () => {
    const env = useEmulator({ pushDelayMs: 20 });
    const conn = () => ({ baseUrl: env.emu.url, org: ORG, apiToken: TOKEN, tuning: { maxConcurrency: 8, pushPollIntervalMs: 20 } });
    const since = () => {
        const start = env.emu.requestCounts();
        return () => {
            const now = env.emu.requestCounts();
            return Object.fromEntries(Object.entries(now).flatMap(([k, n]) => (n - (start[k] ?? 0) > 0 ? [[k, n - (start[k] ?? 0)]] : [])));
        };
    };
    let server: number;

    beforeAll(async () => {
        const pem = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
        const inst = await env.client().instances.create({
            name: "req",
            server_url: "https://claw.req.example",
            gateway_token: "gw-req-1",
            connection_params: { device_identity: { private_key_pem: pem } },
        } as never);
        server = Number(inst.id);
    });

    it("binds, configures and pushes a new mentor with no read before the push, and destroys with one DELETE per object", async () => {
        const counted = since();
        const binding = await crud.create(mentorBindingFacts, conn(), crud.check(mentorBindingFacts, conn(), {}, { mentor: MENTOR, server }).inputs as never);
        const agent = await crud.create(agentConfigFacts, conn(), crud.check(agentConfigFacts, conn(), {}, { mentor: MENTOR, identity: "# Ada" }).inputs as never);
        const push = pushMethods(configPushFacts, conn);
        const pushed = await push.create((await push.check({}, { binding: Number(binding.id), triggers: [agent.outs.contentHash] })).inputs);
        expect(pushed.outs).toMatchObject({ pushStatus: "succeeded" });
        const up = counted();
        // iblai:apiRoutes auto: the first create of this process asks the service once which routes it serves (issue 20).
        expect(up).toMatchObject({ "GET claw/mentor-configs/": 1, "POST claw/mentor-configs/": 1, "POST claw/mentor-configs/{id}/push-config/": 1 });
        expect(Object.entries(up).filter(([k]) => k.startsWith("PATCH agent-configs/"))).toHaveLength(1);
        // Reads of the binding come after the push only (its outcome), none before it.
        const reads = up["GET claw/mentor-configs/{id}/"] ?? 0;
        expect(reads).toBeGreaterThanOrEqual(1);
        expect(Object.keys(up).filter((k) => k.startsWith("GET") && !k.startsWith("GET claw/mentor-configs/"))).toEqual([]);
        expect(Object.values(up).reduce((a, b) => a + b, 0)).toBe(4 + reads);

        const destroyed = since();
        await crud.remove(agentConfigFacts, conn(), agent.id, agent.outs);
        await crud.remove(mentorBindingFacts, conn(), binding.id, binding.outs);
        const down = destroyed();
        expect(Object.keys(down).sort()).toEqual(["DELETE agent-configs/{id}/", "DELETE claw/mentor-configs/{id}/"]);
        expect(Object.values(down)).toEqual([1, 1]);
        expect(env.emu.store.list(ORG, "agent-configs").filter((c) => c.mentor === MENTOR)).toEqual([]);
    });

    it("still reads the binding before a push when it knows nothing fresh of it (a second push)", async () => {
        const binding = await crud.create(mentorBindingFacts, conn(), crud.check(mentorBindingFacts, conn(), {}, { mentor: MENTOR, server }).inputs as never);
        const push = pushMethods(configPushFacts, conn);
        const inputs = (await push.check({}, { binding: Number(binding.id), triggers: ["a"] })).inputs;
        await push.create(inputs);
        const counted = since();
        const again = await push.update("p", { ...inputs, pushStatus: "failed" }, { ...inputs, triggers: ["b"] });
        expect(again.outs).toMatchObject({ pushStatus: "succeeded" });
        expect(counted()["GET claw/mentor-configs/"]).toBeUndefined(); // the routes were decided once, by the first create
        // The read before (the fresh answer was used up by the first push), the push, and at least one read after.
        expect(counted()["GET claw/mentor-configs/{id}/"]).toBeGreaterThanOrEqual(2);
        await crud.remove(mentorBindingFacts, conn(), binding.id, binding.outs);
    });
});
