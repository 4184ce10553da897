import * as fs from "node:fs";
import * as path from "node:path";

/** A stored object: the API's fields plus write-only ones, which handlers never return. */
export type Row = Record<string, unknown> & { id: number };

/** The whole emulator state: per org, per collection, rows by id. */
export interface StateData {
    version: 1;
    nextId: number;
    orgs: Record<string, Record<string, Record<string, Row>>>;
}

/**
 * In-memory state with optional persistence to one JSON file.
 *
 * Writes are atomic (temp file, fsync, rename, fsync of the folder), and a mutation is
 * flushed before its HTTP answer is sent, so no acknowledged write is lost, even to
 * `kill -9`.
 */
export class Store {
    private data: StateData;

    constructor(private readonly file?: string) {
        this.data = { version: 1, nextId: 1, orgs: {} };
        if (file && fs.existsSync(file)) {
            const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as StateData;
            if (parsed.version !== 1) throw new Error(`${file}: unknown emulator state version ${String(parsed.version)}`);
            this.data = parsed;
        }
    }

    private table(org: string, collection: string): Record<string, Row> {
        const o = (this.data.orgs[org] ??= {});
        return (o[collection] ??= {});
    }

    list(org: string, collection: string): Row[] {
        return Object.values(this.table(org, collection)).sort((a, b) => a.id - b.id);
    }

    get(org: string, collection: string, id: number): Row | undefined {
        return this.table(org, collection)[String(id)];
    }

    insert(org: string, collection: string, fields: Record<string, unknown>): Row {
        const row = { ...fields, id: this.data.nextId++ } as Row;
        this.table(org, collection)[String(row.id)] = row;
        return row;
    }

    put(org: string, collection: string, row: Row): void {
        this.table(org, collection)[String(row.id)] = row;
    }

    remove(org: string, collection: string, id: number): boolean {
        const t = this.table(org, collection);
        const had = String(id) in t;
        delete t[String(id)];
        return had;
    }

    /** Number of objects in every collection of every org. */
    counts(): Record<string, Record<string, number>> {
        const out: Record<string, Record<string, number>> = {};
        for (const [org, cols] of Object.entries(this.data.orgs)) {
            out[org] = Object.fromEntries(Object.entries(cols).map(([c, rows]) => [c, Object.keys(rows).length]));
        }
        return out;
    }

    /** A deep copy of the whole state, write-only fields included (for the admin API and tests). */
    snapshot(): StateData {
        return structuredClone(this.data);
    }

    reset(): void {
        this.data = { version: 1, nextId: 1, orgs: {} };
        this.flush();
    }

    /** Persists the state if a data file was given. Call after every mutation, before answering. */
    flush(): void {
        if (!this.file) return;
        const dir = path.dirname(this.file);
        const tmp = path.join(dir, `.${path.basename(this.file)}.${process.pid}.tmp`);
        const fd = fs.openSync(tmp, "w");
        try {
            fs.writeSync(fd, JSON.stringify(this.data));
            fs.fsyncSync(fd);
        } finally {
            fs.closeSync(fd);
        }
        fs.renameSync(tmp, this.file);
        const dfd = fs.openSync(dir, "r");
        try {
            fs.fsyncSync(dfd);
        } finally {
            fs.closeSync(dfd);
        }
    }
}
