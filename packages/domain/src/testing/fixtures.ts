// Test support: the example policy as data (the domain does no I/O, so no YAML here), the
// personas signed in, and helpers that deep-freeze every request handed to a transition so a mutation throws.
import type { AccessRequest } from '../access-request';
import type { Actor } from '../actor';
import { parsePolicy } from '../policy/parse-policy';
import type { Policy } from '../policy/policy-schema';
import type { CreateRequestInput } from '../transitions/create-request';
import { createRequest } from '../transitions/create-request';
import type { TransitionContext, TransitionResult } from '../transitions/transition';
import { personas } from './personas';
import type { PersonaPerson } from './personas';

export const NOW = '2025-03-03T09:00:00.000Z';

export const SANDBOX = '111111111111';
export const STAGING = '222222222222';
export const PRODUCTION = '333333333333';
export const DATA_LAKE = '444444444444';

/** Mirrors config/policy.example.yaml. */
export const examplePolicyData = (): Record<string, unknown> => ({
  version: 1,
  accounts: [
    { id: SANDBOX, name: 'sandbox', tags: { environment: 'dev' } },
    { id: STAGING, name: 'staging', tags: { environment: 'staging' } },
    { id: PRODUCTION, name: 'production', tags: { environment: 'prod' } },
    { id: DATA_LAKE, name: 'data-lake', tags: { environment: 'prod', domain: 'data' } },
  ],
  groups: {
    reviewers: ['reviewers'],
    auditors: ['auditors'],
    admins: ['elevate-admins'],
    securityLeads: ['security-leads'],
  },
  rules: [
    {
      id: 'engineers-non-production',
      groups: ['engineers'],
      accounts: { tags: { environment: ['dev', 'staging'] } },
      roles: ['ReadOnly', 'PowerUser'],
      maxDurationMinutes: 480,
      defaultDurationMinutes: 60,
      pendingExpiryMinutes: 1440,
      justification: { minLength: 10, maxLength: 1000 },
      approvalsRequired: 1,
    },
    {
      id: 'engineers-production-read',
      groups: ['engineers'],
      accounts: { ids: [PRODUCTION] },
      roles: ['ReadOnly'],
      maxDurationMinutes: 240,
      defaultDurationMinutes: 60,
      pendingExpiryMinutes: 480,
      justification: { minLength: 20, maxLength: 1000 },
      approvalsRequired: 1,
    },
    {
      id: 'engineers-production-admin',
      groups: ['engineers'],
      accounts: { ids: [PRODUCTION] },
      roles: ['Administrator'],
      maxDurationMinutes: 120,
      defaultDurationMinutes: 60,
      pendingExpiryMinutes: 240,
      justification: { minLength: 20, maxLength: 1000 },
      ticketRequired: true,
      ticketPattern: '^[A-Z]+-\\d+$',
      ticketPatternHint: 'Use the issue key, e.g. OPS-1234.',
      approvalsRequired: 2,
      approverGroups: ['reviewers'],
      selfApproval: false,
      breakGlass: true,
      stepUp: { mfa: true, maxAuthAgeMinutes: 15 },
    },
    {
      id: 'data-engineers-data-lake',
      groups: ['data-engineers'],
      accounts: { tags: { domain: 'data' } },
      roles: ['ReadOnly', 'PowerUser'],
      maxDurationMinutes: 240,
      defaultDurationMinutes: 60,
      pendingExpiryMinutes: 720,
      justification: { minLength: 10, maxLength: 1000 },
      approvalsRequired: 1,
    },
  ],
});

export const policyFrom = (data: unknown): Policy => {
  const parsed = parsePolicy(data);
  if (!parsed.ok) throw new Error(`fixture policy is invalid: ${JSON.stringify(parsed.error)}`);
  return parsed.value;
};

export const examplePolicy: Policy = policyFrom(examplePolicyData());

/** A persona signed in with a password and MFA at `authTime`, as the domain sees it. */
export const signedIn = (person: PersonaPerson, authTime: string = NOW): Actor => ({
  ...person,
  groups: [...person.groups],
  amr: ['pwd', 'mfa'],
  authTime,
});

export const alice = signedIn(personas.alice);
export const bob = signedIn(personas.bob);
export const rita = signedIn(personas.rita);
export const ravi = signedIn(personas.ravi);
export const audrey = signedIn(personas.audrey);
export const adam = signedIn(personas.adam);
export const nina = signedIn(personas.nina);
export const ada = signedIn(personas.ada);

export const ctx = (
  actor: Actor,
  now: string = NOW,
  policy: Policy = examplePolicy,
): TransitionContext => ({ now, actor, policy });

export const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
};

export const sandboxInput = (overrides: Partial<CreateRequestInput> = {}): CreateRequestInput => ({
  id: 'req-1',
  accountId: SANDBOX,
  roleName: 'PowerUser',
  justification: 'Debug the failing deploy pipeline',
  durationMinutes: 120,
  ...overrides,
});

export const productionAdminInput = (
  overrides: Partial<CreateRequestInput> = {},
): CreateRequestInput => ({
  id: 'req-2',
  accountId: PRODUCTION,
  roleName: 'Administrator',
  justification: 'Rotate the database credentials after the incident',
  ticket: 'OPS-1234',
  durationMinutes: 60,
  ...overrides,
});

/** The request of a successful transition, frozen; throws (failing the test) on a refusal. */
export const unwrap = (result: TransitionResult): AccessRequest => {
  if (!result.ok)
    throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return deepFreeze(result.value.request);
};

export const errorCode = (result: {
  readonly ok: boolean;
  readonly error?: { readonly code: string };
}): string | undefined => (result.ok ? undefined : result.error?.code);

export const pendingSandbox = (
  actor: Actor = alice,
  overrides: Partial<CreateRequestInput> = {},
): AccessRequest => unwrap(createRequest(sandboxInput(overrides), ctx(actor)));

export const pendingProductionAdmin = (
  actor: Actor = alice,
  overrides: Partial<CreateRequestInput> = {},
): AccessRequest => unwrap(createRequest(productionAdminInput(overrides), ctx(actor)));
