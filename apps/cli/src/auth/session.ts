import type { CliConfig } from '../config/cli-config';
import { CliError, EXIT } from '../exit-codes';
import { refreshTokens } from './oidc-client';
import type { StoredTokens, TokenStore } from './stored-tokens';

/** Renew a little before expiry, so a token never expires between here and the API. */
const RENEW_BEFORE_SECONDS = 60;

/** The name under which one deployment's tokens are kept (keychain account / file name). */
export const tokenEntryName = (config: CliConfig): string => `${config.clientId}@${config.issuer}`;

/**
 * Current tokens for the API: the stored ones, refreshed (and stored again) when they are about to
 * expire. Without tokens, or once the refresh token is refused, the user has to sign in again.
 */
export async function currentTokens(
  config: CliConfig,
  store: TokenStore,
  now: () => number = Date.now,
): Promise<StoredTokens> {
  const tokens = await store.load();
  if (tokens === undefined) {
    throw new CliError('You are not signed in — run: elevate login', EXIT.notSignedIn);
  }
  if (tokens.expiresAt - RENEW_BEFORE_SECONDS > now() / 1000) return tokens;
  const renewed = await refreshTokens(config, tokens).catch(async (error: unknown) => {
    if (error instanceof CliError && error.exitCode === EXIT.notSignedIn) await store.clear();
    throw error;
  });
  await store.save(renewed);
  return renewed;
}
