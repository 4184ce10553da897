// Three tiers, each its own project so it can run alone (npm run test:unit, ...).
// Unit tests sit beside the code (*.test.ts) and under test/unit; integration tests run the
// sdk and the provider engine against a real emulator; e2e tests drive the real pulumi CLI.
const tsJest = ["ts-jest", { tsconfig: "test/tsconfig.json", diagnostics: { warnOnly: false } }];
const base = { testEnvironment: "node", transform: { "^.+\\.ts$": tsJest }, moduleFileExtensions: ["ts", "js", "json"] };
module.exports = {
    projects: [
        {
            ...base,
            displayName: "unit",
            testMatch: ["<rootDir>/{sdk,provider,components,emulator,generate,openclaw,fleet}/**/*.test.ts", "<rootDir>/test/unit/**/*.test.ts"],
        },
        { ...base, displayName: "integration", testMatch: ["<rootDir>/test/integration/**/*.test.ts"] },
        {
            ...base,
            displayName: "e2e",
            testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
            // Each e2e file shares one emulator and one stack; pulumi runs are slow.
            setupFilesAfterEnv: ["<rootDir>/test/e2e/setup.ts"],
        },
    ],
};
