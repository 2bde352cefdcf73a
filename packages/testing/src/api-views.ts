// What the API answers, as plain data, for the suites of its clients (the SPA, the typed client,
// the CLI); each builder takes what a test cares about.
import type { RequestSummary, RequestView } from '@elevate/contracts';
import { personas, personRef } from '@elevate/domain/testing/personas';

/** Alice's pending ReadOnly request in the sandbox, as a list shows it. */
export function aRequest(overrides: Partial<RequestSummary> = {}): RequestSummary {
  return {
    id: 'r-1',
    requester: personRef(personas.alice),
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
    ...overrides,
  };
}

/** The same request with its history, as its own page shows it. */
export function aRequestView(overrides: Partial<RequestView> = {}): RequestView {
  return {
    ...aRequest(overrides),
    history: [
      {
        type: 'CREATED',
        actor: personRef(personas.alice),
        at: '2026-05-12T11:00:00Z',
        statusAfter: 'PENDING',
      },
    ],
    ...overrides,
  };
}
