import type { AccessRequest, AccessRequestRepository } from '@elevate/domain';
import {
  addMinutes,
  expireRequest,
  isBefore,
  laterOf,
  pendingNoticesDue,
  POLICY_LIMITS,
  SYSTEM_ACTOR,
  timedEventOf,
  transitionWriteOf,
  windowNoticesDue,
} from '@elevate/domain';
import type { NotificationEventType } from '@elevate/domain';
import { errorFields } from '../logger';
import { deliverEvent } from '../notifications/deliver-event';
import type { NotifierDeps } from '../notifications/notifier-deps';

export interface SweeperDeps extends NotifierDeps {
  readonly repository: AccessRequestRepository;
  /** A pending request this old gets one reminder to its reviewers. */
  readonly reminderAfterMinutes: number;
  /** A pending request this old escalates to the admins, once (0: never). Default 1,440. */
  readonly escalateAfterMinutes?: number;
  /** The requester is warned this long before a pending request expires, once (0: never). Default 60. */
  readonly expiryWarningMinutes?: number;
  readonly pageSize?: number;
  /** Bounds one run; what is left waits for the next run. */
  readonly maxPages?: number;
}

export interface SweepReport {
  expired: number;
  /** Another sweeper, or a reviewer, changed the request first: fine, nothing to do. */
  lostRaces: number;
  reminded: number;
  /** Reminders that could not go out this run (retried next run). */
  remindersPending: number;
  /** Other time-based notices sent: escalations, expiry warnings, window opening and ending. */
  notices: number;
  /** Requests whose expiry or reminder threw (logged; retried next run). */
  failed: number;
}

/**
 * One sweep: pending requests past their pending limit expire through the domain's `expireRequest`
 * and the store's conditional transition (the requester hears of it from the stream, like any
 * transition); pending requests older than the reminder threshold get one reminder to their
 * reviewers, claimed in the delivery ledger so concurrent sweepers never both send it. Safe to run
 * twice or at once.
 */
export async function sweepRequests(deps: SweeperDeps): Promise<SweepReport> {
  const now = deps.clock.now();
  // Every pending request created at or before now − threshold expires by this time at the latest
  // (no policy keeps a request pending longer), so one listing finds both kinds of work.
  const horizon = laterOf(
    now,
    addMinutes(now, POLICY_LIMITS.maxPendingExpiryMinutes - deps.reminderAfterMinutes),
  );
  const report: SweepReport = {
    expired: 0,
    lostRaces: 0,
    reminded: 0,
    remindersPending: 0,
    notices: 0,
    failed: 0,
  };
  let cursor: string | undefined;
  for (let page = 0; page < (deps.maxPages ?? 20); page += 1) {
    const listed = await deps.repository.listPendingExpiredAt({
      at: horizon,
      limit: deps.pageSize ?? 100,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const request of listed.items) {
      // One request failing (a throttled write, a channel error) must not stop the others.
      try {
        if (request.pendingExpiresAt !== undefined && !isBefore(now, request.pendingExpiresAt))
          await expire(request, now, deps, report);
        else if (pendingNoticesDue(request, now, thresholdsOf(deps)).length > 0)
          await remind(request, now, deps, report);
      } catch (error) {
        report.failed += 1;
        deps.logger
          .child({ requestId: request.id })
          .error('sweep of request failed', errorFields(error));
      }
    }
    cursor = listed.nextCursor;
    if (cursor === undefined) break;
  }
  await sweepWindows(now, deps, report);
  const idle =
    report.expired +
      report.lostRaces +
      report.reminded +
      report.remindersPending +
      report.notices +
      report.failed ===
    0;
  // An idle sweep every few minutes is noise at info level.
  if (idle) deps.logger.debug('sweep done', { ...report });
  else deps.logger.info('sweep done', { ...report });
  return report;
}

async function expire(
  request: AccessRequest,
  now: string,
  deps: SweeperDeps,
  report: SweepReport,
): Promise<void> {
  const log = deps.logger.child({ requestId: request.id });
  const outcome = expireRequest(request, { now, actor: SYSTEM_ACTOR, policy: deps.policy });
  if (!outcome.ok) {
    log.info('not expired', { code: outcome.error.code });
    return;
  }
  const written = await deps.repository.applyTransition(transitionWriteOf(request, outcome.value));
  if (written.ok) {
    report.expired += 1;
    log.info('expired pending request');
  } else {
    // The index lags the table, or another sweeper or a reviewer got there first: nothing to undo.
    report.lostRaces += 1;
    log.info('lost the race to expire', { code: written.error.code });
  }
}

const thresholdsOf = (deps: SweeperDeps) => ({
  reminderAfterMinutes: deps.reminderAfterMinutes,
  escalateAfterMinutes: deps.escalateAfterMinutes ?? 24 * 60,
  expiryWarningMinutes: deps.expiryWarningMinutes ?? 60,
});

async function notify(
  request: AccessRequest,
  type: NotificationEventType,
  deps: SweeperDeps,
  report: SweepReport,
): Promise<void> {
  const event = timedEventOf(request, type);
  if (event === undefined) return;
  const delivery = await deliverEvent(event, deps);
  if (type === 'PENDING_REMINDER') report.reminded += delivery.sent > 0 ? 1 : 0;
  else report.notices += delivery.sent > 0 ? 1 : 0;
  report.remindersPending += delivery.pending;
}

async function remind(
  listed: AccessRequest,
  now: string,
  deps: SweeperDeps,
  report: SweepReport,
): Promise<void> {
  // The index lags the table: read the request itself (strongly consistent) so a request decided
  // or cancelled a moment ago gets no reminder.
  const request = await deps.repository.get(listed.id);
  const due = request === undefined ? [] : pendingNoticesDue(request, now, thresholdsOf(deps));
  if (request === undefined || due.length === 0) {
    deps.logger.child({ requestId: listed.id }).debug('no reminder: no longer pending');
    return;
  }
  // Each notice is claimed in the ledger on its own (version 0): sent once, whichever run sends it.
  for (const type of due) await notify(request, type, deps, report);
}

/**
 * Approved requests whose window opens (scheduled) or ends within 10 minutes. Read through the
 * audit listing (status APPROVED, created within the longest a request can live before its window
 * ends), bounded like the pending listing.
 */
async function sweepWindows(now: string, deps: SweeperDeps, report: SweepReport): Promise<void> {
  const from = addMinutes(
    now,
    -(
      POLICY_LIMITS.maxPendingExpiryMinutes +
      POLICY_LIMITS.maxStartDelayMinutes +
      2 * POLICY_LIMITS.maxDurationMinutes
    ),
  );
  let cursor: string | undefined;
  for (let page = 0; page < (deps.maxPages ?? 20); page += 1) {
    const listed = await deps.repository.listForAudit({
      from,
      to: addMinutes(now, 1),
      status: 'APPROVED',
      limit: deps.pageSize ?? 100,
      ...(cursor === undefined ? {} : { cursor }),
    });
    for (const request of listed.items) {
      try {
        for (const type of windowNoticesDue(request, now))
          await notify(request, type, deps, report);
      } catch (error) {
        report.failed += 1;
        deps.logger
          .child({ requestId: request.id })
          .error('window notice failed', errorFields(error));
      }
    }
    cursor = listed.nextCursor;
    if (cursor === undefined) break;
  }
}
