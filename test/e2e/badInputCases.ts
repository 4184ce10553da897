/**
 * The corpus of bad inputs (issue 13): each case is one mistake a user makes, the input
 * its message must name, and where it matters a word of the fix. bad-inputs.test.ts runs
 * every case through the real CLI's preview and checks that it fails at preview, names
 * the input, sends zero requests and echoes no input value.
 *
 * `args` override a valid base of the type; `"$instance"`, `"$skill"`, `"$binding"` stand
 * for the id of a valid resource made beside it (unknown at preview, as on a first deploy).
 * Cases of one type are merged into one resource when their inputs differ (one preview
 * checks them all); `alone` cases (rules across fields, settings) get a preview each.
 */
export interface BadInputCase {
    type: string;
    /** The input (or setting) the message must name. */
    field: string;
    args?: Record<string, unknown>;
    /** Text the message must also hold (the fix, the rule). */
    says?: string;
    /** Needs its own preview. */
    alone?: boolean;
    /** Environment of the preview (settings by their IBLAI_* fallbacks). */
    env?: Record<string, string>;
    /** Stack config set for this preview only. */
    config?: Record<string, string>;
}

const UUID = "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10";
/** A value that must never be printed back. */
export const CANARY = "sk-live-CANARY-51f0c3a9e2d7";
const long = (n: number) => "x".repeat(n);

export const BASES: Record<string, Record<string, unknown>> = {
    ClawInstance: { name: "bi", serverUrl: "https://claw.example.test", gatewayToken: "gw-base-token-0001" },
    ModelProvider: { server: "$instance", name: "openrouter", baseUrl: "https://openrouter.ai/api/v1", apiType: "openai-completions", credentialName: "or-key" },
    MentorBinding: { mentor: UUID, server: "$instance" },
    AgentConfig: { mentor: UUID, identity: "# Ada" },
    Skill: { name: "Weather", slug: "weather-base" },
    SkillResource: { skill: "$skill", fileType: "script", filename: "run.sh", content: "echo hi" },
    SkillAssignment: { mentor: UUID, skill: "$skill" },
    ConfigPush: { binding: "$binding", triggers: ["h1"] },
    ProviderPush: { server: "$instance", triggers: ["h1"] },
    GatewayToken: {},
    DeviceIdentity: {},
    Mentor: { name: "bi-mentor" },
};

const c = (type: string, field: string, args: Record<string, unknown>, extra: Partial<BadInputCase> = {}): BadInputCase => ({ type, field, args, ...extra });

export const CASES: BadInputCase[] = [
    // --- ClawInstance ----------------------------------------------------------------
    c("ClawInstance", "name", { name: "" }, { says: "must not be empty" }),
    c("ClawInstance", "name", { name: long(256) }, { alone: true }),
    c("ClawInstance", "name", { name: 42 }),
    c("ClawInstance", "name", { name: undefined }, { says: "required", alone: true }),
    c("ClawInstance", "clawType", { clawType: "zeroclaw" }),
    c("ClawInstance", "clawType", { clawType: 1 }, { alone: true }),
    c("ClawInstance", "serverUrl", { serverUrl: "ftp://claw.example.test" }, { says: "http" }),
    c("ClawInstance", "serverUrl", { serverUrl: "not a url" }, { alone: true }),
    c("ClawInstance", "serverUrl", { serverUrl: `https://claw.example.test/${long(200)}` }, { alone: true }),
    c("ClawInstance", "serverUrl", { serverUrl: undefined }, { says: "required", alone: true }),
    c("ClawInstance", "gatewayToken", { gatewayToken: "" }),
    c("ClawInstance", "gatewayToken", { gatewayToken: undefined }, { says: "required", alone: true }),
    c("ClawInstance", "gatewayToken", { gatewayToken: 12345 }, { alone: true }),
    c("ClawInstance", "deploymentBackend", { deploymentBackend: true }),
    c("ClawInstance", "deploymentBackend", { deploymentBackend: -3 }, { alone: true }),
    c("ClawInstance", "authHeaders", { authHeaders: { "X-Proxy": 7 } }),
    c("ClawInstance", "authHeaders", { authHeaders: "Bearer x" }, { alone: true }),
    c("ClawInstance", "connectionParams", { connectionParams: "pem" }),
    c("ClawInstance", "connectionParams", { connectionParams: [1] }, { alone: true }),
    c("ClawInstance", "verifyConnectivity", { verifyConnectivity: "yes" }, { says: "true or false" }),
    c("ClawInstance", "verifyConnectivity", { verifyConnectivity: 1 }, { alone: true }),
    c("ClawInstance", "status", { status: "active" }, { says: "read-only" }),
    c("ClawInstance", "clawVersion", { clawVersion: "2026.9.6" }, { says: "read-only", alone: true }),
    c("ClawInstance", "apiKey", { apiKey: CANARY }, { says: "unknown input" }),
    c("ClawInstance", "adoptId", { adoptId: true }, { alone: true }),
    c("ClawInstance", "adoptId", { adoptId: [3] }, { alone: true }),
    c("ClawInstance", "apiBaseUrl", { apiBaseUrl: "platform.ibl.ai" }, { says: "http(s) URL", alone: true }),
    c("ClawInstance", "apiBaseUrl", { apiBaseUrl: "mailto:ops@example.test" }, { alone: true }),
    c("ClawInstance", "gatewayToken", { gatewayToken: [CANARY] }, { alone: true }),
    // issue 20: a string where the service wants an integer failed only at up.
    c("ClawInstance", "deploymentBackend", { deploymentBackend: "abc" }, { says: "integer" }),
    c("ClawInstance", "deploymentBackend", { deploymentBackend: 1.5 }),
    c("ClawInstance", "org", { org: "" }, { says: "platform key" }),
    c("ClawInstance", "org", { org: "acme corp" }),
    c("ClawInstance", "adoptId", { adoptId: "" }),
    // --- ModelProvider ---------------------------------------------------------------
    c("ModelProvider", "server", { server: "" }),
    c("ModelProvider", "server", { server: undefined }, { says: "required", alone: true }),
    c("ModelProvider", "server", { server: -1 }, { alone: true }),
    c("ModelProvider", "name", { name: "" }),
    c("ModelProvider", "name", { name: long(101) }, { alone: true }),
    c("ModelProvider", "baseUrl", { baseUrl: "" }),
    c("ModelProvider", "baseUrl", { baseUrl: long(201) }, { alone: true }),
    c("ModelProvider", "apiType", { apiType: long(51) }),
    c("ModelProvider", "apiType", { apiType: undefined }, { says: "required", alone: true }),
    c("ModelProvider", "credentialName", { credentialName: "" }),
    c("ModelProvider", "credentialName", { credentialName: undefined }, { says: "required", alone: true }),
    c("ModelProvider", "credentialKey", { credentialKey: long(101) }),
    c("ModelProvider", "modelCatalog", { modelCatalog: "claude" }),
    c("ModelProvider", "modelCatalog", { modelCatalog: [{ name: "no id" }] }, { alone: true }),
    c("ModelProvider", "enabled", { enabled: "true" }),
    c("ModelProvider", "modelsMode", { modelsMode: "append" }),
    c("ModelProvider", "apiKey", { apiKey: CANARY }, { says: "unknown input" }),
    c("ModelProvider", "lastProviderPushStatus", { lastProviderPushStatus: "success" }, { says: "read-only" }),
    c("ModelProvider", "adoptId", { adoptId: { id: 3 } }),
    c("ModelProvider", "org", { org: 42 }),
    c("ModelProvider", "apiBaseUrl", { apiBaseUrl: 42 }),
    c("ModelProvider", "server", { server: "abc def" }),
    // --- MentorBinding ---------------------------------------------------------------
    c("MentorBinding", "mentor", { mentor: "ada" }, { says: "UUID" }),
    c("MentorBinding", "mentor", { mentor: undefined }, { says: "required", alone: true }),
    c("MentorBinding", "mentor", { mentor: 7 }, { alone: true }),
    c("MentorBinding", "server", { server: 2.5 }),
    c("MentorBinding", "server", { server: undefined }, { says: "required", alone: true }),
    c("MentorBinding", "server", { server: 0 }, { alone: true }),
    c("MentorBinding", "enabled", { enabled: "no" }),
    c("MentorBinding", "autoPush", { autoPush: 1 }),
    c("MentorBinding", "agentConfig", { agentConfig: {} }, { says: "read-only" }),
    c("MentorBinding", "agent", { agent: "ada" }, { says: "unknown input" }),
    c("MentorBinding", "lastConfigPushStatus", { lastConfigPushStatus: "success" }, { says: "read-only" }),
    c("MentorBinding", "adoptId", { adoptId: true }),
    c("MentorBinding", "agentId", { agentId: 42 }),
    c("MentorBinding", "initialAgentConfig", { initialAgentConfig: { user: "snake" } }, { says: "did you mean user_context" }),
    c("MentorBinding", "initialAgentConfig", { initialAgentConfig: "identity" }),
    c("MentorBinding", "org", { org: "" }),
    c("MentorBinding", "apiBaseUrl", { apiBaseUrl: "" }),
    c("MentorBinding", "mentor", { mentor: "3f1c2a9e0b6d4c1e9a572f8d6b3e4c1" }, { says: "UUID" }),
    // --- AgentConfig -----------------------------------------------------------------
    c("AgentConfig", "mentor", { mentor: "not-a-uuid" }, { says: "UUID" }),
    c("AgentConfig", "mentor", { mentor: undefined }, { says: "required", alone: true }),
    c("AgentConfig", "identity", { identity: 42 }),
    c("AgentConfig", "soul", { soul: ["kind"] }),
    c("AgentConfig", "userContext", { userContext: {} }),
    c("AgentConfig", "tools", { tools: true }),
    c("AgentConfig", "memory", { memory: 1 }),
    c("AgentConfig", "model", { model: long(201) }),
    c("AgentConfig", "model", { model: 3 }, { alone: true }),
    c("AgentConfig", "user_context", { user_context: "snake case" }, { says: "unknown input" }),
    c("AgentConfig", "config", { config: ["heartbeat"] }),
    c("AgentConfig", "config", { config: { gateway: { auth: { mode: "none" } } } }, { says: "gateway.auth", alone: true }),
    c("AgentConfig", "config", { config: { "gateway.auth.mode": "none" } }, { says: "gateway.auth", alone: true }),
    c("AgentConfig", "config", { config: { gateway: { "auth.mode": "none" } } }, { says: "gateway.auth", alone: true }),
    c("AgentConfig", "config", { config: { tools: { exec: { host: "gateway" } } } }, { says: "tools.exec.host", alone: true }),
    c("AgentConfig", "config", { config: { "sandbox.mode": "off" } }, { says: "sandbox.mode", alone: true }),
    c("AgentConfig", "config", { config: { hooks: { allow_unsafe_external_content: true } } }, { says: "hooks.allowUnsafeExternalContent", alone: true }),
    c("AgentConfig", "config", { config: { "gateway[controlUi][dangerouslyDisableDeviceAuth]": true } }, { says: "gateway.controlUi.dangerouslyDisableDeviceAuth", alone: true }),
    c("AgentConfig", "config.heartbeat.evry", { config: { heartbeat: { evry: "30m" } } }, { says: "did you mean every", alone: true }),
    c("AgentConfig", "config.session.dmScope", { config: { session: { dmScope: "per-planet" } } }, { alone: true }),
    c("AgentConfig", "config.sesion", { config: { sesion: {} } }, { says: "did you mean session", alone: true }),
    c("AgentConfig", "config.agents.list", { config: { agents: { list: [{ id: "a" }] } } }, { alone: true }),
    c("AgentConfig", "config.heartbeat.every", { config: { heartbeat: { every: 30 } } }, { alone: true }),
    c("AgentConfig", "contentHash", { contentHash: "abc" }, { says: "read-only" }),
    c("AgentConfig", "agents", { agents: 5 }),
    c("AgentConfig", "allowedModels", { allowedModels: "claude" }),
    c("AgentConfig", "bootstrap", { bootstrap: ["x"] }),
    c("AgentConfig", "heartbeat", { heartbeat: { every: "30m" } }),
    c("AgentConfig", "adoptId", { adoptId: false }),
    c("AgentConfig", "org", { org: "a/b" }),
    c("AgentConfig", "apiBaseUrl", { apiBaseUrl: "ftp://platform.ibl.ai" }),
    // --- Skill -----------------------------------------------------------------------
    c("Skill", "name", { name: "" }),
    c("Skill", "name", { name: undefined }, { says: "required", alone: true }),
    c("Skill", "slug", { slug: "web search" }, { says: "letters, digits" }),
    c("Skill", "slug", { slug: "" }, { alone: true }),
    c("Skill", "slug", { slug: "ünïcode" }, { alone: true }),
    c("Skill", "slug", { slug: undefined }, { says: "required", alone: true }),
    c("Skill", "version", { version: long(51) }),
    c("Skill", "description", { description: 7 }),
    c("Skill", "instruction", { instruction: { md: "x" } }),
    c("Skill", "enabled", { enabled: "yes" }),
    c("Skill", "files", { files: ["SKILL.md"] }, { says: "unknown input" }),
    c("Skill", "platformKey", { platformKey: "acme" }, { says: "read-only" }),
    // issue 20: the service's slug pattern ^[-a-zA-Z0-9_]+$, at preview.
    c("Skill", "slug", { slug: "web.search" }, { says: "letters, digits" }),
    c("Skill", "slug", { slug: "a/b" }),
    c("Skill", "metadata", { metadata: "openclaw" }, { says: "object" }),
    c("Skill", "metadata", { metadata: ["curl"] }),
    c("Skill", "adoptId", { adoptId: [] }),
    c("Skill", "org", { org: "" }),
    c("Skill", "apiBaseUrl", { apiBaseUrl: ["https://platform.ibl.ai"] }),
    // --- SkillResource ---------------------------------------------------------------
    c("SkillResource", "skill", { skill: -4 }),
    c("SkillResource", "skill", { skill: undefined }, { says: "required", alone: true }),
    c("SkillResource", "fileType", { fileType: "binary" }),
    c("SkillResource", "fileType", { fileType: undefined }, { says: "required", alone: true }),
    c("SkillResource", "filename", { filename: "" }),
    c("SkillResource", "filename", { filename: long(256) }, { alone: true }),
    c("SkillResource", "content", { content: 5 }),
    c("SkillResource", "source", { fileType: "asset", content: undefined }, { says: "required", alone: true }),
    c("SkillResource", "source", { source: "fixtures/logo.png" }, { says: "asset", alone: true }),
    c("SkillResource", "source", { fileType: "asset", content: undefined, source: "no/such/file.png" }, { says: "cannot read", alone: true }),
    c("SkillResource", "sourceHash", { sourceHash: "abc" }, { says: "read-only", alone: true }),
    c("SkillResource", "adoptId", { adoptId: true }),
    c("SkillResource", "fileType", { fileType: 1 }, { alone: true }),
    c("SkillResource", "org", { org: "" }),
    c("SkillResource", "apiBaseUrl", { apiBaseUrl: "//platform.ibl.ai" }),
    // --- SkillAssignment -------------------------------------------------------------
    c("SkillAssignment", "mentor", { mentor: "mentor-1" }),
    c("SkillAssignment", "mentor", { mentor: undefined }, { says: "required", alone: true }),
    c("SkillAssignment", "skill", { skill: { id: 3 } }),
    c("SkillAssignment", "skill", { skill: undefined }, { says: "required", alone: true }),
    c("SkillAssignment", "enabled", { enabled: 0 }),
    c("SkillAssignment", "skillName", { skillName: "Weather" }, { says: "read-only" }),
    c("SkillAssignment", "adoptId", { adoptId: {} }),
    c("SkillAssignment", "skill", { skill: 0 }),
    c("SkillAssignment", "org", { org: "" }),
    c("SkillAssignment", "apiBaseUrl", { apiBaseUrl: true }),
    // --- ConfigPush / ProviderPush ---------------------------------------------------
    c("ConfigPush", "binding", { binding: false }),
    c("ConfigPush", "binding", { binding: undefined }, { says: "required", alone: true }),
    c("ConfigPush", "timeoutSeconds", { timeoutSeconds: 0 }),
    c("ConfigPush", "timeoutSeconds", { timeoutSeconds: 7200 }, { alone: true }),
    c("ConfigPush", "adopt", { adopt: "yes" }, { says: "true or false" }),
    c("ConfigPush", "instance", { instance: 3 }, { says: "unknown input" }),
    c("ConfigPush", "pushStatus", { pushStatus: "succeeded" }, { says: "read-only", alone: true }),
    c("ProviderPush", "server", { server: "" }),
    c("ProviderPush", "server", { server: undefined }, { says: "required", alone: true }),
    c("ProviderPush", "server", { server: 3, instance: 4 }, { says: "given twice", alone: true }),
    c("ProviderPush", "timeoutSeconds", { timeoutSeconds: "60" }),
    c("ProviderPush", "binding", { binding: 3 }, { says: "unknown input" }),
    // issue 20: named as the program wrote it, not by the wire name `server`.
    c("ProviderPush", "instance", { server: undefined, instance: "" }, { alone: true }),
    c("ProviderPush", "instance", { server: undefined, instance: -2 }, { alone: true }),
    c("ProviderPush", "adopt", { adopt: 1 }, { says: "true or false" }),
    c("ProviderPush", "org", { org: "" }),
    c("ProviderPush", "apiBaseUrl", { apiBaseUrl: "file:///etc/passwd" }),
    c("ConfigPush", "timeoutSeconds", { timeoutSeconds: "60" }),
    c("ConfigPush", "org", { org: "" }),
    c("ConfigPush", "apiBaseUrl", { apiBaseUrl: "platform.ibl.ai" }),
    // --- GatewayToken / DeviceIdentity -----------------------------------------------
    c("GatewayToken", "bytes", { bytes: 8 }, { says: "at least 16" }),
    c("GatewayToken", "bytes", { bytes: 4096 }, { alone: true }),
    c("GatewayToken", "keepers", { keepers: "rotate" }, { alone: true }),
    c("GatewayToken", "length", { length: 32 }, { says: "unknown input", alone: true }),
    c("DeviceIdentity", "keepers", { keepers: { rotated: 2026 } }),
    c("DeviceIdentity", "privateKeyPem", { privateKeyPem: CANARY }, { says: "read-only", alone: true }),
    c("DeviceIdentity", "algorithm", { algorithm: "rsa" }, { says: "unknown input", alone: true }),
    c("GatewayToken", "bytes", { bytes: 20.5 }),
    c("GatewayToken", "bytes", { bytes: "32" }),
    c("GatewayToken", "keepers", { keepers: { rotated: 1 } }),
    c("GatewayToken", "value", { value: CANARY }, { says: "read-only" }),
    // @pulumi/pulumi drops `id` and `urn` from a resource's inputs without a word: named here.
    c("GatewayToken", "id", { id: "gw-1" }, { says: "read-only" }),
    c("Skill", "urn", { urn: "urn:pulumi:x" }, { says: "read-only" }),
    c("DeviceIdentity", "keepers", { keepers: "rotate" }),
    // --- Mentor (issue 20) -----------------------------------------------------------
    c("Mentor", "name", { name: "" }, { says: "must not be empty" }),
    c("Mentor", "name", { name: undefined }, { says: "required" }),
    c("Mentor", "name", { name: 42 }),
    c("Mentor", "name", { name: long(256) }),
    c("Mentor", "displayName", { displayName: 7 }),
    c("Mentor", "displayName", { displayName: long(256) }),
    c("Mentor", "description", { description: ["tutor"] }),
    c("Mentor", "visibility", { visibility: "public" }, { says: "viewable_by_anyone" }),
    c("Mentor", "enableClaw", { enableClaw: "yes" }),
    c("Mentor", "allowAnonymous", { allowAnonymous: 1 }),
    c("Mentor", "adoptId", { adoptId: "ada" }, { says: "UUID" }),
    c("Mentor", "adoptId", { adoptId: 42 }),
    c("Mentor", "uniqueId", { uniqueId: UUID }, { says: "read-only" }),
    c("Mentor", "new_mentor_name", { new_mentor_name: "ada" }, { says: "unknown input" }),
    c("Mentor", "org", { org: "" }),
    c("Mentor", "apiBaseUrl", { apiBaseUrl: "platform.ibl.ai" }, { says: "http(s) URL" }),
    // --- the provider's settings (stack config and its environment fallbacks) ----------
    c("Skill", "iblai:authScheme", {}, { env: { IBLAI_AUTH_SCHEME: "Bearer" }, says: "Api-Token", alone: true }),
    c("Skill", "iblai:authScheme", {}, { config: { "iblai:authScheme": "Api-Key" }, says: "Api-Token", alone: true }),
    c("Skill", "iblai:apitoken", {}, { config: { "iblai:apitoken": CANARY }, says: "did you mean iblai:apiToken", alone: true }),
    c("Skill", "iblai:baseURL", {}, { config: { "iblai:baseURL": "https://platform.ibl.ai" }, says: "did you mean iblai:baseUrl", alone: true }),
    c("Skill", "apiBaseUrl", {}, { config: { "iblai:baseUrl": "platform.ibl.ai" }, says: "http(s) URL", alone: true }),
    c("Mentor", "iblai:adminuser", {}, { config: { "iblai:adminuser": "admin" }, says: "did you mean iblai:adminUser", alone: true }),
    c("Skill", "org", {}, { config: { "iblai:org": "acme corp" }, says: "platform key", alone: true }),
    // issue 20: an empty iblai:org got through to up.
    c("ModelProvider", "org", {}, { config: { "iblai:org": "" }, says: "pulumi config set iblai:org", alone: true }),
    c("AgentConfig", "iblai:openclawVersion", { config: { heartbeat: { every: "30m" } } }, { config: { "iblai:openclawVersion": "1999.1.1" }, says: "2026.9.6", alone: true }),
];
