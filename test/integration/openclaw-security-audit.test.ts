import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { securityFindings } from "../../policy/openclawSecurity";
import { placeMentorConfig } from "../../sdk";
import { OPENCLAW_VERSION as V, openclaw } from "../helpers/openclawCli";

// Issue 10, item 2, against the real thing: a mentor config holding the settings that
// OpenClaw's own `openclaw security audit` checks is placed (agent keys under
// agents.entries.<agent>), written with `openclaw config patch`, and audited; each of our
// rules and the audit finding it cites must both fire. (Rules without a config-only audit
// counterpart — MCP servers, plugins, sandbox off without open channels — are unit-tested.)
const AGENT = "ada";
const MENTOR_CONFIG = {
    tools: { exec: { security: "full" }, elevated: { enabled: true } },
    gateway: { bind: "lan", controlUi: { dangerouslyAllowHostHeaderOriginFallback: true } },
    hooks: { gmail: { allowUnsafeExternalContent: true } },
    browser: { ssrfPolicy: { dangerouslyAllowPrivateNetwork: true } },
};

// [our rule, the audit's checkId, text its detail must hold (for the shared checkIds)]
const PAIRS: [string, string, string][] = [
    ["exec-security-full", "tools.exec.security_full_configured", ""],
    ["elevated-tools", "summary.attack_surface", "tools.elevated: enabled"],
    ["gateway-exposed", "gateway.bind_no_auth", ""],
    ["control-ui-insecure", "gateway.control_ui.host_header_origin_fallback", ""],
    ["unsafe-external-content", "config.insecure_or_dangerous_flags", "hooks.gmail.allowUnsafeExternalContent=true"],
    ["ssrf-private-network", "config.insecure_or_dangerous_flags", "browser.ssrfPolicy.dangerouslyAllowPrivateNetwork=true"],
];

describe("claw-openclaw-security agrees with `openclaw security audit`", () => {
    let home: string;
    let audit: { findings: { checkId: string; detail?: string }[] };
    beforeAll(() => {
        home = fs.mkdtempSync(path.join(os.tmpdir(), "openclaw-audit-"));
        const { agent, root } = placeMentorConfig(MENTOR_CONFIG, V);
        const patch = { ...root, agents: { entries: { [AGENT]: agent } } };
        expect(openclaw(home, ["config", "patch", "--stdin"], JSON.stringify(patch))).toContain("Applied");
        audit = JSON.parse(openclaw(home, ["security", "audit", "--json"]));
    }, 120_000);
    afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

    it.each(PAIRS)("%s ↔ %s", (rule, checkId, detail) => {
        expect(securityFindings(MENTOR_CONFIG, V).map((f) => f.rule)).toContain(rule);
        const hits = audit.findings.filter((f) => f.checkId === checkId && (f.detail ?? "").includes(detail));
        expect(hits.length).toBeGreaterThan(0);
    });
});
