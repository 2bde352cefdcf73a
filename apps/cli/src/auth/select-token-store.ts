import type { CliEnv } from '../env';
import { CliError, EXIT } from '../exit-codes';
import { FileTokenStore } from './file-token-store';
import {
  KeychainTokenStore,
  keychainWorks,
  loadKeyringBinding,
  type KeychainEntryFactory,
} from './keychain-token-store';
import type { TokenStore } from './stored-tokens';

/**
 * The OS keychain when one answers, else the 0600 file. `ELEVATE_TOKEN_STORE` forces either;
 * forcing `keychain` where none answers is an error rather than a silent file.
 */
export function selectTokenStore(
  env: Pick<CliEnv, 'tokenStore' | 'configDir'>,
  entryName: string,
  binding: () => KeychainEntryFactory | undefined = loadKeyringBinding,
): TokenStore {
  if (env.tokenStore === 'file') return new FileTokenStore(env.configDir, entryName);
  const entry = binding();
  if (entry !== undefined && keychainWorks(entry)) return new KeychainTokenStore(entry, entryName);
  if (env.tokenStore === 'keychain') {
    throw new CliError(
      'ELEVATE_TOKEN_STORE=keychain, but no keychain service answers here — unset it to use a 0600 file',
      EXIT.failure,
    );
  }
  return new FileTokenStore(env.configDir, entryName);
}
