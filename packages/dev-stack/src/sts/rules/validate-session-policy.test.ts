import { describe, expect, it } from 'vitest';
import { thrownStsError } from '../testing/fixtures';
import { validateSessionPolicy } from './validate-session-policy';

const windowPolicy = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: '*', Resource: '*' },
    {
      Effect: 'Deny',
      Action: '*',
      Resource: '*',
      Condition: { DateGreaterThan: { 'aws:CurrentTime': '2030-01-01T10:00:00Z' } },
    },
  ],
};

describe('validateSessionPolicy', () => {
  it('accepts and parses a policy of at most 2048 characters, and is optional', () => {
    expect(validateSessionPolicy(JSON.stringify(windowPolicy))).toEqual(windowPolicy);
    const padded = JSON.stringify(windowPolicy, null, 1).padEnd(2048, ' ');
    expect(padded).toHaveLength(2048);
    expect(validateSessionPolicy(padded)).toEqual(windowPolicy);
    expect(validateSessionPolicy(undefined)).toBeUndefined();
  });

  it('refuses more than 2048 characters with ValidationError', () => {
    const error = thrownStsError(() =>
      validateSessionPolicy(JSON.stringify(windowPolicy).padEnd(2049, ' ')),
    );
    expect(error.code).toBe('ValidationError');
    expect(error.message).toContain('Member must have length less than or equal to 2048');
  });

  it('refuses text that is not JSON, or JSON that is not a policy, with MalformedPolicyDocument', () => {
    expect(thrownStsError(() => validateSessionPolicy('{"Statement": ['))).toMatchObject({
      code: 'MalformedPolicyDocument',
      message: 'The policy is not in the valid JSON format.',
    });
    expect(thrownStsError(() => validateSessionPolicy('{"Version":"2012-10-17"}')).code).toBe(
      'MalformedPolicyDocument',
    );
    expect(
      thrownStsError(() => validateSessionPolicy('{"Statement":[{"Effect":"Maybe"}]}')).code,
    ).toBe('MalformedPolicyDocument');
  });
});
