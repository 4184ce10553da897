/**
 * Stable, readable names for generated resources and variables. The same org gives the
 * same names every time: they come from the objects' own names (instance name, skill
 * slug, the mentor's IDENTITY.md heading), with the id only where two would collide.
 */

/** `"Prod EU #2"` → `"prod-eu-2"`; empty when nothing usable is left. */
export function slug(text: string, max = 40): string {
    return text
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, max)
        .replace(/-+$/g, "");
}

/** `"prod-eu-2"`, `"Binding"` → `"prodEu2Binding"`: a TypeScript identifier. */
export function identifier(name: string, suffix: string): string {
    const words = `${name}-${suffix}`.split(/[^A-Za-z0-9]+/).filter(Boolean);
    const camel = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join("");
    return /^[0-9]/.test(camel) ? `_${camel}` : camel;
}

/**
 * A mentor's readable name: the first Markdown heading (or first line) of its IDENTITY.md,
 * else `mentor-<first 8 hex of its UUID>`.
 *
 * @example
 * ```ts
 * mentorName("3f1c2a9e-…", "# Ada\nA patient maths tutor."); // "ada"
 * ```
 */
export function mentorName(mentor: string, identity?: string | null): string {
    const first = (identity ?? "")
        .split("\n")
        .map((l) => l.replace(/^#+\s*/, "").trim())
        .find((l) => l !== "");
    const fromIdentity = first ? slug(first, 24) : "";
    return fromIdentity || `mentor-${mentor.replace(/-/g, "").slice(0, 8).toLowerCase()}`;
}

/**
 * Hands out unique names: the first taker of a name keeps it, later ones get `-<id>`
 * (stable, since objects are visited in id order).
 */
export class NameBook {
    private taken = new Set<string>();

    take(wanted: string, id: string): string {
        let name = wanted || `object-${id}`;
        if (this.taken.has(name)) name = `${name}-${id}`;
        for (let n = 2; this.taken.has(name); n++) name = `${wanted}-${id}-${n}`;
        this.taken.add(name);
        return name;
    }
}
