import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as FullCliModule from './full-cli';

type FullCli = typeof FullCliModule;

/**
 * Compiles the full CLI (bundled as CommonJS source text, see scripts/bundle.mjs) with V8's code
 * cache: the first run stores the compiled code under the cache folder, later runs skip parsing
 * and compiling it. V8 checks the cache against the source and flags a mismatch (a new version,
 * a changed bundle), which is then written again. The cache holds code only, nothing secret.
 */
export async function loadBundledFullCli(
  source: string,
  cacheDir: string,
  version: string,
  bundleUrl: string,
): Promise<{ cli: FullCli; saveCodeCache: () => void }> {
  // Imported here, not at the top: the bundler would hoist them into the warm path's start-up.
  const [{ Script }, { createRequire }] = await Promise.all([
    import('node:vm'),
    import('node:module'),
  ]);
  const file = join(cacheDir, 'code', `full-cli-${version}-${source.length}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(
    `(function (module, exports, require, __elevate_import_meta_url) {${source}\n})`,
    { filename: 'elevate-full-cli.cjs', ...(cachedData === undefined ? {} : { cachedData }) },
  );
  const module = { exports: {} as FullCli };
  const run = script.runInThisContext() as (
    module: { exports: FullCli },
    exports: FullCli,
    require: NodeJS.Require,
    url: string,
  ) => void;
  run(module, module.exports, createRequire(bundleUrl), bundleUrl);
  const stale = cachedData === undefined || script.cachedDataRejected === true;
  return {
    cli: module.exports,
    // After the command ran, so the functions it compiled are in the cache too. Best effort: a
    // read-only cache folder only costs the next start-up its compile time.
    saveCodeCache: () => {
      if (!stale) return;
      try {
        mkdirSync(join(cacheDir, 'code'), { recursive: true, mode: 0o700 });
        writeFileSync(file, script.createCachedData(), { mode: 0o600 });
      } catch {
        // Nothing to do: the CLI works the same without it.
      }
    },
  };
}
