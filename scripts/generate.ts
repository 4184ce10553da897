// npm run generate: writes the files that follow from the entity declarations
// (provider/entities/), then prettifies nothing: the text is written as generated, so the
// unit test test/unit/generated-files.test.ts can compare it byte for byte.
import * as fs from "node:fs";
import * as path from "node:path";
import { generatedFiles } from "./generate/files";

const root = path.resolve(__dirname, "..");
let changed = 0;
for (const f of generatedFiles(root)) {
    const file = path.join(root, f.path);
    const old = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
    if (old === f.text) continue;
    fs.writeFileSync(file, f.text);
    changed++;
    console.log(`wrote ${f.path}`);
}
console.log(changed ? `${changed} file(s) written` : "every generated file is current");
