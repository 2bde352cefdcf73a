import { describe, expect, it } from 'vitest';
import { PERSONAS, examplePolicyFromFile } from '@elevate/testing';
import { getPolicyView } from './get-policy-view';

describe('the policy view', () => {
  it("carries the operator's statement that the IdP enforces MFA, and only when it was made", () => {
    const evidence = { amr: [], acr: [], acrs: [], enforcedByIdp: true };
    expect(
      getPolicyView({ policy: examplePolicyFromFile(), mfaEvidence: evidence }, PERSONAS.alice)
        .idpEnforcesMfa,
    ).toBe(true);
    expect(
      getPolicyView(
        {
          policy: examplePolicyFromFile(),
          mfaEvidence: { ...evidence, enforcedByIdp: false, amr: ['mfa'] },
        },
        PERSONAS.alice,
      ).idpEnforcesMfa,
    ).toBeUndefined();
  });
});
