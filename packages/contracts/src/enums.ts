import * as z from 'zod';

// These mirror the domain's lists (packages/domain). Contracts may not import the domain because
// the SPA depends on contracts only; apps/api holds a test that the two stay equal.

export const requestStatusSchema = z.enum([
  'PENDING',
  'APPROVED',
  'REJECTED',
  'CANCELLED',
  'EXPIRED',
  'REVOKED',
  'ENDED',
]);
export type RequestStatus = z.infer<typeof requestStatusSchema>;

/** Computed from the clock at read time for approved requests. */
export const accessPhaseSchema = z.enum(['scheduled', 'active', 'over']);
export type AccessPhase = z.infer<typeof accessPhaseSchema>;

export const decisionKindSchema = z.enum(['APPROVE', 'REJECT']);
export type DecisionKind = z.infer<typeof decisionKindSchema>;

export const historyEventTypeSchema = z.enum([
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
]);
export type HistoryEventType = z.infer<typeof historyEventTypeSchema>;

export const postAccessReviewStateSchema = z.enum(['PENDING', 'REVIEWED']);
export type PostAccessReviewState = z.infer<typeof postAccessReviewStateSchema>;

/** What the viewer may do to a request now; the SPA shows these buttons and no others. */
export const requestActionSchema = z.enum([
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
]);
export type RequestAction = z.infer<typeof requestActionSchema>;

/** Stable codes of domain refusals (the `code` of a 401/403/409/422 problem). */
export const domainErrorCodeSchema = z.enum([
  'NOT_ELIGIBLE',
  'NOT_ROUTED_TO_REVIEWER',
  'SELF_DECISION',
  'NOT_REQUESTER',
  'NOT_VISIBLE',
  'SELF_INVITATION',
  'NOT_INVITEE',
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
  'INVALID_STATE',
  'ALREADY_DECIDED_BY_ACTOR',
  'WINDOW_OVER',
  'NOT_EXPIRED',
  'WINDOW_NOT_OPEN',
  'EXTENSION_PENDING',
  'STEP_UP_REQUIRED',
]);
export type DomainErrorCode = z.infer<typeof domainErrorCodeSchema>;

/** An invitation waits for the engineer, who accepts or declines it. */
export const invitationStateSchema = z.enum(['AWAITING', 'ACCEPTED', 'DECLINED']);
export type InvitationState = z.infer<typeof invitationStateSchema>;

export const extensionStateSchema = z.enum(['PENDING', 'GRANTED', 'REFUSED']);
export type ExtensionState = z.infer<typeof extensionStateSchema>;
