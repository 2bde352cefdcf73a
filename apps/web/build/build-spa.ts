import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

const webRoot = fileURLToPath(new URL('..', import.meta.url));

/** A production build of the SPA, as deployed, into `outDir` (a fresh temporary folder by default). */
export async function buildSpa(
  outDir: string = mkdtempSync(join(tmpdir(), 'elevate-web-')),
): Promise<{ outDir: string; output: (Rollup.OutputChunk | Rollup.OutputAsset)[] }> {
  // Under vitest NODE_ENV is `test`, which would make vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const result = await build({
    root: webRoot,
    configFile: join(webRoot, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  }).finally(() => {
    process.env.NODE_ENV = nodeEnv;
  });
  const first = Array.isArray(result) ? result[0] : result;
  if (!first || !('output' in first)) throw new Error('vite build returned no output.');
  return { outDir, output: first.output };
}
