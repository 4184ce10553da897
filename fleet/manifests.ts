/**
 * What we would hand a platform to run a fleet across machines (`iblai-claw fleet manifests`):
 * a GitHub Actions matrix over `--shard i/n`, one Pulumi Kubernetes Operator `Stack` per
 * planned stack, or the Pulumi Deployments settings of each stack. Text only; secrets appear
 * as references to the platform's secret store, never as values.
 */
import { stringify } from "yaml";
import type { LoadedFleet } from "./declaration";
import { FleetUsageError } from "./errors";
import type { FleetPlan, SecretRef } from "./types";

export const MANIFEST_TARGETS = ["github-actions", "k8s-operator", "deployments"] as const;
export type ManifestTarget = (typeof MANIFEST_TARGETS)[number];

/** Options of {@link fleetManifests}. */
export interface ManifestOptions {
    /** Machines for `github-actions` (the matrix's parts); default: one per server, at most 4. */
    parts?: number;
    /** The declaration's path in the repository, as the generated commands name it. Default `fleet.yaml`. */
    file?: string;
}

/** The environment a fleet run needs, secret or not: name → what it is. */
export interface FleetEnvironment {
    secrets: Record<string, string>;
    /** Stack config keys the declaration's `{ config: key }` refs name: set them as secret config of the stacks. */
    config: string[];
}

/**
 * Every secret a run of this fleet reads from its environment: the API token, each
 * `{ env: VAR }` of the declaration, the state backend's URL and password, the passphrase.
 *
 * @example
 * ```ts
 * Object.keys(fleetEnvironment(loaded).secrets); // ["IBLAI_API_TOKEN", "EDGE1_GATEWAY_TOKEN", "PULUMI_BACKEND_URL", ...]
 * ```
 */
export function fleetEnvironment(loaded: LoadedFleet): FleetEnvironment {
    const secrets: Record<string, string> = {};
    const config: string[] = [];
    const add = (ref: SecretRef | undefined, what: string, fallbackEnv?: string) => {
        if (ref === undefined) {
            if (fallbackEnv) secrets[fallbackEnv] = what;
        } else if ("env" in ref) secrets[ref.env] = what;
        else config.push(ref.config);
    };
    const d = loaded.declaration;
    add(d.connection?.apiToken, "the ibl.ai API token", "IBLAI_API_TOKEN");
    for (const s of d.servers) {
        add(s.gatewayToken, `the gateway token of server ${s.name}`);
        add(s.devicePrivateKeyPem, `the device private key of server ${s.name}`);
    }
    secrets.PULUMI_BACKEND_URL = "the shared state backend (postgres://user@host:5432/db?sslmode=require, s3://..., or Pulumi Cloud)";
    secrets.PGPASSWORD = "the PostgreSQL backend's password (kept out of the URL: pulumi login would print it)";
    secrets.PULUMI_CONFIG_PASSPHRASE = "the passphrase of the stacks' secrets (a DIY backend)";
    return { secrets, config };
}

const partsOf = (loaded: LoadedFleet, parts?: number): number => {
    const servers = loaded.declaration.servers.length;
    const n = parts ?? Math.min(servers, 4);
    if (!Number.isInteger(n) || n < 1) throw new FleetUsageError("--parts", `must be an integer ≥ 1, not ${parts}`, "e.g. --parts 4");
    if (n > servers) throw new FleetUsageError("--parts", `${n} parts for ${servers} servers would leave ${n - servers} machine(s) idle (a part holds whole servers)`, `--parts ${servers} or fewer`);
    return n;
};

/** A GitHub Actions workflow: one job per part, each `fleet up --shard i/n` against the shared backend. */
function githubActions(loaded: LoadedFleet, opts: ManifestOptions): string {
    const n = partsOf(loaded, opts.parts);
    const file = opts.file ?? "fleet.yaml";
    const env = Object.fromEntries(Object.keys(fleetEnvironment(loaded).secrets).map((k) => [k, `\${{ secrets.${k} }}`]));
    const workflow = {
        name: `fleet ${loaded.declaration.fleet}`,
        on: { workflow_dispatch: {}, push: { branches: ["main"], paths: [file] } },
        // One run of the fleet at a time: a second would be refused by the stacks' locks anyway.
        concurrency: { group: `fleet-${loaded.declaration.fleet}`, "cancel-in-progress": false },
        jobs: {
            up: {
                "runs-on": "ubuntu-latest",
                "timeout-minutes": 60,
                strategy: { "fail-fast": false, matrix: { part: Array.from({ length: n }, (_, i) => i + 1) } },
                env,
                steps: [
                    { uses: "actions/checkout@v4" },
                    { uses: "actions/setup-node@v4", with: { "node-version": 24 } },
                    { name: "Pulumi CLI", uses: "pulumi/actions@v6" },
                    { run: "npm ci" },
                    // --checkpoints: a runner's workDir (and the provider's journal in it) does not outlive a
                    // cancelled job, so the state must record each step (docs/fleet.md, "Engines").
                    { name: `part \${{ matrix.part }} of ${n}`, run: `npx iblai-claw fleet up -f ${file} --yes --checkpoints --shard \${{ matrix.part }}/${n}` },
                ],
            },
        },
    };
    return stringify(workflow, { lineWidth: 0 });
}

/** A Kubernetes object name from a stack name (dots are allowed but read badly in kubectl). */
const k8sName = (stack: string): string => stack.replace(/\./g, "-");

/**
 * One `pulumi.com/v1` Stack per planned stack (fields: pulumi/pulumi-kubernetes-operator
 * docs/stacks.md): `spec.stack`, `projectRepo`/`branch`/`repoDir` placeholders, `backend`,
 * `envRefs` of type Secret for every secret, and `prerequisites` from a shard to its server stack.
 */
function k8sOperator(loaded: LoadedFleet, plan: FleetPlan, opts: ManifestOptions): string {
    const { secrets } = fleetEnvironment(loaded);
    const secretName = `${plan.fleet}-fleet-secrets`;
    const envRefs: Record<string, unknown> = Object.fromEntries(
        Object.keys(secrets)
            .filter((k) => k !== "PULUMI_BACKEND_URL")
            .map((k) => [k, { type: "Secret", secret: { name: secretName, key: k } }]),
    );
    envRefs.IBLAI_CLAW_FLEET_FILE = { type: "Literal", literal: { value: opts.file ?? "fleet.yaml" } };
    const docs = plan.stacks.map((s) => ({
        apiVersion: "pulumi.com/v1",
        kind: "Stack",
        metadata: { name: k8sName(s.name), labels: { "iblai.dev/fleet": plan.fleet, "iblai.dev/server": s.server, "iblai.dev/kind": s.kind } },
        spec: {
            stack: s.name,
            projectRepo: "<git URL of the repository holding the fleet>",
            branch: "main",
            repoDir: "<folder of the fleet's Pulumi project (Pulumi.yaml)>",
            backend: "<PULUMI_BACKEND_URL without its password>",
            serviceAccountName: "pulumi",
            envRefs,
            destroyOnFinalize: false,
            ...(s.dependsOn.length > 0 ? { prerequisites: s.dependsOn.map((d) => ({ name: k8sName(d), requirement: { succeededWithinDuration: "24h" } })) } : {}),
        },
    }));
    return docs.map((d) => stringify(d, { lineWidth: 0 })).join("---\n");
}

/**
 * Pulumi Deployments: the settings of each stack (REST API `POST /api/stacks/{org}/{project}/{stack}/deployments/settings`:
 * `sourceContext.git`, `operationContext.preRunCommands` and `environmentVariables`, secrets as
 * `{ "secret": ... }`), in run order, with the stacks each must wait for.
 */
function deployments(loaded: LoadedFleet, plan: FleetPlan, opts: ManifestOptions): string {
    const { secrets } = fleetEnvironment(loaded);
    const environmentVariables: Record<string, unknown> = { IBLAI_CLAW_FLEET_FILE: opts.file ?? "fleet.yaml" };
    // Deployments keeps state in Pulumi Cloud: no backend URL, password or passphrase to pass.
    for (const k of Object.keys(secrets)) if (!["PULUMI_BACKEND_URL", "PGPASSWORD", "PULUMI_CONFIG_PASSPHRASE"].includes(k)) environmentVariables[k] = { secret: `<${k}: ${secrets[k]}>` };
    const stacks = plan.stacks.map((s) => ({
        stack: `<org>/${plan.project}/${s.name}`,
        after: s.dependsOn.map((d) => `<org>/${plan.project}/${d}`),
        settings: {
            sourceContext: { git: { repoURL: "<git URL of the repository holding the fleet>", branch: "refs/heads/main", repoDir: "<folder of the fleet's Pulumi project>" } },
            operationContext: { preRunCommands: ["npm ci"], environmentVariables },
        },
    }));
    return `${JSON.stringify({ fleet: plan.fleet, project: plan.project, stacks }, null, 2)}\n`;
}

/**
 * The manifests of a target, as text (YAML, or JSON for `deployments`).
 *
 * @example
 * ```ts
 * process.stdout.write(fleetManifests("k8s-operator", loaded, planFleet(loaded, current)));
 * ```
 */
export function fleetManifests(target: ManifestTarget, loaded: LoadedFleet, plan: FleetPlan, opts: ManifestOptions = {}): string {
    switch (target) {
        case "github-actions":
            return githubActions(loaded, opts);
        case "k8s-operator":
            return k8sOperator(loaded, plan, opts);
        case "deployments":
            return deployments(loaded, plan, opts);
        default:
            throw new FleetUsageError("--target", `unknown target ${JSON.stringify(target)}`, `one of ${MANIFEST_TARGETS.join(", ")}`);
    }
}
