import type { PersonRef } from './actor';
import type {
  DecisionKind,
  ExtensionState,
  HistoryEventType,
  InvitationState,
  PostAccessReviewState,
  RequestStatus,
} from './vocabulary';

/** Statuses no transition leaves (a break-glass review may still be recorded on REVOKED/ENDED). */
export const TERMINAL_STATUSES: readonly RequestStatus[] = [
  'REJECTED',
  'CANCELLED',
  'EXPIRED',
  'REVOKED',
  'ENDED',
];
export const isTerminal = (status: RequestStatus): boolean => TERMINAL_STATUSES.includes(status);

export interface Decision {
  readonly approver: PersonRef;
  readonly decision: DecisionKind;
  readonly comment?: string;
  readonly at: string;
}

/** One line of the append-only history. `statusAfter` tells a partial approval from the final one. */
export interface HistoryEvent {
  readonly type: HistoryEventType;
  readonly actor: PersonRef;
  readonly at: string;
  readonly statusAfter: RequestStatus;
  readonly comment?: string;
  /**
   * The API call that made this change (its correlation id: API Gateway's request id), so the
   * functions that see it on the stream log the same id; absent for changes no call made (expiry).
   */
  readonly correlationId?: string;
}

/**
 * Who decides a request, fixed at creation from the policy so that later policy edits do not
 * reroute requests in flight. `routingKey` is the canonical form of `approverGroups` (store index key).
 */
export interface Routing {
  readonly approverGroups: readonly string[];
  readonly routingKey: string;
  readonly approvalsRequired: number;
  readonly selfApproval: boolean;
  /** The policy rules that matched at creation, for the audit trail. */
  readonly ruleIds: readonly string[];
}

export interface PostAccessReview {
  readonly state: PostAccessReviewState;
  readonly reviewer?: PersonRef;
  readonly reviewedAt?: string;
  readonly comment?: string;
}

/**
 * More time asked for while the window is open. Who decides it is fixed when it is asked for; a
 * granted extension lengthens the window by `minutes` (see `windowOf`).
 */
export interface Extension {
  readonly minutes: number;
  readonly reason: string;
  readonly requestedAt: string;
  readonly state: ExtensionState;
  /** True when the rule granted it without a human. */
  readonly grantedByPolicy: boolean;
  readonly approverGroups: readonly string[];
  readonly approvalsRequired: number;
  readonly decisions: readonly Decision[];
  readonly decidedAt?: string;
}

/**
 * A request a reviewer or admin opened on an engineer's behalf (see invitation.ts). Until the
 * engineer answers, `requester` names them by e-mail only; accepting puts their verified identity
 * there.
 */
export interface Invitation {
  readonly inviter: PersonRef;
  /** The invitee's address, canonical (trimmed, NFC, lower case). */
  readonly inviteeEmail: string;
  readonly state: InvitationState;
  readonly invitedAt: string;
  readonly answeredAt?: string;
}

/** An access request. Times are ISO-8601 UTC strings; the phase of the window is never stored. */
export interface AccessRequest {
  readonly id: string;
  readonly requester: PersonRef;
  readonly accountId: string;
  readonly roleName: string;
  readonly justification: string;
  readonly ticket?: string;
  readonly requestedDurationMinutes: number;
  readonly scheduledStart?: string;
  readonly status: RequestStatus;
  /** Break-glass: approved at creation, urgent, reviewed after the fact. */
  readonly breakGlass: boolean;
  /** Present exactly when `breakGlass` is true. */
  readonly postAccessReview?: PostAccessReview;
  readonly routing: Routing;
  readonly decisions: readonly Decision[];
  /** When the final approval (or the break-glass creation) happened; anchors the window. */
  readonly approvedAt?: string;
  /** When a revoke or an early end closed the window. */
  readonly closedAt?: string;
  /** A pending request expires at this time if nobody decided it (absent for break-glass). */
  readonly pendingExpiresAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Set when a self-service rule approved the request at creation (no human decided). */
  readonly approvedByPolicy?: boolean;
  /** Extensions asked for, oldest first; at most one PENDING at a time. */
  readonly extensions?: readonly Extension[];
  /** Present when someone else opened the request for the requester. */
  readonly invitation?: Invitation;
  /** Incremented by every transition; the store writes only if it still holds the previous one. */
  readonly version: number;
  readonly history: readonly HistoryEvent[];
}

/**
 * A request as a listing reads it: everything but its history, the part that grows with every event
 * and that no list shows (a third of a request's bytes with two events, most of it later).
 */
export type ListedRequest = Omit<AccessRequest, 'history'>;

/** The outcome of a transition: the next state and the one event appended to its history. */
export interface Transitioned {
  readonly request: AccessRequest;
  readonly event: HistoryEvent;
}

/** Minutes granted by extensions, added to the window. */
export const grantedExtensionMinutes = (request: Pick<AccessRequest, 'extensions'>): number =>
  (request.extensions ?? [])
    .filter((extension) => extension.state === 'GRANTED')
    .reduce((sum, extension) => sum + extension.minutes, 0);

export const pendingExtensionOf = (
  request: Pick<AccessRequest, 'extensions'>,
): Extension | undefined => request.extensions?.find((extension) => extension.state === 'PENDING');

export const approvalsOf = (request: Pick<AccessRequest, 'decisions'>): readonly Decision[] =>
  request.decisions.filter((decision) => decision.decision === 'APPROVE');
