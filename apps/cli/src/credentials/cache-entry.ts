import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Kept free of anything but node:fs and node:path: the warm `credential-process` imports this.

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
function isCachedCredentials(value: unknown): value is CachedCredentials {
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

export const cacheDirectory = (cacheDir: string) => join(cacheDir, 'credentials');

/**
 * A 64-bit hash of text, as 16 hex digits (two 32-bit multiply-xorshift lanes, after cyrb53). Not
 * for security: it names cache files. node:crypto would do, but loading it costs the warm
 * `credential-process` more than everything else it does (docs/performance.md).
 */
export function fileKey(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${hex(h2)}${hex(h1)}`;
}

/**
 * One file per deployment × account (as typed) × role: no lookup is needed to find it. The file
 * names its role, so even a hash collision could never hand out another role's credentials.
 */
export function cacheFile(cacheDir: string, apiUrl: string, account: string, role: string): string {
  return join(cacheDirectory(cacheDir), `${fileKey(`${apiUrl}\n${account}\n${role}`)}.json`);
}

/** The cache entry in `text`, or undefined when it is not one (a half-written or foreign file). */
export function parseCachedCredentials(text: string): CachedCredentials | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isCachedCredentials(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The entry for account × role, read synchronously: the warm `credential-process` has nothing else
 * to wait for, and the promise-based fs module is one more thing to load.
 */
export function readCachedCredentialsSync(
  cacheDir: string,
  apiUrl: string,
  account: string,
  role: string,
): CachedCredentials | undefined {
  let text: string;
  try {
    text = readFileSync(cacheFile(cacheDir, apiUrl, account, role), 'utf8');
  } catch {
    return undefined;
  }
  const entry = parseCachedCredentials(text);
  return entry?.roleName === role ? entry : undefined;
}
