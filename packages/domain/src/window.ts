import type { ListedRequest } from './access-request';
import { grantedExtensionMinutes } from './access-request';
import { addMinutes, earlierOf, isBefore, laterOf, secondsBetween } from './time';
import type { AccessPhase } from './vocabulary';

/** The elevation window: sessions may start at or after `startsAt` and before `endsAt`. */
export interface AccessWindow {
  readonly startsAt: string;
  readonly endsAt: string;
}

/**
 * The window of an approval: it opens at the approval or at the scheduled start, whichever is
 * later, and lasts the approved duration. Reusable by federation for any approval time.
 */
export const computeWindow = (
  approvedAt: string,
  durationMinutes: number,
  scheduledStart?: string,
): AccessWindow => {
  const startsAt = scheduledStart === undefined ? approvedAt : laterOf(approvedAt, scheduledStart);
  return { startsAt, endsAt: addMinutes(startsAt, durationMinutes) };
};

/**
 * The window of a request, or undefined if it was never approved. A revoke or early end cuts the
 * window at `closedAt`; granted extensions lengthen it (never before it starts, so the window is empty rather than inverted).
 */
export const windowOf = (request: ListedRequest): AccessWindow | undefined => {
  if (request.approvedAt === undefined) return undefined;
  const planned = computeWindow(
    request.approvedAt,
    request.requestedDurationMinutes + grantedExtensionMinutes(request),
    request.scheduledStart,
  );
  if (request.closedAt === undefined) return planned;
  return {
    startsAt: planned.startsAt,
    endsAt: laterOf(planned.startsAt, earlierOf(planned.endsAt, request.closedAt)),
  };
};

/** Where `now` falls in a window, ignoring status. */
export const phaseOfWindow = (window: AccessWindow, now: string): AccessPhase => {
  if (isBefore(now, window.startsAt)) return 'scheduled';
  if (isBefore(now, window.endsAt)) return 'active';
  return 'over';
};

/**
 * Whether an approved request is scheduled, active or over at `now`; undefined if it was never
 * approved. Computed at read time from the clock, never stored. Revoked and ended requests are over.
 */
export const accessPhase = (request: ListedRequest, now: string): AccessPhase | undefined => {
  const window = windowOf(request);
  if (window === undefined) return undefined;
  if (request.status === 'REVOKED' || request.status === 'ENDED') return 'over';
  return phaseOfWindow(window, now);
};

/** Seconds left in the window at `now` (0 when not active). For session-length arithmetic. */
export const secondsLeftInWindow = (window: AccessWindow, now: string): number =>
  phaseOfWindow(window, now) === 'active' ? secondsBetween(now, window.endsAt) : 0;
