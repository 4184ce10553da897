import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The provider's write-ahead journal of creates: the proof that a half-made object on the
 * service is this stack's own (docs/operations.md).
 *
 * Pulumi records a create in state only when the provider answers. A `pulumi up` killed
 * after the POST reached the service but before that answer leaves an object nobody knows:
 * the next `up` creates again (a duplicate, or "already exists"). So before every POST the
 * provider appends an `intent` record for the resource's URN, and right after the answer a
 * `made` record with the new id. A later create of the same URN that finds such records
 * looks for the object it made instead of sending a second POST. Records are settled
 * (forgotten) as soon as the engine shows it knows the id (diff, read, update, delete).
 *
 * One JSON-lines file per stack, in the program's folder (dynamic providers run with the
 * program's cwd): `.pulumi-iblai/<project>.<stack>.jsonl`, or under
 * `IBLAI_CLAW_JOURNAL_DIR`. It holds URNs, type names, times and ids; never inputs.
 * Writes are synchronous appends, so they survive a SIGKILL of the process (not a power
 * loss before the OS flushes them, like Pulumi's own file backend).
 *
 * @example
 * ```ts
 * const j = journalFor("urn:pulumi:dev::shop::pulumi-nodejs:dynamic/iblai:Skill::weather");
 * j?.intent(urn, "Skill"); // before the POST
 * j?.made(urn, "Skill", "42"); // after the answer
 * ```
 */
export class Journal {
    private owners?: Map<string, Attempt[]>;
    private compacted = false;

    constructor(readonly file: string) {}

    /** One URN's unsettled creates: the earliest open intent, and the ids made. */
    pending(owner: string): OwnerRecord | undefined {
        const attempts = this.load().get(owner);
        if (!attempts?.length) return undefined;
        const open = attempts.filter((a) => a.id === undefined && a.at !== undefined).map((a) => a.at as string);
        return { type: attempts[0]?.type ?? "", intentAt: open.sort()[0], ids: attempts.flatMap((a) => (a.id === undefined ? [] : [a.id])) };
    }

    /** Ids that other URNs of this journal made and have not settled: never someone else's to adopt. */
    claimedByOthers(owner: string, type: string): Set<string> {
        const out = new Set<string>();
        for (const [o, attempts] of this.load()) {
            if (o === owner) continue;
            for (const a of attempts) if (a.type === type && a.id !== undefined) out.add(a.id);
        }
        return out;
    }

    /** Before a POST: this URN is about to create an object. */
    intent(owner: string, type: string): void {
        this.compactOnce();
        this.append({ op: "intent", owner, type, at: new Date().toISOString() });
    }

    /** Right after the answer: the object this URN made. */
    made(owner: string, type: string, id: string): void {
        this.append({ op: "made", owner, type, id: String(id) });
    }

    /** The POST was refused (a definite answer): the open attempt made nothing. */
    refused(owner: string, type: string): void {
        this.append({ op: "refused", owner, type });
    }

    /** A retried create has looked for what the open attempts made: they are answered. */
    resolved(owner: string): void {
        if (this.load().get(owner)?.some((a) => a.id === undefined)) this.append({ op: "resolved", owner, type: "" });
    }

    /**
     * The engine knows the object `id` of this URN (diff, read, update) or it is gone
     * (delete): forget that attempt. Open attempts stay: they may belong to a replacement
     * that a kill interrupted.
     */
    settle(owner: unknown, id: string): void {
        if (typeof owner === "string" && this.load().get(owner)?.some((a) => a.id === String(id))) {
            this.append({ op: "settled", owner, type: "", id: String(id) });
        }
    }

    private load(): Map<string, Attempt[]> {
        if (this.owners) return this.owners;
        this.owners = new Map();
        let text = "";
        try {
            text = fs.readFileSync(this.file, "utf8");
        } catch {
            return this.owners;
        }
        for (const line of text.split("\n")) {
            if (!line.trim()) continue;
            try {
                this.fold(JSON.parse(line) as JournalRecord);
            } catch {
                // A line cut short by a kill: the records before it stand.
            }
        }
        return this.owners;
    }

    private fold(r: JournalRecord): void {
        const owners = this.owners as Map<string, Attempt[]>;
        let attempts = owners.get(r.owner) ?? [];
        const lastOpen = () => {
            for (let i = attempts.length - 1; i >= 0; i--) if (attempts[i]?.id === undefined) return i;
            return -1;
        };
        if (r.op === "intent") attempts.push({ type: r.type, at: r.at });
        else if (r.op === "made") {
            const i = lastOpen();
            if (i >= 0) (attempts[i] as Attempt).id = r.id;
            else attempts.push({ type: r.type, id: r.id });
        } else if (r.op === "refused") {
            const i = lastOpen();
            if (i >= 0) attempts.splice(i, 1);
        } else if (r.op === "resolved") attempts = attempts.filter((a) => a.id !== undefined);
        else if (r.op === "settled") attempts = attempts.filter((a) => a.id !== r.id);
        if (attempts.length) owners.set(r.owner, attempts);
        else owners.delete(r.owner);
    }

    private append(r: JournalRecord): void {
        this.load();
        fs.mkdirSync(path.dirname(this.file), { recursive: true });
        fs.appendFileSync(this.file, `${JSON.stringify(r)}\n`);
        this.fold(r);
    }

    /**
     * Rewrites the file with the unsettled records only, once per process and only from a
     * create (which runs under the stack's lock, so no other writer appends meanwhile).
     */
    private compactOnce(): void {
        if (this.compacted) return;
        this.compacted = true;
        if (!fs.existsSync(this.file)) return;
        const lines: string[] = [];
        for (const [owner, attempts] of this.load()) {
            for (const a of attempts) {
                if (a.at !== undefined) lines.push(JSON.stringify({ op: "intent", owner, type: a.type, at: a.at }));
                if (a.id !== undefined) lines.push(JSON.stringify({ op: "made", owner, type: a.type, id: a.id }));
            }
        }
        const tmp = `${this.file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, lines.map((l) => `${l}\n`).join(""));
        fs.renameSync(tmp, this.file);
    }
}

/** One create attempt: its intent time, and the id once the answer came. */
interface Attempt {
    type: string;
    at?: string;
    id?: string;
}

/** One URN's unsettled creates: the earliest open intent, and the ids made. */
export interface OwnerRecord {
    type: string;
    intentAt?: string;
    ids: string[];
}

interface JournalRecord {
    op: "intent" | "made" | "refused" | "resolved" | "settled";
    owner: string;
    type: string;
    at?: string;
    id?: string;
}

/**
 * Where the journals live: `IBLAI_CLAW_JOURNAL_DIR`, else `.pulumi-iblai` in the program's folder.
 *
 * @example
 * ```ts
 * journalDir("/repo/quickstart"); // "/repo/quickstart/.pulumi-iblai"
 * ```
 */
export function journalDir(cwd = process.cwd()): string {
    return process.env.IBLAI_CLAW_JOURNAL_DIR || path.join(cwd, ".pulumi-iblai");
}

/**
 * The stack and project of a URN (`urn:pulumi:<stack>::<project>::<type>::<name>`).
 *
 * @example
 * ```ts
 * stackOf("urn:pulumi:dev::shop::pulumi-nodejs:dynamic/iblai:Skill::weather"); // { stack: "dev", project: "shop" }
 * ```
 */
export function stackOf(urn: string): { stack: string; project: string } | undefined {
    const m = /^urn:pulumi:([^:]+)::([^:]+)::/.exec(urn);
    return m ? { stack: m[1] as string, project: m[2] as string } : undefined;
}

/**
 * The journal file of a stack.
 *
 * @example
 * ```ts
 * journalFile("shop", "dev", "/repo/.pulumi-iblai"); // "/repo/.pulumi-iblai/shop.dev.jsonl"
 * ```
 */
export function journalFile(project: string, stack: string, dir = journalDir()): string {
    const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, "_");
    return path.join(dir, `${safe(project)}.${safe(stack)}.jsonl`);
}

const journals = new Map<string, Journal>();

/**
 * The journal of the stack a URN belongs to (one object per file and process); none without a URN.
 *
 * @example
 * ```ts
 * journalFor(inputs.__urn)?.settle(inputs.__urn, id);
 * ```
 */
export function journalFor(owner: unknown): Journal | undefined {
    if (typeof owner !== "string") return undefined;
    const s = stackOf(owner);
    if (!s) return undefined;
    const file = journalFile(s.project, s.stack);
    let j = journals.get(file);
    if (!j) {
        j = new Journal(file);
        journals.set(file, j);
    }
    return j;
}
