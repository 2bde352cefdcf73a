import * as z from 'zod/mini';
import { DOMAIN_ERROR_CODES, REPOSITORY_ERROR_CODES } from '@elevate/domain/vocabulary';

// Every `code` the API answers a problem with, in one closed list. The API's problem catalog is a
// record over it (a code without an HTTP answer does not compile), and the SPA and the CLI switch
// over it exhaustively (a code they cannot say in words does not compile). Codes are stable:
// rename never, add at the end of a group (docs/decisions/0006-one-home-per-fact.md).

/** Why a caller's tokens were refused (the token verifier in @elevate/adapters). */
export const AUTH_PROBLEM_CODES = [
  /** One of the two tokens was not sent. */
  'TOKEN_MISSING',
  /** Bad signature, algorithm, issuer, audience, type, not yet valid, malformed or bad claims. */
  'TOKEN_INVALID',
  /** Past `exp` (beyond the allowed clock skew). */
  'TOKEN_EXPIRED',
  /** The access token and the ID token are about different users. */
  'TOKEN_MISMATCH',
  /**
   * The IdP left the groups out of the token because there are too many (Entra ID's group
   * overage); the operator must send app roles or filtered groups instead.
   */
  'GROUPS_OVERAGE',
  /** The IdP's discovery document or key set could not be fetched; not the caller's fault. */
  'IDP_UNAVAILABLE',
] as const;
export type AuthProblemCode = (typeof AUTH_PROBLEM_CODES)[number];

/** What the HTTP layer refuses before any use case runs, and the bare 500. */
export const HTTP_PROBLEM_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL',
  /** Answered by the local server itself, before the app sees the request. */
  'HEADERS_TOO_LARGE',
  'MALFORMED_REQUEST',
  /** Slack's interactive endpoint: missing, stale, wrong or replayed signature. */
  'SLACK_SIGNATURE_INVALID',
] as const;
export type HttpProblemCode = (typeof HTTP_PROBLEM_CODES)[number];

/** Temporary: the same call may pass in a moment; each is sent with `Retry-After`. */
export const AVAILABILITY_PROBLEM_CODES = ['STORE_UNAVAILABLE', 'OVERLOADED'] as const;
export type AvailabilityProblemCode = (typeof AVAILABILITY_PROBLEM_CODES)[number];

/** Refusals of the API's own use cases (who may read the audit, idempotency, identity). */
export const API_REFUSAL_CODES = [
  'NOT_AUDITOR',
  'NOT_INSIGHTS_READER',
  'NOT_REVIEWER',
  'EXPORT_TOO_LARGE',
  /** A partial requester name matched more people than one audit page reads by key. */
  'REQUESTER_AMBIGUOUS',
  /** The request changed between the checks and the end of a session start: nothing handed out. */
  'SESSION_WITHHELD',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_IN_PROGRESS',
  /** The e-mail that would name this person in AWS is bound to another person (`sub`). */
  'IDENTITY_CONFLICT',
  /** No digest store or key configured (docs/threat-model.md, "Tamper-evident audit"). */
  'AUDIT_INTEGRITY_UNAVAILABLE',
] as const;
export type ApiRefusalCode = (typeof API_REFUSAL_CODES)[number];

/** Every check passed but AWS did not give a session (502/503). */
export const FEDERATION_FAILURE_CODES = [
  'FEDERATION_DENIED',
  'STS_UNAVAILABLE',
  'CONSOLE_SIGN_IN_FAILED',
] as const;
export type FederationFailureCode = (typeof FEDERATION_FAILURE_CODES)[number];

/** Every code a problem from the API carries: the groups above and the domain's refusals. */
export type ProblemCode =
  | AuthProblemCode
  | HttpProblemCode
  | AvailabilityProblemCode
  | (typeof DOMAIN_ERROR_CODES)[number]
  | (typeof REPOSITORY_ERROR_CODES)[number]
  | ApiRefusalCode
  | FederationFailureCode;

// A set: the store's NOT_FOUND is the HTTP layer's NOT_FOUND, one code.
export const PROBLEM_CODES: readonly ProblemCode[] = [
  ...new Set<ProblemCode>([
    ...AUTH_PROBLEM_CODES,
    ...HTTP_PROBLEM_CODES,
    ...AVAILABILITY_PROBLEM_CODES,
    ...DOMAIN_ERROR_CODES,
    ...REPOSITORY_ERROR_CODES,
    ...API_REFUSAL_CODES,
    ...FEDERATION_FAILURE_CODES,
  ]),
];

export const problemCodeSchema = z.enum(PROBLEM_CODES);

/** A code this build knows; a newer server may send one it does not (docs/api.md, "Errors"). */
export const isProblemCode = (code: string): code is ProblemCode =>
  (PROBLEM_CODES as readonly string[]).includes(code);
