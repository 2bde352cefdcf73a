import { describe, expect, it } from 'vitest';
import { PERSONAS, examplePolicy } from '../testing/personas';
import { getPolicyView } from './get-policy-view';

describe('the policy view', () => {
  it("carries the operator's statement that the IdP enforces MFA, and only when it was made", () => {
    const evidence = { amr: [], acr: [], acrs: [], enforcedByIdp: true };
    expect(
      getPolicyView({ policy: examplePolicy(), mfaEvidence: evidence }, PERSONAS.alice)
        .idpEnforcesMfa,
    ).toBe(true);
    expect(
      getPolicyView(
        {
          policy: examplePolicy(),
          mfaEvidence: { ...evidence, enforcedByIdp: false, amr: ['mfa'] },
        },
        PERSONAS.alice,
      ).idpEnforcesMfa,
    ).toBeUndefined();
  });
});
