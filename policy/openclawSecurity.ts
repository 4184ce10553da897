import type { ResourceValidationPolicy } from "@pulumi/policy";
import { placeMentorConfig, resolveOpenClawVersion, defaultOpenClawVersion } from "pulumi-iblai-claw/sdk";
import { parseConfig } from "./configValue";
import { settings } from "./settings";
import { TOKENS, describe } from "./tokens";
import { UNKNOWN, snapshot } from "./values";

/**
 * OpenClaw's own security-sensitive settings (issue 10, item 2), beside ibl.ai's five blocked
 * paths: what OpenClaw's security audit (`openclaw security audit`) and its config schema
 * call dangerous. Each rule names where it comes from (docs of the openclaw 2026.9.6 npm
 * package, `docs/gateway/...`); docs/policy.md has the table.
 *
 * Paths are matched where the config lands on the server (placement rule,
 * docs/openclaw-config.md): a top-level `sandbox` or `tools` key of a mentor's config is its
 * own agent entry's, `agents.entries.<agent>.sandbox`. A pattern segment `*` is any key,
 * `[]` any array item.
 */
export interface SecurityRule {
    /** Stable id, used in messages and in the policy's `ignore` config. */
    id: string;
    /** Placed paths the rule looks at. */
    paths: string[];
    /** Whether the value found there is the risky one. */
    risky: (value: unknown) => boolean;
    /** What it means, for the message. */
    why: string;
    /** Where the rule comes from. */
    source: string;
}

const isTrue = (v: unknown) => v === true;
const AGENTS = ["agents.defaults", "agents.entries.*"];
const onAgents = (rest: string) => AGENTS.map((a) => `${a}.${rest}`);
const withAgents = (rest: string) => [rest, ...AGENTS.filter((a) => a !== "agents.defaults").map((a) => `${a}.${rest}`)];

/** The rules, in the order docs/policy.md lists them. */
export const SECURITY_RULES: readonly SecurityRule[] = [
    {
        id: "sandbox-off",
        paths: onAgents("sandbox.mode"),
        risky: (v) => v === "off",
        why: 'is "off": the agent\'s tools run on the host, unsandboxed',
        source: "docs/gateway/security/audit-checks.md (security.exposure.open_groups_with_runtime_or_fs, sandbox.docker_config_mode_off: agents.*.sandbox.mode); docs/gateway/sandboxing.md",
    },
    {
        id: "sandbox-docker-escape",
        paths: [
            ...onAgents("sandbox.docker.dangerouslyAllowReservedContainerTargets"),
            ...onAgents("sandbox.docker.dangerouslyAllowExternalBindSources"),
            ...onAgents("sandbox.docker.dangerouslyAllowContainerNamespaceJoin"),
            ...onAgents("sandbox.docker.network"),
        ],
        risky: (v) => v === true || v === "host" || (typeof v === "string" && v.startsWith("container:")),
        why: "weakens the sandbox container's isolation (a dangerously* switch, or network \"host\" / \"container:*\")",
        source: "docs/gateway/security/network-exposure.md (dangerous* keys: sandbox Docker); audit-checks.md (sandbox.dangerous_network_mode)",
    },
    {
        id: "elevated-tools",
        paths: [...withAgents("tools.elevated.enabled"), ...withAgents("tools.elevated.allowFrom.*"), "agents.defaults.elevatedDefault"],
        risky: (v) => v === true || v === "on" || v === "full" || (Array.isArray(v) && v.includes("*")),
        why: "lets tools run elevated, outside the sandbox (keep tools.elevated off, allowFrom narrow and never \"*\")",
        source: "docs/gateway/security/hardened-baseline.md (tools.elevated.enabled: false); audit-checks.md (tools.elevated.allowFrom.<provider>.wildcard); docs/tools/elevated.md",
    },
    {
        id: "exec-security-full",
        paths: withAgents("tools.exec.security"),
        risky: (v) => v === "full",
        why: 'is "full": host exec runs any command without an allowlist',
        source: "docs/gateway/security/audit-checks.md (tools.exec.security_full_configured)",
    },
    {
        id: "exec-ask-off",
        paths: withAgents("tools.exec.ask"),
        risky: (v) => v === "off",
        why: 'is "off": exec never asks for approval',
        source: 'docs/gateway/security/hardened-baseline.md (tools.exec: { security: "deny", ask: "always" }); docs/tools/exec-approvals.md',
    },
    {
        id: "apply-patch-outside-workspace",
        paths: withAgents("tools.exec.applyPatch.workspaceOnly"),
        risky: (v) => v === false,
        why: "is false: apply_patch may write outside the workspace",
        source: "docs/gateway/security/network-exposure.md (insecure/dangerous flags: tools.exec.applyPatch.workspaceOnly=false)",
    },
    {
        id: "unsafe-external-content",
        paths: ["hooks.mappings.[].allowUnsafeExternalContent", "hooks.gmail.allowUnsafeExternalContent"],
        risky: isTrue,
        why: "is true: hook content reaches the agent without the untrusted-content wrapping (prompt injection)",
        source: "docs/gateway/security/prompt-injection.md (bypass flags); network-exposure.md (insecure/dangerous flags)",
    },
    {
        id: "gateway-exposed",
        paths: ["gateway.bind", "gateway.tailscale.mode"],
        risky: (v) => v === "lan" || v === "tailnet" || v === "custom" || v === "auto" || v === "funnel",
        why: "exposes the gateway beyond loopback (bind other than \"loopback\", or Tailscale funnel)",
        source: "docs/gateway/security/network-exposure.md (bind, port, firewall); audit-checks.md (gateway.bind_no_auth, gateway.tailscale_funnel)",
    },
    {
        id: "control-ui-insecure",
        paths: ["gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback", "gateway.controlUi.allowedOrigins"],
        risky: (v) => v === true || (Array.isArray(v) && v.includes("*")),
        why: "weakens the Control UI's origin checks (Host-header fallback or an allowed origin of \"*\")",
        source: "docs/gateway/security/audit-checks.md (gateway.control_ui.host_header_origin_fallback, gateway.control_ui.allowed_origins_wildcard)",
    },
    {
        id: "ssrf-private-network",
        paths: [
            "browser.ssrfPolicy.dangerouslyAllowPrivateNetwork",
            "browser.ssrfPolicy.allowPrivateNetwork",
            "tools.web.fetch.ssrfPolicy.dangerouslyAllowPrivateNetwork",
            "cron.webhookSsrfPolicy.dangerouslyAllowPrivateNetwork",
        ],
        risky: isTrue,
        why: "is true: the agent's requests may reach private and internal networks (SSRF)",
        source: "docs/gateway/security/browser-control.md (browser.ssrfPolicy; allowPrivateNetwork is its legacy alias); network-exposure.md (dangerous* keys)",
    },
    {
        id: "mcp-servers",
        paths: ["mcp.servers.*"],
        risky: (v) => v !== null && v !== undefined,
        why: "adds an MCP server: its tools and the commands it runs reach the agent",
        source: "docs/gateway/config-extensions.md (mcp.servers); docs/gateway/sandbox-vs-tool-policy-vs-elevated.md; audit-checks.md (tools.exec.agent_skill_mcp_boundary_drift)",
    },
    {
        id: "plugins",
        paths: ["plugins.entries.*", "plugins.load.paths", "plugins.enabled"],
        risky: (v) => v !== null && v !== undefined && v !== false,
        why: "enables or loads plugin code, which runs inside the gateway",
        source: "docs/gateway/security/audit-checks.md (plugins.extensions_no_allowlist, plugins.code_safety); network-exposure.md (plugins.entries.acpx.config.permissionMode=approve-all)",
    },
    {
        id: "dangerous-flag",
        paths: ["**.dangerously*"],
        risky: isTrue,
        why: "is true: a setting OpenClaw marks as dangerous",
        source: "docs/gateway/security/network-exposure.md (all dangerous*/dangerously* keys in the config schema)",
    },
];

/** One finding: which rule, where it was written, where it lands. */
export interface SecurityFinding {
    rule: string;
    /** As written in the input, e.g. `config.tools.exec.security`. */
    at: string;
    /** Where it lands in OpenClaw's config, e.g. `agents.entries.<agent>.tools.exec.security`. */
    placedAt: string;
    message: string;
}

/** The mentor's own agent entry in the placed tree (a mentor's config cannot name agents.entries itself). */
const OWN_AGENT = "<agent>";

/**
 * The security findings of a mentor's config, placed as on the server. Values unknown at
 * preview ({@link UNKNOWN}) are skipped; one rule per path (the first, most specific, wins).
 *
 * @example
 * ```ts
 * securityFindings({ tools: { exec: { security: "full" } } }, "2026.9.6");
 * // [{ rule: "exec-security-full", at: "config.tools.exec.security",
 * //    placedAt: "agents.entries.<agent>.tools.exec.security", message: "..." }]
 * ```
 */
export function securityFindings(config: unknown, version: string, ignore: readonly string[] = []): SecurityFinding[] {
    const placed = placeMentorConfig(config, version);
    const tree: Record<string, unknown> = { ...placed.root };
    if (Object.keys(placed.agent).length) {
        const agents = isObject(tree.agents) ? tree.agents : {};
        const entries = isObject(agents.entries) ? agents.entries : {};
        tree.agents = { ...agents, entries: { ...entries, [OWN_AGENT]: placed.agent } };
    }
    const out: SecurityFinding[] = [];
    const seen = new Set<string>();
    for (const rule of SECURITY_RULES) {
        if (ignore.includes(rule.id)) continue;
        for (const pattern of rule.paths) {
            for (const { segs, value } of matches(tree, pattern.split("."))) {
                if (value === UNKNOWN || !rule.risky(value)) continue;
                const placedAt = render(segs);
                if (seen.has(placedAt)) continue;
                seen.add(placedAt);
                const own = segs[0] === "agents" && segs[1] === "entries" && segs[2] === OWN_AGENT;
                const at = render(["config", ...(own ? segs.slice(3) : segs)]);
                const lands = own ? ` (lands on the mentor's own agent: ${placedAt})` : "";
                out.push({ rule: rule.id, at, placedAt, message: `${at} ${rule.why}${lands} [${rule.id}]` });
            }
        }
    }
    return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Every (path, value) in `tree` that a pattern matches: `*` one key, `[]` one array item, `**` any depth, `x*` a key prefix. */
function matches(tree: unknown, pattern: string[], segs: (string | number)[] = []): { segs: (string | number)[]; value: unknown }[] {
    if (pattern.length === 0) return [{ segs, value: tree }];
    const [head, ...rest] = pattern as [string, ...string[]];
    if (head === "**") {
        const here = matches(tree, rest, segs);
        const deeper = children(tree).flatMap(([k, v]) => matches(v, pattern, [...segs, k]));
        return [...here, ...deeper];
    }
    if (head === "[]") return Array.isArray(tree) ? tree.flatMap((v, i) => matches(v, rest, [...segs, i])) : [];
    if (!isObject(tree)) return [];
    const keys = head === "*" ? Object.keys(tree) : head.endsWith("*") ? Object.keys(tree).filter((k) => k.startsWith(head.slice(0, -1))) : Object.hasOwn(tree, head) ? [head] : [];
    return keys.flatMap((k) => matches(tree[k], rest, [...segs, k]));
}

function children(v: unknown): [string | number, unknown][] {
    if (Array.isArray(v)) return v.map((x, i) => [i, x]);
    return isObject(v) ? Object.entries(v) : [];
}

function render(segs: (string | number)[]): string {
    return segs.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : /^[\w$<>-]+$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join("");
}

/**
 * Advisory by default (set `enforcementLevel: mandatory` in the pack's config to block):
 * an AgentConfig's `config` should not switch on what OpenClaw's security audit calls
 * dangerous (sandbox off, elevated tools, exec without approvals, unsafe external content,
 * an exposed gateway, weakened Control UI origin checks, SSRF to private networks, MCP
 * servers, plugins, ...). `ignore` lists rule ids to skip; `openclawVersion` picks the schema
 * snapshot the placement rule reads (default: the newest).
 *
 * @example
 * ```json
 * { "claw-openclaw-security": { "enforcementLevel": "mandatory", "ignore": ["mcp-servers"] } }
 * ```
 */
export const openclawSecurity: ResourceValidationPolicy = {
    name: "claw-openclaw-security",
    description: "An agent config's config patch should not switch on settings OpenClaw's security audit calls dangerous.",
    enforcementLevel: "advisory",
    severity: "high",
    remediationSteps: "Remove the setting, or ignore its rule in the pack's config if it is intended (docs/policy.md).",
    configSchema: {
        properties: {
            ignore: { type: "array", items: { type: "string", enum: SECURITY_RULES.map((r) => r.id) }, default: [], description: "Rule ids not to report." },
            openclawVersion: { type: "string", default: "", description: "OpenClaw version whose schema places the config's keys (default: the newest snapshot)." },
        },
    },
    validateResource: (args, report) => {
        if (args.type !== TOKENS.AgentConfig) return;
        const who = describe(args.type, args.name);
        const { ignore, openclawVersion } = settings(args, { ignore: [] as string[], openclawVersion: "" });
        const config = snapshot(args.props, "config");
        const parsed = parseConfig(config.value);
        // An unparsable string is claw-no-blocked-config-paths' finding (mandatory), not ours.
        if (parsed.ok && config.value !== UNKNOWN) {
            let version: string;
            try {
                version = resolveOpenClawVersion(openclawVersion, "openclawVersion") ?? defaultOpenClawVersion();
            } catch (e) {
                report(`${who}: ${(e as Error).message}`);
                return;
            }
            for (const f of securityFindings(parsed.value, version, ignore)) report(`${who}: ${f.message}`);
        }
        if (config.error) throw config.error;
    },
};
