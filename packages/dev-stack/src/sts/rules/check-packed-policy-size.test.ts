import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { thrownStsError } from '../testing/fixtures';
import { checkPackedPolicySize } from './check-packed-policy-size';

describe('checkPackedPolicySize', () => {
  it('reports nothing when no session policy or tag was passed, and a small percentage for a typical one', () => {
    expect(checkPackedPolicySize({ policy: undefined, policyArns: [], tags: [] })).toBeUndefined();
    const size = checkPackedPolicySize({
      policy: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }],
      },
      policyArns: [],
      tags: [{ key: 'elevate:request', value: 'r-123', transitive: true }],
    });
    expect(size).toBeGreaterThanOrEqual(1);
    expect(size).toBeLessThan(20);
  });

  it('refuses session tags and policies that overflow the packed budget with PackedPolicyTooLarge', () => {
    const tags = Array.from({ length: 50 }, (_, i) => ({
      key: `k${i}-${randomBytes(48).toString('hex')}`,
      value: randomBytes(96).toString('hex'),
      transitive: false,
    }));
    const error = thrownStsError(() =>
      checkPackedPolicySize({ policy: undefined, policyArns: [], tags }),
    );
    expect(error.code).toBe('PackedPolicyTooLarge');
    expect(error.message).toMatch(
      /^Packed policy consumes \d+% of allotted space, please use smaller policy\.$/,
    );
  });
});
