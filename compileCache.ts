/**
 * Turns on Node's on-disk compile cache (V8 code cache, Node ≥ 22.1) for the rest of the
 * process: every module loaded afterwards is compiled from the cache when its source is
 * unchanged. A Pulumi program and the dynamic-provider host each load ~600 modules
 * (@pulumi/pulumi with TypeScript, gRPC, zod, undici, ours), and `pulumi up --yes` starts
 * each twice; compiling them is ~0.3 s of CPU per program start (docs/performance.md).
 *
 * Preloaded by the layout we recommend (Pulumi.yaml `runtime.options.nodeargs:
 * --require pulumi-iblai-claw/compile-cache`), so that it covers @pulumi/pulumi too; the
 * provider host imports it itself. The cache lives in Node's default folder
 * (`<tmpdir>/node-compile-cache`, or `NODE_COMPILE_CACHE`); `NODE_DISABLE_COMPILE_CACHE=1`
 * turns it off. An older Node simply goes without.
 *
 * @example
 * ```yaml
 * runtime:
 *   name: nodejs
 *   options:
 *     nodeargs: --require pulumi-iblai-claw/compile-cache
 * ```
 */
import * as nodeModule from "node:module";

(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
