import type { ListedRequest } from '../access-request';
import { addMinutes, isBefore, laterOf } from '../time';
import { windowOf } from '../window';
import type { PendingNoticeThresholds } from './timed-notices';
import { WINDOW_ENDING_NOTICE_MINUTES } from './timed-notices';

/** The sweeper's thresholds when configuration says nothing (docs/notifications.md). */
export const DEFAULT_NOTICE_THRESHOLDS: PendingNoticeThresholds = {
  reminderAfterMinutes: 240,
  escalateAfterMinutes: 24 * 60,
  expiryWarningMinutes: 60,
};

/** Why the sweeper looks at a request then (a `RETRY` follows a visit that failed). */
export type NoticeCheckReason =
  | 'PENDING_REMINDER'
  | 'REMINDER_ESCALATED'
  | 'PENDING_EXPIRY_WARNING'
  | 'PENDING_EXPIRY'
  | 'WINDOW_OPENED'
  | 'WINDOW_ENDING'
  | 'RETRY';

/** One moment the sweeper must look at one request: the schedule's entry. */
export interface NoticeCheck {
  readonly dueAt: string;
  readonly requestId: string;
  readonly reason: NoticeCheckReason;
}

/**
 * When the sweeper must look at `request` as it stands: a pending request at its reminder,
 * escalation, expiry warning and expiry; an approved one when a scheduled window opens and 10
 * minutes before it ends. A time already past becomes `notBefore` (a late stream record, a changed
 * threshold): the check is then due at once, never behind the sweeper. Nothing for other statuses.
 */
export const noticeChecksOf = (
  request: ListedRequest,
  thresholds: PendingNoticeThresholds,
  notBefore: string,
): NoticeCheck[] => {
  const checks: [NoticeCheckReason, string | undefined][] = [];
  if (request.status === 'PENDING') {
    if (thresholds.reminderAfterMinutes > 0)
      checks.push([
        'PENDING_REMINDER',
        addMinutes(request.createdAt, thresholds.reminderAfterMinutes),
      ]);
    if (thresholds.escalateAfterMinutes > 0)
      checks.push([
        'REMINDER_ESCALATED',
        addMinutes(
          request.createdAt,
          Math.max(thresholds.escalateAfterMinutes, thresholds.reminderAfterMinutes),
        ),
      ]);
    if (request.pendingExpiresAt !== undefined) {
      if (thresholds.expiryWarningMinutes > 0)
        checks.push([
          'PENDING_EXPIRY_WARNING',
          addMinutes(request.pendingExpiresAt, -thresholds.expiryWarningMinutes),
        ]);
      checks.push(['PENDING_EXPIRY', request.pendingExpiresAt]);
    }
  }
  const window = windowOf(request);
  if (request.status === 'APPROVED' && window !== undefined && request.approvedAt !== undefined) {
    if (isBefore(request.approvedAt, window.startsAt))
      checks.push(['WINDOW_OPENED', window.startsAt]);
    checks.push([
      'WINDOW_ENDING',
      laterOf(window.startsAt, addMinutes(window.endsAt, -WINDOW_ENDING_NOTICE_MINUTES)),
    ]);
    // A window already over needs nothing.
    if (!isBefore(notBefore, window.endsAt)) return [];
  }
  return checks.flatMap(([reason, dueAt]) =>
    dueAt === undefined
      ? []
      : [{ requestId: request.id, reason, dueAt: laterOf(dueAt, notBefore) }],
  );
};

/**
 * The earliest of `checks`, alone: all the schedule needs, since the sweeper's visit at that time
 * schedules the one after it. The stream writes this for every change of every request, so one
 * entry instead of up to four is most of the schedule's write cost.
 */
export const earliestCheckOf = (checks: readonly NoticeCheck[]): NoticeCheck[] => {
  const [first, ...rest] = checks;
  if (first === undefined) return [];
  return [
    rest.reduce(
      (earliest, check) => (isBefore(check.dueAt, earliest.dueAt) ? check : earliest),
      first,
    ),
  ];
};

/** A page of due checks, oldest first; `nextCursor` continues after its last entry. */
export interface NoticeCheckPage {
  readonly checks: readonly NoticeCheck[];
  readonly nextCursor?: string;
}

/**
 * The sweeper's schedule: which request to look at when, so a sweep reads what is due, not every
 * pending or approved request. Entries are written idempotently (from the stream and by the
 * sweeper itself) and never removed by the sweeper; a watermark says how far it has handled them.
 */
export interface NoticeSchedule {
  /** Idempotent: the same check written twice is one entry. */
  add(checks: readonly NoticeCheck[]): Promise<void>;
  /** Checks with `from ≤ dueAt ≤ at` (all up to `at` without `from`), oldest first. */
  due(query: {
    readonly at: string;
    readonly from?: string;
    readonly limit: number;
    readonly cursor?: string;
  }): Promise<NoticeCheckPage>;
  /**
   * How far the sweeps got: an instant (every check due by then was handled) or, after a run that
   * hit its bound, the cursor of the last check it handled. Undefined before the first sweep.
   */
  watermark(): Promise<string | undefined>;
  /** Moves the watermark to `position` — forward only (string order is due order for both forms). */
  advanceWatermark(position: string): Promise<void>;
}
