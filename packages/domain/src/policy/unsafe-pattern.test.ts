import { describe, expect, it } from 'vitest';
import { MAX_PATTERN_LENGTH, unsafePatternReason } from './unsafe-pattern';

describe('unsafePatternReason', () => {
  it.each([
    ['^(a+)+$', 'a repeated group contains a quantifier or an alternation'],
    ['(a|aa)*', 'a repeated group contains a quantifier or an alternation'],
    ['(.*a){20}', 'a repeated group contains a quantifier or an alternation'],
    ['^(?:\\w+\\s?)*$', 'a repeated group contains a quantifier or an alternation'],
    ['(\\d)\\1', 'backreferences are not allowed'],
    ['(?<n>\\d)\\k<n>', 'backreferences are not allowed'],
    ['(?<!x)y', 'lookbehind is not allowed'],
    ['\\w+\\w+x', 'two unbounded repeats can match the same text'],
    ['.*-.*x', 'two unbounded repeats can match the same text'],
    ['\\d+[a-z]*\\d+', 'two unbounded repeats can match the same text'],
    ['^(?:INC|\\d+)\\d+$', 'two unbounded repeats can match the same text'],
  ])('refuses %s', (pattern, reason) => {
    expect(unsafePatternReason(pattern)).toBe(reason);
  });

  it.each([
    '^[A-Z]+-\\d+$',
    '^[A-Z]{2,10}-[0-9]{1,8}$',
    '^(?:[A-Z]+-)?\\d+$',
    '\\b(?:INC|CHG)\\d{6,}\\b',
    '^\\S+\\s+\\S+$',
    'https?://\\S+',
    '[\\w.-]+@[\\w.-]+',
    '(?=.*\\d).{10,}',
  ])('accepts %s', (pattern) => {
    expect(unsafePatternReason(pattern)).toBeUndefined();
  });

  it('refuses a pattern longer than the cap', () => {
    expect(unsafePatternReason('a'.repeat(MAX_PATTERN_LENGTH))).toBeUndefined();
    expect(unsafePatternReason('a'.repeat(MAX_PATTERN_LENGTH + 1))).toBe(
      'longer than 200 characters',
    );
  });

  it('only accepts patterns that stay fast on a long hostile input', () => {
    const accepted = ['^[A-Z]+-\\d+$', '^\\S+\\s+\\S+$', '[\\w.-]+@[\\w.-]+', '^(?:[A-Z]+-)?\\d+$'];
    for (const pattern of accepted) {
      expect(unsafePatternReason(pattern)).toBeUndefined();
      for (const input of [
        'A'.repeat(2000),
        `${'a'.repeat(2000)}!`,
        `${' a'.repeat(1000)}`,
        '-'.repeat(2000),
      ]) {
        const started = performance.now();
        new RegExp(pattern, 'u').test(input);
        expect(performance.now() - started).toBeLessThan(200);
      }
    }
  });
});
