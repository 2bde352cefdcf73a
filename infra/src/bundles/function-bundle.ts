import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { FUNCTION_BUNDLING } from '../constructs/function-bundling';

export interface FunctionBundle {
  /** The bundle file (`index.mjs`), its source map beside it. */
  file: string;
  bytes: number;
  metafile: Metafile;
  /** Every source file in the bundle, relative to the workspace root, with its bytes in the output. */
  inputs: { path: string; bytes: number }[];
}

/** Builds one function's bundle exactly as CDK's NodejsFunction does (FUNCTION_BUNDLING). */
export async function bundleFunction(options: {
  repoRoot: string;
  /** Entry module, relative to the workspace root. */
  entry: string;
  outDir: string;
}): Promise<FunctionBundle> {
  const { repoRoot, entry, outDir } = options;
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'index.mjs');
  const { banner, ...settings } = FUNCTION_BUNDLING;
  const result = await build({
    ...settings,
    mainFields: [...settings.mainFields],
    external: [...settings.external],
    alias: { ...settings.alias },
    banner: { js: banner },
    entryPoints: [join(repoRoot, entry)],
    tsconfig: join(repoRoot, 'apps/api/tsconfig.json'),
    absWorkingDir: repoRoot,
    bundle: true,
    outfile: file,
    metafile: true,
    logLevel: 'error',
  });
  const output = Object.entries(result.metafile.outputs).find(([path]) =>
    path.endsWith('index.mjs'),
  )?.[1];
  if (!output) throw new Error(`esbuild wrote no index.mjs for ${entry}`);
  return {
    file,
    bytes: output.bytes,
    metafile: result.metafile,
    inputs: Object.entries(output.inputs).map(([path, input]) => ({
      path: relative(repoRoot, join(repoRoot, path)),
      bytes: input.bytesInOutput,
    })),
  };
}

/** `node_modules/.pnpm/zod@4/node_modules/zod/v4/x.js` → `zod`; workspace files → their package dir. */
function ownerOf(path: string): string {
  const inPackage = /node_modules\/(?!\.pnpm)((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inPackage?.[1] !== undefined) return inPackage[1];
  return path.split('/').slice(0, 2).join('/');
}

/** Bytes in the bundle per package (or workspace package), largest first. */
export function bytesByOwner(bundle: FunctionBundle): { owner: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const { path, bytes } of bundle.inputs)
    totals.set(ownerOf(path), (totals.get(ownerOf(path)) ?? 0) + bytes);
  return [...totals].map(([owner, bytes]) => ({ owner, bytes })).sort((a, b) => b.bytes - a.bytes);
}
