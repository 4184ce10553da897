import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { PROGRAM_TSCONFIG, programTsconfigText } from "./layout";

const ROOT = path.resolve(__dirname, "..");

describe("the recommended project layout", () => {
    it.each(["examples/agent-set", "examples/environments", "examples/provision", "quickstart"])("%s carries the tsconfig generate writes", (dir) => {
        expect(fs.readFileSync(path.join(ROOT, dir, "tsconfig.json"), "utf8")).toBe(programTsconfigText());
    });

    it("runs programs transpile-only through ts-node's own key, not TypeScript's noCheck", () => {
        expect(PROGRAM_TSCONFIG["ts-node"]).toEqual({ transpileOnly: true });
        expect(PROGRAM_TSCONFIG.compilerOptions).not.toHaveProperty("noCheck");
    });

    it("points the root quickstart at its own tsconfig, not the package's build config", () => {
        const project = parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as { runtime: { options: Record<string, unknown> } };
        expect(project.runtime.options.tsconfig).toBe("quickstart/tsconfig.json");
    });
});
