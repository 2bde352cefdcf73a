import { describe, expect, it } from 'vitest';
import { requestPageSchema, requestViewSchema } from './request-view';

const person = { sub: 's', email: 'a@example.com', name: 'A' };
const view = {
  id: 'r1',
  requester: person,
  accountId: '111111111111',
  roleName: 'PowerUser',
  justification: 'Debug the pipeline',
  requestedDurationMinutes: 60,
  status: 'APPROVED',
  breakGlass: false,
  approverGroups: ['reviewers'],
  approvalsRequired: 1,
  approvalsCount: 1,
  decisions: [{ approver: person, decision: 'APPROVE', at: '2025-03-03T09:00:00.000Z' }],
  approvedAt: '2025-03-03T09:00:00.000Z',
  createdAt: '2025-03-03T08:00:00.000Z',
  updatedAt: '2025-03-03T09:00:00.000Z',
  version: 2,
  phase: 'active',
  window: { startsAt: '2025-03-03T09:00:00.000Z', endsAt: '2025-03-03T10:00:00.000Z' },
  allowedActions: ['endEarly'],
  history: [
    { type: 'CREATED', actor: person, at: '2025-03-03T08:00:00.000Z', statusAfter: 'PENDING' },
  ],
};

describe('requestViewSchema', () => {
  it('reads a request view with its computed phase and window', () => {
    expect(requestViewSchema.parse(view)).toMatchObject({
      phase: 'active',
      window: { endsAt: '2025-03-03T10:00:00.000Z' },
    });
    expect(
      requestViewSchema.parse({ ...view, status: 'PENDING', phase: null, window: null }).phase,
    ).toBeNull();
  });

  it('refuses a status or an action it does not know, so client and server cannot drift silently', () => {
    expect(requestViewSchema.safeParse({ ...view, status: 'ACTIVE' }).success).toBe(false);
    expect(requestViewSchema.safeParse({ ...view, allowedActions: ['delete'] }).success).toBe(
      false,
    );
  });

  it('carries the request’s sessions when sent, and never a secret a session record might be handed', () => {
    const session = {
      id: 's1',
      requestId: 'r1',
      kind: 'cli',
      roleArn: 'arn:aws:iam::111111111111:role/PowerUser',
      accountId: '111111111111',
      accessKeyId: 'ASIA' + 'EXAMPLE'.repeat(2) + 'AB',
      expiresAt: '2025-03-03T10:00:00.000Z',
      region: 'eu-west-1',
      issuedAt: '2025-03-03T09:05:00.000Z',
      issuedBy: person,
    };
    expect(requestViewSchema.parse(view).sessions).toBeUndefined();
    const parsed = requestViewSchema.parse({
      ...view,
      sessions: [{ ...session, secretAccessKey: 'x'.repeat(40) }],
    });
    expect(parsed.sessions).toEqual([session]);
    expect(
      requestViewSchema.safeParse({ ...view, sessions: [{ ...session, kind: 'api' }] }).success,
    ).toBe(false);
  });

  it('lists summaries without history', () => {
    const { history: _history, ...summary } = view;
    expect(requestPageSchema.parse({ items: [summary], nextCursor: 'abc' }).items).toHaveLength(1);
  });
});
