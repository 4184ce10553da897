import type { ClawClient, PushSnapshot } from "../../sdk";

/**
 * What this provider process has learnt of mentors' agent configs from bindings' answers.
 *
 * A binding's answer embeds the mentor's agent config (with its id), and an AgentConfig
 * resource normally follows its binding in the same run. Remembering that id lets the
 * AgentConfig's create PATCH the config directly instead of paging through the whole
 * `agent-configs/` list (which has no mentor filter) for every mentor: the scan grew faster
 * than the number of mentors (issue 14). Anything not learnt here falls back to the scan.
 *
 * @example
 * ```ts
 * rememberBinding(client, binding);                // after a binding's create, get or update
 * const id = knownAgentConfig(client, binding.mentor); // "17", or undefined
 * ```
 */
const known = new Map<string, string>();

/** A key within one org of one service: every fact here holds for that org only. */
function scoped(client: ClawClient, id: string): string {
    return `${client.urlOf("")}|${id}`;
}

/** A mentor's key: UUIDs compare without case or hyphens, as the sdk's lookups do. */
function mentorKey(client: ClawClient, mentor: string): string {
    return scoped(client, mentor.replace(/-/g, "").toLowerCase());
}

/** Notes what a binding's answer says: the mentor's agent config, and the binding's last push. */
export function rememberBinding(client: ClawClient, binding: Record<string, unknown>): void {
    rememberPushState(client, binding);
    const cfg = binding.agent_config as { id?: unknown } | null | undefined;
    if (typeof binding.mentor !== "string" || cfg?.id === undefined || cfg.id === null) return;
    known.set(mentorKey(client, binding.mentor), String(cfg.id));
}

/**
 * Agent configs this process deleted (AgentConfig's delete): a binding's destroy then
 * knows the config it made is gone without a list of the mentor's bindings and a GET
 * (two requests per mentor on destroy, issue 14). Ids are the service's primary keys.
 */
const deleted = new Set<string>();

/** Notes that this process deleted agent config `id`. */
export function noteAgentConfigDeleted(client: ClawClient, id: string): void {
    deleted.add(scoped(client, id));
}

/** Whether this process deleted agent config `id`. */
export function agentConfigDeleted(client: ClawClient, id: string): boolean {
    return deleted.has(scoped(client, id));
}

/**
 * A binding's push fields as its answer gave them moments ago in this process (its
 * create, usually), so a ConfigPush right after need not GET the binding before pushing
 * (one request per push, issue 14). Taken once, and only while young: a push by someone
 * else since then that finished before our push's own second is told apart by the
 * service's clock anyway (sdk `isPushFinished`), so the window this adds is under a second
 * of a binding this very run just made or read.
 */
const pushStates = new Map<string, { at: number; snapshot: PushSnapshot }>();
const PUSH_STATE_MAX_AGE_MS = 60_000;

function rememberPushState(client: ClawClient, binding: Record<string, unknown>): void {
    if (binding.id === undefined || binding.id === null) return;
    const snapshot: PushSnapshot = {
        at: (binding.last_config_push as string | null | undefined) ?? null,
        status: (binding.last_config_push_status as string | null | undefined) ?? null,
        warnings: (binding.last_push_warnings as unknown[] | null | undefined) ?? null,
    };
    pushStates.set(scoped(client, String(binding.id)), { at: Date.now(), snapshot });
}

/**
 * The binding's push fields if an answer of the last minute gave them, else undefined;
 * forgotten once taken (the push about to happen changes them).
 *
 * @example
 * ```ts
 * const before = takeFreshPushState(client, "7"); // undefined: GET the binding first
 * ```
 */
export function takeFreshPushState(client: ClawClient, bindingId: string): PushSnapshot | undefined {
    const k = scoped(client, bindingId);
    const seen = pushStates.get(k);
    pushStates.delete(k);
    return seen && Date.now() - seen.at <= PUSH_STATE_MAX_AGE_MS ? seen.snapshot : undefined;
}

/** The mentor's agent config id, if a binding's answer named it in this process. */
export function knownAgentConfig(client: ClawClient, mentor: string): string | undefined {
    return known.get(mentorKey(client, mentor));
}
