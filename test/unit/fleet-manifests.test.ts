import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse, parseAllDocuments } from "yaml";
import { type LoadedFleet, loadFleet } from "../../fleet/declaration";
import { fleetEnvironment, fleetManifests } from "../../fleet/manifests";
import { planFleet } from "../../fleet/plan";
import type { FleetPlan } from "../../fleet/types";

const YAML = `fleet: acme
shardSize: 1
connection:
  apiToken: { env: CLAW_TOKEN }
servers:
  - name: edge-1
    serverUrl: https://a.dev
    gatewayToken: { env: EDGE1_TOKEN }
    devicePrivateKeyPem: { config: edge1DeviceKey }
    mentors: [{ name: Ada }, { name: Bob }]
  - name: edge-2
    serverUrl: https://b.dev
    mentors: [{ name: Cy }]
  - name: edge-3
    serverUrl: https://c.dev
`;

let loaded: LoadedFleet;
let plan: FleetPlan;
let dir: string;
beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "fleet-manifests-"));
    fs.writeFileSync(path.join(dir, "fleet.yaml"), YAML);
    loaded = await loadFleet(path.join(dir, "fleet.yaml"));
    plan = planFleet(loaded, { shards: {}, existing: [] });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("fleetManifests", () => {
    it("names every secret the run reads, and the config keys of { config } refs", () => {
        const env = fleetEnvironment(loaded);
        expect(Object.keys(env.secrets)).toEqual(["CLAW_TOKEN", "EDGE1_TOKEN", "PULUMI_BACKEND_URL", "PGPASSWORD", "PULUMI_CONFIG_PASSPHRASE"]);
        expect(env.config).toEqual(["edge1DeviceKey"]);
    });

    it("github-actions: a matrix job per part running fleet up --shard i/n, secrets from the secret store", () => {
        const wf = parse(fleetManifests("github-actions", loaded, plan, { parts: 2, file: "infra/fleet.yaml" })) as {
            jobs: { up: { strategy: { matrix: { part: number[] } }; env: Record<string, string>; steps: Array<{ run?: string }> } };
            concurrency: { group: string };
        };
        expect(wf.jobs.up.strategy.matrix.part).toEqual([1, 2]);
        expect(wf.jobs.up.steps.map((s) => s.run).filter(Boolean)).toContain("npx iblai-claw fleet up -f infra/fleet.yaml --yes --checkpoints --shard ${{ matrix.part }}/2");
        expect(wf.jobs.up.env).toEqual({
            CLAW_TOKEN: "${{ secrets.CLAW_TOKEN }}",
            EDGE1_TOKEN: "${{ secrets.EDGE1_TOKEN }}",
            PULUMI_BACKEND_URL: "${{ secrets.PULUMI_BACKEND_URL }}",
            PGPASSWORD: "${{ secrets.PGPASSWORD }}",
            PULUMI_CONFIG_PASSPHRASE: "${{ secrets.PULUMI_CONFIG_PASSPHRASE }}",
        });
        expect(wf.concurrency.group).toBe("fleet-acme");
        expect(() => fleetManifests("github-actions", loaded, plan, { parts: 4 })).toThrow(/--parts: 4 parts for 3 servers/);
        expect((parse(fleetManifests("github-actions", loaded, plan)) as typeof wf).jobs.up.strategy.matrix.part).toEqual([1, 2, 3]);
    });

    it("k8s-operator: one pulumi.com/v1 Stack per planned stack, a shard's prerequisite its server stack, secrets as envRefs", () => {
        const docs = parseAllDocuments(fleetManifests("k8s-operator", loaded, plan)).map((d) => d.toJS()) as Array<{
            apiVersion: string;
            kind: string;
            metadata: { name: string };
            spec: { stack: string; envRefs: Record<string, { type: string; secret?: { name: string; key: string } }>; prerequisites?: Array<{ name: string; requirement: { succeededWithinDuration: string } }> };
        }>;
        expect(docs.map((d) => d.spec.stack)).toEqual(plan.stacks.map((s) => s.name));
        expect(docs.map((d) => d.spec.stack)).toEqual(["acme.edge-1", "acme.edge-1.m01", "acme.edge-1.m02", "acme.edge-2", "acme.edge-2.m01", "acme.edge-3"]);
        expect(new Set(docs.map((d) => `${d.apiVersion} ${d.kind}`))).toEqual(new Set(["pulumi.com/v1 Stack"]));
        const shard = docs.find((d) => d.spec.stack === "acme.edge-1.m02");
        expect(shard?.metadata.name).toBe("acme-edge-1-m02");
        expect(shard?.spec.prerequisites).toEqual([{ name: "acme-edge-1", requirement: { succeededWithinDuration: "24h" } }]);
        expect(docs.find((d) => d.spec.stack === "acme.edge-1")?.spec.prerequisites).toBeUndefined();
        expect(shard?.spec.envRefs.CLAW_TOKEN).toEqual({ type: "Secret", secret: { name: "acme-fleet-secrets", key: "CLAW_TOKEN" } });
        expect(shard?.spec.envRefs).not.toHaveProperty("PULUMI_BACKEND_URL");
    });

    it("deployments: each stack's settings in run order, secrets as { secret } placeholders, no backend credentials", () => {
        const out = JSON.parse(fleetManifests("deployments", loaded, plan)) as {
            project: string;
            stacks: Array<{ stack: string; after: string[]; settings: { sourceContext: { git: { repoURL: string; branch: string } }; operationContext: { environmentVariables: Record<string, unknown> } } }>;
        };
        expect(out.project).toBe("iblai-claw-fleet");
        expect(out.stacks.map((s) => s.stack)).toEqual(plan.stacks.map((s) => `<org>/iblai-claw-fleet/${s.name}`));
        expect(out.stacks[1]?.after).toEqual(["<org>/iblai-claw-fleet/acme.edge-1"]);
        const vars = out.stacks[0]?.settings.operationContext.environmentVariables ?? {};
        expect(Object.keys(vars).sort()).toEqual(["CLAW_TOKEN", "EDGE1_TOKEN", "IBLAI_CLAW_FLEET_FILE"]);
        expect(vars.CLAW_TOKEN).toEqual({ secret: expect.stringMatching(/^<CLAW_TOKEN: /) });
        expect(out.stacks[0]?.settings.sourceContext.git.branch).toBe("refs/heads/main");
    });
});
