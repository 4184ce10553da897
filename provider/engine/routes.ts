import { type ClawClient, MentorId } from "../../sdk";

/**
 * Which generation of the service's mentor routes a resource speaks (issue 20):
 * - `collection`: the older guide's `claw/mentor-configs/`, `agent-configs/`,
 *   `mentor-skill-assignments/` (every stack made before issue 20; self-hosted services);
 * - `mentor`: the current guide's `mentors/<mentor>/claw-config/`, `.../agent-config/`,
 *   `.../skills/` (the hosted service).
 *
 * @example
 * ```ts
 * const r: ApiRoutes = "mentor";
 * ```
 */
export type ApiRoutes = "mentor" | "collection";

/**
 * The values of `iblai:apiRoutes` (`IBLAI_API_ROUTES`); `auto` is the default.
 *
 * @example
 * ```ts
 * API_ROUTES_SETTINGS.includes("auto"); // true
 * ```
 */
export const API_ROUTES_SETTINGS = ["auto", "mentor", "collection"] as const;
export type ApiRoutesSetting = (typeof API_ROUTES_SETTINGS)[number];

/**
 * The state key where a route-dependent resource records the generation it was made with.
 * State without it was made before issue 20, on the collection routes.
 *
 * @example
 * ```ts
 * routesOf({ [ROUTES_KEY]: "mentor" }); // "mentor"
 * ```
 */
export const ROUTES_KEY = "apiRoutes";

/**
 * Why an `iblai:apiRoutes` value is wrong, with the fix; undefined when fine (or unset).
 *
 * @example
 * ```ts
 * apiRoutesProblem("mentors"); // 'iblai:apiRoutes must be auto (the default), mentor or collection, not "mentors" ...'
 * ```
 */
export function apiRoutesProblem(value: unknown): string | undefined {
    if (value === undefined || (API_ROUTES_SETTINGS as readonly unknown[]).includes(value)) return undefined;
    const shown = typeof value === "string" && value.length <= 20 ? JSON.stringify(value) : `a ${typeof value}`;
    return `iblai:apiRoutes must be auto (the default), mentor or collection, not ${shown} (stack config iblai:apiRoutes or IBLAI_API_ROUTES)`;
}

/**
 * The generation recorded in a resource's state; state without one is from before issue 20,
 * made on the collection routes, and keeps them (no replacement, no diff on upgrade).
 *
 * @example
 * ```ts
 * routesOf({}); // "collection"
 * ```
 */
export function routesOf(state: Record<string, unknown>): ApiRoutes {
    return state[ROUTES_KEY] === "mentor" ? "mentor" : "collection";
}

/** One answer per (service, org) for this provider process: the probe is sent once. */
const decided = new Map<string, Promise<ApiRoutes>>();

/**
 * The generation a new resource is made with: the setting when it names one; for `auto`,
 * the service's own answer, asked once per (baseUrl, org) per provider process, lazily (only
 * a create asks; check, diff, read, update and delete never do, so a preview and a no-op
 * `up` send nothing). Rule: `GET claw/mentor-configs/?limit=1` answering 2xx means the
 * collection routes (the older guide, a self-hosted service, or one serving both: keep what
 * every existing stack speaks); 404 or 405 means the mentor-scoped routes only. Any other
 * answer (401, a network error) fails the create and is asked again next time.
 *
 * @example
 * ```ts
 * const routes = await decideRoutes(conn, client); // "mentor" against the hosted service
 * ```
 */
export function decideRoutes(conn: { apiRoutes?: ApiRoutesSetting }, client: ClawClient): Promise<ApiRoutes> {
    if (conn.apiRoutes === "mentor" || conn.apiRoutes === "collection") return Promise.resolve(conn.apiRoutes);
    const key = client.urlOf("");
    let answer = decided.get(key);
    if (!answer) {
        answer = client.mentorBindings.servesCollection().then((yes): ApiRoutes => (yes ? "collection" : "mentor"));
        answer.catch(() => decided.delete(key)); // a failed probe is not an answer
        decided.set(key, answer);
    }
    return answer;
}

/**
 * True for a mentor UUID: on the mentor routes a binding's Pulumi id is its mentor (there
 * is no numeric-id route), which is how a ConfigPush knows its binding's generation.
 *
 * @example
 * ```ts
 * isMentorId("3f1c2a9e-0b6d-4c1e-9a57-2f8d6b3e4c10"); // true
 * ```
 */
export function isMentorId(v: unknown): v is string {
    return typeof v === "string" && MentorId.safeParse(v).success;
}

/** Forgets every decision (tests). */
export function forgetRouteDecisions(): void {
    decided.clear();
}
