// Laptop-only paths (local server, benches): the repository's own folders, found from this file,
// so `.data/` is the same place whether the server was started from the root or from apps/api.
import { isAbsolute, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../../..');

/** A path as the developer wrote it: absolute as given, relative from the repository root. */
export function fromRepoRoot(path: string): string {
  return isAbsolute(path) ? path : resolve(repoRoot, path);
}

/** Where the local server keeps its files (`ELEVATE_DATA_DIR`, default `<repo>/.data`). */
export function localDataDir(configured: string | undefined): string {
  return fromRepoRoot(configured ?? '.data');
}
