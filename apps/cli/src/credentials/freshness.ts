import type { CachedCredentials } from './cache-entry';

/**
 * Renew this long before expiry. The AWS SDKs and CLI start refreshing 15 minutes before
 * `Expiration`; answering with credentials that old would make them ask on every call.
 */
export const RENEW_BEFORE_MS = 15 * 60 * 1000;

/** Whether cached credentials can answer now without a new session. */
export function isFresh(entry: CachedCredentials, now: number): boolean {
  const expires = Date.parse(entry.expiresAt);
  // Credentials cut off by the window's end cannot be renewed past it: use them to the end.
  const cappedByWindow = expires >= Date.parse(entry.windowEndsAt);
  return cappedByWindow ? now < expires : now < expires - RENEW_BEFORE_MS;
}

/** The AWS `credential_process` answer (Version 1). */
export function credentialProcessJson(entry: CachedCredentials): string {
  return JSON.stringify({
    Version: 1,
    AccessKeyId: entry.accessKeyId,
    SecretAccessKey: entry.secretAccessKey,
    SessionToken: entry.sessionToken,
    Expiration: new Date(Date.parse(entry.expiresAt)).toISOString(),
  });
}
