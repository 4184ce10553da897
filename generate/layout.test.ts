import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import type { OrgSnapshot } from "./org";
import { generateProgram } from "./program";
import { PROGRAM_NODEARGS, PROGRAM_TSCONFIG, programTsconfigText } from "./layout";

const ROOT = path.resolve(__dirname, "..");
const EMPTY_ORG: OrgSnapshot = { org: "acme", baseUrl: "https://api.example", instances: [], modelProviders: [], bindings: [], agentConfigs: [], skills: [], skillResources: [], assignments: [], assets: new Map(), assetErrors: new Map() };

describe("the recommended project layout", () => {
    it.each(["examples/agent-set", "examples/environments", "examples/provision", "quickstart"])("%s carries the tsconfig generate writes", (dir) => {
        expect(fs.readFileSync(path.join(ROOT, dir, "tsconfig.json"), "utf8")).toBe(programTsconfigText());
    });

    it("runs programs transpile-only through ts-node's own key, not TypeScript's noCheck", () => {
        expect(PROGRAM_TSCONFIG["ts-node"]).toEqual({ transpileOnly: true });
        expect(PROGRAM_TSCONFIG.compilerOptions).not.toHaveProperty("noCheck");
    });

    const options = (file: string) => (parse(fs.readFileSync(path.join(ROOT, file), "utf8")) as { runtime: { options: Record<string, unknown> } }).runtime.options;

    it("points the root quickstart at its own tsconfig, not the package's build config", () => {
        expect(options("Pulumi.yaml").tsconfig).toBe("quickstart/tsconfig.json");
    });

    it.each(["examples/agent-set/Pulumi.yaml", "examples/environments/Pulumi.yaml", "examples/provision/Pulumi.yaml", "Pulumi.yaml"])("%s preloads the compile cache as generate's does", (file) => {
        expect(options(file).nodeargs).toBe(PROGRAM_NODEARGS);
    });

    it("is what generate writes", () => {
        const { files } = generateProgram(EMPTY_ORG);
        expect(files["tsconfig.json"]).toBe(programTsconfigText());
        expect((parse(files["Pulumi.yaml"] as string) as { runtime: { options: Record<string, unknown> } }).runtime.options.nodeargs).toBe(PROGRAM_NODEARGS);
    });

    it("preloads a module the package exports", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { exports: Record<string, string> };
        expect(pkg.exports[`./${PROGRAM_NODEARGS.split("/").pop()}`]).toBe("./dist/compileCache.js");
    });
});
