import * as fs from "node:fs";
import * as path from "node:path";
import { workspaceLayoutTable } from "../../openclaw/workspace";

// The docs show where each agent-config text lands per OpenClaw version; the code's table
// (openclaw/workspace.ts) decides it. They must not drift apart.
describe("the field-to-workspace table in the docs", () => {
    it.each(["docs/real-server.md", "docs/emulator.md", "docs/components.md"])("%s holds openclaw/workspace.ts's table verbatim", (doc) => {
        const text = fs.readFileSync(path.join(__dirname, "../..", doc), "utf8");
        expect(text).toContain(workspaceLayoutTable());
    });
});
