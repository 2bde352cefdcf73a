import { createRequire } from 'node:module';
import { parseStoredTokens, type StoredTokens, type TokenStore } from './stored-tokens';

/** The part of @napi-rs/keyring's `Entry` the store uses. */
export interface KeychainEntry {
  getPassword(): string | null;
  setPassword(secret: string): void;
  deletePassword(): boolean;
}
export type KeychainEntryFactory = (service: string, account: string) => KeychainEntry;

const KEYCHAIN_SERVICE = 'elevate-cli';

/**
 * Loads the native binding only when tokens are needed: `credential-process` with a warm cache never
 * pays for it. Undefined when the package or its prebuilt binary for this platform is missing.
 */
export function loadKeyringBinding(): KeychainEntryFactory | undefined {
  try {
    const require = createRequire(import.meta.url);
    const { Entry } = require('@napi-rs/keyring') as {
      Entry: new (
        service: string,
        account: string,
        options?: { linux?: { store?: 'secret-service' | 'keyutils' } },
      ) => KeychainEntry;
    };
    // On Linux only the Secret Service persists: the kernel keyring it would otherwise fall back
    // to is in memory, lost at reboot, so a 0600 file is the better home there.
    return (service, account) =>
      new Entry(service, account, { linux: { store: 'secret-service' } });
  } catch {
    return undefined;
  }
}

/**
 * Whether a keychain service answers: a probe entry is written and deleted. Reading alone proves
 * nothing — without a service, @napi-rs/keyring reads "nothing stored" and fails only on writes.
 */
export function keychainWorks(entry: KeychainEntryFactory): boolean {
  try {
    const probe = entry(KEYCHAIN_SERVICE, 'elevate-probe');
    probe.setPassword('probe');
    probe.deletePassword();
    return true;
  } catch {
    return false;
  }
}

/** macOS Keychain, Windows Credential Manager, the Secret Service (GNOME Keyring, KWallet) on Linux. */
export class KeychainTokenStore implements TokenStore {
  readonly kind = 'keychain' as const;
  readonly #entry: KeychainEntry;

  constructor(entry: KeychainEntryFactory, entryName: string) {
    this.#entry = entry(KEYCHAIN_SERVICE, entryName);
  }

  async load(): Promise<StoredTokens | undefined> {
    return parseStoredTokens(this.#entry.getPassword());
  }

  async save(tokens: StoredTokens): Promise<void> {
    this.#entry.setPassword(JSON.stringify(tokens));
  }

  async clear(): Promise<void> {
    try {
      this.#entry.deletePassword();
    } catch {
      // Nothing stored is as good as forgotten.
    }
  }
}
