/**
 * The baseline check a push runs before it delivers: settings that are allowed (unlike
 * the blocked paths) but weaken the server. Each finding becomes one string of the
 * binding's `last_push_warnings`, led by the config path so it can be matched on.
 */
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function at(config: Record<string, unknown>, path: string): unknown {
    let node: unknown = config;
    for (const seg of path.split(".")) {
        if (!isPlainObject(node)) return undefined;
        node = node[seg];
    }
    return node;
}

interface Rule {
    path: string;
    risky: (v: unknown) => boolean;
    why: string;
}

const LOOPBACK = new Set(["loopback", "127.0.0.1", "localhost", "::1"]);

const RULES: readonly Rule[] = [
    { path: "tools.exec.security", risky: (v) => v === "full", why: "the agent may run any command, without an allowlist" },
    { path: "tools.exec.ask", risky: (v) => v === "off", why: "commands run without asking for approval" },
    { path: "tools.elevated.enabled", risky: (v) => v === true, why: "elevated (host) execution is available to the agent" },
    { path: "gateway.bind", risky: (v) => typeof v === "string" && !LOOPBACK.has(v), why: "the gateway listens beyond loopback" },
    { path: "gateway.controlUi.allowInsecureAuth", risky: (v) => v === true, why: "the control UI accepts authentication over plain http" },
    { path: "agents.defaults.sandbox.mode", risky: (v) => v === "off", why: "agents run unsandboxed" },
    { path: "logging.redactSensitive", risky: (v) => v === "off", why: "secrets may be written to the logs" },
    { path: "browser.evaluateEnabled", risky: (v) => v === true, why: "the agent may run arbitrary JavaScript in the browser" },
];

/**
 * Warnings for a config in nested form (see `expandConfig`).
 *
 * @example
 * ```ts
 * baselineWarnings({ tools: { exec: { security: "full" } } });
 * // → ['tools.exec.security is "full": the agent may run any command, without an allowlist']
 * ```
 */
export function baselineWarnings(config: Record<string, unknown>): string[] {
    const out: string[] = [];
    for (const r of RULES) {
        const v = at(config, r.path);
        if (r.risky(v)) out.push(`${r.path} is ${JSON.stringify(v)}: ${r.why}`);
    }
    // Per-agent sandboxes and open chat channels, wherever they are listed.
    const agents = at(config, "agents.list");
    if (Array.isArray(agents)) {
        agents.forEach((a, i) => {
            if (isPlainObject(a) && at(a, "sandbox.mode") === "off") out.push(`agents.list[${i}].sandbox.mode is "off": this agent runs unsandboxed`);
        });
    }
    const channels = at(config, "channels");
    if (isPlainObject(channels)) {
        for (const [name, ch] of Object.entries(channels)) {
            if (!isPlainObject(ch)) continue;
            if (ch.dmPolicy === "open") out.push(`channels.${name}.dmPolicy is "open": anyone can message the agent`);
            if (Array.isArray(ch.allowFrom) && ch.allowFrom.includes("*")) out.push(`channels.${name}.allowFrom contains "*": anyone can message the agent`);
        }
    }
    return out;
}
