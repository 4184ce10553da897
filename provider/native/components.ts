import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type * as provider from "@pulumi/pulumi/provider";
import { AgentSet } from "../../components/agentSet";
import { ClawServer } from "../../components/clawServer";

type Inputs = Record<string, unknown>;

/** The parts of @pulumi/pulumi's OutputImpl that tell a value without waiting on apply (which never runs for an unknown in preview). */
interface OutputInternals<T> {
    isKnown: Promise<boolean>;
    promise(): Promise<T>;
}

/** An input as a plain value (construct gets Outputs), or undefined while it is unknown (a preview). */
async function plain<T>(v: unknown): Promise<T | undefined> {
    if (!pulumi.Output.isInstance(v)) return v as T | undefined;
    const o = v as unknown as OutputInternals<T>;
    return (await o.isKnown) ? o.promise() : undefined;
}

/**
 * `construct` of the native provider: the components ClawServer and AgentSet, built by the
 * same classes a TypeScript program uses, with native children (useNativeTypes). An agent
 * set's folder is relative to the program's folder (the plugin runs there).
 *
 * @example
 * ```yaml
 * academy:
 *   type: iblai:index:AgentSet
 *   properties: { folder: agents/academy, server: "${claw.instanceId}" }
 * ```
 */
export async function constructComponent(name: string, type: string, inputs: Inputs, options: pulumi.ComponentResourceOptions): Promise<provider.ConstructResult> {
    if (type === "iblai:index:ClawServer") {
        const c = new ClawServer(name, inputs as unknown as ConstructorParameters<typeof ClawServer>[1], options);
        return { urn: c.urn, state: { instanceId: c.instanceId, gatewayToken: c.gatewayToken, deviceFingerprint: c.deviceFingerprint, devicePublicKeyPem: c.devicePublicKeyPem } };
    }
    if (type === "iblai:index:AgentSet") {
        const folder = await plain<string>(inputs.folder);
        if (typeof folder !== "string" || folder === "") throw new ComponentConstructError(type, name, "folder", "needs the agent set's folder as a plain string (it is read when the program runs)");
        const mentors = await plain<Record<string, string>>(inputs.mentors);
        const omitConfig = await plain<string[]>(inputs.omitConfig);
        const c = new AgentSet(name, { ...(inputs as object), folder: path.resolve(folder), mentors, omitConfig } as ConstructorParameters<typeof AgentSet>[1], options);
        return { urn: c.urn, state: { pushStatuses: c.pushStatuses, notes: c.notes } };
    }
    throw new ComponentConstructError(type, name, "type", "is not a component of this provider; it has iblai:index:ClawServer and iblai:index:AgentSet");
}

/** A component's input that construct cannot use: which component, which input, why. */
export class ComponentConstructError extends Error {
    constructor(type: string, name: string, input: string, why: string) {
        super(`${type} ${name}: ${input} ${why}`);
        this.name = "ComponentConstructError";
    }
}
