/**
 * URL rules shared by the https policies: https everywhere, plain http only to this machine
 * (local tests against the emulator or a local model server), when a policy allows it.
 */

/** How a URL input fares: `https`, http to a loopback host, other http, another scheme, or not a URL. */
export type UrlVerdict = "https" | "loopback-http" | "http" | "other-scheme" | "invalid";

/**
 * True for hosts that name this machine: `localhost` (and `*.localhost`, RFC 6761),
 * 127.0.0.0/8 and `::1`.
 *
 * @example
 * ```ts
 * isLoopbackHost("127.0.0.1"); // true
 * isLoopbackHost("[::1]");     // true (URL.hostname keeps the brackets)
 * isLoopbackHost("10.0.0.1");  // false
 * ```
 */
export function isLoopbackHost(hostname: string): boolean {
    const h = hostname.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
    if (h === "localhost" || h.endsWith(".localhost")) return true;
    if (h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
    return /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Classifies a URL input.
 *
 * @example
 * ```ts
 * classifyUrl("https://claw.acme.dev");  // "https"
 * classifyUrl("http://127.0.0.1:18789"); // "loopback-http"
 * classifyUrl("http://claw.acme.dev");   // "http"
 * ```
 */
export function classifyUrl(url: unknown): UrlVerdict {
    if (typeof url !== "string") return "invalid";
    let u: URL;
    try {
        u = new URL(url.trim());
    } catch {
        return "invalid";
    }
    if (u.protocol === "https:") return "https";
    if (u.protocol !== "http:") return "other-scheme";
    return isLoopbackHost(u.hostname) ? "loopback-http" : "http";
}

/**
 * The violation message for a URL input that is not allowed, or undefined when it is.
 * Names the input and the scheme, never the URL (it may carry credentials or a token).
 *
 * @example
 * ```ts
 * urlProblem("serverUrl", "http://claw.acme.dev", true);
 * // "serverUrl must use https (plain http is allowed only to a loopback host)"
 * ```
 */
export function urlProblem(input: string, url: unknown, allowLoopbackHttp: boolean): string | undefined {
    const loopbackNote = allowLoopbackHttp ? " (plain http is allowed only to a loopback host)" : "";
    switch (classifyUrl(url)) {
        case "https":
            return undefined;
        case "loopback-http":
            return allowLoopbackHttp ? undefined : `${input} must use https (plain http to a loopback host is not allowed by this policy's config)`;
        case "http":
            return `${input} must use https${loopbackNote}`;
        case "other-scheme":
            return `${input} must be an https URL${loopbackNote}`;
        case "invalid":
            return `${input} is not a valid URL; it must be an https URL`;
    }
}
