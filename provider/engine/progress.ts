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

type Sender = (urn: string, message: string) => void;

let sender: Sender | null | undefined;

/** The engine address, when this process is Pulumi's dynamic-provider host. */
function engineAddress(): string | undefined {
    const [, script, address] = process.argv;
    if (!script || !address || !/dynamic-provider/.test(script) || !/^[\w.[\]:-]+:\d+$/.test(address)) return undefined;
    return address;
}

/** A sender of ephemeral INFO lines (progress), or of kept WARNING lines (notices). */
function makeSender(warning = false): Sender | null {
    const address = engineAddress();
    if (!address) return null;
    try {
        // The host's own @pulumi/pulumi (and its grpc) talk to this engine: use theirs.
        const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [process.cwd(), __dirname] }));
        const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
        const rpc = require(path.join(pulumiDir, "proto", "engine_grpc_pb.js"));
        const proto = require(path.join(pulumiDir, "proto", "engine_pb.js"));
        const client = new rpc.EngineClient(address, grpc.credentials.createInsecure());
        return (urn, message) => {
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
    if (sender === undefined) sender = makeSender();
    const send = sender;
    if (!send || typeof urn !== "string" || !urn.startsWith("urn:pulumi:")) return () => undefined;
    return (message) => {
        try {
            send(urn, message);
        } catch {
            // Progress is best effort.
        }
    };
}

/** Notices already shown by this process, by resource and text: each is shown once. */
const noticed = new Set<string>();

/**
 * Shows a warning about the resource `urn` in the engine's diagnostics (kept, unlike a
 * progress line), once per resource and text in this process: preview runs check and diff
 * on the same resource, and both may see the same thing. Outside the host it is written to
 * stderr. Best effort: a failed send never fails the operation.
 *
 * @example
 * ```ts
 * noticeFor(inputs.__urn as string, "iblai:MentorBinding: auto_push is on: ...");
 * ```
 */
export function noticeFor(urn: string | undefined, message: string): void {
    const key = `${urn ?? ""}\n${message}`;
    if (noticed.has(key)) return;
    noticed.add(key);
    if (warner === undefined) warner = makeSender(true);
    try {
        if (warner && typeof urn === "string" && urn.startsWith("urn:pulumi:")) warner(urn, message);
        else process.stderr.write(`${message}\n`);
    } catch {
        // Best effort.
    }
}

let warner: Sender | null | undefined;
