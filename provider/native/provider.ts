import type * as provider from "@pulumi/pulumi/provider";
import { OWNER } from "../engine/crud";
import { API_FACTS, LOCAL_FACTS, PUSH_FACTS, currentConnection, methodsFor } from "../engine/runtime";
import { constructComponent } from "./components";
import { ACTIONS, lookupsOf, runAction, runLookup } from "./functions";
import { PACKAGE, packageSchema } from "./schema";
import { unwrapSecrets, wrapSecrets } from "./secrets";

type Props = Record<string, unknown>;

/** Where a dynamic resource keeps its serialized provider (@pulumi/pulumi's dynamic.Resource). */
const DYNAMIC_PROVIDER = "__provider";

/** The resource type name of a URN: `iblai:index:Skill` → `Skill` (parents' types before `$`). */
export function typeOfUrn(urn: string): string {
    const qualified = urn.split("::")[2] ?? "";
    return qualified.split("$").pop()?.split(":")[2] ?? "";
}

/** An import that cannot be served: what, where and what to do instead. */
export class ImportError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "ImportError";
    }
}

/** Keys that are secret in this type's state: the facts' secret fields and secret outputs. */
function secretKeysOf(type: string): string[] {
    const api = API_FACTS[type];
    if (api) return Object.entries(api.fields).filter(([, f]) => f.secret).map(([k]) => k);
    if (type === "DeviceIdentity") return ["privateKeyPem", "connectionParams"];
    if (type === "GatewayToken") return ["value"];
    return [];
}

/** Values an imported program need not state: empty ones (what the service keeps anyway when left out). */
function isBlank(v: unknown): boolean {
    return v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0) || (typeof v === "object" && v !== null && Object.keys(v).length === 0);
}

/**
 * The native provider: the engine's check/diff/create/read/update/delete for every type
 * (`methodsFor`, the same CRUD engine the dynamic resources run), with the secret markers
 * unwrapped on the way in and wrapped on the way out, import served by `read`, and the
 * lookups and instance actions as invokes.
 *
 * @example
 * ```ts
 * import { main } from "@pulumi/pulumi/provider";
 * await main(nativeProvider("0.1.0"), process.argv.slice(2));
 * ```
 */
export function nativeProvider(version: string): provider.Provider {
    const lookups = lookupsOf(API_FACTS);
    const secretOut = (type: string, came: Set<string>, props: Props) => wrapSecrets(props, new Set([...secretKeysOf(type), ...came]));
    /** Partial failures keep the object in state with these properties: secret there too. */
    const keepSecret = (type: string, came: Set<string>) => (e: unknown): never => {
        const err = e as { properties?: Props };
        if (err && typeof err === "object" && err.properties) err.properties = secretOut(type, came, err.properties);
        throw e;
    };
    return {
        version,
        getSchema: async () => JSON.stringify(packageSchema(version)),
        async check(urn, olds, news) {
            const type = typeOfUrn(urn);
            const o = unwrapSecrets(olds);
            const n = unwrapSecrets(news);
            // The journal of creates is keyed by URN (the dynamic classes send it as an input).
            if (!LOCAL_FACTS[type]) n.props[OWNER] = urn;
            const r = await methodsFor(type).check(o.props, n.props);
            let failures = r.failures ?? [];
            const facts = API_FACTS[type];
            if (facts && Object.keys(o.props).length > 0) {
                // Write-only fields are required at create only: an existing (or imported) object has its value.
                const createOnly = Object.entries(facts.fields).filter(([k, f]) => f.writeOnly && n.props[k] === undefined).map(([k]) => `${k}: required`);
                failures = failures.filter((f) => !createOnly.includes(f.reason));
            }
            return { inputs: secretOut(type, n.secretKeys, r.inputs as Props), failures };
        },
        async diff(id, urn, olds, news) {
            const r = await methodsFor(typeOfUrn(urn)).diff(id, unwrapSecrets(olds).props, unwrapSecrets(news).props);
            return { changes: r.changes, replaces: r.replaces ? [...r.replaces] : [], deleteBeforeReplace: r.deleteBeforeReplace };
        },
        async create(urn, inputs) {
            const type = typeOfUrn(urn);
            const i = unwrapSecrets(inputs);
            const r = await methodsFor(type).create(i.props).catch(keepSecret(type, i.secretKeys));
            return { id: r.id, outs: secretOut(type, i.secretKeys, r.outs as Props) };
        },
        async read(id, urn, props) {
            const type = typeOfUrn(urn);
            const p = unwrapSecrets(props);
            const importing = Object.keys(p.props).length === 0;
            if (importing && !API_FACTS[type]) throw new ImportError(notImportable(type, id));
            const r = await methodsFor(type).read(id, p.props);
            if (!r.id) {
                if (!importing) return { id: "" }; // refresh: it is gone
                const conn = currentConnection();
                throw new ImportError(`${type} ${id} not found in org ${conn.org ?? "(no iblai:org)"} at ${conn.baseUrl ?? "(no iblai:baseUrl)"}: check the id (the service's, as \`pulumi import\` shows it in the UI or the API) and the stack's iblai:org`);
            }
            // A stack moved from the dynamic resources keeps their provider code in state until read: drop it here.
            const { [DYNAMIC_PROVIDER]: _code, ...read } = (r.props ?? {}) as Props;
            const state = secretOut(type, p.secretKeys, read);
            if (!importing) return { id: r.id, props: state };
            // The program `pulumi import` prints: the readable inputs, without blanks (left out = the service's value).
            const facts = API_FACTS[type];
            const inputs = Object.fromEntries(
                Object.entries(r.props ?? {}).filter(([k, v]) => facts.fields[k] && !facts.fields[k].writeOnly && facts.fields[k].api && !isBlank(v)),
            );
            return { id: r.id, props: state, inputs: secretOut(type, p.secretKeys, inputs) };
        },
        async update(id, urn, olds, news) {
            const type = typeOfUrn(urn);
            const n = unwrapSecrets(news);
            const r = await methodsFor(type).update(id, unwrapSecrets(olds).props, n.props).catch(keepSecret(type, n.secretKeys));
            return { outs: secretOut(type, n.secretKeys, r.outs as Props) };
        },
        async delete(id, urn, props) {
            await methodsFor(typeOfUrn(urn)).delete(id, unwrapSecrets(props).props);
        },
        construct: (name, type, inputs, options) => constructComponent(name, type, inputs, options),
        async invoke(tok, inputs) {
            const args = unwrapSecrets(inputs).props;
            const name = tok.replace(`${PACKAGE}:index:`, "");
            const lookup = lookups.find((l) => l.name === name);
            if (lookup) return { outputs: await runLookup(lookup, currentConnection(), args) };
            const action = ACTIONS.find((a) => a.name === name);
            if (action) return { outputs: await runAction(action, currentConnection(), args) };
            const known = [...lookups.map((l) => l.name), ...ACTIONS.map((a) => a.name)].map((n) => `${PACKAGE}:index:${n}`);
            return { failures: [{ property: "", reason: `unknown function ${tok}; this provider has ${known.join(", ")}` }] };
        },
    };
}

/** Why a kind cannot be imported, and what does the same. */
function notImportable(type: string, id: string): string {
    if (PUSH_FACTS[type]) {
        return `${type} ${id} cannot be imported: a push is an event, not an object the service keeps. Declare it with \`adopt: true\` instead: its first up records the target's last successful push as delivered and sends nothing`;
    }
    return `${type} ${id} cannot be imported: it is made on this machine and lives only in a stack's state. Declare a new one, or move it with \`pulumi state move\``;
}
