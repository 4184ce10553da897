import { ClawError, type ClawClient, type Id, NotFoundError, ObjectRef, type PushOutcome, PushFailedError, type PushWaitOptions, TimeoutError, classifyPushStatus, redactText, sameId, warningText } from "../../sdk";
import { type Connection, clientFor } from "./connection";
import { IDENTITY, OWNER, UNKNOWN, type ProviderMethods, checkIdentity, clean, isUnknown, whereOf } from "./crud";
import { progressFor } from "./progress";
import { contentHash } from "./hash";
import { type ApiRoutes, ROUTES_KEY, decideRoutes, isMentorId, routesOf } from "./routes";

type Props = Record<string, unknown>;

/**
 * A triggered push (ConfigPush, ProviderPush). Its state holds the hash of its triggers
 * and the outcome of the last push. A new hash pushes again, an equal one does nothing;
 * a push that did not succeed (failed, timed out), or was superseded by someone else's push
 * (seen by refresh), is pushed again by the next `up`;
 * delete sends nothing.
 */
export interface PushFacts {
    type: string;
    /** The input naming the push target (a binding or a server), an id. */
    target: "binding" | "server";
    /** What the target is, for messages: `MentorBinding`, `ClawInstance`. */
    targetType: string;
    /**
     * Deprecated other names of the target input (ProviderPush's `instance`, now `server`
     * as everywhere else): accepted, kept equal to the target in state and outputs, and
     * read from old state, so renaming causes no diff.
     */
    aliases?: readonly string[];
    /** Queues the push and waits for its outcome (timeoutMs, pollIntervalMs), on the target's route generation. */
    push(client: ClawClient, id: Id, wait: PushWaitOptions, routes: ApiRoutes): Promise<PushOutcome>;
    /**
     * The target's last push, by anyone: when (for refresh; undefined when never) and the
     * service's status text (for `adopt`).
     */
    lastPush(client: ClawClient, id: Id, routes: ApiRoutes): Promise<{ at?: string; status?: string }>;
    /**
     * The push's route depends on its target's generation (ConfigPush): decided at create,
     * recorded in state as `apiRoutes`, state without it meaning collection.
     */
    routed?: boolean;
}

const DEFAULT_TIMEOUT_SECONDS = 300;
const SUCCEEDED = "succeeded";

/** The error Pulumi's dynamic-provider host turns into a partial failure: the resource is kept. */
class PartialFailure extends Error {
    constructor(
        message: string,
        readonly id: string,
        readonly properties: Props,
        readonly reasons: string[],
    ) {
        super(message);
    }
}

/** An id as the API takes it (ids are opaque: a positive integer or an id string), or undefined. */
function targetId(v: unknown): Id | undefined {
    const r = ObjectRef.safeParse(v);
    return r.success ? r.data : undefined;
}

/** The provider methods of a push resource. */
export function pushMethods(facts: PushFacts, conn: () => Connection): ProviderMethods {
    const t = facts.target;
    const aliases = facts.aliases ?? [];
    const inputKeys = [t, ...aliases, "triggers", "timeoutSeconds", "adopt", OWNER, ...IDENTITY];
    /** The target's id in inputs or state, under its name or a deprecated alias. */
    const targetOf = (p: Props): unknown => [t, ...aliases].map((k) => p[k]).find((v) => v !== undefined);

    /**
     * A new push's generation: the mentor routes address a binding by its mentor, so a
     * target that is a mentor UUID (a MentorBinding made on them) is pushed there when the
     * provider speaks them (routes.ts); any other target is a collection binding's id.
     */
    const routesFor = async (c: Connection, client: ClawClient, target: unknown): Promise<ApiRoutes> =>
        facts.routed && isMentorId(target) && (await decideRoutes(c, client)) === "mentor" ? "mentor" : "collection";
    const recorded = (routes: ApiRoutes): Props => (facts.routed ? { [ROUTES_KEY]: routes } : {});

    const run = async (inputs: Props, id: string, routes: ApiRoutes): Promise<Props> => {
        const hash = contentHash(inputs.triggers ?? null);
        const base = { ...inputs, triggersHash: hash, ...recorded(routes) };
        const c = conn();
        const client = clientFor(c, whereOf(inputs, c));
        const timeoutMs = ((inputs.timeoutSeconds as number | undefined) ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
        try {
            // While it waits, the resource's row says what the service reports (progress.ts).
            const say = progressFor(inputs[OWNER] as string | undefined);
            const wait: PushWaitOptions = { timeoutMs, onWait: (seen, ms) => say(`waiting for the push, ${Math.round(ms / 1000)} s of at most ${timeoutMs / 1000} s: ${seen}`) };
            // An undefined key would override the sdk's default, so it is set only when given.
            const poll = c.tuning?.pushPollIntervalMs;
            if (poll !== undefined) wait.pollIntervalMs = poll;
            const out = await facts.push(client, inputs[t] as Id, wait, routes);
            const warnings = out.warnings.map(warningText);
            // Plugin stderr reaches the engine's log; the outputs keep the warnings for all to see.
            for (const w of warnings) process.stderr.write(`iblai:${facts.type}: push warning: ${w}\n`);
            return clean({ ...base, pushStatus: SUCCEEDED, serviceStatus: out.status, pushedAt: out.finishedAt ?? new Date().toISOString(), warnings });
        } catch (e) {
            const secrets = [c.apiToken];
            const failed = PushFailedError.isInstance(e) ? (e as PushFailedError) : undefined;
            const status = failed ? "failed" : TimeoutError.isInstance(e) ? "timeout" : "error";
            const warnings = (failed?.warnings ?? []).map(warningText);
            const props = clean({ ...base, pushStatus: status, serviceStatus: failed?.pushStatus, warnings });
            const text = ClawError.isInstance(e) ? e.message : String((e as Error)?.message ?? e);
            const next =
                status === "timeout"
                    ? `no outcome within ${timeoutMs / 1000} s (timeoutSeconds); the next \`pulumi up\` pushes again`
                    : "fix the cause, then `pulumi up` pushes again";
            const message = redactText(`iblai:${facts.type} push failed: ${text}\n  ${next}`, secrets);
            throw new PartialFailure(message, id, props, [message]);
        }
    };

    return {
        async check(_olds: Props, news: Props) {
            const { __provider: _p, ...inputs } = news;
            const failures = checkIdentity(inputs, conn());
            for (const k of Object.keys(inputs)) {
                if (!inputKeys.includes(k)) failures.push({ property: k, reason: `unknown input; the inputs of ${facts.type} are ${inputKeys.join(", ")}` });
            }
            const given = [t, ...aliases].filter((k) => inputs[k] !== undefined);
            const target = targetOf(inputs);
            if (target === undefined) failures.push({ property: t, reason: `${t}: required (the id of the ${facts.targetType})` });
            else if (given.length > 1 && !given.every((k) => sameId(inputs[k], target) || isUnknown(inputs[k]))) {
                failures.push({ property: t, reason: `${t}: given twice with different ids (${given.join(", ")}); give only ${t} (${aliases.join(", ")} is its deprecated name)` });
            } else if (!isUnknown(target)) {
                const id = targetId(target);
                // Named as the program wrote it: an old program's `instance`, not the wire name.
                const named = given[0] ?? t;
                if (id === undefined) failures.push({ property: named, reason: `${named}: must be the id of a ${facts.targetType} (a positive integer or an id string)` });
                else for (const k of [t, ...aliases]) inputs[k] = id;
            } else for (const k of [t, ...aliases]) inputs[k] = target;
            if (inputs.adopt !== undefined && !isUnknown(inputs.adopt) && typeof inputs.adopt !== "boolean") {
                failures.push({ property: "adopt", reason: "adopt: must be true or false" });
            }
            const ts = inputs.timeoutSeconds;
            if (ts !== undefined && !isUnknown(ts) && !(typeof ts === "number" && ts > 0 && ts <= 3600)) {
                failures.push({ property: "timeoutSeconds", reason: "timeoutSeconds: must be a number of seconds in (0, 3600]" });
            }
            return { inputs: clean(inputs), failures };
        },
        async diff(_id: string, olds: Props, news: Props) {
            // Ids compare as strings (42 and "42" are one id), and old state may hold the target under an alias.
            const moved = news[t] !== undefined && !sameId(news[t], targetOf(olds)) ? [t] : [];
            const replaces = [...moved, ...IDENTITY.filter((k) => news[k] !== undefined && String(news[k]) !== String(olds[k]))];
            const triggersChanged = JSON.stringify(news.triggers ?? null).includes(UNKNOWN) || contentHash(news.triggers ?? null) !== olds.triggersHash;
            const unfinished = olds.pushStatus !== SUCCEEDED;
            const changes = replaces.length > 0 || triggersChanged || unfinished || news.timeoutSeconds !== olds.timeoutSeconds;
            return { changes, replaces, deleteBeforeReplace: false };
        },
        async create(news: Props) {
            const { __provider: _p, ...inputs } = news;
            // The id names this push resource; there is nothing to create on the service.
            const id = `${t}-${String(inputs[t])}-${Date.now().toString(36)}`;
            const c = conn();
            const client = clientFor(c, whereOf(inputs, c));
            const routes = await routesFor(c, client, inputs[t]).catch((e: unknown) => {
                throw new Error(redactText(`iblai:${facts.type} create failed: ${String((e as Error)?.message ?? e)}`, [c.apiToken]));
            });
            if (inputs.adopt === true) {
                // Taking over a target that was pushed before (a generated program, docs/adoption.md):
                // when its last push succeeded, record these triggers as delivered and send nothing.
                const last = await facts.lastPush(client, inputs[t] as Id, routes).catch((e: unknown) => {
                    throw new Error(redactText(`iblai:${facts.type} adopt failed: ${String((e as Error)?.message ?? e)}`, [c.apiToken]));
                });
                if (classifyPushStatus(last.status) === "succeeded") {
                    const outs = { ...inputs, triggersHash: contentHash(inputs.triggers ?? null), pushStatus: SUCCEEDED, serviceStatus: last.status, pushedAt: last.at, warnings: [], ...recorded(routes) };
                    return { id, outs: clean(outs) };
                }
            }
            return { id, outs: await run(inputs, id, routes) };
        },
        async read(id: string, props: Props) {
            // Someone else pushed since we did (the UI, a script): what the server holds may
            // no longer be what we delivered, so mark it for the next up to push again.
            const c = conn();
            const target = targetId(targetOf(props));
            if (target === undefined || props.pushStatus !== SUCCEEDED) return { id, props };
            const client = clientFor(c, whereOf(props, c));
            let last: string | undefined;
            try {
                last = (await facts.lastPush(client, target, routesOf(props))).at;
            } catch (e) {
                if (NotFoundError.isInstance(e)) return { id: "", props: {} }; // the binding or instance is gone
                throw new Error(redactText(`iblai:${facts.type} read failed: ${String((e as Error)?.message ?? e)}`, [c.apiToken]));
            }
            const ours = Date.parse(String(props.pushedAt ?? ""));
            const theirs = last === undefined ? NaN : Date.parse(last);
            if (!Number.isNaN(ours) && !Number.isNaN(theirs) && theirs > ours) {
                return { id, props: { ...props, pushStatus: "superseded", supersededAt: last } };
            }
            return { id, props };
        },
        async update(id: string, olds: Props, news: Props) {
            const { __provider: _p, ...inputs } = news;
            const same = contentHash(inputs.triggers ?? null) === olds.triggersHash && olds.pushStatus === SUCCEEDED;
            if (same) return { outs: clean({ ...olds, ...inputs }) }; // e.g. only timeoutSeconds changed: nothing to deliver
            // The generation of state (collection for state from before issue 20), kept as it was recorded.
            const outs = await run(inputs, id, routesOf(olds));
            if (olds[ROUTES_KEY] === undefined) delete outs[ROUTES_KEY];
            return { outs };
        },
        async delete() {
            // A push cannot be taken back; deleting the resource sends nothing.
        },
    };
}
