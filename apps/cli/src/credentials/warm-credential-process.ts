import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliEnv } from '../env';
import { readCachedCredentialsSync } from './cache-entry';
import { credentialProcessJson, isFresh } from './freshness';

/**
 * `credential-process` answered from the cache alone, before the rest of the CLI is loaded: the
 * AWS CLI runs it for every command, so this path reads two small files and nothing else (no
 * option library, no schemas, no keychain, no network). Undefined whenever it cannot answer —
 * bad arguments, no configuration, a stale or missing entry, a window check due — and the full
 * command then runs and explains or renews.
 */
export async function warmCredentialProcess(
  args: readonly string[],
  env: Pick<CliEnv, 'configDir' | 'cacheDir' | 'recheckSeconds'>,
  now: number,
): Promise<string | undefined> {
  let values: {
    account?: string | undefined;
    role?: string | undefined;
    region?: string | undefined;
  };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        account: { type: 'string' },
        role: { type: 'string' },
        region: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch {
    return undefined;
  }
  if (values.account === undefined || values.role === undefined) return undefined;
  let apiUrl: unknown;
  try {
    ({ apiUrl } = JSON.parse(readFileSync(join(env.configDir, 'config.json'), 'utf8')) as {
      apiUrl?: unknown;
    });
  } catch {
    return undefined;
  }
  if (typeof apiUrl !== 'string') return undefined;
  const entry = readCachedCredentialsSync(env.cacheDir, apiUrl, values.account, values.role);
  if (entry === undefined || !isFresh(entry, now)) return undefined;
  if (now - entry.checkedAt >= env.recheckSeconds * 1000) return undefined;
  if (values.region !== undefined && values.region !== entry.region) return undefined;
  return credentialProcessJson(entry);
}
