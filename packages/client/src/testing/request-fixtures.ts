import type { CreateRequestBody, RequestView } from '@elevate/contracts';

/** A body the API accepts for `createRequest`. */
export const createBody: CreateRequestBody = {
  accountId: '111111111111',
  roleName: 'ReadOnly',
  justification: 'Investigate the failing deploy',
};

/** A pending request as the API answers it. */
export function aRequestView(overrides: Partial<RequestView> = {}): RequestView {
  const requester = { sub: 's-alice', email: 'alice@example.com', name: 'Alice' };
  return {
    id: 'r-1',
    requester,
    accountId: '111111111111',
    accountName: 'sandbox',
    roleName: 'ReadOnly',
    justification: 'Investigate the failing deploy',
    requestedDurationMinutes: 60,
    status: 'PENDING',
    breakGlass: false,
    approverGroups: ['reviewers'],
    approvalsRequired: 1,
    approvalsCount: 0,
    decisions: [],
    createdAt: '2026-05-12T11:00:00Z',
    updatedAt: '2026-05-12T11:00:00Z',
    version: 1,
    phase: null,
    window: null,
    allowedActions: [],
    history: [
      { type: 'CREATED', actor: requester, at: '2026-05-12T11:00:00Z', statusAfter: 'PENDING' },
    ],
    ...overrides,
  };
}
