export { AuthError, isAuthError } from './auth-error';
export type { AuthErrorCode, TokenKind } from './auth-error';
export {
  ACCESS_TOKEN_AUDIENCE_CLAIMS,
  ALLOWED_ALGORITHMS,
  createTokenVerifier,
} from './token-verifier';
export type {
  AccessTokenAudienceClaim,
  TokenVerifier,
  TokenVerifierOptions,
} from './token-verifier';
export type { GroupsSource } from './identity-claims';
export { cachingVerifiedPairs } from './verified-pair-cache';
export type { VerifiedPairCacheOptions } from './verified-pair-cache';
export type { VerifiedIdentity } from './verified-identity';
export { idpVerifierOptions } from './idp-verifier-options';
export { JwksCache } from './jwks-cache';
export type { JwksEvent, JwksFetchReason } from './jwks-cache';
