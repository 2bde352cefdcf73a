import type { AuthProblemCode } from '@elevate/contracts';

/** Why a caller's tokens were refused; the list is the contracts' AUTH_PROBLEM_CODES. */
export type AuthErrorCode = AuthProblemCode;

/** Which of the two tokens a failure is about, when it is about one. */
export type TokenKind = 'access' | 'id';

const messages: Record<AuthErrorCode, string> = {
  TOKEN_MISSING: 'An access token and an ID token are both required.',
  TOKEN_INVALID: 'The token is not valid.',
  TOKEN_EXPIRED: 'The token has expired.',
  TOKEN_MISMATCH: 'The access token and the ID token belong to different users.',
  IDP_UNAVAILABLE: 'The identity provider could not be reached to verify the token.',
  GROUPS_OVERAGE:
    'The identity provider left your groups out of the token because you are in too many. Ask the Elevate operator to send app roles or only the groups Elevate uses (group filtering); see docs/deploy.md.',
};

/**
 * A refused authentication. The message is fixed per code (plus which token) and never carries a
 * token or claim values; the underlying jose error is deliberately not kept as `cause` because
 * some jose errors hold the decoded payload.
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly code: AuthErrorCode;
  readonly token: TokenKind | undefined;
  /** A short, value-free reason for logs, e.g. "signature", "issuer", "claims: email". */
  readonly reason: string | undefined;

  constructor(code: AuthErrorCode, options: { token?: TokenKind; reason?: string } = {}) {
    const which =
      options.token === undefined ? '' : `${options.token === 'access' ? 'Access' : 'ID'} token: `;
    super(`${which}${messages[code]}`);
    this.code = code;
    this.token = options.token;
    this.reason = options.reason;
  }
}

export function isAuthError(value: unknown): value is AuthError {
  return value instanceof AuthError;
}
