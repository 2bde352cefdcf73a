import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readOptionalFile, removeFile, writeSecureFile } from '../secure-file';
import { parseStoredTokens, type StoredTokens, type TokenStore } from './stored-tokens';

/** Where no keychain answers (SSH hosts, containers): a 0600 file in a 0700 directory. */
export class FileTokenStore implements TokenStore {
  readonly kind = 'file' as const;
  readonly path: string;

  constructor(configDir: string, entryName: string) {
    const id = createHash('sha256').update(entryName).digest('hex').slice(0, 16);
    this.path = join(configDir, 'tokens', `${id}.json`);
  }

  async load(): Promise<StoredTokens | undefined> {
    return parseStoredTokens(await readOptionalFile(this.path));
  }

  async save(tokens: StoredTokens): Promise<void> {
    await writeSecureFile(this.path, JSON.stringify(tokens));
  }

  async clear(): Promise<void> {
    await removeFile(this.path);
  }
}
