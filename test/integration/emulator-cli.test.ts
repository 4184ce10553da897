/**
 * The CLI as users run it: flags for orgs, faults, device approval and the gateway
 * stand-in; the approve-device / devices / gateway subcommands.
 */
import { type CliEmulator, cliApi, ed25519Pem, instanceBody, MENTOR, ORG, OTHER_ORG, OTHER_TOKEN, runCli, spawnCli, TOKEN } from "./emulator-http";

jest.setTimeout(90_000);

describe("iblai-claw-emulator CLI", () => {
    const started: CliEmulator[] = [];
    const serve = async (args: string[]) => {
        const e = await spawnCli(["--port", "0", ...args]);
        started.push(e);
        return e;
    };
    afterEach(async () => {
        for (const e of started.splice(0)) {
            e.child.kill("SIGTERM");
            await e.exited;
        }
    });

    it("documents every flag in --help", async () => {
        const r = await runCli(["--help"]);
        expect(r.code).toBe(0);
        for (const flag of ["--port", "--host", "--org", "--token", "--data", "--require-device-approval", "--push-delay", "--probe-timeout", "--probe-ca", "--deliver", "--gateway-timeout", "--gateway-port", "--fault", "--rate-429", "--rate-503", "--retry-after", "--rate-reset-before", "--rate-reset-after", "--latency", "--slow-push", "--seed", "--base-path", "--routes", "--auth", "--bare-lists", "--hosted", "--admin-user", "approve-device", "revoke-device", "devices", "gateway"]) {
            expect([flag, r.stdout.includes(flag)]).toEqual([flag, true]);
        }
    });

    it("refuses mismatched --org/--token and bad numbers with exit code 2", async () => {
        const runs = await Promise.all([
            runCli(["--org", "a", "--org", "b", "--token", "t"]),
            runCli(["--org", "a", "--token", "t", "--rate-503", "2"]),
            runCli(["--org", "a", "--token", "t", "--fault", "{nope"]),
            runCli(["--org", "a", "--token", "t", "--fault", '{"kind":"status"}']),
            runCli(["--org", "a", "--token", "t", "--deliver", "sometimes"]),
        ]);
        expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2, 2]);
        expect(runs[4]?.stderr).toMatch(/--deliver must be standin, real or auto, not "sometimes"/);
        expect(runs[0]?.stderr).toMatch(/one --token per --org/);
        expect(runs[3]?.stderr).toMatch(/invalid fault rule: rule 0: kind "status" needs "status"/);
    });

    // Issue 10, point 8b: these exited 1 (an uncaught parse error), not the documented 2.
    it("exits 2 with the usage on an unknown flag, a negative --latency and a bad --base-path", async () => {
        const runs = await Promise.all([
            runCli(["--org", "a", "--token", "t", "--nope"]),
            runCli(["--org", "a", "--token", "t", "--latency", "-5"]),
            runCli(["--org", "a", "--token", "t", "--latency=-5"]),
            runCli(["--org", "a", "--token", "t", "--base-path", "/a b"]),
            runCli(["--org", "a", "--token", "t", "--routes", "sideways"]),
            runCli(["--org", "a", "--token", "t", "--auth", "basic"]),
            runCli(["--org", "a", "--token", "t", "--admin-user", "a b"]),
        ]);
        expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2, 2]);
        expect(runs[4]?.stderr).toMatch(/--routes must be both, collection or mentor, not "sideways"/);
        expect(runs[5]?.stderr).toMatch(/--auth must be any or hosted, not "basic"/);
        expect(runs[6]?.stderr).toMatch(/--admin-user must be a user name/);
        expect(runs[0]?.stderr).toMatch(/--nope/);
        expect(runs[1]?.stderr).toMatch(/--latency/);
        expect(runs[2]?.stderr).toMatch(/--latency must be a number from 0/);
        for (const r of runs) expect(r.stderr).toMatch(/usage:/);
    });

    it("serves under --base-path", async () => {
        const e = await serve(["--org", ORG, "--token", TOKEN, "--base-path", "/dm"]);
        expect(e.url).toMatch(/\/dm$/); // the line it prints is the iblai:baseUrl to use
        expect((await cliApi(e.url).get("claw/instances/")).status).toBe(200);
        expect((await cliApi(e.url.replace(/\/dm$/, "")).get("claw/instances/")).status).toBe(404);
    });

    it("serves as the hosted service with --hosted: Api-Token only, mentor routes, bare lists, the --admin-user", async () => {
        const e = await serve(["--org", ORG, "--token", TOKEN, "--hosted", "--admin-user", "ops"]);
        const api = cliApi(e.url);
        expect(await api.get("claw/instances/")).toMatchObject({ status: 401, body: { detail: "Invalid Token" } });
        expect(await api.get("claw/instances/", { scheme: "Api-Token" })).toMatchObject({ status: 200, body: [] });
        expect((await api.get("claw/mentor-configs/", { scheme: "Api-Token" })).status).toBe(404);
        const made = await api.post("users/ops/mentor-with-settings/", { template_name: "ai-mentor", new_mentor_name: "Cli" }, { scheme: "Api-Token" });
        expect(made.status).toBe(201);
        expect((await api.get(`users/admin/mentors/${made.body.unique_id}/`, { scheme: "Api-Token" })).status).toBe(404);
        expect(await api.get(`mentors/${made.body.unique_id}/claw-config/`, { scheme: "Api-Token" })).toMatchObject({ status: 404, body: { detail: "Claw config not found" } });
    });

    it("serves several orgs, each with its token", async () => {
        const e = await serve(["--org", ORG, "--token", TOKEN, "--org", OTHER_ORG, "--token", OTHER_TOKEN]);
        const api = cliApi(e.url);
        expect((await api.get("claw/instances/")).status).toBe(200);
        expect((await api.get("claw/instances/", { org: OTHER_ORG })).status).toBe(200);
        expect((await api.get("claw/instances/", { org: OTHER_ORG, token: TOKEN })).status).toBe(403);
    });

    it("turns fault flags into rules the admin API lists", async () => {
        const e = await serve(["--org", ORG, "--token", TOKEN, "--rate-503", "1", "--rate-429", "0", "--retry-after", "4", "--latency", "5", "--fault", '{"method":"POST","route":"agent-skills/","kind":"reset-after","times":1}']);
        const api = cliApi(e.url);
        expect((await api.get("claw/instances/")).status).toBe(503);
        const rules = (await api.admin("GET", "faults")).body.rules;
        expect(rules).toEqual([
            { kind: "status", status: 429, rate: 0, retryAfter: "4", applied: 0, remaining: null },
            { kind: "status", status: 503, rate: 1, applied: 1, remaining: null },
            { kind: "latency", ms: 5, applied: 1, remaining: null },
            { method: "POST", route: "agent-skills/", kind: "reset-after", times: 1, applied: 0, remaining: 1 },
        ]);
    });

    it("starts a gateway stand-in with --gateway-port, against which the probes pass", async () => {
        const e = await serve(["--org", ORG, "--token", TOKEN, "--gateway-port", "0", "--gateway-version", "2026.9.9"]);
        expect(e.gatewayUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const api = cliApi(e.url);
        const inst = await api.create("claw/instances/", instanceBody({ server_url: e.gatewayUrl }));
        expect((await api.post(`claw/instances/${inst.id}/test-connectivity/`)).body.all_passed).toBe(true);
        expect((await api.post(`claw/instances/${inst.id}/refresh-version/`)).body.claw_version).toBe("2026.9.9");
    });

    it("with --require-device-approval, approve-device stands in for `openclaw devices approve`", async () => {
        const e = await serve(["--org", ORG, "--token", TOKEN, "--require-device-approval", "--push-delay", "10"]);
        const api = cliApi(e.url);
        const inst = await api.create("claw/instances/", instanceBody({ connection_params: { device_identity: { private_key_pem: ed25519Pem() } } }));
        const b = await api.create("claw/mentor-configs/", { mentor: MENTOR, server: inst.id });
        await api.post(`claw/mentor-configs/${b.id}/push-config/`);
        expect((await api.settle(`claw/mentor-configs/${b.id}/`, "last_config_push_status")).last_config_push_status).toMatch(/PAIRING_REQUIRED/);
        const listed = await runCli(["devices", "--url", e.url, "--org", ORG]);
        expect(listed.code).toBe(0);
        const requestId = JSON.parse(listed.stdout).results[0].request_id as string;
        const approved = await runCli(["approve-device", "--url", e.url, "--org", ORG, "--instance", String(inst.id), "--request-id", requestId]);
        expect(approved.code).toBe(0);
        expect(JSON.parse(approved.stdout).status).toBe("approved");
        await api.post(`claw/mentor-configs/${b.id}/push-config/`);
        expect((await api.settle(`claw/mentor-configs/${b.id}/`, "last_config_push_status")).last_config_push_status).toBe("success");
        const revoked = await runCli(["revoke-device", "--url", e.url, "--org", ORG, "--instance", String(inst.id)]);
        expect(JSON.parse(revoked.stdout)).toEqual({ revoked: 1 });
        const wrong = await runCli(["approve-device", "--url", e.url, "--org", ORG, "--instance", "999"]);
        expect(wrong.code).toBe(1);
        expect(wrong.stderr).toMatch(/404/);
    });
});
