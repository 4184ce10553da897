/**
 * Writes provider/native/schema.json from packageSchema() (`npm run schema`). A unit test
 * fails when the file differs from what the function makes now.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type ReferenceSchema, referenceDocs } from "./reference";
import { packageSchema, packageVersion } from "./schema";

const version = packageVersion();

/** The text of schema.json for a package version. */
export function schemaText(v: string = version): string {
    return `${JSON.stringify(packageSchema(v), null, 2)}\n`;
}

/** The API reference pages (docs/reference/), by file name. */
export function referenceFiles(v: string = version): Record<string, string> {
    return referenceDocs(packageSchema(v) as unknown as ReferenceSchema);
}

if (require.main === module) {
    const root = path.resolve(__dirname, "../../..");
    fs.writeFileSync(path.join(root, "provider/native/schema.json"), schemaText());
    console.log("wrote provider/native/schema.json");
    const dir = path.join(root, "docs/reference");
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(referenceFiles())) fs.writeFileSync(path.join(dir, file), text);
    console.log("wrote docs/reference/");
}
