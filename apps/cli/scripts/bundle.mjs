// One ESM file, dist/elevate.js. Start-up matters because the AWS CLI runs `credential-process`
// for every command, so the file has two parts: a small entry that answers warm
// `credential-process` calls, and the full CLI as CommonJS source text that is compiled only when
// it is needed. The keychain binding is a native addon with prebuilt binaries; it stays a
// dependency, loaded only when tokens are read or written.
import { build } from 'esbuild';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const source = (path) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));
// `node scripts/bundle.mjs [dir]`: into dist/ by default, or a directory of the caller's (tests).
const outDir = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
const outfile = join(outDir, 'elevate.js');

/**
 * zod's `z` namespace re-exports every locale (≈ 40 languages), which no bundler can drop once `z`
 * is imported as a whole; the CLI speaks English only (zod's default), so the index becomes `en`.
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

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  external: ['@napi-rs/keyring'],
  define: { ELEVATE_CLI_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
};

const full = await build({
  ...common,
  metafile: true,
  entryPoints: [source('full-cli.ts')],
  format: 'cjs',
  write: false,
  plugins: [englishOnlyZod],
  // main.ts passes the bundle's own URL in, for createRequire.
  define: { ...common.define, 'import.meta.url': '__elevate_import_meta_url' },
});

const entry = await build({
  ...common,
  metafile: true,
  entryPoints: [source('main.ts')],
  outfile,
  format: 'esm',
  define: { ...common.define, ELEVATE_FULL_CLI_SOURCE: JSON.stringify(full.outputFiles[0].text) },
  // Never followed at run time (the source above is used); keeps esbuild from bundling it twice.
  external: [...common.external, './full-cli'],
  banner: { js: '#!/usr/bin/env node' },
});
await chmod(outfile, 0o755);
// For a caller's directory (test/bundle-contents.test.ts), the list of what went into the file;
// dist/ holds only what is published.
if (process.argv[2] !== undefined) {
  const inputs = [...Object.keys(full.metafile.inputs), ...Object.keys(entry.metafile.inputs)];
  await writeFile(
    join(outDir, 'elevate.inputs.json'),
    JSON.stringify([...new Set(inputs)].sort(), null, 2),
  );
}
