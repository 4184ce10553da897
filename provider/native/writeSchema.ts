/**
 * Writes provider/native/schema.json from packageSchema() (`npm run schema`). A unit test
 * fails when the file differs from what the function makes now.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { packageSchema, packageVersion } from "./schema";

const version = packageVersion();

/** The text of schema.json for a package version. */
export function schemaText(v: string = version): string {
    return `${JSON.stringify(packageSchema(v), null, 2)}\n`;
}

if (require.main === module) {
    const root = path.resolve(__dirname, "../../..");
    fs.writeFileSync(path.join(root, "provider/native/schema.json"), schemaText());
    console.log("wrote provider/native/schema.json");
}
