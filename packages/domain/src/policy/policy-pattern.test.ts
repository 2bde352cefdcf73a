import { describe, expect, it } from 'vitest';
import { MAX_PATTERN_LENGTH, matchesPolicyPattern, policyPatternProblem } from './policy-pattern';

describe('policyPatternProblem', () => {
  it.each([
    '^[A-Z]+-\\d+$',
    '\\b(?:INC|CHG)\\d{6,}\\b',
    '[\\w.-]+@[\\w.-]+',
    '^\\p{L}+$',
    '(?<ticket>[A-Z]+-\\d+)',
    // Refused by the old backtracking analyser, harmless under RE2.
    '^(a+)+$',
    '(a|aa)*',
    '\\w+\\w+x',
    '.*-.*x',
  ])('accepts %s', (pattern) => {
    expect(policyPatternProblem(pattern)).toBeUndefined();
  });

  it.each([
    ['(\\d)\\1', 'invalid escape sequence: `\\1`'],
    ['(?=.*\\d).{10,}', 'invalid or unsupported Perl syntax: `(?=`'],
    ['(?!x)y', 'invalid or unsupported Perl syntax: `(?!`'],
    ['([A-Z', 'missing closing ]: `[A-Z`'],
  ])('refuses %s, saying why', (pattern, detail) => {
    expect(policyPatternProblem(pattern)).toBe(
      `not a valid regular expression (RE2 syntax: no lookaround or backreferences): ${detail}`,
    );
  });

  it('refuses a pattern longer than the cap', () => {
    expect(policyPatternProblem('a'.repeat(MAX_PATTERN_LENGTH))).toBeUndefined();
    expect(policyPatternProblem('a'.repeat(MAX_PATTERN_LENGTH + 1))).toBe(
      'longer than 200 characters',
    );
  });
});

describe('matchesPolicyPattern', () => {
  it('finds a match anywhere unless anchored, like RegExp#test', () => {
    expect(matchesPolicyPattern('INC\\d+', 'see INC123 please')).toBe(true);
    expect(matchesPolicyPattern('^INC\\d+$', 'see INC123 please')).toBe(false);
    expect(matchesPolicyPattern('^[A-Z]+-\\d+$', 'OPS-42')).toBe(true);
  });

  it('matches by code point, as RegExp does with the u flag', () => {
    expect(matchesPolicyPattern('^.$', '😀')).toBe(true);
    expect(matchesPolicyPattern('^\\p{L}+$', 'Jürgen')).toBe(true);
    // \d is ASCII digits only, in RE2 and in JavaScript alike.
    expect(matchesPolicyPattern('^\\d+$', '١٢')).toBe(false);
  });

  it(
    'runs patterns that are catastrophic for backtracking engines in linear time on long input',
    () => {
      // A backtracking engine takes 2^n steps on these; at n = 50 000 it would never return.
      const long = `${'a'.repeat(50_000)}!`;
      expect(matchesPolicyPattern('^(a+)+$', long)).toBe(false);
      expect(matchesPolicyPattern('^(a|aa)*$', long)).toBe(false);
      expect(matchesPolicyPattern('^(.*a){20}$', long)).toBe(false);
      expect(matchesPolicyPattern('^(?:\\w+\\s?)*$', long)).toBe(false);
      expect(matchesPolicyPattern('^(a+)+$', 'a'.repeat(50_000))).toBe(true);
    },
    // Generous for a busy machine: RE2's bound is linear, not a speed target.
    30_000,
  );
});
