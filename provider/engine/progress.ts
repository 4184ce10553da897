/**
 * Progress lines from the provider to the engine, shown in a resource's row while it works
 * (`pulumi up`: `ConfigPush ada-push updating (12s) waiting for the push: pending`).
 *
 * A dynamic provider's methods are not handed a way to log: the dynamic-provider host gets
 * the engine's address as its first argument and keeps it. So we open our own client to
 * the engine's `Log` RPC there (the one `pulumi.log` uses in programs), with `ephemeral` set:
 * the line replaces the row's status and is not kept in the diagnostics. Outside the host
 * (tests, scripts) it does nothing; a failed send never fails the operation.
 *
 * @example
 * ```ts
 * const say = progressFor(inputs.__urn as string | undefined);
 * say("waiting for the push: pending");
 * ```
 */
import * as path from "node:path";

type Sender = (urn: string, message: string, warning: boolean) => void;

let sender: Sender | null | undefined;

/** The engine address, when this process is Pulumi's dynamic-provider host. */
function engineAddress(): string | undefined {
    const [, script, address] = process.argv;
    if (!script || !address || !/dynamic-provider/.test(script) || !/^[\w.[\]:-]+:\d+$/.test(address)) return undefined;
    return address;
}

function makeSender(): Sender | null {
    const address = engineAddress();
    if (!address) return null;
    try {
        // The host's own @pulumi/pulumi (and its grpc) talk to this engine: use theirs.
        const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [process.cwd(), __dirname] }));
        const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
        const rpc = require(path.join(pulumiDir, "proto", "engine_grpc_pb.js"));
        const proto = require(path.join(pulumiDir, "proto", "engine_pb.js"));
        const client = new rpc.EngineClient(address, grpc.credentials.createInsecure());
        return (urn, message, warning) => {
            const req = new proto.LogRequest();
            req.setSeverity(warning ? proto.LogSeverity.WARNING : proto.LogSeverity.INFO);
            req.setMessage(message);
            req.setUrn(urn);
            req.setEphemeral(!warning);
            client.log(req, () => undefined);
        };
    } catch {
        return null;
    }
}

/**
 * A function that shows a progress line in the row of the resource `urn` (its `__urn`
 * input); a no-op without a URN or outside the dynamic-provider host.
 */
export function progressFor(urn: string | undefined): (message: string) => void {
    return sayer(urn, false);
}

/**
 * A function that adds a warning to the resource `urn`'s diagnostics (kept, unlike a progress
 * line); outside the dynamic-provider host it writes the warning to stderr.
 *
 * @example
 * ```ts
 * warnFor(props.__urn as string | undefined)("the mentor is kept: the API has no DELETE of a mentor");
 * ```
 */
export function warnFor(urn: string | undefined): (message: string) => void {
    const send = sayer(urn, true);
    return (message) => {
        if (sender) send(message);
        else process.stderr.write(`warning: ${message}\n`);
    };
}

function sayer(urn: string | undefined, warning: boolean): (message: string) => void {
    if (sender === undefined) sender = makeSender();
    const send = sender;
    if (!send || typeof urn !== "string" || !urn.startsWith("urn:pulumi:")) return () => undefined;
    return (message) => {
        try {
            send(urn, message, warning);
        } catch {
            // Progress is best effort.
        }
    };
}
