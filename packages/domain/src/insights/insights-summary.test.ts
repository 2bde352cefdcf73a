import { describe, expect, it } from 'vitest';
import { examplePolicy } from '../testing/fixtures';
import type { InsightFact } from './insight-fact';
import { justificationTermsOf, ticketPrefixOf } from './justification-terms';
import { percentilesOf, summariseInsights } from './insights-summary';

const fact = (overrides: Partial<InsightFact> & Pick<InsightFact, 'requestId'>): InsightFact => ({
  createdAt: '2025-03-03T09:00:00.000Z',
  accountId: '333333333333',
  roleName: 'Administrator',
  ruleIds: ['engineers-production-admin'],
  requesterEmail: 'alice@example.com',
  status: 'APPROVED',
  breakGlass: false,
  selfApproved: false,
  approved: true,
  approvedSeconds: 3600,
  usedSeconds: 1800,
  sessions: 1,
  windowEndsAt: '2025-03-03T10:00:00.000Z',
  decisionSeconds: 300,
  firstSessionSeconds: 60,
  terms: ['deploy', 'rotate'],
  ticketPrefix: 'INC',
  revision: 200001,
  ...overrides,
});

describe('insights summary', () => {
  it('takes nearest-rank median and p90 of exact seconds', () => {
    expect(percentilesOf([])).toEqual({ count: 0 });
    expect(percentilesOf([10, 1, 5, 7, 3, 9, 2, 8, 4, 6])).toEqual({
      count: 10,
      medianSeconds: 5,
      p90Seconds: 9,
    });
  });

  it('normalises justifications to terms and tickets to prefixes', () => {
    expect(justificationTermsOf('Need to rotate the DB credentials for INC-4711, again!')).toEqual([
      'credential',
      'inc',
      'rotate',
    ]);
    expect(ticketPrefixOf('inc-4711')).toBe('INC');
    expect(ticketPrefixOf('4711')).toBeUndefined();
  });

  it('counts windows, hours, never-used windows, break-glass and self-approval', () => {
    const summary = summariseInsights(
      examplePolicy,
      [
        fact({ requestId: 'a' }),
        fact({ requestId: 'b', sessions: 0, usedSeconds: 0, firstSessionSeconds: undefined }),
        fact({
          requestId: 'c',
          breakGlass: true,
          breakGlassReview: 'PENDING',
          decisionSeconds: undefined,
        }),
        fact({
          requestId: 'd',
          status: 'REJECTED',
          approved: false,
          approvedSeconds: 0,
          usedSeconds: 0,
        }),
        fact({
          requestId: 'e',
          accountId: '111111111111',
          roleName: 'ReadOnly',
          selfApproved: true,
        }),
      ],
      {},
      '2025-03-04T00:00:00.000Z',
    );
    expect(summary.totals).toMatchObject({
      requests: 5,
      approvedWindows: 4,
      approvedHours: 4,
      usedHours: 1.5,
      neverUsedWindows: 1,
      breakGlass: 1,
      breakGlassAwaitingReview: 1,
      selfApproved: 1,
    });
    expect(summary.totals.byStatus.REJECTED).toBe(1);
    expect(summary.timeToDecision).toEqual({ count: 4, medianSeconds: 300, p90Seconds: 300 });
    expect(summary.byAccount.map((row) => row.accountId)).toEqual(['333333333333', '111111111111']);
    expect(summary.byTag.find((row) => row.tag === 'environment=prod')?.requests).toBe(4);
    // Self-approved access is already automated: only human approvals are candidates.
    expect(summary.automationCandidates).toEqual([
      {
        accountId: '333333333333',
        roleName: 'Administrator',
        requests: 3,
        humanHours: 3,
        terms: [
          { term: 'deploy', count: 3 },
          { term: 'rotate', count: 3 },
        ],
        ticketPrefixes: [{ prefix: 'INC', count: 3 }],
      },
    ]);
  });

  it('filters by account tag, role and requester group', () => {
    const facts = [
      fact({ requestId: 'a' }),
      fact({
        requestId: 'b',
        accountId: '111111111111',
        roleName: 'ReadOnly',
        ruleIds: ['engineers-non-production'],
      }),
    ];
    const now = '2025-03-04T00:00:00.000Z';
    const ids = (filter: Parameters<typeof summariseInsights>[2]) =>
      summariseInsights(examplePolicy, facts, filter, now).totals.requests;
    expect(ids({ tag: { key: 'environment', value: 'prod' } })).toBe(1);
    expect(ids({ tag: { key: 'environment', value: 'qa' } })).toBe(0);
    expect(ids({ roleName: 'ReadOnly' })).toBe(1);
    expect(ids({ group: 'engineers' })).toBe(2);
    expect(ids({ group: 'nobody' })).toBe(0);
  });
});
