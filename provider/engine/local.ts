import { randomUUID } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { UNKNOWN, clean, deepEqual } from "./crud";

type Props = Record<string, unknown>;

/**
 * A resource made on this machine, not on the API (a key pair, a random token): generated
 * once at create, kept in state, replaced when one of its inputs changes (`keepers` is the
 * usual way to ask for a new one), and forgotten at delete.
 */
export interface LocalFacts {
    type: string;
    /** Strict schema of the inputs. */
    inputs: z.ZodObject;
    /** Makes the outputs from the checked inputs. */
    generate(inputs: Props): Props;
}

/** The provider methods of a local resource. */
export function localMethods(facts: LocalFacts): Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> {
    const known = (p: Props) => Object.fromEntries(Object.entries(p).filter(([k, v]) => k !== "__provider" && v !== UNKNOWN));
    const inputKeys = Object.keys(facts.inputs.shape);
    return {
        async check(_olds: Props, news: Props) {
            const { __provider: _p, ...inputs } = news;
            const r = facts.inputs.safeParse(known(inputs));
            const failures = r.success
                ? []
                : r.error.issues.flatMap((i) =>
                      i.code === "unrecognized_keys"
                          ? i.keys.map((k) => ({ property: k, reason: `${k}: unknown input; the inputs of ${facts.type} are ${inputKeys.join(", ")}` }))
                          : [{ property: i.path.join("."), reason: `${i.path.join(".")}: ${i.message}` }],
                  );
            return { inputs: clean(inputs), failures };
        },
        async diff(_id: string, olds: Props, news: Props) {
            const changed = inputKeys.filter((k) => !deepEqual(olds[k], news[k]));
            return { changes: changed.length > 0, replaces: changed, deleteBeforeReplace: false };
        },
        async create(inputs: Props) {
            const { __provider: _p, ...rest } = inputs;
            return { id: randomUUID(), outs: clean({ ...rest, ...facts.generate(rest) }) };
        },
        async read(id: string, props: Props) {
            return { id, props };
        },
        async update(_id: string, olds: Props) {
            return { outs: olds }; // every input change replaces; nothing is updated in place
        },
        async delete() {
            // Nothing exists outside the state.
        },
    };
}
