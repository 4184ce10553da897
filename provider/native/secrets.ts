import * as pulumi from "@pulumi/pulumi";

type Props = Record<string, unknown>;

/**
 * Secret values between the engine and a provider built on `@pulumi/pulumi/provider`: it
 * accepts secrets, so a secret input arrives as the marker object
 * `{ [specialSigKey]: specialSecretSig, value }`, and an output is secret only when it is
 * returned in that form (docs/native-provider-research.md, Q3).
 */
function isSecret(v: unknown): v is { value: unknown } {
    return typeof v === "object" && v !== null && (v as Props)[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig;
}

function plain(v: unknown): unknown {
    if (isSecret(v)) return plain(v.value);
    if (Array.isArray(v)) return v.map(plain);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    return v;
}

/**
 * The engine's properties without secret markers, and the top-level keys that held one
 * (anywhere inside), so that what came in secret goes out secret.
 *
 * @example
 * ```ts
 * unwrapSecrets({ token: { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value: "t" } });
 * // { props: { token: "t" }, secretKeys: Set { "token" } }
 * ```
 */
export function unwrapSecrets(props: Props | undefined): { props: Props; secretKeys: Set<string> } {
    const secretKeys = new Set<string>();
    const out: Props = {};
    for (const [k, v] of Object.entries(props ?? {})) {
        const p = plain(v);
        if (JSON.stringify(v) !== JSON.stringify(p)) secretKeys.add(k);
        out[k] = p;
    }
    return { props: out, secretKeys };
}

/**
 * The properties with each of `keys` (when present) wrapped as a secret.
 *
 * @example
 * ```ts
 * wrapSecrets({ gatewayToken: "t", name: "n" }, ["gatewayToken"]); // gatewayToken secret, name plain
 * ```
 */
export function wrapSecrets(props: Props, keys: Iterable<string>): Props {
    const out = { ...props };
    for (const k of keys) {
        if (out[k] !== undefined && out[k] !== null) out[k] = { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value: out[k] };
    }
    return out;
}
