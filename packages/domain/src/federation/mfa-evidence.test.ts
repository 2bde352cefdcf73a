import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { addMinutes } from '../time';
import { NOW, alice, examplePolicy, examplePolicyData, policyFrom } from '../testing/fixtures';
import { meetsStepUp, signedInWithMfa, unreachableStepUpRules } from './mfa-evidence';
import type { MfaEvidence } from './mfa-evidence';

const none: MfaEvidence = { amr: [], acr: [], acrs: [], enforcedByIdp: false };
const stepUp = { mfa: true as const, maxAuthAgeMinutes: 15 };
const signedIn = (overrides: Partial<Actor>): Actor => ({
  ...alice,
  amr: [],
  authTime: NOW,
  ...overrides,
});

describe('MFA evidence', () => {
  it('accepts any configured RFC 8176 amr value, not only the literal mfa', () => {
    const evidence = { ...none, amr: ['mfa', 'otp', 'hwk', 'swk'] };
    for (const method of ['mfa', 'otp', 'hwk', 'swk'])
      expect(signedInWithMfa(signedIn({ amr: ['pwd', method] }), evidence)).toBe(true);
    expect(signedInWithMfa(signedIn({ amr: ['pwd'] }), evidence)).toBe(false);
  });

  it('accepts a configured acr value, and only that one', () => {
    const evidence = { ...none, acr: ['urn:example:mfa'] };
    expect(signedInWithMfa(signedIn({ acr: 'urn:example:mfa' }), evidence)).toBe(true);
    expect(signedInWithMfa(signedIn({ acr: 'urn:example:pwd' }), evidence)).toBe(false);
    expect(signedInWithMfa(signedIn({}), evidence)).toBe(false);
  });

  it('accepts an Entra authentication context in acrs', () => {
    const evidence = { ...none, acrs: ['c1'] };
    expect(signedInWithMfa(signedIn({ acrs: ['c1'] }), evidence)).toBe(true);
    expect(signedInWithMfa(signedIn({ acrs: ['c2'] }), evidence)).toBe(false);
  });

  it("takes the operator's word that the IdP enforces MFA for everyone (Cognito)", () => {
    expect(signedInWithMfa(signedIn({}), { ...none, enforcedByIdp: true })).toBe(true);
  });

  it('still wants a recent sign-in for step-up, whatever the evidence', () => {
    const evidence = { ...none, enforcedByIdp: true };
    const fresh = signedIn({ authTime: NOW });
    expect(meetsStepUp(fresh, stepUp, addMinutes(NOW, 15), evidence)).toBe(true);
    expect(meetsStepUp(fresh, stepUp, addMinutes(NOW, 16), evidence)).toBe(false);
    const { authTime: _unused, ...noTime } = fresh;
    expect(meetsStepUp(noTime, stepUp, NOW, evidence)).toBe(false);
  });

  it('names the step-up rules that no sign-in could meet with the configured evidence', () => {
    const data = examplePolicyData();
    const withStepUp = policyFrom({
      ...data,
      rules: (data['rules'] as Record<string, unknown>[]).map((rule, index) =>
        index === 0 ? { ...rule, stepUp: { mfa: true, maxAuthAgeMinutes: 15 } } : rule,
      ),
    });
    const [first] = withStepUp.rules;
    expect(unreachableStepUpRules(withStepUp, none)).toEqual(
      withStepUp.rules.filter((rule) => rule.stepUp !== undefined).map((rule) => rule.id),
    );
    expect(unreachableStepUpRules(withStepUp, none)).toContain(first?.id);
    expect(unreachableStepUpRules(withStepUp, { ...none, acrs: ['c1'] })).toEqual([]);
    expect(unreachableStepUpRules(examplePolicy, none)).toEqual(
      examplePolicy.rules.filter((rule) => rule.stepUp !== undefined).map((rule) => rule.id),
    );
  });
});
