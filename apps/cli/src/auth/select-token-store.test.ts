import { mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../exit-codes';
import { FileTokenStore } from './file-token-store';
import { keychainWorks, loadKeyringBinding, type KeychainEntry } from './keychain-token-store';
import { selectTokenStore } from './select-token-store';

const tokens = { accessToken: 'at', idToken: 'it', refreshToken: 'rt', expiresAt: 1 };

/** An in-memory keychain, as a desktop with a keychain service behaves. */
function memoryKeychain() {
  const secrets = new Map<string, string>();
  return (service: string, account: string): KeychainEntry => {
    const key = `${service}/${account}`;
    return {
      getPassword: () => secrets.get(key) ?? null,
      setPassword: (secret) => void secrets.set(key, secret),
      deletePassword: () => secrets.delete(key),
    };
  };
}

/** What @napi-rs/keyring does without a reachable service: reads "nothing", fails on writes. */
const unreachableKeychain = () => (): KeychainEntry => ({
  getPassword: () => null,
  setPassword: () => {
    throw new Error("Couldn't access platform storage: AccessDenied");
  },
  deletePassword: () => {
    throw new Error("Couldn't access platform storage: AccessDenied");
  },
});

describe('selectTokenStore', () => {
  it('uses the keychain where one answers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'elevate-ts-'));
    const store = selectTokenStore(
      { tokenStore: 'auto', configDir: dir },
      'cli@idp',
      memoryKeychain,
    );
    expect(store.kind).toBe('keychain');
    await store.save(tokens);
    expect(await store.load()).toEqual(tokens);
    await store.clear();
    expect(await store.load()).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
  });

  it('falls back to a 0600 file when the keychain cannot be written, or the binding is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'elevate-ts-'));
    for (const binding of [unreachableKeychain, () => undefined]) {
      const store = selectTokenStore({ tokenStore: 'auto', configDir: dir }, 'cli@idp', binding);
      expect(store.kind).toBe('file');
    }
    const store = new FileTokenStore(dir, 'cli@idp');
    await store.save(tokens);
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'tokens'))).mode & 0o777).toBe(0o700);
    expect(await store.load()).toEqual(tokens);
  });

  it('refuses ELEVATE_TOKEN_STORE=keychain where no keychain answers, rather than writing a file', () => {
    expect(() =>
      selectTokenStore(
        { tokenStore: 'keychain', configDir: '/nonexistent' },
        'x',
        unreachableKeychain,
      ),
    ).toThrow(CliError);
  });

  it('agrees with the real binding on this machine: a keychain only if a write succeeds', () => {
    const binding = loadKeyringBinding();
    expect(binding).toBeDefined();
    if (binding === undefined) return;
    // Whatever this host offers, selection and the probe agree, and the probe leaves nothing behind.
    const works = keychainWorks(binding);
    const store = selectTokenStore(
      { tokenStore: 'auto', configDir: '/nonexistent' },
      'probe-test',
      () => binding,
    );
    expect(store.kind).toBe(works ? 'keychain' : 'file');
  });
});
