/**
 * What the real-OpenClaw tier costs: the startup of one gateway (the fixture of
 * test/helpers/openclaw.ts), and config pushes delivered for real by the emulator
 * (`deliver: "real"`), each from the push request until its status settles. Prints figures;
 * never a timed assertion.
 *
 *   source .toolchain/env && npx ts-node --transpile-only bench/openclaw.ts [--pushes 5]
 */
import * as crypto from "node:crypto";
import { parseArgs } from "node:util";
import { startEmulator } from "../emulator";
import { startOpenClaw } from "../test/helpers/openclaw";

const ORG = "bench";
const TOKEN = "bench-token";

async function main(): Promise<void> {
    const { values } = parseArgs({ options: { pushes: { type: "string", default: "5" } } });
    const n = Math.max(1, Number(values.pushes));
    const t0 = Date.now();
    const gw = await startOpenClaw();
    console.log(`gateway startup (spawn → /readyz and a handshake): ${gw.startupMs} ms`);
    const emu = await startEmulator({ orgs: { [ORG]: TOKEN }, deliver: "real", pushDelayMs: 0, gatewayTimeoutMs: 60_000 });
    const api = async (method: string, path: string, body?: unknown) => {
        const r = await fetch(`${emu.url}/api/ai-mentor/orgs/${ORG}/${path}`, {
            method,
            headers: { authorization: `Token ${TOKEN}`, "content-type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        return (await r.json()) as Record<string, any>;
    };
    try {
        const pem = crypto.generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
        const inst = await api("POST", "claw/instances/", { name: "bench", claw_type: "openclaw", server_url: gw.url, gateway_token: gw.token, connection_params: { device_identity: { private_key_pem: pem } } });
        const times: number[] = [];
        for (let i = 0; i < n; i++) {
            const mentor = crypto.randomUUID();
            const b = await api("POST", "claw/mentor-configs/", { mentor, server: inst.id, agent_config: { identity: `# Mentor ${i}`, soul: "Kind.", model: "anthropic/claude-sonnet-4-6", config: { heartbeat: { every: "30m" } } } });
            const started = Date.now();
            await api("POST", `claw/mentor-configs/${b.id}/push-config/`);
            let status = "pending";
            while (status === "pending") {
                await new Promise((r) => setTimeout(r, 20));
                status = String((await api("GET", `claw/mentor-configs/${b.id}/`)).last_config_push_status);
            }
            times.push(Date.now() - started);
            if (status !== "success") throw new Error(`push ${i} ended ${status}`);
        }
        const sorted = [...times].sort((a, b) => a - b);
        console.log(`config pushes (new mentor each; config.get + config.patch + 2 files): n=${n} first=${times[0]} ms p50=${sorted[Math.floor(n / 2)]} ms max=${sorted[n - 1]} ms`);
    } finally {
        await emu.close();
        const s = Date.now();
        await gw.stop();
        console.log(`gateway stop: ${Date.now() - s} ms; total ${Date.now() - t0} ms`);
    }
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
