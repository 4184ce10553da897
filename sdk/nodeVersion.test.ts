import { ConfigError } from "./errors";
import { MIN_NODE_VERSION, assertSupportedNode, isSupportedNode } from "./nodeVersion";

describe("the Node.js version guard", () => {
    it.each([
        ["20.20.2", false],
        ["v20.20.2", false],
        ["22.18.9", false],
        ["22.19.0", true],
        ["22.20.1", true],
        ["24.21.0", true],
        ["v26.1.0", true],
    ])("Node %s is supported: %s", (version, ok) => {
        expect(isSupportedNode(version)).toBe(ok);
    });

    it("names the version needed, the version found and how to get a newer one", () => {
        let err: unknown;
        try {
            assertSupportedNode("20.20.2", "/usr/bin/node");
        } catch (e) {
            err = e;
        }
        expect(ConfigError.isInstance(err)).toBe(true);
        const message = (err as Error).message;
        expect(message).toContain(`needs Node.js >= ${MIN_NODE_VERSION}`);
        expect(message).toContain("Node.js 20.20.2 (/usr/bin/node)");
        expect(message).toMatch(/hint: install Node\.js 22\.19\+ or 24/);
        expect(message).toContain("scripts/setup.sh");
    });

    it("lets a supported Node through", () => {
        expect(() => assertSupportedNode("24.21.0")).not.toThrow();
    });
});
