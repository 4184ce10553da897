/**
 * Persistence with --data: the CLI runs as a child process, is killed with SIGKILL
 * (no chance to flush anything), and restarted on the same file. Every acknowledged
 * write must be there; the id sequences continue; a pending push resumes.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type CliEmulator, cliApi, ed25519Pem, instanceBody, MENTOR, ORG, spawnCli, TOKEN } from "./emulator-http";

jest.setTimeout(90_000);

describe("emulator persistence (--data, kill -9)", () => {
    let dir: string;
    let file: string;
    let running: CliEmulator | undefined;
    const start = async (extra: string[] = []) => {
        running = await spawnCli(["--port", "0", "--org", ORG, "--token", TOKEN, "--data", file, "--push-delay", "20", ...extra]);
        return cliApi(running.url);
    };
    const kill9 = async () => {
        running?.child.kill("SIGKILL");
        await running?.exited;
        running = undefined;
    };

    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "claw-persist-"));
        file = path.join(dir, "state.json");
    });
    afterEach(async () => {
        await kill9();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("keeps every entity, write-only fields, uploads and deliveries across kill -9, and continues the id sequences", async () => {
        let api = await start();
        const pem = ed25519Pem();
        const inst = await api.create("claw/instances/", instanceBody({ gateway_token: "kept-secret", connection_params: { device_identity: { private_key_pem: pem } } }));
        const prov = await api.create("claw/model-providers/", { server: inst.id, name: "or", base_url: "https://or.example", api_type: "x", credential_name: "k" });
        const b = await api.create("claw/mentor-configs/", { mentor: MENTOR, server: inst.id, agent_config: { soul: "persistent" } });
        const skill = await api.create("agent-skills/", { name: "Web", slug: "web" });
        const form = new FormData();
        form.set("skill", String(skill.id));
        form.set("file_type", "asset");
        form.set("filename", "a.bin");
        form.set("file", new Blob([Buffer.from([0, 1, 2, 3])]), "a.bin");
        const asset = (await api.post("agent-skill-resources/", undefined, { raw: form })).body;
        const asg = await api.create("mentor-skill-assignments/", { mentor: MENTOR, skill: skill.id });
        await api.post(`claw/mentor-configs/${b.id}/push-config/`);
        expect((await api.settle(`claw/mentor-configs/${b.id}/`, "last_config_push_status")).last_config_push_status).toBe("success");
        const before = (await api.admin("GET", "state")).body;

        await kill9();
        api = await start();
        const after = (await api.admin("GET", "state")).body;
        expect(after.orgs).toEqual(before.orgs);
        expect(after.internal).toEqual(before.internal);
        expect(after.orgs[ORG]["claw/instances"][String(inst.id)]).toMatchObject({ gateway_token: "kept-secret", connection_params: { device_identity: { private_key_pem: pem } } });
        for (const [p, id] of [["claw/model-providers/", prov.id], ["claw/mentor-configs/", b.id], ["agent-skill-resources/", asset.id], ["mentor-skill-assignments/", asg.id]] as const) {
            expect((await api.get(`${p}${id}/`)).status).toBe(200);
        }
        const bytes = Buffer.from(await (await fetch((await api.get(`agent-skill-resources/${asset.id}/`)).body.file)).arrayBuffer());
        expect([...bytes]).toEqual([0, 1, 2, 3]);
        expect((await api.admin("GET", `orgs/${ORG}/deliveries`)).body.count).toBe(1);
        // A deleted id is never handed out again, even after a restart.
        await api.del(`agent-skills/${skill.id}/`);
        await kill9();
        api = await start();
        const next = await api.create("agent-skills/", { name: "Again", slug: "again" });
        expect(next.id).toBeGreaterThan(skill.id);
        expect((await api.get(`mentor-skill-assignments/${asg.id}/`)).status).toBe(404); // the cascade was durable too
    });

    it("loses no acknowledged write when killed in the middle of a stream of concurrent writes", async () => {
        const api = await start();
        const acked: number[] = [];
        let stop = false;
        let n = 0;
        const writer = async () => {
            while (!stop) {
                const i = n++;
                try {
                    const r = await api.post("agent-skills/", { name: `s${i}`, slug: `s-${i}` });
                    if (r.status === 201) acked.push(r.body.id);
                } catch {
                    return; // the connection died with the process: not acknowledged
                }
            }
        };
        const writers = Array.from({ length: 16 }, writer);
        while (acked.length < 300) await new Promise((r) => setTimeout(r, 5));
        running?.child.kill("SIGKILL"); // writes are in flight right now
        stop = true;
        await Promise.all(writers);
        await running?.exited;
        running = undefined;
        expect(acked.length).toBeGreaterThanOrEqual(300);

        const back = await start();
        const ids = new Set<number>();
        for (let offset = 0; ; offset += 1000) {
            const page = (await back.get(`agent-skills/?limit=1000&offset=${offset}`)).body;
            for (const s of page.results) ids.add(s.id);
            if (!page.next) break;
        }
        const lost = acked.filter((id) => !ids.has(id));
        expect(lost).toEqual([]);
        // What survived is whole: every object has its fields.
        const state = (await back.admin("GET", "state")).body;
        for (const row of Object.values(state.orgs[ORG]["agent-skills"]) as Array<Record<string, unknown>>) expect(row.slug).toBe(`s-${String(row.name).slice(1)}`);
    });

    it("replays the journal after a torn last line and resumes a push that was pending", async () => {
        let api = await start();
        const inst = await api.create("claw/instances/", instanceBody({ connection_params: { device_identity: { private_key_pem: ed25519Pem() } } }));
        const b = await api.create("claw/mentor-configs/", { mentor: MENTOR, server: inst.id });
        await api.admin("PUT", "faults", { rules: [{ kind: "slow-push", ms: 600_000 }] });
        await api.post(`claw/mentor-configs/${b.id}/push-config/`);
        expect((await api.get(`claw/mentor-configs/${b.id}/`)).body.last_config_push_status).toBe("pending");
        await kill9();
        // A crash in the middle of a journal write leaves half a line behind.
        fs.appendFileSync(`${file}.journal`, '{"s":999999,"ops":[["put","acme","agent-skills",{"id":77,');
        api = await start();
        expect((await api.get("agent-skills/")).body.count).toBe(0);
        const done = await api.settle(`claw/mentor-configs/${b.id}/`, "last_config_push_status");
        expect(done.last_config_push_status).toBe("success");
    });

    it("keeps nothing without --data", async () => {
        running = await spawnCli(["--port", "0", "--org", ORG, "--token", TOKEN]);
        let api = cliApi(running.url);
        await api.create("agent-skills/", { name: "Web", slug: "web" });
        await kill9();
        running = await spawnCli(["--port", "0", "--org", ORG, "--token", TOKEN]);
        api = cliApi(running.url);
        expect((await api.get("agent-skills/")).body.count).toBe(0);
    });
});
