import { describe, expect, it } from 'vitest';
import type { AccessRequest } from '../access-request';
import type { Actor } from '../actor';
import { addMinutes } from '../time';
import {
  NOW,
  adam,
  alice,
  bob,
  ctx,
  examplePolicy,
  examplePolicyData,
  pendingProductionAdmin,
  pendingSandbox,
  policyFrom,
  ravi,
  rita,
  unwrap,
} from '../testing/fixtures';
import { approveRequest } from '../transitions/approve-request';
import { cancelRequest } from '../transitions/cancel-request';
import { createBreakGlassRequest } from '../transitions/create-request';
import { endRequestEarly } from '../transitions/end-request-early';
import { expireRequest } from '../transitions/expire-request';
import { rejectRequest } from '../transitions/reject-request';
import { revokeRequest } from '../transitions/revoke-request';
import { SYSTEM_ACTOR } from '../actor';
import { federationCheck } from './federation-check';

const LATER = addMinutes(NOW, 30);
const approvedSandbox = (): AccessRequest =>
  unwrap(approveRequest(pendingSandbox(), {}, ctx(rita)));
const approvedProductionAdmin = (): AccessRequest =>
  unwrap(
    approveRequest(unwrap(approveRequest(pendingProductionAdmin(), {}, ctx(rita))), {}, ctx(ravi)),
  );
const codeOf = (
  request: AccessRequest,
  actor: Actor = alice,
  now = LATER,
  policy = examplePolicy,
): string | undefined => {
  const result = federationCheck(request, actor, policy, now);
  return result.ok ? undefined : result.error.code;
};

describe('federationCheck', () => {
  it('allows the requester of an approved request inside its window and hands back the window and rule', () => {
    const result = federationCheck(approvedSandbox(), alice, examplePolicy, LATER);
    expect(result).toMatchObject({
      ok: true,
      value: {
        window: { startsAt: NOW, endsAt: addMinutes(NOW, 120) },
        rule: { roleName: 'PowerUser' },
      },
    });
  });

  it('refuses anyone but the requester, even a reviewer or admin', () => {
    for (const other of [bob, rita, adam])
      expect(codeOf(approvedSandbox(), other)).toBe('NOT_REQUESTER');
  });

  it('refuses someone else’s request before saying anything about its state', () => {
    expect(codeOf(pendingSandbox(), bob)).toBe('NOT_REQUESTER');
  });

  it('refuses a requester removed from the eligible group since approval', () => {
    expect(codeOf(approvedSandbox(), { ...alice, groups: ['contractors'] })).toBe('NOT_ELIGIBLE');
  });

  it('refuses when the policy no longer offers the role', () => {
    const data = examplePolicyData() as { rules: { roles: string[] }[] };
    const withoutPowerUser = policyFrom({
      ...data,
      rules: data.rules.map((rule) => ({
        ...rule,
        roles: rule.roles.filter((r) => r !== 'PowerUser').concat('ReadOnly'),
      })),
    });
    expect(codeOf(approvedSandbox(), alice, LATER, withoutPowerUser)).toBe('UNKNOWN_ROLE');
  });

  it.each([
    ['pending', () => pendingSandbox()],
    ['rejected', () => unwrap(rejectRequest(pendingSandbox(), { comment: 'No' }, ctx(rita)))],
    ['cancelled', () => unwrap(cancelRequest(pendingSandbox(), {}, ctx(alice)))],
    [
      'expired',
      () =>
        unwrap(expireRequest(pendingSandbox(), ctx(SYSTEM_ACTOR, addMinutes(NOW, 24 * 60 + 1)))),
    ],
    [
      'revoked',
      () =>
        unwrap(
          revokeRequest(
            approvedSandbox(),
            { comment: 'Incident over' },
            ctx(rita, addMinutes(NOW, 10)),
          ),
        ),
    ],
    [
      'ended early',
      () => unwrap(endRequestEarly(approvedSandbox(), {}, ctx(alice, addMinutes(NOW, 10)))),
    ],
  ])('refuses a %s request', (_label, request) => {
    expect(codeOf(request())).toBe('INVALID_STATE');
  });

  it('refuses a scheduled request before its window opens, and allows it once open', () => {
    const scheduled = unwrap(
      approveRequest(pendingSandbox(alice, { scheduledStart: addMinutes(NOW, 60) }), {}, ctx(rita)),
    );
    expect(codeOf(scheduled, alice, addMinutes(NOW, 59))).toBe('WINDOW_NOT_OPEN');
    expect(codeOf(scheduled, alice, addMinutes(NOW, 60))).toBeUndefined();
  });

  it('refuses once the window is over, to the millisecond', () => {
    const request = approvedSandbox();
    expect(codeOf(request, alice, '2025-03-03T10:59:59.999Z')).toBeUndefined();
    expect(codeOf(request, alice, addMinutes(NOW, 120))).toBe('WINDOW_OVER');
  });

  describe('step-up', () => {
    it('allows a recent MFA sign-in', () => {
      expect(
        codeOf(approvedProductionAdmin(), {
          ...alice,
          amr: ['pwd', 'mfa'],
          authTime: addMinutes(LATER, -15),
        }),
      ).toBeUndefined();
    });

    it.each<[string, Partial<Actor>]>([
      ['no MFA', { amr: ['pwd'] }],
      ['a sign-in older than the rule allows', { authTime: addMinutes(LATER, -16) }],
      ['no auth_time', { authTime: undefined }],
      ['an unreadable auth_time', { authTime: 'yesterday' }],
    ])('asks for a fresh sign-in with %s, saying how recent it must be', (_label, change) => {
      const result = federationCheck(
        approvedProductionAdmin(),
        { ...alice, ...change },
        examplePolicy,
        LATER,
      );
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'STEP_UP_REQUIRED', maxAuthAgeSeconds: 900 },
      });
    });

    it('is not asked for by rules without it', () => {
      expect(codeOf(approvedSandbox(), { ...alice, amr: [], authTime: undefined })).toBeUndefined();
    });

    it('comes after the other checks, so nobody signs in again only to be refused', () => {
      const stale = { ...alice, amr: ['pwd'] };
      expect(codeOf(approvedProductionAdmin(), stale, addMinutes(NOW, 61))).toBe('WINDOW_OVER');
      expect(codeOf(approvedProductionAdmin(), { ...stale, groups: [] })).toBe('NOT_ELIGIBLE');
    });
  });

  describe('approvals, against the rule as it is now', () => {
    const data = examplePolicyData() as { rules: Record<string, unknown>[] };
    const withRule = (id: string, patch: Record<string, unknown>) =>
      policyFrom({
        ...data,
        rules: data.rules.map((rule) => (rule['id'] === id ? { ...rule, ...patch } : rule)),
      });

    it('refuses a request approved by fewer people than the tightened policy now requires', () => {
      const stricter = withRule('engineers-non-production', { approvalsRequired: 2 });
      expect(codeOf(approvedSandbox(), alice, LATER, stricter)).toBe('APPROVALS_BELOW_POLICY');
      const once = approvedSandbox();
      // A second, distinct approver (as a request approved under the stricter rule would have).
      const twice: AccessRequest = {
        ...once,
        decisions: once.decisions.flatMap((decision) => [
          decision,
          { ...decision, approver: { ...decision.approver, sub: ravi.sub } },
        ]),
      };
      expect(codeOf(twice, alice, LATER, stricter)).toBeUndefined();
      // The same person twice is one approval.
      const sameTwice: AccessRequest = {
        ...once,
        decisions: once.decisions.flatMap((decision) => [decision, decision]),
      };
      expect(codeOf(sameTwice, alice, LATER, stricter)).toBe('APPROVALS_BELOW_POLICY');
    });

    it('counts the requester’s own approval only while the rule still allows self-approval', () => {
      const approved = approvedProductionAdmin();
      const selfApproved: AccessRequest = {
        ...approved,
        decisions: approved.decisions.map((decision, index) =>
          index === 1
            ? { ...decision, approver: { ...decision.approver, sub: alice.sub } }
            : decision,
        ),
      };
      const mfa = { ...alice, amr: ['pwd', 'mfa'], authTime: LATER };
      expect(codeOf(approved, mfa)).toBeUndefined();
      expect(codeOf(selfApproved, mfa)).toBe('APPROVALS_BELOW_POLICY');
      const selfAllowed = withRule('engineers-production-admin', { selfApproval: true });
      expect(codeOf(selfApproved, mfa, LATER, selfAllowed)).toBeUndefined();
    });
  });

  it('refuses a break-glass session once the policy no longer allows break-glass there', () => {
    const breakGlass = unwrap(
      createBreakGlassRequest(
        {
          id: 'bg-1',
          accountId: '333333333333',
          roleName: 'Administrator',
          justification: 'Production outage, restore service now',
          ticket: 'OPS-9',
          durationMinutes: 60,
        },
        ctx(alice),
      ),
    );
    expect(codeOf(breakGlass, alice, addMinutes(NOW, 5))).toBeUndefined();
    const data = examplePolicyData() as { rules: Record<string, unknown>[] };
    const noBreakGlass = policyFrom({
      ...data,
      rules: data.rules.map((rule) => ({ ...rule, breakGlass: false })),
    });
    expect(codeOf(breakGlass, alice, addMinutes(NOW, 5), noBreakGlass)).toBe(
      'BREAK_GLASS_NOT_ALLOWED',
    );
  });
});
