import type { Transport } from "../transport";
import { PushFailedError } from "../errors";
import { DEFAULT_PUSH_WAIT, type PushOutcome, type PushSnapshot, type PushWaitOptions, classifyPushStatus, isPushFinished, pollUntil, pushFailureHint, queuedMoment } from "../push";
import { PushQueued, lenientAnswer } from "../schemas/common";
import { HttpError, NotFoundError } from "../errors";
import { MentorBinding, MentorBindingCreate, type MentorBindingListQuery, MentorBindingUpdate, MentorClawConfigCreate, MentorClawConfigUpdate } from "../schemas/mentorBinding";
import { EntityApi, type Id, SingletonApi } from "./entity";

const snapshotOf = (b: MentorBinding): PushSnapshot => ({ at: b.last_config_push, status: b.last_config_push_status, warnings: b.last_push_warnings });

/**
 * `claw/mentor-configs/`: mentors bound to claw servers, and config pushes. Binding a
 * mentor creates its agent config if it has none. Natural key: mentor + server. Only the
 * `enabled` filter is documented; `mentor` and `server` are matched on the client.
 *
 * @example
 * ```ts
 * const b = await client.mentorBindings.create({ mentor: "3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", server: 42, enabled: true });
 * const { warnings } = await client.mentorBindings.pushConfigAndWait(b.id);
 * ```
 */
export class MentorBindingsApi extends EntityApi<typeof MentorBinding, typeof MentorBindingCreate, typeof MentorBindingUpdate, MentorBindingListQuery> {
    constructor(client: Transport) {
        super(client, {
            collection: "claw/mentor-configs/",
            object: MentorBinding,
            create: MentorBindingCreate,
            update: MentorBindingUpdate,
            writeOnly: [],
            naturalKey: (b) => ({ mentor: b.mentor, server: b.server }),
            exactFilters: ["enabled"],
            clientFilters: ["mentor", "server"],
        });
    }

    /**
     * The binding of a mentor to a server, if any.
     *
     * @example
     * ```ts
     * const b = await client.mentorBindings.findFor("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10", 42);
     * ```
     */
    async findFor(mentor: string, server: Id): Promise<MentorBinding | undefined> {
        return this.findOne({ mentor, server });
    }

    /**
     * Queues a push of the mentor's agent config and enabled skills to the server (202).
     * Use `pushConfigAndWait` to learn the outcome.
     *
     * @example
     * ```ts
     * const { queued, message } = await client.mentorBindings.pushConfig(7);
     * ```
     */
    async pushConfig(id: Id): Promise<PushQueued> {
        // A push delivers the current config; sending it twice delivers the same thing.
        return this.client.request("POST", `${this.objectRoute(id)}push-config/`, { schema: lenientAnswer(PushQueued), idempotent: true });
    }

    /**
     * Queues a config push and waits for its outcome in the binding's `last_config_push*`
     * fields, polling with backoff up to `timeoutMs`. Resolves with the status and the
     * service's security warnings; throws PushFailedError (the service's status text plus
     * a hint: device pairing, missing device identity) or TimeoutError. It reads the binding
     * first, to tell this push's outcome from an older one, unless `before` gives what a read
     * of the last moments said (`last_config_push`, `last_config_push_status`).
     *
     * @example
     * ```ts
     * try {
     *   const { warnings } = await client.mentorBindings.pushConfigAndWait(7, { timeoutMs: 120_000 });
     *   warnings.forEach((w) => console.warn(warningText(w)));
     * } catch (e) {
     *   if (PushFailedError.isInstance(e)) console.error(e.pushStatus, "\n", e.hint);
     *   else throw e;
     * }
     * ```
     */
    async pushConfigAndWait(id: Id, options: PushWaitOptions & { before?: PushSnapshot } = {}): Promise<PushOutcome> {
        return pushAndWait(this.client, `${this.objectRoute(id)}push-config/`, () => this.get(id), options);
    }

    /**
     * Whether the service serves the older guide's collection of bindings: `GET
     * claw/mentor-configs/?limit=1` answers 2xx (true) or 404/405 (false: only the current
     * guide's mentor-scoped routes). Any other answer throws. One request.
     *
     * @example
     * ```ts
     * const routes = (await client.mentorBindings.servesCollection()) ? "collection" : "mentor";
     * ```
     */
    async servesCollection(): Promise<boolean> {
        try {
            await this.client.request("GET", "claw/mentor-configs/", { query: { limit: 1 } });
            return true;
        } catch (e) {
            if (NotFoundError.isInstance(e) || (HttpError.isInstance(e) && e.status === 405)) return false;
            throw e;
        }
    }
}

/**
 * Queues a config push at `route` and waits for its outcome in the binding's
 * `last_config_push*` fields (read by `read`); shared by both route generations.
 */
async function pushAndWait(client: Transport, route: string, read: () => Promise<MentorBinding>, options: PushWaitOptions & { before?: PushSnapshot }): Promise<PushOutcome> {
    // `before`: the caller read the binding moments ago (e.g. its create's answer) and
    // saves this GET; the outcome must then differ from it and be no older than the push.
    const { before: given, ...wait } = options;
    const before = given ?? snapshotOf(await read());
    const queued = await client.requestFull("POST", route, { schema: lenientAnswer(PushQueued), idempotent: true });
    const queuedAt = queuedMoment(queued.headers);
    const after = await pollUntil(
        async () => snapshotOf(await read()),
        (s) => isPushFinished(before, s, queuedAt),
        { method: "POST", route, describe: (s) => `last push status: ${s?.status ?? "none"} at ${s?.at ?? "never"}` },
        { ...DEFAULT_PUSH_WAIT, ...wait },
    );
    const status = after.status ?? "";
    const warnings = after.warnings ?? [];
    if (classifyPushStatus(status) !== "succeeded") {
        throw new PushFailedError("the config push failed", { method: "POST", route, pushStatus: status, warnings, hint: pushFailureHint(status) });
    }
    return { status, finishedAt: after.at ?? undefined, warnings, message: queued.body.message ?? undefined };
}

/**
 * `mentors/{mentor}/claw-config/`: the current guide's binding of one mentor (one per
 * mentor; no list, no id in the route), and its push. `GET` of an unbound mentor is a
 * NotFoundError ("Claw config not found"). Reached through `client.mentorScoped(mentor).binding`.
 *
 * @example
 * ```ts
 * const ada = client.mentorScoped("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10");
 * await ada.binding.create({ server: 42, enabled: true, agent_id: "main", auto_push: false });
 * const { warnings } = await ada.binding.pushConfigAndWait();
 * ```
 */
export class MentorClawConfigApi extends SingletonApi<typeof MentorBinding, typeof MentorClawConfigUpdate, typeof MentorClawConfigCreate> {
    constructor(client: Transport, mentor: string) {
        super(client, {
            route: `mentors/${encodeURIComponent(mentor)}/claw-config/`,
            object: MentorBinding,
            create: MentorClawConfigCreate,
            update: MentorClawConfigUpdate,
            writeOnly: [],
            // One binding per mentor: the one found is ours when it names our server.
            recoverMatch: (b) => ({ server: b.server }),
        });
    }

    /**
     * Queues a push of the mentor's agent config and enabled skills (202).
     *
     * @example
     * ```ts
     * const { queued } = await client.mentorScoped(mentor).binding.pushConfig();
     * ```
     */
    async pushConfig(): Promise<PushQueued> {
        return this.client.request("POST", `${this.route}push-config/`, { schema: lenientAnswer(PushQueued), idempotent: true });
    }

    /**
     * Queues a config push and waits for its outcome, as `client.mentorBindings.pushConfigAndWait`.
     *
     * @example
     * ```ts
     * const { status, warnings } = await client.mentorScoped(mentor).binding.pushConfigAndWait({ timeoutMs: 120_000 });
     * ```
     */
    async pushConfigAndWait(options: PushWaitOptions & { before?: PushSnapshot } = {}): Promise<PushOutcome> {
        return pushAndWait(this.client, `${this.route}push-config/`, () => this.get(), options);
    }
}
