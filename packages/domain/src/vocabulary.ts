// The domain's value lists and limits that cross into the API's contract. This module imports
// nothing, so @elevate/contracts can derive its schemas from it (subpath `@elevate/domain/vocabulary`)
// without the SPA's bundle pulling in any domain logic (docs/decisions/0006-one-home-per-fact.md).

export const REQUEST_STATUSES = [
  'PENDING',
  'APPROVED',
  'REJECTED',
  'CANCELLED',
  'EXPIRED',
  'REVOKED',
  'ENDED',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** A status as a sentence says it ("This request is already approved"): refusals reach people. */
export const STATUS_IN_WORDS: Readonly<Record<RequestStatus, string>> = {
  PENDING: 'still waiting for approval',
  APPROVED: 'already approved',
  REJECTED: 'rejected',
  CANCELLED: 'cancelled',
  EXPIRED: 'expired without a decision',
  REVOKED: 'revoked',
  ENDED: 'ended early',
};

/** Computed from the clock at read time for approved requests. */
export const ACCESS_PHASES = ['scheduled', 'active', 'over'] as const;
export type AccessPhase = (typeof ACCESS_PHASES)[number];

export const DECISION_KINDS = ['APPROVE', 'REJECT'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const HISTORY_EVENT_TYPES = [
  'CREATED',
  'APPROVAL',
  'REJECTION',
  'CANCELLATION',
  'EXPIRY',
  'REVOCATION',
  'EARLY_END',
  'BREAK_GLASS_REVIEW',
  'EXTENSION_REQUEST',
  'EXTENSION_APPROVAL',
  'EXTENSION_GRANT',
  'EXTENSION_REFUSAL',
  'INVITATION_ACCEPTANCE',
  'INVITATION_DECLINE',
] as const;
export type HistoryEventType = (typeof HISTORY_EVENT_TYPES)[number];

export const POST_ACCESS_REVIEW_STATES = ['PENDING', 'REVIEWED'] as const;
export type PostAccessReviewState = (typeof POST_ACCESS_REVIEW_STATES)[number];

export const EXTENSION_STATES = ['PENDING', 'GRANTED', 'REFUSED'] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];

/** An invitation waits for the engineer, who accepts or declines it. */
export const INVITATION_STATES = ['AWAITING', 'ACCEPTED', 'DECLINED'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

/** What the viewer may do to a request now; the SPA shows these buttons and no others. */
export const REQUEST_ACTIONS = [
  'approve',
  'reject',
  'cancel',
  'revoke',
  'endEarly',
  'reviewBreakGlass',
  'extend',
  'approveExtension',
  'rejectExtension',
  'acceptInvitation',
  'declineInvitation',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

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

/** A lost race, a missing item, a colliding id or a cursor that is not ours. */
export const REPOSITORY_ERROR_CODES = [
  'VERSION_CONFLICT',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'INVALID_CURSOR',
] as const;
export type RepositoryErrorCode = (typeof REPOSITORY_ERROR_CODES)[number];

/** The shortest window a request may ask for (STS sessions are at least 15 minutes). */
export const MIN_DURATION_MINUTES = 15;
/** The smallest extension worth a decision; STS sessions are at least 15 minutes anyway. */
export const MIN_EXTENSION_MINUTES = 15;

/** Upper bounds keep a typo (an extra zero) from becoming a month-long window. */
export const POLICY_LIMITS = {
  maxDurationMinutes: 7 * 24 * 60,
  maxPendingExpiryMinutes: 30 * 24 * 60,
  maxStartDelayMinutes: 30 * 24 * 60,
  maxApprovalsRequired: 10,
  maxJustificationLength: 2000,
} as const;
