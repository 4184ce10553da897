import * as path from "node:path";
import type { ConfigLookup } from "../engine/connection";

/** What the engine's Configure call carries: the provider's config, by short name (`baseUrl`). */
export type ProviderConfig = (lookup: ConfigLookup, keys: readonly string[]) => Promise<void>;

interface ConfigureCall {
    request: {
        getVariablesMap(): { entries(): Iterable<[string, string]> };
        getArgs(): { toJavaScript(): Record<string, unknown> } | undefined;
    };
}
type Handler = (call: ConfigureCall, cb: (err: Error | null, res?: unknown) => void) => void;

/**
 * `@pulumi/pulumi/provider`'s server answers Configure without looking at the request, so a
 * provider object never sees `iblai:baseUrl` & co (research, Q3). Before `main()` builds that
 * server, this wraps the `configure` handler it registers with gRPC (its own
 * `@grpc/grpc-js`): the config goes to `onConfigure` first, then the server answers as before.
 *
 * Config arrives two ways: as `variables` (`iblai:config:baseUrl`, plain strings, secrets
 * included) and as `args` (`baseUrl`, a secret as a marker object); variables win.
 *
 * @example
 * ```ts
 * hookConfigure(async (get) => { connection = resolveConnection(get); });
 * await main(provider, process.argv.slice(2));
 * ```
 */
export function hookConfigure(onConfigure: ProviderConfig): void {
    const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    // The gRPC module @pulumi/pulumi itself loads: patching another copy would change nothing.
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] })) as {
        Server: { prototype: { addService(service: unknown, impl: Record<string, Handler>): void } };
    };
    const addService = grpc.Server.prototype.addService;
    grpc.Server.prototype.addService = function (service, impl) {
        const answer = impl.configure?.bind(impl);
        if (answer) {
            impl.configure = (call, cb) => {
                const vars = new Map<string, string>(call.request.getVariablesMap().entries());
                const args = call.request.getArgs()?.toJavaScript() ?? {};
                const lookup: ConfigLookup = (key) => {
                    const short = key.replace(/^iblai:/, "");
                    const v = vars.get(`iblai:config:${short}`);
                    if (v !== undefined) return v;
                    return argString(args[short]);
                };
                const keys = [...vars.keys()].map((k) => k.replace(":config:", ":"));
                onConfigure(lookup, keys).then(
                    () => answer(call, cb),
                    (e: unknown) => cb(e instanceof Error ? e : new Error(String(e))),
                );
            };
        }
        return addService.call(this, service, impl);
    };
}

/** A config arg as a string: secrets arrive wrapped, non-strings as their JSON. */
function argString(v: unknown): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === "object" && "value" in (v as Record<string, unknown>)) return argString((v as { value: unknown }).value);
    return typeof v === "string" ? v : JSON.stringify(v);
}
