import * as oidc from 'openid-client';
import type { CliConfig } from '../config/cli-config';
import { CliError, EXIT } from '../exit-codes';
import { noDeviceGrantMessage } from './device-grant-support';
import { startLoopbackRedirect } from './loopback-redirect';
import type { StoredTokens } from './stored-tokens';

/** openid, identity for the API, groups for the policy, offline_access for refresh tokens. */
export const DEFAULT_SCOPE = 'openid profile email groups offline_access';
const SIGN_IN_TIMEOUT_MS = 5 * 60 * 1000;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Plain http only for an issuer on this machine (the dev IdP); anything else must be https. */
async function discover(config: CliConfig): Promise<oidc.Configuration> {
  const issuer = new URL(config.issuer);
  const insecureAllowed = issuer.protocol === 'http:' && LOOPBACK_HOSTS.has(issuer.hostname);
  if (issuer.protocol === 'http:' && !insecureAllowed) {
    throw new CliError(
      `The issuer ${config.issuer} is not https; refusing to sign in over http.`,
      EXIT.failure,
    );
  }
  try {
    return await oidc.discovery(issuer, config.clientId, undefined, oidc.None(), {
      ...(insecureAllowed ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
  } catch (error) {
    throw new CliError(
      `Cannot read the sign-in service at ${config.issuer}: ${messageOf(error)}`,
      EXIT.failure,
    );
  }
}

function toStored(
  response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
  previous?: StoredTokens,
): StoredTokens {
  const idToken = response.id_token ?? previous?.idToken;
  if (idToken === undefined) {
    throw new CliError(
      'The sign-in service sent no ID token; is "openid" in the scope?',
      EXIT.failure,
    );
  }
  const refreshToken = response.refresh_token ?? previous?.refreshToken;
  return {
    accessToken: response.access_token,
    idToken,
    ...(refreshToken === undefined ? {} : { refreshToken }),
    expiresAt: Math.floor(Date.now() / 1000) + (response.expiresIn() ?? 300),
  };
}

export interface SignInOutput {
  /** Progress for people, on stderr. */
  say(line: string): void;
  openBrowser(url: string): void;
}

/** RFC 8252: Authorization Code + PKCE (S256) with a loopback redirect, in the user's browser. */
export async function signInWithBrowser(
  config: CliConfig,
  out: SignInOutput,
  extra: { maxAgeSeconds?: number } = {},
): Promise<StoredTokens> {
  const server = await discover(config);
  const loopback = await startLoopbackRedirect(SIGN_IN_TIMEOUT_MS, config.redirectUri).catch(
    (error: unknown) => {
      throw new CliError(
        `Cannot listen for the sign-in redirect: ${messageOf(error)}`,
        EXIT.failure,
      );
    },
  );
  try {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(server, {
      redirect_uri: loopback.redirectUri,
      scope: config.scope ?? DEFAULT_SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...(extra.maxAgeSeconds === undefined ? {} : { max_age: String(extra.maxAgeSeconds) }),
    });
    out.say(`Opening your browser to sign in. If it does not open, visit:\n  ${url.href}`);
    out.openBrowser(url.href);
    const callback = await loopback.callback;
    const error = callback.searchParams.get('error');
    if (error !== null) {
      throw new CliError(
        `Sign-in did not finish: ${callback.searchParams.get('error_description') ?? error}`,
        EXIT.notSignedIn,
      );
    }
    const tokens = await oidc.authorizationCodeGrant(server, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    return toStored(tokens);
  } catch (error) {
    throw asCliError(error);
  } finally {
    loopback.close();
  }
}

/** RFC 8628: for SSH sessions — show a code, the user enters it in a browser anywhere. */
export async function signInWithDevice(
  config: CliConfig,
  out: SignInOutput,
): Promise<StoredTokens> {
  const server = await discover(config);
  if (server.serverMetadata().device_authorization_endpoint === undefined) {
    throw new CliError(noDeviceGrantMessage(config.issuer, config.redirectUri), EXIT.failure);
  }
  try {
    const device = await oidc.initiateDeviceAuthorization(server, {
      scope: config.scope ?? DEFAULT_SCOPE,
    });
    const where = device.verification_uri_complete ?? device.verification_uri;
    out.say(
      `To sign in, open ${device.verification_uri} in a browser on any device and enter the code\n\n    ${device.user_code}\n\n` +
        (device.verification_uri_complete ? `(or open ${where})\n` : '') +
        `Waiting for you to finish (the code expires in ${Math.round(device.expires_in / 60)} minutes)…`,
    );
    const tokens = await oidc.pollDeviceAuthorizationGrant(server, device);
    return toStored(tokens);
  } catch (error) {
    throw asCliError(error);
  }
}

/** A new access token (and usually ID and refresh tokens) from the refresh token. */
export async function refreshTokens(
  config: CliConfig,
  tokens: StoredTokens,
): Promise<StoredTokens> {
  if (tokens.refreshToken === undefined) {
    throw new CliError('Your sign-in has expired — run: elevate login', EXIT.notSignedIn);
  }
  const server = await discover(config);
  try {
    return toStored(await oidc.refreshTokenGrant(server, tokens.refreshToken), tokens);
  } catch (error) {
    if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant') {
      throw new CliError('Your sign-in has expired — run: elevate login', EXIT.notSignedIn);
    }
    throw asCliError(error);
  }
}

/** Revokes the refresh token (and so its family) at the IdP, where it offers revocation. */
export async function revokeTokens(config: CliConfig, tokens: StoredTokens): Promise<boolean> {
  const server = await discover(config);
  if (server.serverMetadata().revocation_endpoint === undefined) return false;
  const token = tokens.refreshToken ?? tokens.accessToken;
  await oidc.tokenRevocation(server, token, {
    token_type_hint: tokens.refreshToken ? 'refresh_token' : 'access_token',
  });
  return true;
}

function messageOf(error: unknown): string {
  if (error instanceof oidc.ResponseBodyError) return error.error_description ?? error.error;
  return error instanceof Error ? error.message : 'unknown error';
}

function asCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (
    error instanceof oidc.ResponseBodyError &&
    ['access_denied', 'expired_token'].includes(error.error)
  ) {
    return new CliError(
      error.error === 'expired_token'
        ? 'The code expired before anyone entered it — run elevate login --device again'
        : 'Sign-in was cancelled.',
      EXIT.notSignedIn,
    );
  }
  return new CliError(`Sign-in failed: ${messageOf(error)}`, EXIT.failure);
}
