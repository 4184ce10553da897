/**
 * The tsconfig.json of the project layout we recommend: what `generate` writes, and what
 * examples/ and the quickstart carry (a unit test keeps them equal).
 *
 * `"ts-node": { "transpileOnly": true }`: Pulumi runs a `.ts` program through ts-node,
 * which type-checks it by default, and `pulumi up --yes` runs the program twice (preview,
 * then update). The check is most of the program's start (about 4 s of CPU each time for a
 * 50-mentor program, docs/performance.md) and changes nothing that runs, so the program is
 * only transpiled; type-check it apart with `npx tsc --noEmit` (in CI, or before `up`).
 * This is ts-node's own key (ts-node ≥ 10 reads it; @pulumi/pulumi's vendored ts-node 7,
 * used when a project installs no `ts-node`, ignores it and checks as before), not the
 * compiler option `noCheck`, which TypeScript < 5.6 refuses as unknown.
 *
 * @example
 * ```ts
 * fs.writeFileSync("tsconfig.json", `${JSON.stringify(PROGRAM_TSCONFIG, null, 2)}\n`);
 * ```
 */
export const PROGRAM_TSCONFIG = {
    compilerOptions: { strict: true, target: "ES2022", module: "commonjs", moduleResolution: "node", esModuleInterop: true, skipLibCheck: true },
    "ts-node": { transpileOnly: true },
    files: ["index.ts"],
} as const;

/**
 * The Node flags of the recommended layout (Pulumi.yaml `runtime.options.nodeargs`): preload
 * Node's compile cache before @pulumi/pulumi loads (see compileCache.ts).
 *
 * @example
 * ```ts
 * `runtime:\n  name: nodejs\n  options:\n    nodeargs: ${PROGRAM_NODEARGS}\n`;
 * ```
 */
export const PROGRAM_NODEARGS = "--require pulumi-iblai-claw/compile-cache";

/** PROGRAM_TSCONFIG as a file's text. */
export function programTsconfigText(): string {
    return `${JSON.stringify(PROGRAM_TSCONFIG, null, 2)}\n`;
}
