/**
 * Which handler an API path reaches, per route generation (`Settings.routes`):
 *
 * - the collection routes of every entity (`claw/instances/`, `agent-configs/`, …); in
 *   `mentor` mode those of bindings, agent configs and assignments are gone (404), as on a
 *   service that no longer has them; instances, model providers, skills and skill
 *   resources keep their collection routes in every mode;
 * - the mentor-scoped routes `mentors/<mentor>/…` (mentorScoped.ts), not in `collection` mode;
 * - the mentors API `users/<user>/…` (mentors.ts), in every mode;
 * - the admin lookup `/api/core/platform/users/` (mentors.ts), outside the ai-mentor prefix.
 */
import { AGENT_CONFIGS, BINDINGS, SKILL_ASSIGNMENTS } from "./collections";
import type { Ctx, EntityDef, Reply, RouteGeneration } from "./entity";
import { handleEntity } from "./handler";
import { handlePlatformUsers, handleUsers } from "./mentors";
import { handleMentorScoped } from "./mentorScoped";

export const API_PREFIX = "/api/ai-mentor/orgs/";
export const PLATFORM_USERS_PATH = "/api/core/platform/users";

/** Collections that the 2026 service serves only under `mentors/<mentor>/`. */
const MENTOR_ONLY: ReadonlySet<string> = new Set([BINDINGS, AGENT_CONFIGS, SKILL_ASSIGNMENTS]);

/** Where an API path leads: its org, its request-log pattern and the handler, if any. */
export interface ApiRoute {
    /** The org of the path, or `undefined` when it comes from the query (`platform_key`). */
    org: string | undefined;
    /** The request-log pattern, e.g. `claw/instances/{id}/`, `mentors/{mentor}/claw-config/`. */
    pattern: string;
    slash: boolean;
    /** Answers the request; absent for a path the service does not have (404). */
    serve?: (ctx: Ctx, url: URL, body: () => unknown) => Promise<Reply> | Reply;
}

/** What resolution needs to know of the emulator. */
export interface RouteDeps {
    byCollection: ReadonlyMap<string, EntityDef>;
    routes: RouteGeneration;
    /** The org's users (the first is its admin). */
    usersOf: (org: string) => readonly string[];
}

/**
 * Resolves a path below the base path (`/api/ai-mentor/orgs/acme/claw/instances/`).
 *
 * @example
 * ```ts
 * resolveRoute("/api/ai-mentor/orgs/acme/mentors/6f1c…/claw-config/", deps).pattern; // "mentors/{mentor}/claw-config/"
 * ```
 */
export function resolveRoute(pathname: string, deps: RouteDeps): ApiRoute | undefined {
    if (pathname === PLATFORM_USERS_PATH || pathname === `${PLATFORM_USERS_PATH}/`) {
        return {
            org: undefined,
            pattern: "core/platform/users/",
            slash: pathname.endsWith("/"),
            serve: (ctx, url) => handlePlatformUsers(ctx, deps.usersOf(ctx.org), url),
        };
    }
    if (!pathname.startsWith(API_PREFIX)) return undefined;
    const parts = pathname.slice(API_PREFIX.length).split("/");
    const org = decodeURIComponent(parts[0] ?? "");
    const slash = parts[parts.length - 1] === "";
    const segs = parts.slice(1, slash ? -1 : undefined).map((s) => decodeURIComponent(s));
    const unknown: ApiRoute = { org, pattern: "(unknown)", slash };

    if (segs[0] === "mentors" && segs.length >= 3 && segs.length <= 5) {
        const pattern = ["mentors", "{mentor}", ...segs.slice(2).map((s, i) => (i === 1 && segs[2] === "skills" ? "{id}" : s))].join("/") + "/";
        if (deps.routes === "collection") return { ...unknown, pattern };
        return { org, pattern, slash, serve: (ctx, url, body) => handleMentorScoped(ctx, segs.slice(1), url, body) };
    }
    if (segs[0] === "users" && segs.length >= 3 && segs.length <= 5) {
        const pattern = ["users", "{user}", ...segs.slice(2).map((s, i) => (i === 1 && segs[2] === "mentors" ? "{mentor}" : s))].join("/") + "/";
        return { org, pattern, slash, serve: (ctx, _url, body) => handleUsers(ctx, deps.usersOf(org), segs.slice(1), body) };
    }
    // Longest collection prefix wins (collections may have two segments, e.g. claw/instances).
    for (let n = Math.min(2, segs.length); n >= 1; n--) {
        const def = deps.byCollection.get(segs.slice(0, n).join("/"));
        if (!def) continue;
        const rest = segs.slice(n);
        if (rest.length > 2) break;
        const pattern = [def.collection, ...rest.map((s, i) => (i === 0 ? "{id}" : s))].join("/") + "/";
        if (deps.routes === "mentor" && MENTOR_ONLY.has(def.collection)) return { ...unknown, pattern };
        return { org, pattern, slash, serve: (ctx, url, body) => handleEntity(def, ctx, rest, url, body) };
    }
    return unknown;
}
