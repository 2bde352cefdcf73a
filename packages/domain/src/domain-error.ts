import { err } from './result';
import type { DomainErrorCode } from './vocabulary';

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
