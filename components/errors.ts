/**
 * The components' errors. Each has a stable `code` and a marker field checked by a static
 * `isInstance`, because two copies of this package can be loaded in one program.
 */
import { ProblemsError, hasMarker } from "./errorBase";

/**
 * Thrown when a component is given inputs it cannot name or wire.
 *
 * @example
 * ```ts
 * try { new ClawAgent("ada", { ...args, skills: [weather, weather] }); }
 * catch (e) { if (ComponentInputError.isInstance(e)) console.log(e.input); } // "skills[1]"
 * ```
 */
export class ComponentInputError extends Error {
    readonly code = "COMPONENT_INPUT";
    readonly __componentInputError = true;
    constructor(
        /** The component's type and name, e.g. `ClawAgent ada`. */
        readonly component: string,
        /** The input at fault, e.g. `skills[2].slug`. */
        readonly input: string,
        message: string,
    ) {
        super(`${component}: ${input}: ${message}`);
        this.name = "ComponentInputError";
    }
    static isInstance(e: unknown): e is ComponentInputError {
        return hasMarker(e, "__componentInputError");
    }
}

/** One problem found in an agent-set folder: the file at fault, and what to do. */
export interface AgentSetProblem {
    /** The file, relative to the set's folder (e.g. `skills/citations/SKILL.md`). */
    file: string;
    /** Where in the file, when it matters (e.g. `agents.list[0].model`). */
    at?: string;
    message: string;
}

/**
 * Thrown while an agent set is read (during `pulumi preview`, before any request) when
 * the folder cannot be deployed as it is: every problem found, each naming its file.
 *
 * @example
 * ```ts
 * try { loadAgentSet("academy"); }
 * catch (e) { if (AgentSetError.isInstance(e)) for (const p of e.problems) console.log(p.file, p.at, p.message); }
 * ```
 */
export class AgentSetError extends ProblemsError<AgentSetProblem, "AGENT_SET_INVALID"> {
    readonly __agentSetError = true;
    constructor(
        /** The set's folder. */
        readonly folder: string,
        problems: readonly AgentSetProblem[],
    ) {
        super("AgentSetError", "AGENT_SET_INVALID", problems, `agent set ${folder}:\n${problems.map((p) => `  - ${p.file}${p.at ? ` (${p.at})` : ""}: ${p.message}`).join("\n")}`);
    }
    static isInstance(e: unknown): e is AgentSetError {
        return hasMarker(e, "__agentSetError");
    }
}

/**
 * Why a SKILL.md cannot be read; the agent-set loader adds the file's name.
 *
 * @example
 * ```ts
 * parseSkillMd("---\nname: [x\n---\n"); // throws SkillMdError("front matter is not valid YAML: ...")
 * ```
 */
export class SkillMdError extends Error {
    readonly code = "SKILL_MD_INVALID";
    constructor(message: string) {
        super(message);
        this.name = "SkillMdError";
    }
}
