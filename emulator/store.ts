import * as fs from "node:fs";
import * as path from "node:path";

/** A stored object: the API's fields plus write-only ones, which handlers never return. */
export type Row = Record<string, unknown> & { id: number };

type Tables = Record<string, Record<string, Record<string, Row>>>;

/**
 * The whole emulator state as persisted: per org, per collection, rows by id.
 * `orgs` holds what the API serves; `internal` holds the emulator's own bookkeeping
 * (deliveries, device pairings, credentials), kept apart so that `orgs` mirrors the API.
 */
export interface StateData {
    version: 2;
    /** Sequence number of the last transaction folded into this state. */
    seq: number;
    /** Next id per collection, like a database sequence: never reused, not even after a reset. */
    nextId: Record<string, number>;
    orgs: Tables;
    internal: Tables;
}

/** One change, as journaled. `put` carries the whole row, so replaying is idempotent. */
type Op = ["put", string, string, Row] | ["del", string, string, number] | ["reset"];

interface Waiter {
    seq: number;
    resolve: () => void;
    reject: (e: Error) => void;
}

const RESOLVED = Promise.resolve();
/** Compact the journal into the snapshot once it outgrows this (or twice the snapshot). */
const COMPACT_BYTES = 4 * 1024 * 1024;

const empty = (): StateData => ({ version: 2, seq: 0, nextId: {}, orgs: {}, internal: {} });

/** Collections whose name starts with `_` are the emulator's own (see {@link StateData.internal}). */
const areaOf = (collection: string): "orgs" | "internal" => (collection.startsWith("_") ? "internal" : "orgs");

/**
 * In-memory state with optional persistence.
 *
 * Persistence is a snapshot file (`FILE`) plus an append-only journal (`FILE.journal`).
 * Every request's changes become one journal line (a transaction), so a crash mid-write
 * loses at most that whole line, never half a cascade. {@link commit} resolves once the
 * line is on disk (fdatasync); the server answers only then, so no acknowledged write is
 * lost, even to `kill -9`. Concurrent requests share one write and one sync (group
 * commit), which is what keeps a persistent emulator fast. The journal is folded into the
 * snapshot (temp file, fsync, rename, fsync of the folder) when it grows, and at start.
 *
 * Reads see changes as soon as they are made, before they are durable (like a database
 * at read-uncommitted); only the writer's answer waits.
 *
 * @example
 * ```ts
 * const store = new Store("/tmp/claw.json");
 * const row = store.insert("acme", "claw/instances", { name: "prod" });
 * await store.commit(); // durable now
 * ```
 */
export class Store {
    private data: StateData = empty();
    /** Live tables as Maps: insertion order is id order, so lists need no sort. */
    private tables = new Map<string, Map<number, Row>>();
    private pending: Op[] = [];
    private queue: string[] = [];
    private queuedSeq = 0;
    private durableSeq = 0;
    private waiters: Waiter[] = [];
    private flushing = false;
    private journalFd: number | undefined;
    private journalBytes = 0;
    private snapshotBytes = 0;
    private failed: Error | undefined;
    private syncCount = 0;

    constructor(private readonly file?: string) {
        if (!file) return;
        this.load(file);
        this.compact(); // start from a clean snapshot and an empty journal (drops a torn tail)
    }

    // ---- reads ----------------------------------------------------------------------

    private key(org: string, collection: string): string {
        return `${org}\u0000${collection}`;
    }

    private table(org: string, collection: string): Map<number, Row> {
        const k = this.key(org, collection);
        let t = this.tables.get(k);
        if (!t) {
            t = new Map();
            this.tables.set(k, t);
        }
        return t;
    }

    /** Rows of one collection of one org, in id order. Do not mutate them: use {@link put}. */
    list(org: string, collection: string): Row[] {
        const t = this.tables.get(this.key(org, collection));
        return t ? Array.from(t.values()) : [];
    }

    /** Iterates the rows in id order without copying the collection (do not write while iterating). */
    rows(org: string, collection: string): IterableIterator<Row> {
        const t = this.tables.get(this.key(org, collection));
        return t ? t.values() : ([] as Row[]).values();
    }

    get(org: string, collection: string, id: number): Row | undefined {
        return this.tables.get(this.key(org, collection))?.get(id);
    }

    /** Orgs that hold any data. */
    orgNames(): string[] {
        return [...new Set([...this.tables.keys()].map((k) => k.split("\u0000")[0] as string))];
    }

    // ---- writes (collected into the next commit) ------------------------------------

    /** Adds a row with the collection's next id. */
    insert(org: string, collection: string, fields: Record<string, unknown>): Row {
        const id = this.data.nextId[collection] ?? 1;
        this.data.nextId[collection] = id + 1;
        const row = { ...fields, id } as Row;
        this.apply(["put", org, collection, row]);
        return row;
    }

    /** Replaces a row (rows are treated as immutable values: build a new one to change it). */
    put(org: string, collection: string, row: Row): void {
        this.apply(["put", org, collection, row]);
    }

    remove(org: string, collection: string, id: number): boolean {
        const had = this.get(org, collection, id) !== undefined;
        if (had) this.apply(["del", org, collection, id]);
        return had;
    }

    /** Deletes every object of every org. Id sequences continue (stale ids never point at new objects). */
    reset(): void {
        this.apply(["reset"]);
    }

    private apply(op: Op, journal = true): void {
        switch (op[0]) {
            case "put": {
                const [, org, col, row] = op;
                this.table(org, col).set(row.id, row);
                const next = this.data.nextId[col] ?? 1;
                if (row.id >= next) this.data.nextId[col] = row.id + 1;
                break;
            }
            case "del":
                this.tables.get(this.key(op[1], op[2]))?.delete(op[3]);
                break;
            case "reset":
                this.tables.clear();
                break;
        }
        if (journal && this.file) this.pending.push(op);
    }

    /**
     * Makes every change so far durable; resolves when it is on disk (at once without a
     * data file). Call it synchronously after a request's changes, then await it before
     * answering.
     */
    commit(): Promise<void> {
        if (!this.file) return RESOLVED;
        if (this.failed) return Promise.reject(this.failed);
        if (this.pending.length > 0) {
            const seq = ++this.queuedSeq;
            this.queue.push(JSON.stringify({ s: seq, ops: this.pending }));
            this.pending = [];
        }
        const target = this.queuedSeq;
        if (this.durableSeq >= target) return RESOLVED;
        return new Promise<void>((resolve, reject) => {
            this.waiters.push({ seq: target, resolve, reject });
            if (!this.flushing) {
                this.flushing = true;
                // Let the other requests of this event-loop turn join the same write.
                setImmediate(() => void this.flushLoop());
            }
        });
    }

    private async flushLoop(): Promise<void> {
        try {
            while (this.queue.length > 0) {
                const text = this.queue.join("\n") + "\n";
                const upto = this.queuedSeq;
                this.queue = [];
                const buf = Buffer.from(text, "utf8");
                await writeAll(this.journalFd as number, buf);
                await new Promise<void>((res, rej) => fs.fdatasync(this.journalFd as number, (e) => (e ? rej(e) : res())));
                this.syncCount++;
                this.journalBytes += buf.length;
                this.durableSeq = upto;
                this.release(upto);
                if (this.journalBytes > Math.max(COMPACT_BYTES, 2 * this.snapshotBytes)) this.compact();
            }
        } catch (e) {
            // A disk that fails once cannot be trusted with acknowledgements any more.
            this.failed = new Error(`emulator state could not be written: ${(e as Error).message}`);
            for (const w of this.waiters) w.reject(this.failed);
            this.waiters = [];
        } finally {
            this.flushing = false;
        }
    }

    private release(upto: number): void {
        const keep: Waiter[] = [];
        for (const w of this.waiters) {
            if (w.seq <= upto) w.resolve();
            else keep.push(w);
        }
        this.waiters = keep;
    }

    // ---- views ----------------------------------------------------------------------

    /** Number of objects in every API collection of every org (emulator bookkeeping excluded). */
    counts(): Record<string, Record<string, number>> {
        const out: Record<string, Record<string, number>> = {};
        for (const [k, t] of this.tables) {
            const [org, col] = k.split("\u0000") as [string, string];
            if (areaOf(col) !== "orgs") continue;
            (out[org] ??= {})[col] = t.size;
        }
        return out;
    }

    /** A deep copy of the whole state, write-only fields included (for the admin API and tests). */
    snapshot(): StateData {
        const out: StateData = { version: 2, seq: this.queuedSeq, nextId: { ...this.data.nextId }, orgs: {}, internal: {} };
        for (const [k, t] of this.tables) {
            if (t.size === 0) continue;
            const [org, col] = k.split("\u0000") as [string, string];
            const area = (out[areaOf(col)][org] ??= {});
            const rows: Record<string, Row> = {};
            for (const [id, row] of t) rows[String(id)] = structuredClone(row);
            area[col] = rows;
        }
        return out;
    }

    /** Journal syncs so far: with group commit, far fewer than commits under concurrency. */
    get syncs(): number {
        return this.syncCount;
    }

    /** Stops persistence after the last pending write is durable. */
    async close(): Promise<void> {
        await this.commit().catch(() => undefined);
        if (this.journalFd !== undefined) {
            fs.closeSync(this.journalFd);
            this.journalFd = undefined;
        }
    }

    // ---- persistence ------------------------------------------------------------------

    private journalPath(): string {
        return `${this.file as string}.journal`;
    }

    private load(file: string): void {
        if (fs.existsSync(file)) {
            const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<StateData> & { version: number; nextId: unknown };
            this.data = migrate(parsed, file);
            for (const area of [this.data.orgs, this.data.internal]) {
                for (const [org, cols] of Object.entries(area)) {
                    for (const [col, rows] of Object.entries(cols)) {
                        const t = this.table(org, col);
                        for (const row of Object.values(rows).sort((a, b) => a.id - b.id)) t.set(row.id, row);
                    }
                }
            }
        }
        this.queuedSeq = this.durableSeq = this.data.seq;
        const jp = this.journalPath();
        if (!fs.existsSync(jp)) return;
        // Replay complete lines newer than the snapshot; the first unreadable line is a
        // write torn by a crash, which was never acknowledged: stop there.
        for (const line of fs.readFileSync(jp, "utf8").split("\n")) {
            if (line === "") continue;
            let tx: { s: number; ops: Op[] };
            try {
                tx = JSON.parse(line) as { s: number; ops: Op[] };
            } catch {
                break;
            }
            if (tx.s <= this.queuedSeq) continue;
            for (const op of tx.ops) this.apply(op, false);
            this.queuedSeq = this.durableSeq = tx.s;
        }
    }

    /** Writes the snapshot atomically, then empties the journal. */
    private compact(): void {
        const file = this.file as string;
        const snap = this.snapshot();
        snap.seq = this.durableSeq; // what the snapshot holds beyond it is replayed again harmlessly
        const text = JSON.stringify(snap);
        const dir = path.dirname(file);
        const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
        const fd = fs.openSync(tmp, "w");
        try {
            fs.writeSync(fd, text);
            fs.fsyncSync(fd);
        } finally {
            fs.closeSync(fd);
        }
        fs.renameSync(tmp, file);
        fsyncDir(dir);
        if (this.journalFd !== undefined) fs.closeSync(this.journalFd);
        // Lines still queued after this point carry a seq above the snapshot's: replayed.
        this.journalFd = fs.openSync(this.journalPath(), "w");
        fs.fsyncSync(this.journalFd);
        fsyncDir(dir);
        this.journalBytes = 0;
        this.snapshotBytes = text.length;
    }
}

function migrate(parsed: Partial<StateData> & { version: number; nextId: unknown }, file: string): StateData {
    if (parsed.version === 2) return { ...empty(), ...parsed } as StateData;
    if (parsed.version === 1) {
        // v1 had one global id counter; continuing it per collection keeps ids unique.
        const next = Number(parsed.nextId) || 1;
        const orgs = (parsed.orgs ?? {}) as Tables;
        const nextId: Record<string, number> = {};
        for (const cols of Object.values(orgs)) for (const col of Object.keys(cols)) nextId[col] = next;
        return { version: 2, seq: 0, nextId, orgs, internal: {} };
    }
    throw new Error(`${file}: unknown emulator state version ${String(parsed.version)}`);
}

function fsyncDir(dir: string): void {
    const dfd = fs.openSync(dir, "r");
    try {
        fs.fsyncSync(dfd);
    } finally {
        fs.closeSync(dfd);
    }
}

async function writeAll(fd: number, buf: Buffer): Promise<void> {
    let off = 0;
    while (off < buf.length) {
        off += await new Promise<number>((res, rej) => fs.write(fd, buf, off, buf.length - off, null, (e, n) => (e ? rej(e) : res(n))));
    }
}
