import type {
  ApiRefusalCode,
  AuthProblemCode,
  AvailabilityProblemCode,
  FederationFailureCode,
  HttpProblemCode,
  ProblemCode,
} from '@elevate/contracts';
import { DOMAIN_ERROR_CODES, DOMAIN_ERROR_KIND } from '@elevate/domain';
import type { DomainErrorCode, DomainErrorKind, RepositoryErrorCode } from '@elevate/domain';

/** How one error code is answered over HTTP. */
export interface ProblemKind {
  status: number;
  title: string;
  /** For 5xx answers: the fixed, public `detail` (a 5xx never repeats an error's own message). */
  detail?: string;
  /** Sent as `Retry-After`: the answer is temporary and asking again after this long may pass. */
  retryAfterSeconds?: number;
}

const authProblems: Record<AuthProblemCode, ProblemKind> = {
  TOKEN_MISSING: { status: 401, title: 'Sign-in required' },
  TOKEN_INVALID: { status: 401, title: 'Invalid token' },
  TOKEN_EXPIRED: { status: 401, title: 'Token expired' },
  TOKEN_MISMATCH: { status: 401, title: 'Tokens do not match' },
  IDP_UNAVAILABLE: { status: 503, title: 'Identity provider unavailable', retryAfterSeconds: 5 },
  GROUPS_OVERAGE: { status: 403, title: 'Groups missing from the token' },
};

const httpProblems: Record<HttpProblemCode, ProblemKind> = {
  VALIDATION_FAILED: { status: 400, title: 'Invalid request' },
  MALFORMED_JSON: { status: 400, title: 'Malformed JSON body' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  INTERNAL: { status: 500, title: 'Internal error' },
  /** Answered by the local server itself (start-server.ts), before the app sees the request. */
  HEADERS_TOO_LARGE: { status: 431, title: 'Request headers too large' },
  MALFORMED_REQUEST: { status: 400, title: 'Malformed request' },
  /** Slack's interactive endpoint: missing, stale, wrong or replayed signature. */
  SLACK_SIGNATURE_INVALID: { status: 401, title: 'Slack signature not accepted' },
};

/** Temporary: the same call may pass in a moment; each carries `Retry-After`. */
const availabilityProblems = {
  STORE_UNAVAILABLE: {
    status: 503,
    title: 'Storage unavailable',
    detail:
      'Elevate could not reach its data store in time. Nothing was lost; try again in a moment.',
    retryAfterSeconds: 2,
  },
  OVERLOADED: {
    status: 503,
    title: 'Too busy',
    detail: 'Elevate is handling more requests than it can right now. Try again in a moment.',
    retryAfterSeconds: 1,
  },
} satisfies Record<AvailabilityProblemCode, ProblemKind>;

/** Sent when a process sheds load (http/overload-guard.ts, middleware/shed-load.ts). */
export const OVERLOADED_PROBLEM = availabilityProblems.OVERLOADED;

/**
 * The domain's kinds of refusal, each one status: who may not (403), what the policy forbids (422),
 * wrong state (409), sign in again first (401).
 */
const statusOfKind: Record<DomainErrorKind, ProblemKind> = {
  forbidden: { status: 403, title: 'Not allowed' },
  rule: { status: 422, title: 'Refused by policy' },
  conflict: { status: 409, title: 'Conflicts with the request state' },
  reauthenticate: { status: 401, title: 'Sign in again' },
};

const domainProblems = Object.fromEntries(
  DOMAIN_ERROR_CODES.map((code) => [
    code,
    // A request you may not see does not exist, as far as you can tell.
    code === 'NOT_VISIBLE' ? httpProblems.NOT_FOUND : statusOfKind[DOMAIN_ERROR_KIND[code]],
  ]),
) as Record<DomainErrorCode, ProblemKind>;

const repositoryProblems: Record<RepositoryErrorCode, ProblemKind> = {
  VERSION_CONFLICT: { status: 409, title: 'Changed concurrently' },
  NOT_FOUND: httpProblems.NOT_FOUND,
  // Ids come from our generator; a collision is our fault, not the caller's.
  ALREADY_EXISTS: { status: 500, title: 'Internal error' },
  INVALID_CURSOR: { status: 400, title: 'Invalid cursor' },
};

const apiProblems: Record<ApiRefusalCode, ProblemKind> = {
  NOT_AUDITOR: { status: 403, title: 'Not allowed' },
  NOT_INSIGHTS_READER: { status: 403, title: 'Not allowed' },
  NOT_REVIEWER: { status: 403, title: 'Not allowed' },
  EXPORT_TOO_LARGE: { status: 422, title: 'Export too large' },
  REQUESTER_AMBIGUOUS: { status: 422, title: 'Too many people match' },
  SESSION_WITHHELD: { status: 409, title: 'The request changed' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'Idempotency-Key used for another call' },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    title: 'The same call is still running',
    retryAfterSeconds: 1,
  },
  IDENTITY_CONFLICT: { status: 409, title: 'E-mail address bound to another person' },
  // No digest store or key configured (docs/threat-model.md, "Tamper-evident audit").
  AUDIT_INTEGRITY_UNAVAILABLE: { status: 503, title: 'Audit verification not configured' },
};

/** Every check passed but AWS did not give a session; the details stay in the log. */
const federationProblems: Record<FederationFailureCode, ProblemKind> = {
  FEDERATION_DENIED: {
    status: 502,
    title: 'AWS refused the session',
    detail:
      'AWS refused to let Elevate assume this role. An administrator should check that the target role trusts Elevate. Quote the correlation id.',
  },
  STS_UNAVAILABLE: {
    status: 503,
    title: 'AWS STS unavailable',
    detail: 'AWS STS did not answer in any configured region. Try again shortly.',
    retryAfterSeconds: 5,
  },
  CONSOLE_SIGN_IN_FAILED: {
    status: 502,
    title: 'Console sign-in failed',
    detail:
      'The AWS sign-in service did not turn the session into a console link. Try again, or use CLI credentials.',
  },
};

/**
 * The one table from error code to HTTP answer, over the contracts' closed list of codes: a code
 * without an entry here does not compile (instead of answering 500). Any thrown error whose `code`
 * is a key here is answered with that status; everything else is a 500.
 */
export const problemCatalog: Readonly<Record<ProblemCode, ProblemKind>> = {
  ...authProblems,
  ...httpProblems,
  ...availabilityProblems,
  ...domainProblems,
  ...repositoryProblems,
  ...apiProblems,
  ...federationProblems,
};

/** `type` member of a problem: a stable URN per code (RFC 9457 §3.1.1 allows any URI). */
export function problemType(code: ProblemCode): string {
  return `urn:elevate:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}
