import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runResource, unknown } from "../../policy/harness";
import { DEFAULT_MAX_SKILL_RESOURCE_BYTES, PROGRAM_DIR_ENV, payloadBytes, skillResourceSize } from "../../policy/skillResourceSize";
import { TOKENS } from "../../policy/tokens";

const resource = (props: Record<string, unknown>) => ({ type: TOKENS.SkillResource, name: "fetch-sh", props: { skill: 3, fileType: "script", filename: "fetch.sh", ...props } });
const run = (props: Record<string, unknown>, config = {}) => runResource([skillResourceSize], resource(props), config);

describe("claw-skill-resource-size", () => {
    let dir: string;
    beforeAll(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-size-"));
        fs.writeFileSync(path.join(dir, "big.bin"), Buffer.alloc(DEFAULT_MAX_SKILL_RESOURCE_BYTES + 1));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("measures content in UTF-8 bytes", () => {
        expect(payloadBytes({ content: "héllo" })).toBe(6);
    });
    it("passes content under the limit and warns (advisory) over it, naming sizes only", async () => {
        expect((await run({ content: "echo hi" })).diagnostics).toEqual([]);
        const r = await run({ content: "x".repeat(DEFAULT_MAX_SKILL_RESOURCE_BYTES + 1) });
        expect(r.violations).toEqual([
            expect.objectContaining({ level: "advisory", message: `SkillResource "fetch-sh": content is ${DEFAULT_MAX_SKILL_RESOURCE_BYTES + 1} bytes, over the limit of ${DEFAULT_MAX_SKILL_RESOURCE_BYTES}` }),
        ]);
    });
    it("takes maxBytes and the level from config", async () => {
        const r = await run({ content: "0123456789" }, { "claw-skill-resource-size": { enforcementLevel: "mandatory", maxBytes: 8 } });
        expect(r.violations).toEqual([expect.objectContaining({ level: "mandatory" })]);
    });
    it("measures an asset's source file: absolute paths, and relative ones against the program's folder", async () => {
        expect((await run({ fileType: "asset", source: path.join(dir, "big.bin") })).violations).toHaveLength(1);
        expect(payloadBytes({ source: "big.bin" }, dir)).toBe(DEFAULT_MAX_SKILL_RESOURCE_BYTES + 1);
        expect(payloadBytes({ source: "big.bin" }, undefined)).toBeUndefined();
        expect(payloadBytes({ source: path.join(dir, "missing.bin") })).toBeUndefined();
        expect(PROGRAM_DIR_ENV).toBe("IBLAI_CLAW_PROGRAM_DIR");
    });
    it("leaves unknown content to the SDK's advisory note", async () => {
        const r = await run({ content: unknown.string });
        expect(r.violations).toEqual([]);
        expect(r.unknownNotes).toHaveLength(1);
    });
});
