import * as fs from "node:fs";
import * as path from "node:path";
import { ENTITIES } from "../../provider/entities";
import { withDocsTables } from "./docs";
import { resourceFile } from "./resource";
import { sdkSchemas } from "./sdkSchemas";
import { stubFiles } from "./stubs";

/** One file the generator writes: its path from the repository's root and its text. */
export interface GeneratedFile {
    path: string;
    text: string;
}

/**
 * Every generated file, as it should be, computed in memory from the declarations (and,
 * for docs/resources.md, the hand-written text around its generated regions).
 *
 * @example
 * ```ts
 * for (const f of generatedFiles(root)) fs.writeFileSync(path.join(root, f.path), f.text);
 * ```
 */
export function generatedFiles(root: string): GeneratedFile[] {
    const docs = "docs/resources.md";
    return [
        ...ENTITIES.flatMap((e) => [
            ...(e.sdkSchemas === false ? [] : [{ path: `sdk/schemas/${e.sdkFile ?? e.file}.generated.ts`, text: sdkSchemas(e) }]),
            { path: `provider/resources/${e.file}.ts`, text: resourceFile(e) },
        ]),
        ...stubFiles(),
        { path: docs, text: withDocsTables(fs.readFileSync(path.join(root, docs), "utf8"), ENTITIES) },
    ];
}
