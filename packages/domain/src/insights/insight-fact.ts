import type { AccessRequest } from '../access-request';
import type { RequestStatus } from '../vocabulary';
import type { SessionRecord } from '../federation/ports';
import { secondsBetween, toMillis } from '../time';
import { windowOf } from '../window';
import { justificationTermsOf, ticketPrefixOf } from './justification-terms';

/**
 * What Insights keeps of one request: a few hundred bytes derived from the request and its
 * sessions, never a copy of its text beyond normalised terms. Facts are grouped by the day the
 * request was created (UTC) — all of a request's numbers count on that day, so a day's totals
 * never move to another day when the request changes later.
 */
export interface InsightFact {
  readonly requestId: string;
  readonly createdAt: string;
  readonly accountId: string;
  readonly roleName: string;
  /** The eligibility rules that matched at creation; their groups are the requester groups. */
  readonly ruleIds: readonly string[];
  readonly requesterEmail: string;
  readonly status: RequestStatus;
  readonly breakGlass: boolean;
  readonly breakGlassReview?: 'PENDING' | 'REVIEWED';
  /** Access no other person approved: a self-service rule, or the requester's own approval. */
  readonly selfApproved: boolean;
  /** True once a window was granted (approved, including break-glass and self-service). */
  readonly approved: boolean;
  /** Length of the granted window (after extensions, cut by a revoke or an early end). */
  readonly approvedSeconds: number;
  /** Time inside the window covered by at least one session (overlaps counted once). */
  readonly usedSeconds: number;
  readonly sessions: number;
  readonly windowEndsAt?: string;
  /** Creation to the deciding human approval or rejection; absent when no human decided. */
  readonly decisionSeconds?: number;
  /** Window start to the first session; absent before a session. */
  readonly firstSessionSeconds?: number;
  /** Normalised words of the justification (see `justificationTermsOf`). */
  readonly terms: readonly string[];
  /** The ticket's project prefix (`INC-123` → `INC`). */
  readonly ticketPrefix?: string;
  /**
   * Orders facts of the same request: the request's version and its session count both only
   * grow, so a fact with a higher revision was derived from a later state.
   */
  readonly revision: number;
}

/** Sessions per request stay far below this; it keeps `revision` one ordered number. */
const SESSIONS_PER_VERSION = 100_000;

export const revisionOf = (version: number, sessions: number): number =>
  version * SESSIONS_PER_VERSION + Math.min(sessions, SESSIONS_PER_VERSION - 1);

/** The UTC day (`YYYY-MM-DD`) a fact counts on. */
export const insightDayOf = (fact: Pick<InsightFact, 'createdAt'>): string =>
  fact.createdAt.slice(0, 10);

const humanDecisionAt = (request: AccessRequest): string | undefined => {
  if (request.breakGlass || request.approvedByPolicy === true) return undefined;
  if (request.approvedAt !== undefined) return request.approvedAt;
  return request.history.find((event) => event.type === 'REJECTION')?.at;
};

/** Seconds of [start, end) covered by the union of the intervals. */
const coveredSeconds = (
  intervals: readonly (readonly [number, number])[],
  start: number,
  end: number,
): number => {
  const clipped = intervals
    .map(([from, to]) => [Math.max(from, start), Math.min(to, end)] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reached = start;
  for (const [from, to] of clipped) {
    const begin = Math.max(from, reached);
    if (to > begin) total += to - begin;
    reached = Math.max(reached, to);
  }
  return Math.round(total / 1000);
};

/** The fact of a request in its current state with all its sessions so far. */
export const insightFactOf = (
  request: AccessRequest,
  sessions: readonly Pick<SessionRecord, 'issuedAt' | 'expiresAt'>[],
): InsightFact => {
  const window = windowOf(request);
  const decidedAt = humanDecisionAt(request);
  const firstIssued = [...sessions].map((session) => session.issuedAt).sort()[0];
  const ticketPrefix = request.ticket === undefined ? undefined : ticketPrefixOf(request.ticket);
  const selfApproved =
    request.approvedByPolicy === true ||
    request.decisions.some(
      (decision) =>
        decision.decision === 'APPROVE' && decision.approver.sub === request.requester.sub,
    );
  return {
    requestId: request.id,
    createdAt: request.createdAt,
    accountId: request.accountId,
    roleName: request.roleName,
    ruleIds: [...request.routing.ruleIds].sort(),
    requesterEmail: request.requester.email.toLowerCase(),
    status: request.status,
    breakGlass: request.breakGlass,
    ...(request.postAccessReview === undefined
      ? {}
      : { breakGlassReview: request.postAccessReview.state }),
    selfApproved,
    approved: window !== undefined,
    approvedSeconds:
      window === undefined ? 0 : Math.max(0, secondsBetween(window.startsAt, window.endsAt)),
    usedSeconds:
      window === undefined
        ? 0
        : coveredSeconds(
            sessions.map((session) => [toMillis(session.issuedAt), toMillis(session.expiresAt)]),
            toMillis(window.startsAt),
            toMillis(window.endsAt),
          ),
    sessions: sessions.length,
    ...(window === undefined ? {} : { windowEndsAt: window.endsAt }),
    ...(decidedAt === undefined
      ? {}
      : { decisionSeconds: Math.max(0, secondsBetween(request.createdAt, decidedAt)) }),
    ...(firstIssued === undefined || window === undefined
      ? {}
      : { firstSessionSeconds: Math.max(0, secondsBetween(window.startsAt, firstIssued)) }),
    terms: justificationTermsOf(request.justification),
    ...(ticketPrefix === undefined ? {} : { ticketPrefix }),
    revision: revisionOf(request.version, sessions.length),
  };
};
