import { describe, expect, it } from 'vitest';
import { thrownStsError } from '../testing/fixtures';
import { validatePolicyArns } from './validate-policy-arns';

const arn = (i: number) => `arn:aws:iam::111111111111:policy/session-${i}`;

describe('validatePolicyArns', () => {
  it('accepts up to 10 managed policy ARNs', () => {
    const ten = Array.from({ length: 10 }, (_, i) => arn(i));
    expect(validatePolicyArns(ten)).toEqual(ten);
    expect(validatePolicyArns(['arn:aws:iam::aws:policy/ReadOnlyAccess'])).toHaveLength(1);
  });

  it('refuses 11 ARNs, and an ARN that is not a managed policy', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => arn(i));
    expect(thrownStsError(() => validatePolicyArns(eleven)).message).toContain(
      'Member must have length less than or equal to 10',
    );
    expect(
      thrownStsError(() => validatePolicyArns(['arn:aws:iam::111111111111:role/ReadOnly'])).code,
    ).toBe('ValidationError');
  });
});
