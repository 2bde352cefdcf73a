import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readOptionalFile, removeFile, writeSecureFile } from '../secure-file';
import { cacheDirectory, parseCachedCredentials, type CachedCredentials } from './cache-entry';

export { cacheFile, type CachedCredentials } from './cache-entry';

export async function readCachedCredentials(file: string): Promise<CachedCredentials | undefined> {
  const text = await readOptionalFile(file);
  return text === undefined ? undefined : parseCachedCredentials(text);
}

export async function writeCachedCredentials(
  file: string,
  entry: CachedCredentials,
): Promise<void> {
  await writeSecureFile(file, JSON.stringify(entry));
}

/** Forgets cached credentials: all of them, or those of one request (after `elevate end`). */
export async function clearCachedCredentials(
  cacheDir: string,
  requestId?: string,
): Promise<number> {
  let names: string[];
  try {
    names = await readdir(cacheDirectory(cacheDir));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const file = join(cacheDirectory(cacheDir), name);
    const entry = requestId === undefined ? undefined : await readCachedCredentials(file);
    if (requestId === undefined || entry?.requestId === requestId) {
      await removeFile(file);
      removed += 1;
    }
  }
  return removed;
}
