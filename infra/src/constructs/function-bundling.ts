/**
 * How every Lambda bundle is built, in one place: the CDK construct hands these to esbuild, and
 * `pnpm bench:bundles` and the bundle tests build with exactly the same settings.
 */

/** ESM bundles still meet CommonJS dependencies that call `require`; give them one. */
const REQUIRE_SHIM =
  "import { createRequire as __elevateCreateRequire } from 'node:module'; const require = __elevateCreateRequire(import.meta.url);";

export const FUNCTION_BUNDLING = {
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // ESM entry points of dependencies first: esbuild can only drop unused code from ES modules.
  mainFields: ['module', 'main'],
  minify: true,
  // Written beside the bundle for readable traces on demand; not loaded at cold start (see logs.sourceMaps).
  sourcemap: true,
  // The SDK version we test with ships in the bundle, not whatever the runtime carries.
  external: [] as string[],
  // In Lambda the SDK's default credential chain stops at its first link, the environment: bundle
  // that link alone (apps/api/src/lambda/credentials-from-environment.ts). Relative to the
  // workspace root, where esbuild runs (CDK's projectRoot; absWorkingDir in function-bundle.ts).
  // aws-xray-sdk-core requires semver only for SDK v2's captureAWS, never called: a stub that says so.
  alias: {
    '@aws-sdk/credential-provider-node': './apps/api/src/lambda/credentials-from-environment.ts',
    semver: './apps/api/src/lambda/semver-unused.ts',
  },
  banner: REQUIRE_SHIM,
} as const;

/** The compiled policy's name inside each bundle that evaluates it. */
export const BUNDLED_POLICY_FILE = 'policy.json';
