import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import type {
  AccessPhase,
  HistoryEventView,
  RequestStatus,
  RequestView,
  SessionRecordView,
} from '@elevate/contracts';
import { ActiveAccessTable } from '../features/active-access/components/active-access-table';
import { MyRequests } from '../features/requests/components/my-requests';
import { RequestDetails } from '../features/requests/components/request-details';
import { alice, aRequestView, rita } from '../testing/fixtures';
import { rawEnumsIn } from '../testing/raw-enums';
import { fakeApi, renderWithApp } from '../testing/render-with-app';

// docs/glossary.md: "No raw enum (`APPROVED`, `pwd`, `EARLY_END`) is ever shown". One request in
// every status (and every phase of an approved one), with the events, decisions, sessions, extension,
// break-glass review and invitation that status can carry, through the views that show them.

const at = (minute: number) => `2026-05-12T11:${String(minute).padStart(2, '0')}:00Z`;
const event = (
  type: HistoryEventView['type'],
  statusAfter: RequestStatus,
  minute: number,
): HistoryEventView => ({ type, actor: rita, at: at(minute), statusAfter });

const session = (kind: SessionRecordView['kind'], minute: number): SessionRecordView => ({
  id: `s-${kind}`,
  requestId: 'r-1',
  kind,
  roleArn: 'arn:aws:iam::111111111111:role/ReadOnly',
  accountId: '111111111111',
  accessKeyId: 'test-access-key-id',
  expiresAt: at(minute + 30),
  region: 'eu-west-1',
  issuedAt: at(minute),
  issuedBy: alice,
  roleSessionName: 'alice@example.com',
});

const FINAL: Record<RequestStatus, HistoryEventView['type'] | undefined> = {
  PENDING: undefined,
  APPROVED: undefined,
  REJECTED: 'REJECTION',
  CANCELLED: 'CANCELLATION',
  EXPIRED: 'EXPIRY',
  REVOKED: 'REVOCATION',
  ENDED: 'EARLY_END',
};

const cases: { status: RequestStatus; phase: AccessPhase | null }[] = [
  { status: 'PENDING', phase: null },
  { status: 'APPROVED', phase: 'scheduled' },
  { status: 'APPROVED', phase: 'active' },
  { status: 'APPROVED', phase: 'over' },
  { status: 'REJECTED', phase: null },
  { status: 'CANCELLED', phase: null },
  { status: 'EXPIRED', phase: null },
  { status: 'REVOKED', phase: null },
  { status: 'ENDED', phase: null },
];

function requestIn({ status, phase }: (typeof cases)[number]): RequestView {
  const opened = status === 'APPROVED' || status === 'REVOKED' || status === 'ENDED';
  const decided = status !== 'PENDING' && status !== 'CANCELLED' && status !== 'EXPIRED';
  const final = FINAL[status];
  return aRequestView({
    // Ids are opaque to people; an enum-like one would trip the check below.
    id: `r-${cases.findIndex((one) => one.status === status && one.phase === phase)}`,
    status,
    phase,
    breakGlass: status === 'REVOKED',
    ...(status === 'REVOKED'
      ? { postAccessReview: { state: 'REVIEWED', reviewer: rita, reviewedAt: at(50) } }
      : {}),
    window: opened ? { startsAt: at(10), endsAt: at(40) } : null,
    ...(opened ? { approvedAt: at(5) } : {}),
    decisions: decided
      ? [
          {
            approver: rita,
            decision: status === 'REJECTED' ? 'REJECT' : 'APPROVE',
            at: at(5),
            comment: 'ok',
          },
        ]
      : [],
    approvalsCount: decided ? 1 : 0,
    extensions: opened
      ? [
          {
            minutes: 30,
            reason: 'More time',
            requestedAt: at(20),
            state: status === 'APPROVED' ? 'PENDING' : 'REFUSED',
            grantedByPolicy: false,
            approverGroups: ['reviewers'],
            approvalsRequired: 1,
            decisions: [],
          },
        ]
      : [],
    invitation: {
      inviter: rita,
      inviteeEmail: alice.email,
      state: status === 'CANCELLED' ? 'DECLINED' : 'ACCEPTED',
      invitedAt: at(0),
      answeredAt: at(1),
    },
    history: [
      event('CREATED', 'PENDING', 0),
      event('INVITATION_ACCEPTANCE', 'PENDING', 1),
      ...(decided ? [event(status === 'REJECTED' ? 'REJECTION' : 'APPROVAL', status, 5)] : []),
      ...(opened ? [event('EXTENSION_REQUEST', 'APPROVED', 20)] : []),
      ...(final && final !== 'REJECTION' ? [event(final, status, 45)] : []),
      ...(status === 'REVOKED' ? [event('BREAK_GLASS_REVIEW', 'REVOKED', 50)] : []),
    ],
    sessions: opened ? [session('console', 12), session('cli', 15)] : [],
  });
}

const name = ({ status, phase }: (typeof cases)[number]) => `${status}${phase ? `/${phase}` : ''}`;

describe('no raw enum reaches the screen', { timeout: 60_000 }, () => {
  afterEach(cleanup);

  for (const one of cases) {
    it(`on the request page of a request that is ${name(one)}`, async () => {
      const request = requestIn(one);
      const { container } = renderWithApp(<RequestDetails request={request} />, {
        api: fakeApi({}),
      });
      expect(await screen.findByRole('table', { name: 'Timeline' })).toBeTruthy();
      expect(rawEnumsIn(container)).toEqual([]);
    });
  }

  it('in My requests, with a request in every status', async () => {
    const items = cases.map(requestIn);
    const { container } = renderWithApp(<MyRequests onFlash={vi.fn()} />, {
      api: fakeApi({ 'GET /requests/mine?limit=25': () => ({ items }) }),
    });
    expect(await screen.findByText('Ended early')).toBeTruthy();
    expect(rawEnumsIn(container)).toEqual([]);
  });

  it('on Active access, in every phase of an open window', async () => {
    const items = cases
      .filter((one) => one.status === 'APPROVED')
      .map((one) => ({ ...requestIn(one), sessionsIssued: 2 }));
    const { container } = renderWithApp(<ActiveAccessTable listing="active" onFlash={vi.fn()} />, {
      api: fakeApi({ 'GET /access/active': () => ({ items }) }),
    });
    expect(await screen.findByText('Window over')).toBeTruthy();
    expect(rawEnumsIn(container)).toEqual([]);
  });

  it('and the check itself sees one when it is there', () => {
    const root = document.createElement('div');
    root.innerHTML =
      '<p>This request is APPROVED</p><span aria-label="Kind: EARLY_END"></span><b> cli </b>';
    expect(rawEnumsIn(root).sort()).toEqual(['APPROVED', 'EARLY_END', 'cli']);
  });
});
