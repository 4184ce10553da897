import { z } from "zod";
import type { ClawClient } from "../client";
import { INSTANCE_WRITE_ONLY, Instance, InstanceCreate, type InstanceListQuery, InstanceUpdate } from "../schemas/instance";
import { EntityApi } from "./entity";

/** Answer of `POST claw/instances/{id}/test-connectivity/`. */
export const ConnectivityReport = z.looseObject({
    checks: z.array(z.looseObject({ name: z.string(), passed: z.boolean(), detail: z.string().nullish() })),
    all_passed: z.boolean(),
});
export type ConnectivityReport = z.output<typeof ConnectivityReport>;

/**
 * `claw/instances/`: the claw servers registered with the org.
 *
 * @example
 * ```ts
 * const inst = await client.instances.create({ name: "prod", server_url: "https://claw.acme.dev", gateway_token: tok });
 * await client.instances.update(inst.id, { name: "prod-eu" });
 * const report = await client.instances.testConnectivity(inst.id);
 * ```
 */
export class InstancesApi extends EntityApi<typeof Instance, typeof InstanceCreate, typeof InstanceUpdate, InstanceListQuery> {
    constructor(client: ClawClient) {
        super(client, {
            collection: "claw/instances/",
            object: Instance,
            create: InstanceCreate,
            update: InstanceUpdate,
            writeOnly: INSTANCE_WRITE_ONLY,
            naturalKey: (b) => ({ name: b.name, server_url: b.server_url }),
        });
    }

    /** Probes the server: TLS reachability, then its health endpoint. */
    async testConnectivity(id: number | string): Promise<ConnectivityReport> {
        return this.client.request("POST", `${this.objectRoute(id)}test-connectivity/`, { schema: ConnectivityReport });
    }
}
