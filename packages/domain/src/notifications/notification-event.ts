import type { AccessRequest, HistoryEvent } from '../access-request';

/** What happened to a request, as people are told about it. */
export const NOTIFICATION_EVENT_TYPES = [
  'REQUEST_CREATED',
  'APPROVAL_RECORDED',
  'REQUEST_APPROVED',
  'REQUEST_REJECTED',
  'REQUEST_CANCELLED',
  'REQUEST_EXPIRED',
  'ACCESS_REVOKED',
  'ACCESS_ENDED_EARLY',
  'BREAK_GLASS_USED',
  'BREAK_GLASS_REVIEWED',
  'PENDING_REMINDER',
  'SELF_SERVICE_APPROVED',
  'EXTENSION_REQUESTED',
  'EXTENSION_GRANTED',
  'EXTENSION_REFUSED',
  // The sweeper's time-based events (each once per request, recorded in the delivery ledger).
  'REMINDER_ESCALATED',
  'PENDING_EXPIRY_WARNING',
  'WINDOW_OPENED',
  'WINDOW_ENDING',
  'INVITATION_SENT',
  'INVITATION_ACCEPTED',
  'INVITATION_DECLINED',
] as const;
export type NotificationEventType = (typeof NOTIFICATION_EVENT_TYPES)[number];

/**
 * One thing to tell people about a request. `version` is the request version the event produced
 * (the reminder's: the version it reminds about), so `(request id, version, type)` names it
 * uniquely — the key that makes redelivered stream records harmless.
 */
export interface NotificationEvent {
  readonly type: NotificationEventType;
  readonly request: AccessRequest;
  /** The history line behind it (for a reminder, the request's latest one). */
  readonly cause: HistoryEvent;
  readonly version: number;
}
