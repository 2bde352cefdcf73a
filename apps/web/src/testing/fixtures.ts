import type { EligibilityEntry, MeResponse, RequestSummary, RequestView } from '@elevate/contracts';

// Plain data the API would send; each builder takes what a test cares about.

export const alice = { sub: '7b0c1a2e-alice', email: 'alice@example.com', name: 'Alice Requester' };
export const rita = { sub: '9e2f3a4b-rita', email: 'rita@example.com', name: 'Rita Reviewer' };

export function anEntry(overrides: Partial<EligibilityEntry> = {}): EligibilityEntry {
  return {
    accountId: '111111111111',
    accountName: 'sandbox',
    accountTags: { environment: 'dev' },
    roleName: 'ReadOnly',
    maxDurationMinutes: 480,
    defaultDurationMinutes: 60,
    pendingExpiryMinutes: 1440,
    maxStartDelayMinutes: 10_080,
    justification: { minLength: 10, maxLength: 1000, patterns: [] },
    ticketRequired: false,
    ticketPatterns: [],
    approvalsRequired: 1,
    approverGroups: ['reviewers'],
    selfApproval: false,
    breakGlassAllowed: false,
    ...overrides,
  };
}

export function aMe(overrides: Partial<MeResponse> = {}): MeResponse {
  return {
    ...alice,
    groups: ['engineers'],
    amr: ['pwd', 'mfa'],
    authTime: '2026-05-12T12:03:09Z',
    eligibility: { entries: [anEntry()], roles: { reviewer: false, auditor: false, admin: false } },
    ...overrides,
  };
}

export function aRequest(overrides: Partial<RequestSummary> = {}): RequestSummary {
  return {
    id: 'r-1',
    requester: alice,
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

export function aRequestView(overrides: Partial<RequestView> = {}): RequestView {
  return {
    ...aRequest(overrides),
    history: [
      { type: 'CREATED', actor: alice, at: '2026-05-12T11:00:00Z', statusAfter: 'PENDING' },
    ],
    ...overrides,
  };
}
