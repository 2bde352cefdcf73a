import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readOptionalFile, removeFile, writeSecureFile } from '../secure-file';

/** One account × role's credentials, as `credential-process` keeps them between calls (0600). */
export interface CachedCredentials {
  accountId: string;
  accountName?: string | undefined;
  roleName: string;
  requestId: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** When these credentials stop working: their expiry, or the window's end when that is sooner. */
  expiresAt: string;
  windowEndsAt: string;
  /** When the server last said the window is open (epoch ms). */
  checkedAt: number;
}

const STRING_FIELDS = [
  'accountId',
  'roleName',
  'requestId',
  'region',
  'accessKeyId',
  'secretAccessKey',
  'sessionToken',
  'expiresAt',
  'windowEndsAt',
] as const;

/**
 * Checked by hand rather than with zod: this is the warm path of `credential-process`, which must
 * not pay for loading the schema library. Anything unexpected is simply not a cache hit.
 */
export function isCachedCredentials(value: unknown): value is CachedCredentials {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    STRING_FIELDS.every((field) => typeof record[field] === 'string' && record[field] !== '') &&
    typeof record.checkedAt === 'number' &&
    (record.accountName === undefined || typeof record.accountName === 'string') &&
    !Number.isNaN(Date.parse(record.expiresAt as string)) &&
    !Number.isNaN(Date.parse(record.windowEndsAt as string))
  );
}

const directory = (cacheDir: string) => join(cacheDir, 'credentials');

/** One file per deployment × account (as typed) × role: no lookup is needed to find it. */
export function cacheFile(cacheDir: string, apiUrl: string, account: string, role: string): string {
  const key = createHash('sha256')
    .update(`${apiUrl}\n${account}\n${role}`)
    .digest('hex')
    .slice(0, 24);
  return join(directory(cacheDir), `${key}.json`);
}

export async function readCachedCredentials(file: string): Promise<CachedCredentials | undefined> {
  const text = await readOptionalFile(file);
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isCachedCredentials(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
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
    names = await readdir(directory(cacheDir));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const file = join(directory(cacheDir), name);
    const entry = requestId === undefined ? undefined : await readCachedCredentials(file);
    if (requestId === undefined || entry?.requestId === requestId) {
      await removeFile(file);
      removed += 1;
    }
  }
  return removed;
}
