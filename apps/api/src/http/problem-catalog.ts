import type { AuthErrorCode } from '@elevate/adapters';

/** How one error code is answered over HTTP. */
export interface ProblemKind {
  status: number;
  title: string;
}

const authProblems: Record<AuthErrorCode, ProblemKind> = {
  TOKEN_MISSING: { status: 401, title: 'Sign-in required' },
  TOKEN_INVALID: { status: 401, title: 'Invalid token' },
  TOKEN_EXPIRED: { status: 401, title: 'Token expired' },
  TOKEN_MISMATCH: { status: 401, title: 'Tokens do not match' },
  IDP_UNAVAILABLE: { status: 503, title: 'Identity provider unavailable' },
};

const httpProblems = {
  VALIDATION_FAILED: { status: 400, title: 'Invalid request' },
  MALFORMED_JSON: { status: 400, title: 'Malformed JSON body' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  INTERNAL: { status: 500, title: 'Internal error' },
} satisfies Record<string, ProblemKind>;

export type HttpProblemCode = keyof typeof httpProblems;

/**
 * The one table from error code to HTTP answer. Any thrown error whose `code` is a key here is
 * answered with that status; everything else is a 500. Domain error codes join by adding entries
 * (or by passing `extraProblems` to `createApp`).
 */
export const problemCatalog: Readonly<Record<string, ProblemKind>> = {
  ...authProblems,
  ...httpProblems,
};

/** `type` member of a problem: a stable URN per code (RFC 9457 §3.1.1 allows any URI). */
export function problemType(code: string): string {
  return `urn:elevate:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}
