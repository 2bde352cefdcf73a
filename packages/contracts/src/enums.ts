import * as z from 'zod/mini';
import {
  ACCESS_PHASES,
  DECISION_KINDS,
  EXTENSION_STATES,
  HISTORY_EVENT_TYPES,
  INVITATION_STATES,
  POST_ACCESS_REVIEW_STATES,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
} from '@elevate/domain/vocabulary';

// The lists are the domain's (packages/domain/src/vocabulary.ts, a module that imports nothing);
// the wire schemas are derived from them, so the two cannot drift (docs/decisions/0006).

export const requestStatusSchema = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof requestStatusSchema>;

/** Computed from the clock at read time for approved requests. */
export const accessPhaseSchema = z.enum(ACCESS_PHASES);
export type AccessPhase = z.infer<typeof accessPhaseSchema>;

export const decisionKindSchema = z.enum(DECISION_KINDS);
export type DecisionKind = z.infer<typeof decisionKindSchema>;

export const historyEventTypeSchema = z.enum(HISTORY_EVENT_TYPES);
export type HistoryEventType = z.infer<typeof historyEventTypeSchema>;

export const postAccessReviewStateSchema = z.enum(POST_ACCESS_REVIEW_STATES);
export type PostAccessReviewState = z.infer<typeof postAccessReviewStateSchema>;

/** What the viewer may do to a request now; the SPA shows these buttons and no others. */
export const requestActionSchema = z.enum(REQUEST_ACTIONS);
export type RequestAction = z.infer<typeof requestActionSchema>;

/** An invitation waits for the engineer, who accepts or declines it. */
export const invitationStateSchema = z.enum(INVITATION_STATES);
export type InvitationState = z.infer<typeof invitationStateSchema>;

export const extensionStateSchema = z.enum(EXTENSION_STATES);
export type ExtensionState = z.infer<typeof extensionStateSchema>;
