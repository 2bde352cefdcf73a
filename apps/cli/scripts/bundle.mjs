// One ESM file, dist/elevate.js: start-up matters because the AWS CLI runs `credential-process`
// often. The keychain binding is a native addon shipped with prebuilt binaries; it stays a
// dependency, loaded only when tokens are read or written.
import { build } from 'esbuild';
import { chmod, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const outfile = fileURLToPath(new URL('../dist/elevate.js', import.meta.url));
/**
 * zod's `z` namespace re-exports every locale (≈ 40 languages), which no bundler can drop once `z`
 * is imported as a whole; the CLI speaks English only (zod's default), so the index becomes `en`.
 * This halves the bundle, and compiling it is most of a warm `credential-process` call.
 */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/zod/')
        ? { path: 'zod-locales', namespace: 'zod-locales', pluginData: args.resolveDir }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: "export { default as en } from '../locales/en.js';",
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

await build({
  plugins: [englishOnlyZod],
  entryPoints: [fileURLToPath(new URL('../src/main.ts', import.meta.url))],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  external: ['@napi-rs/keyring'],
  banner: {
    // Bundled CommonJS dependencies may call require(); ESM has none of its own.
    js: "#!/usr/bin/env node\nimport { createRequire as __elevateRequire } from 'node:module';\nconst require = __elevateRequire(import.meta.url);",
  },
  define: { ELEVATE_CLI_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
});
await chmod(outfile, 0o755);
