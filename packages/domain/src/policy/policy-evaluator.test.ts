import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import {
  DATA_LAKE,
  PRODUCTION,
  SANDBOX,
  STAGING,
  adam,
  alice,
  audrey,
  bob,
  examplePolicy,
  examplePolicyData,
  nina,
  pendingSandbox,
  policyFrom,
  rita,
} from '../testing/fixtures';
import { canRequest } from './can-request';
import { combineRules } from './effective-rule';
import {
  effectiveRuleFor,
  eligibilityOf,
  isAdmin,
  isAuditor,
  isReviewer,
  routingKeysFor,
} from './policy-evaluator';
import type { PolicyRule } from './policy-schema';
import { canSee } from './request-visibility';

const summary = (actor: Actor) =>
  eligibilityOf(examplePolicy, actor).map((entry) => `${entry.account.name}/${entry.roleName}`);

describe('eligibilityOf', () => {
  it('lists what an engineer may request, account by account', () => {
    expect(summary(alice)).toEqual([
      'sandbox/ReadOnly',
      'sandbox/PowerUser',
      'staging/ReadOnly',
      'staging/PowerUser',
      'production/ReadOnly',
      'production/Administrator',
    ]);
  });

  it('adds the data lake for a data engineer and nothing for a contractor or an auditor', () => {
    expect(summary(bob)).toEqual([...summary(alice), 'data-lake/ReadOnly', 'data-lake/PowerUser']);
    expect(summary(nina)).toEqual([]);
    expect(summary(audrey)).toEqual([]);
  });

  it('carries the limits and the reviewers of each entry', () => {
    const admin = eligibilityOf(examplePolicy, alice).find(
      (entry) => entry.roleName === 'Administrator',
    );
    expect(admin).toMatchObject({
      ruleIds: ['engineers-production-admin'],
      maxDurationMinutes: 120,
      defaultDurationMinutes: 60,
      ticketRequired: true,
      ticketPatterns: [{ pattern: '^[A-Z]+-\\d+$', hint: 'Use the issue key, e.g. OPS-1234.' }],
      approvalsRequired: 2,
      approverGroups: ['reviewers'],
      breakGlass: true,
      stepUp: { mfa: true, maxAuthAgeMinutes: 15 },
    });
  });
});

describe('effectiveRuleFor and canRequest', () => {
  it('explains each refusal with a code and a reason', () => {
    expect(
      canRequest(examplePolicy, alice, { accountId: '999999999999', roleName: 'ReadOnly' }),
    ).toMatchObject({ allowed: false, code: 'UNKNOWN_ACCOUNT' });
    expect(
      canRequest(examplePolicy, alice, { accountId: SANDBOX, roleName: 'Administrator' }),
    ).toMatchObject({ allowed: false, code: 'UNKNOWN_ROLE' });
    expect(canRequest(examplePolicy, nina, { accountId: STAGING, roleName: 'ReadOnly' })).toEqual({
      allowed: false,
      code: 'NOT_ELIGIBLE',
      reason: 'ReadOnly in staging is for members of engineers; you are in none of these groups.',
    });
    expect(
      canRequest(examplePolicy, alice, {
        accountId: STAGING,
        roleName: 'ReadOnly',
        breakGlass: true,
      }),
    ).toMatchObject({ allowed: false, code: 'BREAK_GLASS_NOT_ALLOWED' });
  });

  it('allows eligible requests, break-glass where the rule does', () => {
    expect(
      canRequest(examplePolicy, alice, {
        accountId: PRODUCTION,
        roleName: 'Administrator',
        breakGlass: true,
      }),
    ).toEqual({ allowed: true });
    expect(canRequest(examplePolicy, bob, { accountId: DATA_LAKE, roleName: 'PowerUser' })).toEqual(
      { allowed: true },
    );
  });

  it('combines several matching rules to the strictest limits', () => {
    const data = examplePolicyData();
    const rules = data.rules as Array<Record<string, unknown>>;
    rules.push({
      id: 'on-call-sandbox',
      groups: ['on-call'],
      accounts: { ids: [SANDBOX] },
      roles: ['PowerUser'],
      maxDurationMinutes: 720,
      defaultDurationMinutes: 240,
      pendingExpiryMinutes: 60,
      justification: { minLength: 30, maxLength: 2000, pattern: 'INC-\\d+' },
      ticketRequired: true,
      approvalsRequired: 2,
      breakGlass: true,
      stepUp: { mfa: true, maxAuthAgeMinutes: 30 },
    });
    const policy = policyFrom(data);
    const both: Actor = { ...alice, groups: ['engineers', 'on-call'] };
    const result = effectiveRuleFor(policy, both, SANDBOX, 'PowerUser');
    expect(result.ok && result.value).toMatchObject({
      ruleIds: ['engineers-non-production', 'on-call-sandbox'],
      maxDurationMinutes: 480,
      defaultDurationMinutes: 60,
      pendingExpiryMinutes: 60,
      justification: { minLength: 30, maxLength: 1000, patterns: [{ pattern: 'INC-\\d+' }] },
      ticketRequired: true,
      approvalsRequired: 2,
      breakGlass: false,
      stepUp: { mfa: true, maxAuthAgeMinutes: 30 },
    });
  });

  it('refuses with POLICY_CONFLICT when matching rules share no approver group', () => {
    const [first] = examplePolicy.rules;
    const account = examplePolicy.accounts[0];
    if (first === undefined || account === undefined) throw new Error('fixture');
    const other: PolicyRule = { ...first, id: 'other', approverGroups: ['someone-else'] };
    const result = combineRules([first, other], account, 'ReadOnly');
    expect(result.ok ? undefined : result.error.code).toBe('POLICY_CONFLICT');
  });
});

describe('roles and routing', () => {
  it("knows admins, auditors and reviewers from the policy's groups", () => {
    expect([isAdmin(examplePolicy, adam), isAdmin(examplePolicy, rita)]).toEqual([true, false]);
    expect([isAuditor(examplePolicy, audrey), isAuditor(examplePolicy, adam)]).toEqual([
      true,
      false,
    ]);
    expect([isReviewer(examplePolicy, rita), isReviewer(examplePolicy, alice)]).toEqual([
      true,
      false,
    ]);
  });

  it('gives reviewers the routing keys of their queues and others none', () => {
    expect(routingKeysFor(examplePolicy, rita)).toEqual(['["reviewers"]']);
    expect(routingKeysFor(examplePolicy, alice)).toEqual([]);
    expect(pendingSandbox().routing.routingKey).toBe('["reviewers"]');
  });
});

describe('canSee', () => {
  const request = pendingSandbox(alice);
  it.each([
    ['the requester', alice, true],
    ['a routed reviewer', rita, true],
    ['an auditor', audrey, true],
    ['an admin', adam, true],
    ['another engineer', bob, false],
    ['a contractor', nina, false],
  ])('lets %s see the request: %s', (_label, actor, allowed) => {
    expect(canSee(examplePolicy, actor, request).allowed).toBe(allowed);
  });

  it('answers NOT_VISIBLE with a reason when refused', () => {
    expect(canSee(examplePolicy, bob, request)).toMatchObject({
      allowed: false,
      code: 'NOT_VISIBLE',
    });
  });
});
