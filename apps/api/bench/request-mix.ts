// The bench's data: requests of the repository's own item shape, with the mix issue 11 measures —
// 2% pending, 2,000 requesters, 200 accounts, a year of history. Deterministic for a given index,
// so a loaded table can be reused and every run asks the same questions.
import type {
  AccessRequest,
  Decision,
  HistoryEvent,
  PersonRef,
  RequestStatus,
} from '@elevate/domain';
import { routingKeyOf } from '@elevate/domain';
import { personas } from '@elevate/testing/personas';

const REQUESTERS = 2_000;
const ACCOUNTS = 200;
const ROLES = ['ReadOnly', 'PowerUser', 'Admin', 'DataEngineer', 'Billing'] as const;
const REVIEWERS = 20;
const YEAR_MS = 365 * 86_400_000;

/** The people the bench signs in as: the dev stack's personas. */
export const BENCH_PERSONAS = {
  requester: personas.alice,
  reviewer: personas.rita,
  auditor: personas.audrey,
} as const;

const person = (sub: string, email: string, name: string): PersonRef => ({ sub, email, name });

/** Requester i; requester 0 is the bench's requester persona, so "my requests" has deep pages. */
export const requesterOf = (i: number): PersonRef =>
  i === 0
    ? person(
        BENCH_PERSONAS.requester.sub,
        BENCH_PERSONAS.requester.email,
        BENCH_PERSONAS.requester.name,
      )
    : person(`bench-user-${i}`, `User.${i}@Example.com`, `User ${i}`);

/** Reviewer 0 is the bench's reviewer persona, so "my decisions" holds 1/20 of all decisions. */
const reviewerOf = (i: number): PersonRef =>
  i === 0
    ? person(
        BENCH_PERSONAS.reviewer.sub,
        BENCH_PERSONAS.reviewer.email,
        BENCH_PERSONAS.reviewer.name,
      )
    : person(`bench-reviewer-${i}`, `reviewer.${i}@example.com`, `Reviewer ${i}`);

export const accountOf = (i: number): string =>
  String(100_000_000_000 + i * 7_919).padStart(12, '0');

const ticketOf = (i: number): string => `OPS-${(i % 50_000) + 1}`;

/** A small deterministic hash, so the mix does not line up with the index. */
const mix = (i: number, salt: number): number => {
  let x = (i + 1) * 2_654_435_761 + salt * 40_503;
  x ^= x >>> 15;
  x = Math.imul(x, 2_246_822_519);
  x ^= x >>> 13;
  return (x >>> 0) % 1_000_000;
};

const ROUTING = { approverGroups: ['reviewers'], routingKey: routingKeyOf(['reviewers']) };

/**
 * Request `i` of `total`: created within the year before `now`, evenly spread, newest last. The
 * newest 2% are PENDING (a queue is recent work); the rest settled, most approved and ended.
 */
export const benchRequest = (i: number, total: number, now: number): AccessRequest => {
  const createdMs = now - YEAR_MS + Math.floor(((i + 0.5) / total) * YEAR_MS);
  const createdAt = new Date(createdMs).toISOString();
  const requester = requesterOf(mix(i, 1) % REQUESTERS);
  const reviewer = reviewerOf(mix(i, 2) % REVIEWERS);
  const pending = i >= total - Math.round(total * 0.02);
  const roll = mix(i, 3) % 100;
  const breakGlass = !pending && roll < 1;
  const status: RequestStatus = pending
    ? 'PENDING'
    : breakGlass || roll < 60
      ? 'APPROVED'
      : roll < 70
        ? 'ENDED'
        : roll < 80
          ? 'REJECTED'
          : roll < 88
            ? 'CANCELLED'
            : roll < 95
              ? 'EXPIRED'
              : 'REVOKED';
  const decidedAt = new Date(createdMs + 10 * 60_000).toISOString();
  const closedAt = new Date(createdMs + 70 * 60_000).toISOString();
  const event = (
    type: HistoryEvent['type'],
    actor: PersonRef,
    at: string,
    statusAfter: RequestStatus,
  ): HistoryEvent => ({ type, actor, at, statusAfter });
  const history: HistoryEvent[] = [
    event('CREATED', requester, createdAt, breakGlass ? 'APPROVED' : 'PENDING'),
  ];
  const decisions: Decision[] = [];
  if (status === 'APPROVED' || status === 'ENDED' || status === 'REVOKED') {
    if (!breakGlass) {
      history.push(event('APPROVAL', reviewer, decidedAt, 'APPROVED'));
      decisions.push({ approver: reviewer, decision: 'APPROVE', at: decidedAt });
    }
    if (status === 'REVOKED') history.push(event('REVOCATION', reviewer, closedAt, 'REVOKED'));
    if (status === 'ENDED') history.push(event('EARLY_END', requester, closedAt, 'ENDED'));
  } else if (status === 'REJECTED') {
    history.push(event('REJECTION', reviewer, decidedAt, 'REJECTED'));
    decisions.push({ approver: reviewer, decision: 'REJECT', at: decidedAt, comment: 'Not now' });
  } else if (status === 'CANCELLED') {
    history.push(event('CANCELLATION', requester, decidedAt, 'CANCELLED'));
  } else if (status === 'EXPIRED') {
    history.push(event('EXPIRY', requester, closedAt, 'EXPIRED'));
  }
  // Half the break-glass requests still await their post-access review.
  const reviewPending = breakGlass && mix(i, 4) % 2 === 0;
  if (breakGlass && !reviewPending)
    history.push(event('BREAK_GLASS_REVIEW', reviewer, closedAt, status));
  return {
    id: `bench-${String(i).padStart(8, '0')}`,
    requester,
    accountId: accountOf(mix(i, 5) % ACCOUNTS),
    roleName: ROLES[mix(i, 6) % ROLES.length] ?? 'ReadOnly',
    justification: `Investigate ticket ${ticketOf(i)}: deploy pipeline failing in stage ${i % 7}`,
    ...(mix(i, 7) % 4 === 0 ? { ticket: ticketOf(i) } : {}),
    requestedDurationMinutes: 60,
    status,
    breakGlass,
    ...(breakGlass
      ? {
          postAccessReview: reviewPending
            ? { state: 'PENDING' as const }
            : { state: 'REVIEWED' as const, reviewer, reviewedAt: closedAt, comment: 'Checked' },
        }
      : {}),
    routing: { ...ROUTING, approvalsRequired: 1, selfApproval: false, ruleIds: ['bench-rule'] },
    decisions,
    ...(status === 'PENDING' ? { pendingExpiresAt: new Date(now + 86_400_000).toISOString() } : {}),
    ...(status === 'APPROVED' || status === 'ENDED' || status === 'REVOKED'
      ? { approvedAt: breakGlass ? createdAt : decidedAt }
      : {}),
    ...(status === 'PENDING' || status === 'APPROVED' ? {} : { closedAt }),
    createdAt,
    updatedAt: status === 'PENDING' ? createdAt : closedAt,
    version: history.length,
    history,
  };
};
