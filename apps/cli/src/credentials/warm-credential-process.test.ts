import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFile, writeCachedCredentials, type CachedCredentials } from './credential-cache';
import { isFresh, RENEW_BEFORE_MS } from './freshness';
import { warmCredentialProcess } from './warm-credential-process';

const NOW = Date.parse('2030-01-01T09:00:00.000Z');
const entry: CachedCredentials = {
  accountId: '333333333333',
  roleName: 'ReadOnly',
  requestId: 'req-1',
  region: 'eu-west-1',
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'secret',
  sessionToken: 'token',
  expiresAt: '2030-01-01T10:00:00.000Z',
  windowEndsAt: '2030-01-01T12:00:00.000Z',
  checkedAt: NOW,
};

async function setUp(cached: CachedCredentials | undefined) {
  const dir = await mkdtemp(join(tmpdir(), 'elevate-warm-'));
  const env = { configDir: join(dir, 'config'), cacheDir: join(dir, 'cache'), recheckSeconds: 60 };
  await mkdir(env.configDir, { recursive: true });
  await writeFile(
    join(env.configDir, 'config.json'),
    JSON.stringify({ apiUrl: 'https://api.test' }),
  );
  if (cached)
    await writeCachedCredentials(
      cacheFile(env.cacheDir, 'https://api.test', 'production', 'ReadOnly'),
      cached,
    );
  return env;
}

const args = ['--account', 'production', '--role', 'ReadOnly'];

describe('isFresh', () => {
  it('renews 15 minutes before expiry, but uses credentials cut off by the window to the end', () => {
    expect(isFresh(entry, Date.parse(entry.expiresAt) - RENEW_BEFORE_MS - 1)).toBe(true);
    expect(isFresh(entry, Date.parse(entry.expiresAt) - RENEW_BEFORE_MS)).toBe(false);
    const capped = { ...entry, windowEndsAt: entry.expiresAt };
    expect(isFresh(capped, Date.parse(entry.expiresAt) - 1)).toBe(true);
    expect(isFresh(capped, Date.parse(entry.expiresAt))).toBe(false);
  });
});

describe('warmCredentialProcess', () => {
  it('answers from a fresh cache without anything else', async () => {
    const env = await setUp(entry);
    const answer = await warmCredentialProcess(args, env, NOW + 1000);
    expect(JSON.parse(answer ?? '')).toEqual({
      Version: 1,
      AccessKeyId: 'ASIAEXAMPLE',
      SecretAccessKey: 'secret',
      SessionToken: 'token',
      Expiration: '2030-01-01T10:00:00.000Z',
    });
  });

  it('leaves misses, stale entries, due window checks, other regions and bad arguments to the full CLI', async () => {
    expect(await warmCredentialProcess(args, await setUp(undefined), NOW)).toBeUndefined();
    const env = await setUp(entry);
    expect(await warmCredentialProcess(args, env, Date.parse(entry.expiresAt))).toBeUndefined();
    expect(await warmCredentialProcess(args, env, NOW + 60_000)).toBeUndefined();
    expect(
      await warmCredentialProcess([...args, '--region', 'us-east-1'], env, NOW),
    ).toBeUndefined();
    expect(await warmCredentialProcess(['--account', 'production'], env, NOW)).toBeUndefined();
    expect(await warmCredentialProcess([...args, '--bogus'], env, NOW)).toBeUndefined();
  });

  it('treats a damaged cache file as a miss', async () => {
    const env = await setUp(undefined);
    const file = cacheFile(env.cacheDir, 'https://api.test', 'production', 'ReadOnly');
    await mkdir(join(env.cacheDir, 'credentials'), { recursive: true });
    await writeFile(file, '{"accessKeyId": 1');
    expect(await warmCredentialProcess(args, env, NOW)).toBeUndefined();
  });
});

describe('cache file names', () => {
  it('are stable, per deployment × account × role, and never from node:crypto', async () => {
    const { cacheFile, fileKey } = await import('./cache-entry');
    expect(fileKey('https://api.example\nproduction\nAdministrator')).toMatch(/^[0-9a-f]{16}$/);
    expect(fileKey('a')).toBe(fileKey('a'));
    const names = new Set(
      ['production', 'staging', 'Production'].flatMap((account) =>
        ['Administrator', 'ReadOnly'].map((role) => cacheFile('/c', 'https://api', account, role)),
      ),
    );
    expect(names.size).toBe(6);
    expect(cacheFile('/c', 'https://a', 'x', 'y')).not.toBe(cacheFile('/c', 'https://b', 'x', 'y'));
  });
});
