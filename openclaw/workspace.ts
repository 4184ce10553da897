/**
 * What each agent-config text becomes on an OpenClaw server, per OpenClaw version: the one
 * table that the emulator's real delivery, preview's version notes and the docs all read.
 *
 * It holds facts about OpenClaw, not about the ibl.ai API, so it lives apart from both the
 * sdk and the emulator (which share no code with each other) and imports nothing.
 *
 * Checked on the real gateway: OpenClaw 2026.9's `agents.files.set` accepts only AGENTS,
 * SOUL, IDENTITY, USER, BOOTSTRAP and MEMORY. `TOOLS.md` is retired (`openclaw doctor --fix`
 * merges it into a `## Tools` section of `AGENTS.md`) and so is `HEARTBEAT.md` (heartbeat
 * instructions live in the heartbeat job's monitor scratch, capped at 256 KiB).
 */

/**
 * The OpenClaw setting that lets a server take skills as uploaded archives (`skills.upload.*`
 * then `skills.install {source: "upload"}`; off by default). The platform's skill delivery
 * needs it on: provisioning sets it to `true`.
 *
 * @example
 * ```ts
 * `openclaw config set ${SKILL_UPLOAD_SETTING} true`;
 * ```
 */
export const SKILL_UPLOAD_SETTING = "skills.install.allowUploadedArchives";

/** The agent config's text fields (the API's names). */
export const AGENT_TEXT_FIELDS = ["identity", "soul", "user_context", "tools", "agents", "bootstrap", "heartbeat", "memory"] as const;
export type AgentTextField = (typeof AGENT_TEXT_FIELDS)[number];

/** Where one text lands on the server. */
export type Placement =
    /** A workspace file of its own, written with `agents.files.set`. */
    | { kind: "file"; file: string }
    /** A `## <heading>` section of another workspace file; the rest of that file is kept. */
    | { kind: "section"; file: string; heading: string }
    /** The heartbeat job's monitor scratch (`openclaw cron scratch <jobId> --set`), at most `maxBytes`. */
    | { kind: "heartbeatScratch"; maxBytes: number };

/** One generation of the workspace layout. */
export interface WorkspaceLayout {
    /** The first OpenClaw version it applies to. */
    since: string;
    /** A short name for messages, e.g. "2026.9". */
    name: string;
    /** The files `agents.files.set` accepts. */
    acceptedFiles: readonly string[];
    /** Where each text field lands. */
    fields: Readonly<Record<AgentTextField, Placement>>;
}

const file = (f: string): Placement => ({ kind: "file", file: f });

/** Oldest first. */
export const WORKSPACE_LAYOUTS: readonly WorkspaceLayout[] = [
    {
        since: "0",
        name: "before 2026.9",
        acceptedFiles: ["AGENTS.md", "SOUL.md", "IDENTITY.md", "USER.md", "TOOLS.md", "BOOTSTRAP.md", "HEARTBEAT.md", "MEMORY.md"],
        fields: {
            identity: file("IDENTITY.md"),
            soul: file("SOUL.md"),
            user_context: file("USER.md"),
            tools: file("TOOLS.md"),
            agents: file("AGENTS.md"),
            bootstrap: file("BOOTSTRAP.md"),
            heartbeat: file("HEARTBEAT.md"),
            memory: file("MEMORY.md"),
        },
    },
    {
        since: "2026.9.0",
        name: "2026.9",
        acceptedFiles: ["AGENTS.md", "SOUL.md", "IDENTITY.md", "USER.md", "BOOTSTRAP.md", "MEMORY.md"],
        fields: {
            identity: file("IDENTITY.md"),
            soul: file("SOUL.md"),
            user_context: file("USER.md"),
            tools: { kind: "section", file: "AGENTS.md", heading: "Tools" },
            agents: file("AGENTS.md"),
            bootstrap: file("BOOTSTRAP.md"),
            heartbeat: { kind: "heartbeatScratch", maxBytes: 256 * 1024 },
            memory: file("MEMORY.md"),
        },
    },
];

/** The newest OpenClaw version the newest layout was checked on (a real gateway). */
export const LAYOUTS_CHECKED_THROUGH = "2026.9.6";

/**
 * Compares OpenClaw versions (`2026.9.6`, `2026.10.1-beta.2`, `v2026.9`): numeric parts in
 * order, a missing part is 0, a pre-release tag sorts before its release.
 *
 * @example
 * ```ts
 * compareOpenclawVersions("2026.9.6", "2026.10.0"); // < 0
 * ```
 */
export function compareOpenclawVersions(a: string, b: string): number {
    const parse = (v: string) => {
        const [main, pre] = v.trim().replace(/^v/i, "").split("-", 2);
        return { parts: main.split(".").map((p) => Number.parseInt(p, 10) || 0), pre };
    };
    const x = parse(a);
    const y = parse(b);
    for (let i = 0; i < Math.max(x.parts.length, y.parts.length); i++) {
        const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
        if (d !== 0) return d;
    }
    if (x.pre === y.pre) return 0;
    if (x.pre === undefined) return 1;
    if (y.pre === undefined) return -1;
    return x.pre < y.pre ? -1 : 1;
}

/** Whether a string looks like an OpenClaw version (`2026.9.6`, `v2026.9`, `2026.9.6-beta.1`). */
export function isOpenclawVersion(v: unknown): v is string {
    return typeof v === "string" && /^v?\d+(\.\d+){0,3}(-[0-9A-Za-z.]+)?$/.test(v.trim());
}

/** The layout for a version, and a note when the version is newer than any we checked. */
export interface ResolvedLayout {
    layout: WorkspaceLayout;
    /** Set when the version is past {@link LAYOUTS_CHECKED_THROUGH} or could not be read. */
    note?: string;
}

/**
 * The workspace layout for an OpenClaw version (the server's `claw_version`, else the
 * `iblai:openclawVersion` setting). No version, or one that cannot be read: the newest layout.
 *
 * @example
 * ```ts
 * workspaceLayoutFor("2026.9.6").layout.fields.tools; // { kind: "section", file: "AGENTS.md", heading: "Tools" }
 * workspaceLayoutFor("2026.3.1").layout.fields.tools; // { kind: "file", file: "TOOLS.md" }
 * ```
 */
export function workspaceLayoutFor(version: string | undefined | null): ResolvedLayout {
    const newest = WORKSPACE_LAYOUTS[WORKSPACE_LAYOUTS.length - 1];
    if (version === undefined || version === null || version.trim() === "") return { layout: newest };
    if (!isOpenclawVersion(version)) {
        return { layout: newest, note: `OpenClaw version "${version}" cannot be read; using the newest workspace layout (${newest.name})` };
    }
    let layout = WORKSPACE_LAYOUTS[0];
    for (const l of WORKSPACE_LAYOUTS) if (compareOpenclawVersions(version, l.since) >= 0) layout = l;
    const note =
        compareOpenclawVersions(version, LAYOUTS_CHECKED_THROUGH) > 0
            ? `OpenClaw ${version} is newer than any workspace layout we know (checked through ${LAYOUTS_CHECKED_THROUGH}); using the newest one (${layout.name})`
            : undefined;
    return { layout, note };
}

/**
 * Where a field's text lands, in words, for notes and docs.
 *
 * @example
 * ```ts
 * describePlacement({ kind: "section", file: "AGENTS.md", heading: "Tools" }); // "the `## Tools` section of AGENTS.md"
 * ```
 */
export function describePlacement(p: Placement): string {
    switch (p.kind) {
        case "file":
            return p.file;
        case "section":
            return `the \`## ${p.heading}\` section of ${p.file}`;
        case "heartbeatScratch":
            return `the heartbeat job's monitor scratch (at most ${Math.round(p.maxBytes / 1024)} KiB)`;
    }
}

/**
 * What the target version does differently from the oldest layout, one line per moved
 * field (empty when nothing moved): preview says this once per stack.
 *
 * @example
 * ```ts
 * layoutChanges(workspaceLayoutFor("2026.9.6").layout);
 * // ["tools: lands in the `## Tools` section of AGENTS.md (TOOLS.md is retired in OpenClaw 2026.9)", ...]
 * ```
 */
export function layoutChanges(layout: WorkspaceLayout): string[] {
    const oldest = WORKSPACE_LAYOUTS[0];
    const out: string[] = [];
    for (const f of AGENT_TEXT_FIELDS) {
        const before = oldest.fields[f];
        const now = layout.fields[f];
        if (JSON.stringify(before) === JSON.stringify(now)) continue;
        const retired = before.kind === "file" && !layout.acceptedFiles.includes(before.file) ? ` (${before.file} is retired in OpenClaw ${layout.name})` : "";
        out.push(`${f}: lands in ${describePlacement(now)}${retired}`);
    }
    return out;
}

const headingLine = (heading: string) => new RegExp(`^##[ \\t]+${heading.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[ \\t]*$`, "im");

/**
 * Puts `body` under `## <heading>` in a Markdown text: replaces that section (up to the next
 * `#`/`##` heading, or the end) when it exists, else appends it. Idempotent: merging the same
 * body twice gives the same text, and the rest of the text is untouched.
 *
 * @example
 * ```ts
 * mergeSection("# Team\nBe kind.\n", "Tools", "Use wttr."); // "# Team\nBe kind.\n\n## Tools\n\nUse wttr.\n"
 * ```
 */
export function mergeSection(text: string, heading: string, body: string): string {
    const section = `## ${heading}\n\n${body.trim()}\n`;
    const m = headingLine(heading).exec(text);
    if (!m) {
        const base = text.replace(/\s*$/, "");
        return base === "" ? section : `${base}\n\n${section}`;
    }
    const start = m.index;
    const afterHeading = start + m[0].length;
    const next = /^#{1,2}[ \t]/m.exec(text.slice(afterHeading));
    const end = next ? afterHeading + next.index : text.length;
    const rest = text.slice(end);
    return text.slice(0, start) + section + (rest === "" ? "" : `\n${rest}`);
}

/**
 * The body of the `## <heading>` section of a Markdown text, or undefined.
 *
 * @example
 * ```ts
 * sectionBody("## Tools\n\nUse wttr.\n", "Tools"); // "Use wttr."
 * ```
 */
export function sectionBody(text: string, heading: string): string | undefined {
    const m = headingLine(heading).exec(text);
    if (!m) return undefined;
    const after = text.slice(m.index + m[0].length);
    const next = /^#{1,2}[ \t]/m.exec(after);
    return (next ? after.slice(0, next.index) : after).trim();
}

/** What a push writes into one agent's workspace, for one layout. */
export interface WorkspaceWrites {
    /** Whole files for `agents.files.set`, by name (a section merged into its file's text). */
    files: Record<string, string>;
    /** The heartbeat job's monitor scratch, when the layout puts `heartbeat` there and it has text. */
    heartbeatScratch?: string;
    /** Why the texts cannot be written (a scratch over its cap); empty when they can. */
    errors: string[];
}

/**
 * Files that only receive a section (their own field is empty): a delivery that must keep
 * the rest of such a file reads its current text first and passes it to {@link workspaceWrites}.
 *
 * @example
 * ```ts
 * sectionOnlyFiles({ tools: "Use wttr." }, workspaceLayoutFor("2026.9.6").layout); // ["AGENTS.md"]
 * sectionOnlyFiles({ tools: "Use wttr.", agents: "# Team" }, workspaceLayoutFor("2026.9.6").layout); // []
 * ```
 */
export function sectionOnlyFiles(texts: Partial<Record<AgentTextField, string>>, layout: WorkspaceLayout): string[] {
    const own = new Set<string>();
    for (const f of AGENT_TEXT_FIELDS) {
        const p = layout.fields[f];
        if (p.kind === "file" && texts[f]) own.add(p.file);
    }
    const out = new Set<string>();
    for (const f of AGENT_TEXT_FIELDS) {
        const p = layout.fields[f];
        if (p.kind === "section" && texts[f] && !own.has(p.file)) out.add(p.file);
    }
    return [...out];
}

/**
 * Places an agent config's non-empty texts per the layout: files as files, sections merged
 * into their file's text (the field's own text, else `current[file]`, else empty; a re-push
 * replaces the section, never appends a second), the heartbeat into the monitor scratch
 * (refused, naming the field and the cap, when over it). Empty texts write nothing.
 *
 * @example
 * ```ts
 * const { layout } = workspaceLayoutFor("2026.9.6");
 * workspaceWrites({ identity: "# Ada", tools: "Use wttr.", heartbeat: "Check mail." }, layout, { "AGENTS.md": "# Team\n" });
 * // { files: { "IDENTITY.md": "# Ada", "AGENTS.md": "# Team\n\n## Tools\n\nUse wttr.\n" }, heartbeatScratch: "Check mail.", errors: [] }
 * ```
 */
export function workspaceWrites(
    texts: Partial<Record<AgentTextField, string>>,
    layout: WorkspaceLayout,
    current: Readonly<Record<string, string | undefined>> = {},
): WorkspaceWrites {
    const out: WorkspaceWrites = { files: {}, errors: [] };
    for (const f of AGENT_TEXT_FIELDS) {
        const p = layout.fields[f];
        const text = texts[f];
        if (!text) continue;
        if (p.kind === "file") out.files[p.file] = text;
        else if (p.kind === "heartbeatScratch") {
            const bytes = new TextEncoder().encode(text).length;
            if (bytes > p.maxBytes) {
                out.errors.push(`${f}: ${bytes} bytes, over the ${Math.round(p.maxBytes / 1024)} KiB cap of ${describePlacement(p).replace(/ \(at most .*\)$/, "")} in OpenClaw ${layout.name}; shorten it`);
            } else out.heartbeatScratch = text;
        }
    }
    // Sections after files, so that a section lands in its file's own text when both are given.
    for (const f of AGENT_TEXT_FIELDS) {
        const p = layout.fields[f];
        const text = texts[f];
        if (!text || p.kind !== "section") continue;
        out.files[p.file] = mergeSection(out.files[p.file] ?? current[p.file] ?? "", p.heading, text);
    }
    return out;
}

/**
 * The field-to-workspace table as Markdown, one column per layout: docs/real-server.md and
 * docs/emulator.md hold it verbatim, and a unit test keeps them equal to this table.
 *
 * @example
 * ```ts
 * workspaceLayoutTable().split("\n")[0]; // "| agent-config field | before 2026.9 | 2026.9 and later |"
 * ```
 */
export function workspaceLayoutTable(): string {
    const head = ["agent-config field", ...WORKSPACE_LAYOUTS.map((l, i) => (i === WORKSPACE_LAYOUTS.length - 1 ? `${l.name} and later` : l.name))];
    const rows = AGENT_TEXT_FIELDS.map((f) => [`\`${f}\``, ...WORKSPACE_LAYOUTS.map((l) => describePlacement(l.fields[f]))]);
    return [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}
