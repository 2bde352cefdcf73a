import { beforeAll, describe, expect, it } from 'vitest';
import { matchesPolicyPattern, policyPatternEngineReady } from './policy-pattern';

beforeAll(() => policyPatternEngineReady);

describe('matchesPolicyPattern in the browser', () => {
  it('checks a policy pattern like the API does', () => {
    expect(matchesPolicyPattern('^[A-Z]+-\\d+$', 'OPS-42')).toBe(true);
    expect(matchesPolicyPattern('^[A-Z]+-\\d+$', 'ops 42')).toBe(false);
    expect(matchesPolicyPattern('INC\\d+', 'see INC123')).toBe(true);
  });

  it('runs a pattern that would freeze a backtracking engine, in linear time', () => {
    expect(matchesPolicyPattern('^(a+)+$', `${'a'.repeat(20_000)}!`)).toBe(false);
  }, 30_000);

  it('leaves a pattern it cannot compile to the server', () => {
    expect(matchesPolicyPattern('(?=x)', 'anything')).toBe(true);
  });
});
