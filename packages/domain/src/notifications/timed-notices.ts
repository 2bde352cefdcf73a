import type { AccessRequest } from '../access-request';
import { addMinutes, isBefore } from '../time';
import { windowOf } from '../window';
import type { NotificationEvent, NotificationEventType } from './notification-event';
import { isDueForReminder } from './pending-reminder';

/** The sweeper's thresholds for pending requests, in minutes (0 turns a notice off). */
export interface PendingNoticeThresholds {
  /** Reviewers are reminded once the request has waited this long. */
  readonly reminderAfterMinutes: number;
  /** Admins are told once it has waited this long (after the reviewers' reminder). */
  readonly escalateAfterMinutes: number;
  /** The requester is warned this long before the request expires undecided. */
  readonly expiryWarningMinutes: number;
}

/** The requester is told this long before a window ends. */
export const WINDOW_ENDING_NOTICE_MINUTES = 10;

/** What a pending request is due at `now`: reminder, escalation, expiry warning (each once, by the ledger). */
export const pendingNoticesDue = (
  request: AccessRequest,
  now: string,
  thresholds: PendingNoticeThresholds,
): NotificationEventType[] => {
  if (request.status !== 'PENDING') return [];
  const due: NotificationEventType[] = [];
  if (isDueForReminder(request, now, thresholds.reminderAfterMinutes)) due.push('PENDING_REMINDER');
  // Escalation follows the reminder: never before it, whatever the settings say.
  const escalateAfter = Math.max(thresholds.escalateAfterMinutes, thresholds.reminderAfterMinutes);
  if (thresholds.escalateAfterMinutes > 0 && isDueForReminder(request, now, escalateAfter))
    due.push('REMINDER_ESCALATED');
  if (
    thresholds.expiryWarningMinutes > 0 &&
    request.pendingExpiresAt !== undefined &&
    !isBefore(now, addMinutes(request.pendingExpiresAt, -thresholds.expiryWarningMinutes)) &&
    isBefore(now, request.pendingExpiresAt)
  )
    due.push('PENDING_EXPIRY_WARNING');
  return due;
};

/**
 * What an approved request's window is due at `now`: its opening, for a window that opened after
 * the approval (a scheduled start — otherwise the approval itself said so), and the warning in the
 * last 10 minutes of a window still open.
 */
export const windowNoticesDue = (request: AccessRequest, now: string): NotificationEventType[] => {
  const window = windowOf(request);
  if (request.status !== 'APPROVED' || window === undefined || request.approvedAt === undefined)
    return [];
  if (!isBefore(now, window.endsAt) || isBefore(now, window.startsAt)) return [];
  const due: NotificationEventType[] = [];
  if (isBefore(request.approvedAt, window.startsAt)) due.push('WINDOW_OPENED');
  if (!isBefore(now, addMinutes(window.endsAt, -WINDOW_ENDING_NOTICE_MINUTES)))
    due.push('WINDOW_ENDING');
  return due;
};

/** The sweeper's event of `type` about `request` as it stands (its latest history line as cause). */
export const timedEventOf = (
  request: AccessRequest,
  type: NotificationEventType,
): NotificationEvent | undefined => {
  const cause = request.history.at(-1);
  return cause === undefined ? undefined : { type, request, cause, version: request.version };
};
