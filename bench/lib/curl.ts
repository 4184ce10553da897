/**
 * The integration guide's workflow as a user runs it by hand: real `curl` processes, one
 * after another, each answer's id feeding the next call. The same objects as the Pulumi
 * program (programs.ts). Like the guide, it queues the pushes and does not wait for
 * their outcome.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { DEVICE_PEM, SKILLS, mentorId } from "./programs";

const run = promisify(execFile);

export interface CurlTarget {
    url: string;
    org: string;
    token: string;
}

/**
 * Which server a run sets up, for a fleet of them (bench/fleet.ts): its name, the prefix
 * of its skills' slugs (unique per org) and its first mentor's index. Default: the
 * single-server workflow of bench/workflow.ts.
 */
export interface CurlServer {
    name: string;
    skillPrefix: string;
    firstMentor: number;
}

/** Runs the workflow; returns the number of curl processes it started. */
export async function curlWorkflow(
    t: CurlTarget,
    mentors: number,
    onSpawn?: (pid: number) => void,
    server: CurlServer = { name: "bench", skillPrefix: "bench-skill", firstMentor: 0 },
): Promise<number> {
    const base = `${t.url}/api/ai-mentor/orgs/${t.org}/`;
    let calls = 0;
    const curl = async (method: string, route: string, body?: unknown): Promise<Record<string, unknown>> => {
        const args = ["-sS", "--fail-with-body", "-X", method, base + route, "-H", `Authorization: Token ${t.token}`];
        if (body !== undefined) args.push("-H", "Content-Type: application/json", "-d", JSON.stringify(body));
        calls++;
        const p = run("curl", args, { maxBuffer: 16 * 1024 * 1024 });
        if (p.child.pid) onSpawn?.(p.child.pid);
        const { stdout } = await p;
        return stdout ? (JSON.parse(stdout) as Record<string, unknown>) : {};
    };
    const instance = await curl("POST", "claw/instances/", {
        name: server.name, server_url: `https://claw.${server.name}.example`, gateway_token: "bench-gateway-token-0123456789",
        connection_params: { device_identity: { private_key_pem: DEVICE_PEM } },
    });
    await curl("POST", "claw/model-providers/", {
        server: instance.id,
        name: "openrouter",
        base_url: "https://openrouter.ai/api/v1",
        api_type: "openai-completions",
        credential_name: "openrouter",
        model_catalog: [{ id: "anthropic/claude-sonnet-4-6", name: "Claude Sonnet" }],
    });
    await curl("POST", `claw/instances/${String(instance.id)}/push-providers/`);
    const skills: unknown[] = [];
    for (let s = 0; s < SKILLS; s++) {
        const skill = await curl("POST", "agent-skills/", {
            name: `Skill ${s}`,
            slug: `${server.skillPrefix}-${s}`,
            description: "A benchmark skill",
            instruction: `Run scripts/run-${s}.sh.`,
            metadata: { openclaw: { requires: { bins: ["curl"] } } },
        });
        await curl("POST", "agent-skill-resources/", { skill: skill.id, file_type: "script", filename: `run-${s}.sh`, content: `#!/bin/sh\necho skill ${s}\n` });
        skills.push(skill.id);
    }
    for (let i = server.firstMentor; i < server.firstMentor + mentors; i++) {
        const mentor = mentorId(i);
        const binding = await curl("POST", "claw/mentor-configs/", { mentor, server: instance.id });
        // The binding's answer embeds the mentor's agent config (made by the service): edit it.
        const cfg = binding.agent_config as { id: unknown };
        await curl("PATCH", `agent-configs/${String(cfg.id)}/`, {
            identity: `# Mentor ${i}\nA patient tutor.`,
            model: "anthropic/claude-sonnet-4-6",
            config: { agents: { defaults: { heartbeat: { every: "30m" } } } },
        });
        for (const k of [0, 1]) await curl("POST", "mentor-skill-assignments/", { mentor, skill: skills[(i + k) % SKILLS] });
        await curl("POST", `claw/mentor-configs/${String(binding.id)}/push-config/`);
    }
    return calls;
}
