import { err } from './result';

/**
 * Every reason the domain refuses something. Codes are stable: clients and the API's error table
 * key on them, so rename never; add new ones at the end of a group.
 */
export const DOMAIN_ERROR_CODES = [
  // The actor may not do this (the API answers 403).
  'NOT_ELIGIBLE',
  'NOT_ROUTED_TO_REVIEWER',
  'SELF_DECISION',
  'NOT_REQUESTER',
  'NOT_VISIBLE',
  'SELF_INVITATION',
  'NOT_INVITEE',
  // A policy rule forbids the input (422).
  'UNKNOWN_ACCOUNT',
  'UNKNOWN_ROLE',
  'JUSTIFICATION_INVALID',
  'TICKET_REQUIRED',
  'TICKET_INVALID',
  'DURATION_OUT_OF_RANGE',
  'SCHEDULE_INVALID',
  'BREAK_GLASS_NOT_ALLOWED',
  'COMMENT_REQUIRED',
  'POLICY_CONFLICT',
  'APPROVALS_BELOW_POLICY',
  'SELF_SERVICE_CONDITIONS_UNMET',
  'EXTENSION_LIMIT',
  // The request is not in a state that allows it (409).
  'INVALID_STATE',
  'ALREADY_DECIDED_BY_ACTOR',
  'WINDOW_OVER',
  'NOT_EXPIRED',
  'WINDOW_NOT_OPEN',
  'EXTENSION_PENDING',
  // The actor must sign in again (more recently, with MFA) before this is allowed (401).
  'STEP_UP_REQUIRED',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** What kind of refusal a code is; the API maps kinds to HTTP status in one table. */
export type DomainErrorKind = 'forbidden' | 'rule' | 'conflict' | 'reauthenticate';

export const DOMAIN_ERROR_KIND: Readonly<Record<DomainErrorCode, DomainErrorKind>> = {
  NOT_ELIGIBLE: 'forbidden',
  NOT_ROUTED_TO_REVIEWER: 'forbidden',
  SELF_DECISION: 'forbidden',
  NOT_REQUESTER: 'forbidden',
  NOT_VISIBLE: 'forbidden',
  SELF_INVITATION: 'forbidden',
  NOT_INVITEE: 'forbidden',
  UNKNOWN_ACCOUNT: 'rule',
  UNKNOWN_ROLE: 'rule',
  JUSTIFICATION_INVALID: 'rule',
  TICKET_REQUIRED: 'rule',
  TICKET_INVALID: 'rule',
  DURATION_OUT_OF_RANGE: 'rule',
  SCHEDULE_INVALID: 'rule',
  BREAK_GLASS_NOT_ALLOWED: 'rule',
  COMMENT_REQUIRED: 'rule',
  POLICY_CONFLICT: 'rule',
  APPROVALS_BELOW_POLICY: 'rule',
  SELF_SERVICE_CONDITIONS_UNMET: 'rule',
  EXTENSION_LIMIT: 'rule',
  INVALID_STATE: 'conflict',
  ALREADY_DECIDED_BY_ACTOR: 'conflict',
  WINDOW_OVER: 'conflict',
  NOT_EXPIRED: 'conflict',
  WINDOW_NOT_OPEN: 'conflict',
  EXTENSION_PENDING: 'conflict',
  STEP_UP_REQUIRED: 'reauthenticate',
};

/** A refusal: a stable `code` for machines and a `message` (the policy's "why") for people. */
export interface DomainError {
  readonly code: DomainErrorCode;
  readonly message: string;
}

export const domainError = (code: DomainErrorCode, message: string): DomainError => ({
  code,
  message,
});

export const fail = (code: DomainErrorCode, message: string) => err(domainError(code, message));
