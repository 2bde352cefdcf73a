import type { AccessRequest, ListedRequest, NoticeCheck } from '@elevate/domain';
import {
  addMinutes,
  expireRequest,
  isBefore,
  earliestCheckOf,
  noticeChecksOf,
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
import { noticeThresholdsOf } from '../notifications/notice-thresholds';
import { sendSelfServiceDigest } from './send-self-service-digest';
import type { SweeperDeps } from './sweeper-deps';

export interface SweepReport {
  expired: number;
  /** Another sweeper, or a reviewer, changed the request first: fine, nothing to do. */
  lostRaces: number;
  reminded: number;
  /** Reminders that could not go out this run (retried by a check 5 minutes on). */
  remindersPending: number;
  /** Other time-based notices sent: escalations, expiry warnings, window opening and ending. */
  notices: number;
  /** Requests whose expiry or notice threw (logged; retried by a check 5 minutes on). */
  failed: number;
  /** Schedule entries read: what was due, plus the overlap with the previous run. */
  checked: number;
  /** Self-service digests sent (the first run of a UTC day sends the previous day's). */
  digests: number;
}

/**
 * Each run re-reads this much before the watermark: a check written a moment after the previous
 * run's query (its time already past by then) is still found. Checks found twice are harmless:
 * the request is read again and the ledger sends each notice once.
 */
const SWEEP_OVERLAP_MINUTES = 2;
/** A request whose visit failed (or whose notice could not go out) is looked at again this much later. */
const SWEEP_RETRY_MINUTES = 5;

/**
 * One sweep reads the schedule for what is due (O(due), bounded per run), never a listing of every
 * pending or approved request: per due request it reads the request itself (strongly consistent),
 * expires it past its pending limit through the domain's `expireRequest` and the store's conditional
 * transition (the requester hears of it from the stream), or sends the notices due now — reminder,
 * escalation, expiry warning, window opening, window ending — each claimed in the delivery ledger,
 * so concurrent or repeated sweeps never send one twice. Safe to run twice or at once.
 */
export async function sweepRequests(deps: SweeperDeps): Promise<SweepReport> {
  const now = deps.clock.now();
  const report: SweepReport = {
    expired: 0,
    lostRaces: 0,
    reminded: 0,
    remindersPending: 0,
    notices: 0,
    failed: 0,
    checked: 0,
    digests: 0,
  };
  const watermark = await deps.schedule.watermark();
  // The first sweep on a table schedules what was there before the schedule existed.
  if (watermark === undefined) await seedSchedule(now, deps);
  // A bounded run left the key of the last check it handled: carry on right after it. A complete
  // run left its time: start a little before it (SWEEP_OVERLAP_MINUTES).
  let cursor = watermark?.includes('#') === true ? watermark : undefined;
  const from =
    watermark === undefined || cursor !== undefined
      ? undefined
      : addMinutes(watermark, -SWEEP_OVERLAP_MINUTES);
  let handledThrough = now;
  // A request with several checks due (a late run) is visited once per run.
  const visited = new Set<string>();
  for (let page = 0; page < (deps.maxPages ?? 20); page += 1) {
    const listed = await deps.schedule.due({
      at: now,
      limit: deps.pageSize ?? 100,
      ...(from === undefined ? {} : { from }),
      ...(cursor === undefined ? {} : { cursor }),
    });
    report.checked += listed.checks.length;
    for (const { requestId } of listed.checks) {
      if (visited.has(requestId)) continue;
      visited.add(requestId);
      await visit(requestId, now, deps, report);
    }
    cursor = listed.nextCursor;
    if (cursor === undefined) {
      handledThrough = now;
      break;
    }
    // Out of pages with checks left: the next run carries on after the last one handled.
    handledThrough = cursor;
  }
  await deps.schedule.advanceWatermark(handledThrough);
  try {
    const digest = await sendSelfServiceDigest(deps);
    report.digests += digest.sent;
    report.failed += digest.pending;
  } catch (error) {
    report.failed += 1;
    deps.logger.error('self-service digest failed', errorFields(error));
  }
  const idle =
    report.expired +
      report.lostRaces +
      report.reminded +
      report.remindersPending +
      report.notices +
      report.digests +
      report.failed ===
    0;
  // An idle sweep every few minutes is noise at info level.
  if (idle) deps.logger.debug('sweep done', { ...report });
  else deps.logger.info('sweep done', { ...report });
  return report;
}

/**
 * One due request: read it (the schedule may be older than the request), expire it or send what is
 * due, and schedule its next checks by the current thresholds (a changed setting takes effect from
 * here). One request failing must not stop the others: it is logged, counted and retried later.
 */
async function visit(
  id: string,
  now: string,
  deps: SweeperDeps,
  report: SweepReport,
): Promise<void> {
  try {
    const request = await deps.repository.get(id);
    if (request === undefined) return;
    let pending = 0;
    if (
      request.status === 'PENDING' &&
      request.pendingExpiresAt !== undefined &&
      !isBefore(now, request.pendingExpiresAt)
    )
      await expire(request, now, deps, report);
    else
      for (const type of [
        ...pendingNoticesDue(request, now, noticeThresholdsOf(deps)),
        ...windowNoticesDue(request, now),
      ])
        pending += await notify(request, type, deps, report);
    // The next check after this one: each visit schedules the one after it.
    const next: NoticeCheck[] = earliestCheckOf(
      noticeChecksOf(request, noticeThresholdsOf(deps), now).filter((check) =>
        isBefore(now, check.dueAt),
      ),
    );
    if (pending > 0) next.push(retryOf(id, now));
    await deps.schedule.add(next);
  } catch (error) {
    report.failed += 1;
    deps.logger.child({ requestId: id }).error('sweep of request failed', errorFields(error));
    // If even this write fails, the run throws and the watermark stays: the next run reads it all again.
    await deps.schedule.add([retryOf(id, now)]);
  }
}

const retryOf = (requestId: string, now: string): NoticeCheck => ({
  requestId,
  reason: 'RETRY',
  dueAt: addMinutes(now, SWEEP_RETRY_MINUTES),
});

/**
 * Fills the schedule once for requests written before it existed (an upgrade): every pending
 * request (the review queue listing) and every approved one whose window may still be open (the
 * audit listing over the longest a request can live). Idempotent; the watermark then marks it done.
 */
async function seedSchedule(now: string, deps: SweeperDeps): Promise<void> {
  const add = async (requests: readonly ListedRequest[]) =>
    deps.schedule.add(
      requests.flatMap((request) => noticeChecksOf(request, noticeThresholdsOf(deps), now)),
    );
  let cursor: string | undefined;
  do {
    const listed = await deps.repository.listPendingExpiredAt({
      at: addMinutes(now, POLICY_LIMITS.maxPendingExpiryMinutes + 1),
      limit: 100,
      ...(cursor === undefined ? {} : { cursor }),
    });
    await add(listed.items);
    cursor = listed.nextCursor;
  } while (cursor !== undefined);
  const from = addMinutes(
    now,
    -(
      POLICY_LIMITS.maxPendingExpiryMinutes +
      POLICY_LIMITS.maxStartDelayMinutes +
      2 * POLICY_LIMITS.maxDurationMinutes
    ),
  );
  do {
    const listed = await deps.repository.listForAudit({
      from,
      to: addMinutes(now, 1),
      status: 'APPROVED',
      limit: 100,
      ...(cursor === undefined ? {} : { cursor }),
    });
    await add(listed.items);
    cursor = listed.nextCursor;
  } while (cursor !== undefined);
  deps.logger.info('notice schedule seeded from the pending and approved requests');
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

async function notify(
  request: AccessRequest,
  type: NotificationEventType,
  deps: SweeperDeps,
  report: SweepReport,
): Promise<number> {
  const event = timedEventOf(request, type);
  if (event === undefined) return 0;
  const delivery = await deliverEvent(event, deps);
  if (type === 'PENDING_REMINDER') report.reminded += delivery.sent > 0 ? 1 : 0;
  else report.notices += delivery.sent > 0 ? 1 : 0;
  report.remindersPending += delivery.pending;
  return delivery.pending;
}
