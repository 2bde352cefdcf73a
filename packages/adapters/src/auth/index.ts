export { AuthError, authErrorCodes, isAuthError } from './auth-error';
export type { AuthErrorCode, TokenKind } from './auth-error';
export { ALLOWED_ALGORITHMS, createTokenVerifier } from './token-verifier';
export type { TokenVerifier, TokenVerifierOptions } from './token-verifier';
export type { GroupsSource } from './identity-claims';
export type { VerifiedIdentity } from './verified-identity';
