import { generateKeyPairSync } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { fingerprintOf } from "../provider";
import { contentHash } from "../provider/engine/hash";
import { aliasesOf, childName, configPushTriggers, providerPushTriggers, publicKeyPemOf, skillContentHash, skillFilePath } from "./derive";
import { ComponentInputError } from "./errors";

describe("childName", () => {
    it("prefixes the component's name, so two components' children never share a URN", () => {
        expect(childName("ada", "binding")).toBe("ada-binding");
        expect(childName("bob", "binding")).not.toBe(childName("ada", "binding"));
        expect(childName("academy", "skill", "citations", "references/apa.md")).toBe("academy-skill-citations-references/apa.md");
    });

    it("refuses parts that would break a URN or collide", () => {
        expect(() => childName("ada", "")).toThrow(ComponentInputError);
        expect(() => childName("a::b", "push")).toThrow(/cannot derive a child name from "a::b"/);
    });
});

describe("aliasesOf", () => {
    it("takes a plain name as a top-level resource (the root stack as parent)", () => {
        expect(aliasesOf("mentor-binding")).toEqual([{ name: "mentor-binding", parent: pulumi.rootStackResource }]);
    });
    it("passes an Alias through and gives none when nothing moved", () => {
        const alias = { name: "old", project: "other" };
        expect(aliasesOf(alias)).toEqual([alias]);
        expect(aliasesOf(undefined)).toBeUndefined();
    });
});

describe("configPushTriggers", () => {
    const base = [
        { key: "weather", content: "w1", assignment: "a1" },
        { key: "maths", content: "m1", assignment: "a2" },
    ];

    it("holds the agent config and every skill with its assignment, keyed by slug", () => {
        expect(configPushTriggers("ada", "cfg1", base)).toEqual({
            agentConfig: "cfg1",
            skills: { weather: { content: "w1", assignment: "a1" }, maths: { content: "m1", assignment: "a2" } },
        });
    });

    it("hashes the same whatever order the skills are listed in (no push for a reorder)", () => {
        expect(contentHash(configPushTriggers("ada", "cfg1", [...base].reverse()))).toBe(contentHash(configPushTriggers("ada", "cfg1", base)));
    });

    it("changes when a skill is added, a skill's content changes, or the agent config changes", () => {
        const h = contentHash(configPushTriggers("ada", "cfg1", base));
        const variants = [
            configPushTriggers("ada", "cfg1", [...base, { key: "new", content: "n1", assignment: "a3" }]),
            configPushTriggers("ada", "cfg1", [{ ...base[0], content: "w2" }, base[1]]),
            configPushTriggers("ada", "cfg2", base),
        ].map(contentHash);
        for (const v of variants) expect(v).not.toBe(h);
        expect(new Set(variants).size).toBe(3);
    });

    it("keys an existing skill known only by id on its id", () => {
        expect(configPushTriggers("ada", "cfg", [{ key: "github", id: "42", assignment: "a9" }]).skills.github).toEqual({ id: "42", assignment: "a9" });
    });

    it("refuses a skill listed twice, naming it", () => {
        expect(() => configPushTriggers("ClawAgent ada", "cfg", [base[0], base[0]])).toThrow('ClawAgent ada: skills: skill "weather" is listed twice');
    });
});

describe("providerPushTriggers and skillContentHash", () => {
    it("keys providers by name and needs at least one", () => {
        expect(providerPushTriggers("prod", { openrouter: "h1" })).toEqual({ providers: { openrouter: "h1" } });
        expect(() => providerPushTriggers("ClawServer prod", {})).toThrow(/at least one model provider/);
    });

    it("changes a skill's hash when any file changes, not when files are listed in another order", () => {
        const a = skillContentHash("s", { "scripts/a.sh": "1", "references/b.md": "2" });
        expect(skillContentHash("s", { "references/b.md": "2", "scripts/a.sh": "1" })).toBe(a);
        expect(skillContentHash("s", { "scripts/a.sh": "1", "references/b.md": "3" })).not.toBe(a);
        expect(skillContentHash("s2", { "scripts/a.sh": "1", "references/b.md": "2" })).not.toBe(a);
        expect(a).toMatch(/^[0-9a-f]{64}$/);
    });

    it("lays skill files out in OpenClaw's folders", () => {
        expect(skillFilePath("script", "wttr.sh")).toBe("scripts/wttr.sh");
        expect(skillFilePath("reference", "api/notes.md")).toBe("references/api/notes.md");
        expect(skillFilePath("asset", "logo.png")).toBe("assets/logo.png");
    });
});

describe("publicKeyPemOf", () => {
    it("gives the public key of a given device key, so its fingerprint is the device's", () => {
        const { privateKey, publicKey } = generateKeyPairSync("ed25519");
        const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
        const pub = publicKeyPemOf(pem);
        expect(pub).toMatch(/^-----BEGIN PUBLIC KEY-----/);
        expect(pub).not.toContain("PRIVATE");
        expect(fingerprintOf(pub)).toBe(fingerprintOf(publicKey.export({ type: "spki", format: "pem" }).toString()));
    });
});
