import type { EligibilityEntry, MeResponse } from '@elevate/contracts';
import { personas, personRef } from '@elevate/testing/personas';

export { aRequest, aRequestView } from '@elevate/testing/api-views';

// Plain data the API would send; each builder takes what a test cares about.

export const alice = personRef(personas.alice);
export const rita = personRef(personas.rita);

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
    groups: [...personas.alice.groups],
    amr: ['pwd', 'mfa'],
    authTime: '2026-05-12T12:03:09Z',
    eligibility: { entries: [anEntry()], roles: { reviewer: false, auditor: false, admin: false } },
    ...overrides,
  };
}
