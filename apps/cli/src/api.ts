import { createElevateClient, type ElevateClient } from '@elevate/client';
import { currentTokens, tokenEntryName } from './auth/session';
import { selectTokenStore } from './auth/select-token-store';
import type { TokenStore } from './auth/stored-tokens';
import type { CliConfig } from './config/cli-config';
import type { CliEnv } from './env';
import { VERSION } from './version';

export interface SignedInApi {
  client: ElevateClient;
  store: TokenStore;
}

/** The typed API client with the stored (and silently refreshed) tokens of this deployment. */
export function signedInApi(config: CliConfig, env: CliEnv): SignedInApi {
  const store = selectTokenStore(env, tokenEntryName(config));
  const client = createElevateClient({
    baseUrl: config.apiUrl,
    getTokens: () => currentTokens(config, store),
    headers: { 'user-agent': `elevate-cli/${VERSION} node/${process.versions.node}` },
  });
  return { client, store };
}
