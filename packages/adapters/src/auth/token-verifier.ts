import { createHash } from 'node:crypto';
import { base64url, errors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey, JWTVerifyOptions } from 'jose';
import * as z from 'zod/mini';
import { AuthError } from './auth-error';
import type { TokenKind } from './auth-error';
import { discoverJwksUri } from './discover-jwks-uri';
import { JwksCache } from './jwks-cache';
import type { JwksEvent } from './jwks-cache';
import { identityFromClaims } from './identity-claims';
import type { GroupsSource } from './identity-claims';
import type { VerifiedIdentity } from './verified-identity';

/** Verifies the pair of tokens the SPA sends and says who the caller is. */
export interface TokenVerifier {
  /** Resolves the caller's identity, or rejects with an `AuthError`. */
  verify(
    accessToken: string | null | undefined,
    idToken: string | null | undefined,
  ): Promise<VerifiedIdentity>;
}

/** Only asymmetric algorithms: an HS256 token "signed" with the public key must never pass. */
export const ALLOWED_ALGORITHMS = ['RS256', 'ES256'] as const;

/** The claims an access token may name the API in (`accessTokenAudience`). */
export const ACCESS_TOKEN_AUDIENCE_CLAIMS = ['aud', 'client_id'] as const;
export type AccessTokenAudienceClaim = (typeof ACCESS_TOKEN_AUDIENCE_CLAIMS)[number];

/** Tokens larger than this are refused unparsed (real ones are a few KiB even with many groups). */
const MAX_TOKEN_LENGTH = 16 * 1024;

const optionsSchema = z.object({
  /** Exactly as the IdP writes `iss`. */
  issuer: z.url({ protocol: /^https?$/ }),
  /**
   * The API's audience: access tokens must carry it in `aud` — or, with
   * `accessTokenAudience: 'client_id'`, in `client_id`.
   */
  audience: z.string().check(z.minLength(1)),
  /**
   * Where an access token names its audience. `aud` (RFC 9068; oidc-provider, Entra ID, Okta,
   * Auth0). `client_id` for Amazon Cognito, whose access tokens carry no `aud`: then the access
   * token must have `client_id` = `audience` and `token_use: access`, and the ID token
   * `token_use: id` — Cognito's own way of telling the two apart.
   */
  accessTokenAudience: z._default(z.enum(ACCESS_TOKEN_AUDIENCE_CLAIMS), 'aud'),
  /** The SPA's client id: ID tokens must carry it in `aud`. */
  clientId: z.string().check(z.minLength(1)),
  /** The claim that lists the user's groups (or app roles: Entra's `roles`). */
  groupsClaim: z._default(z.string().check(z.minLength(1)), 'groups'),
  /**
   * When the groups claim is one string rather than an array: split it by this (`,` or ` `); unset,
   * a lone string is one group.
   */
  groupsSeparator: z.optional(z.string().check(z.minLength(1), z.maxLength(4))),
  /**
   * `jwt`: the access token is a JWT, verified like the ID token. `bound`: the access token is opaque
   * (Google); the ID token is verified and must carry `at_hash` of this very access token.
   */
  accessTokenFormat: z._default(z.enum(['jwt', 'bound']), 'jwt'),
  /**
   * The claims that must be equal in the two tokens to show they are about one person: `sub` ↔
   * `sub` by default; Okta's access tokens carry the user id in `uid`, its ID tokens in `sub`.
   */
  accessTokenIdentityClaim: z._default(z.string().check(z.minLength(1)), 'sub'),
  idTokenIdentityClaim: z._default(z.string().check(z.minLength(1)), 'sub'),
  /** The ID-token claim holding the person's e-mail address (`upn` for Entra ID, say). */
  emailClaim: z._default(z.string().check(z.minLength(1)), 'email'),
  /** Refuse ID tokens whose `email` the IdP marks unverified (`email_verified: false`). */
  requireEmailVerified: z._default(z.boolean(), true),
  /** Which token carries the groups claim. */
  groupsSource: z._default(z.enum(['idToken', 'accessToken']), 'idToken'),
  /** Overrides discovery; otherwise read once from the issuer's discovery document. */
  jwksUri: z.optional(z.url({ protocol: /^https?$/ })),
  /** Allowed clock skew for `exp` and `nbf`; the security invariant caps it at 60 s. */
  clockToleranceSeconds: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(60)), 30),
  /**
   * Require the access token's header `typ` to be `at+jwt` (RFC 9068), which keeps an ID token
   * from passing as an access token. oidc-provider sets it; Entra ID does not, so it can be off.
   */
  requireAccessTokenType: z._default(z.boolean(), true),
  /**
   * With `requireAccessTokenType` off (and `aud` audiences), the claim only access tokens carry:
   * the access token must have it and the ID token must not. `scp` for Entra ID and Okta.
   * Without it an ID token could pass as the access token wherever `audience` equals `clientId`.
   */
  accessTokenClaim: z._default(z.string().check(z.minLength(1)), 'scp'),
  /** Keys older than this are refreshed in the background (requests keep using them). */
  jwksRefreshAfterMs: z._default(z.number().check(z.int(), z.minimum(0)), 10 * 60_000),
  /** While the IdP is unreachable the last keys keep verifying this long (bounded stale-if-error). */
  jwksStaleIfErrorMs: z._default(
    z.number().check(z.int(), z.minimum(0), z.maximum(7 * 24 * 3_600_000)),
    24 * 3_600_000,
  ),
  /** One unknown `kid` triggers at most one JWKS refetch in this long. */
  jwksUnknownKidIntervalMs: z._default(z.number().check(z.int(), z.minimum(0)), 60_000),
  /** An unknown `kid` this soon after the last fetch is looked up in that fetch's keys. */
  jwksMinRefetchIntervalMs: z._default(z.number().check(z.int(), z.minimum(0)), 1_000),
  /** After a failed JWKS fetch, calls needing a fetch fail fast for this long. */
  jwksFailureBackoffMs: z._default(z.number().check(z.int(), z.minimum(0)), 5_000),
  /** Timeout for the discovery and JWKS requests: the longest any call waits on the IdP. */
  fetchTimeoutMs: z._default(z.number().check(z.int(), z.positive(), z.maximum(10_000)), 2_000),
});

export type TokenVerifierOptions = z.input<typeof optionsSchema> & {
  /** Replaces global fetch for discovery and JWKS (tests, proxies). */
  fetchImpl?: typeof fetch;
  /** The clock `exp`/`nbf` and the key cache's ages are checked against. */
  now?: () => Date;
  /** Key-set fetches, failures and stale use, for the logs. */
  onJwksEvent?: (event: JwksEvent) => void;
};

/**
 * The only place that handles JWTs. Checks both tokens' signatures against the IdP's JWKS
 * (cached; an unknown `kid` refetches it, at most once per cooldown, so key rotation works),
 * issuer, audience (`aud`, or Cognito's `client_id` + `token_use`), `exp`/`nbf` with bounded skew, the algorithm allow-list, and that both tokens
 * name the same `sub`; then validates the identity claims.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new Error(
      `Invalid token verifier options: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  const config = parsed.data;
  const fetchImpl = options.fetchImpl ?? fetch;
  const now = options.now ?? (() => new Date());
  const getKey = cachedKeySet(config, fetchImpl, now, options.onJwksEvent);

  const common = (): Pick<
    JWTVerifyOptions,
    'issuer' | 'algorithms' | 'clockTolerance' | 'currentDate'
  > => ({
    issuer: config.issuer,
    algorithms: [...ALLOWED_ALGORITHMS],
    clockTolerance: config.clockToleranceSeconds,
    currentDate: now(),
  });

  /** A JWT access token: signature, issuer, audience, expiry and that it is not an ID token. */
  const verifyAccessToken = async (token: string, id: JWTPayload): Promise<JWTPayload> => {
    const byClientId = config.accessTokenAudience === 'client_id';
    const access = await verifyOne('access', token, getKey, {
      ...common(),
      ...(byClientId
        ? { requiredClaims: ['sub', 'exp', 'client_id', 'token_use'] }
        : { audience: config.audience, requiredClaims: ['sub', 'exp'] }),
      ...(config.requireAccessTokenType ? { typ: 'at+jwt' } : {}),
    });
    if (byClientId) {
      requireClaim('access', access.payload, 'client_id', config.audience);
      requireClaim('access', access.payload, 'token_use', 'access');
      requireClaim('id', id, 'token_use', 'id');
    }
    checkTokenKinds(access.payload, id, {
      claim: config.requireAccessTokenType || byClientId ? undefined : config.accessTokenClaim,
    });
    return access.payload;
  };

  return {
    async verify(accessToken, idToken) {
      if (!accessToken) throw new AuthError('TOKEN_MISSING', { token: 'access' });
      if (!idToken) throw new AuthError('TOKEN_MISSING', { token: 'id' });
      // Compared by signed content, not as strings: a JWS signature's last base64url character has
      // spare bits, so a copy of one token can differ as a string and still verify.
      if (signingInput(accessToken) === signingInput(idToken))
        throw new AuthError('TOKEN_INVALID', { reason: 'same token twice' });

      const id = await verifyOne('id', idToken, getKey, {
        ...common(),
        audience: config.clientId,
        requiredClaims:
          config.accessTokenAudience === 'client_id'
            ? ['sub', 'exp', 'iat', 'token_use']
            : ['sub', 'exp', 'iat'],
      });
      checkIdTokenParty(id.payload, config.clientId);
      // An access token must not be replayed as an ID token where both audiences coincide.
      if (normalisedTyp(id.typ) === 'at+jwt')
        throw new AuthError('TOKEN_INVALID', { token: 'id', reason: 'typ' });
      const access =
        config.accessTokenFormat === 'bound'
          ? boundAccessToken(accessToken, id)
          : await verifyAccessToken(accessToken, id.payload);
      const accessIdentity = access[config.accessTokenIdentityClaim];
      const idIdentity = id.payload[config.idTokenIdentityClaim];
      if (typeof idIdentity !== 'string' || idIdentity === '')
        throw new AuthError('TOKEN_INVALID', {
          token: 'id',
          reason: `claims: ${config.idTokenIdentityClaim}`,
        });
      if (accessIdentity !== idIdentity)
        throw new AuthError('TOKEN_MISMATCH', {
          reason: `${config.accessTokenIdentityClaim}/${config.idTokenIdentityClaim}`,
        });

      return identityFromClaims({
        idToken: id.payload,
        accessToken: access,
        groupsClaim: config.groupsClaim,
        groupsSeparator: config.groupsSeparator,
        groupsSource: config.groupsSource satisfies GroupsSource,
        emailClaim: config.emailClaim,
        requireEmailVerified: config.requireEmailVerified,
      });
    },
  };
}

type ParsedOptions = z.output<typeof optionsSchema>;

/** Discovery happens on first use (not at start-up) and is cached; a failure is retried next time. */
function cachedKeySet(
  config: ParsedOptions,
  fetchImpl: typeof fetch,
  now: () => Date,
  onEvent: ((event: JwksEvent) => void) | undefined,
): JWTVerifyGetKey {
  let jwksUri: Promise<URL> | undefined;
  const cache = new JwksCache({
    jwksUri: () =>
      (jwksUri ??= (
        config.jwksUri === undefined
          ? discoverJwksUri(config.issuer, fetchImpl, config.fetchTimeoutMs)
          : Promise.resolve(new URL(config.jwksUri))
      ).catch((error: unknown) => {
        jwksUri = undefined;
        throw error;
      })),
    fetchImpl,
    now: () => now().getTime(),
    refreshAfterMs: config.jwksRefreshAfterMs,
    staleIfErrorMs: config.jwksStaleIfErrorMs,
    unknownKidIntervalMs: config.jwksUnknownKidIntervalMs,
    minRefetchIntervalMs: config.jwksMinRefetchIntervalMs,
    failureBackoffMs: config.jwksFailureBackoffMs,
    fetchTimeoutMs: config.fetchTimeoutMs,
    ...(onEvent === undefined ? {} : { onEvent }),
  });
  return cache.getKey;
}

async function verifyOne(
  kind: TokenKind,
  token: string,
  getKey: JWTVerifyGetKey,
  options: JWTVerifyOptions,
): Promise<{ payload: JWTPayload; typ: string | undefined; alg: string | undefined }> {
  if (token.length > MAX_TOKEN_LENGTH)
    throw new AuthError('TOKEN_INVALID', { token: kind, reason: 'too long' });
  try {
    const { payload, protectedHeader } = await jwtVerify(token, getKey, options);
    return { payload, typ: protectedHeader.typ, alg: protectedHeader.alg };
  } catch (error) {
    throw toAuthError(kind, error);
  }
}

/**
 * An opaque access token (Google) proves nothing by itself; the verified ID token vouches for it by
 * `at_hash` (OIDC Core §3.1.3.8): the left half of its SHA-256, base64url. Its identity claims are
 * the ID token's.
 */
function boundAccessToken(
  accessToken: string,
  id: { payload: JWTPayload; alg: string | undefined },
): JWTPayload {
  if (accessToken.length > MAX_TOKEN_LENGTH)
    throw new AuthError('TOKEN_INVALID', { token: 'access', reason: 'too long' });
  if (id.alg !== 'RS256' && id.alg !== 'ES256')
    throw new AuthError('TOKEN_INVALID', { token: 'id', reason: 'alg' });
  const digest = createHash('sha256').update(accessToken, 'ascii').digest();
  const expected = base64url.encode(digest.subarray(0, digest.length / 2));
  if (id.payload['at_hash'] !== expected)
    throw new AuthError('TOKEN_INVALID', { token: 'access', reason: 'at_hash' });
  return id.payload;
}

/** A claim that must hold exactly `expected` (a string); the error names the claim, not its value. */
function requireClaim(kind: TokenKind, payload: JWTPayload, claim: string, expected: string): void {
  if (payload[claim] !== expected)
    throw new AuthError('TOKEN_INVALID', { token: kind, reason: claim });
}

/** OIDC Core §3.1.3.7: with several audiences `azp` must be present; when present it must be us. */
function checkIdTokenParty(payload: JWTPayload, clientId: string): void {
  const azp = payload['azp'];
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if ((audiences.length > 1 && azp === undefined) || (azp !== undefined && azp !== clientId)) {
    throw new AuthError('TOKEN_INVALID', { token: 'id', reason: 'azp' });
  }
}

/** The JWS signing input (header and payload): what the signature binds, unlike the signature's text. */
function signingInput(token: string): string {
  return token.slice(0, token.lastIndexOf('.'));
}

/** OIDC Core: `nonce` and `at_hash` are ID-token claims; no access token should carry them. */
const ID_TOKEN_ONLY_CLAIMS = ['nonce', 'at_hash'] as const;

/**
 * Keeps an ID token from passing as the access token: never the same token (its `jti`/`uti`),
 * never ID-token claims in the access token, and — when neither `typ` nor `token_use` tells the two
 * apart — the access-token-only `claim` present in the access token and absent from the ID token.
 */
function checkTokenKinds(
  access: JWTPayload,
  id: JWTPayload,
  { claim }: { claim: string | undefined },
): void {
  for (const identifier of ['jti', 'uti']) {
    const value = access[identifier];
    if (value !== undefined && value === id[identifier])
      throw new AuthError('TOKEN_INVALID', { reason: 'same token twice' });
  }
  for (const idOnly of ID_TOKEN_ONLY_CLAIMS) {
    if (access[idOnly] !== undefined)
      throw new AuthError('TOKEN_INVALID', { token: 'access', reason: idOnly });
  }
  if (claim === undefined) return;
  if (!hasValue(access[claim]))
    throw new AuthError('TOKEN_INVALID', { token: 'access', reason: claim });
  if (id[claim] !== undefined) throw new AuthError('TOKEN_INVALID', { token: 'id', reason: claim });
}

function hasValue(claim: unknown): boolean {
  if (typeof claim === 'string') return claim.length > 0;
  return Array.isArray(claim) && claim.length > 0;
}

function normalisedTyp(typ: string | undefined): string | undefined {
  return typ?.toLowerCase().replace(/^application\//, '');
}

function toAuthError(kind: TokenKind, error: unknown): AuthError {
  if (error instanceof AuthError) {
    return error.token === undefined
      ? new AuthError(error.code, {
          token: kind,
          ...(error.reason === undefined ? {} : { reason: error.reason }),
        })
      : error;
  }
  if (error instanceof errors.JWTExpired)
    return new AuthError('TOKEN_EXPIRED', { token: kind, reason: 'exp' });
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new AuthError('TOKEN_INVALID', { token: kind, reason: error.claim });
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new AuthError('TOKEN_INVALID', { token: kind, reason: 'signature' });
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new AuthError('TOKEN_INVALID', { token: kind, reason: 'alg' });
  }
  if (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return new AuthError('TOKEN_INVALID', { token: kind, reason: 'kid' });
  }
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JWKInvalid
  ) {
    return new AuthError('TOKEN_INVALID', { token: kind, reason: 'malformed' });
  }
  // JWKS timeouts, network failures, non-200 or unparsable key sets: the IdP's side, not the caller's.
  return new AuthError('IDP_UNAVAILABLE', { token: kind, reason: 'jwks' });
}
