import type * as pulumi from "@pulumi/pulumi";
import { type Connection, resolveConnection } from "./connection";
import * as crud from "./crud";
import type { ResourceFacts } from "./facts";
import { clawInstanceFacts } from "../resources/clawInstance";

/**
 * The entry point that serialized provider stubs `require()` (package export
 * `pulumi-iblai-claw/dynamic`). It runs inside the dynamic-provider process: it keeps the
 * stack config from `configure()` and dispatches each call to the shared engine.
 */
const REGISTRY: Record<string, ResourceFacts> = {
    [clawInstanceFacts.type]: clawInstanceFacts,
};

let connection: Connection = resolveConnection(() => undefined);

/** Takes the stack's config (the engine's Configure call). */
export async function configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    connection = resolveConnection((k) => req.config.get(k));
}

/**
 * Called by a serialized stub's `configure`: takes the config and gives the stub's
 * provider object the engine's methods for `type`. A stable contract (see stub.ts).
 */
export async function attach(provider: pulumi.dynamic.ResourceProvider, type: string, req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    await configure(req);
    Object.assign(provider, methodsFor(type));
}

/** The provider methods for one resource type, bound to the shared engine. */
export function methodsFor(type: string): Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> {
    const call = (m: Method) => (...args: unknown[]) => run(type, m, args) as never;
    return {
        check: call("check"),
        diff: call("diff"),
        create: call("create"),
        read: call("read"),
        update: call("update"),
        delete: call("delete"),
    };
}

type Method = "check" | "diff" | "create" | "read" | "update" | "delete";

/** Runs one provider method for one resource type. */
export async function run(type: string, method: Method, args: unknown[]): Promise<unknown> {
    const facts = REGISTRY[type];
    if (!facts) {
        throw new Error(
            `iblai: this version of pulumi-iblai-claw has no resource type ${JSON.stringify(type)}; ` +
                "install the version that wrote this state, or a newer one",
        );
    }
    const a = args as never[];
    switch (method) {
        case "check":
            return crud.check(facts, connection, a[0], a[1]);
        case "diff":
            return crud.diff(facts, a[0], a[1], a[2]);
        case "create":
            return crud.create(facts, connection, a[0]);
        case "read":
            return crud.read(facts, connection, a[0], a[1]);
        case "update":
            return crud.update(facts, connection, a[0], a[1], a[2]);
        case "delete":
            return crud.remove(facts, connection, a[0], a[1]);
        default:
            throw new Error(`iblai: unknown provider method ${JSON.stringify(method)}`);
    }
}
