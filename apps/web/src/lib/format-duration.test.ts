import { describe, expect, it } from 'vitest';
import { formatAge, formatMinutes, formatRemaining } from './format-duration';

describe('duration formatting', () => {
  it('counts down in hours and minutes, then minutes and seconds, then seconds', () => {
    expect(formatRemaining(2 * 3600_000 + 5 * 60_000 + 9_000)).toBe('2 h 05 min');
    expect(formatRemaining(4 * 60_000 + 5_000)).toBe('4 min 05 s');
    expect(formatRemaining(42_000)).toBe('42 s');
  });

  it('rounds a part-second up, so "0 s" only shows once time is up, and never goes negative', () => {
    expect(formatRemaining(400)).toBe('1 s');
    expect(formatRemaining(0)).toBe('0 s');
    expect(formatRemaining(-5_000)).toBe('0 s');
  });

  it('writes whole-minute lengths with days, hours and minutes', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(3 * 1440 + 120)).toBe('3 d 2 h');
  });

  it('says how long something has waited', () => {
    expect(formatAge(30_000)).toBe('just now');
    expect(formatAge(3 * 60_000)).toBe('3 min ago');
    expect(formatAge(5 * 3600_000)).toBe('5 h ago');
    expect(formatAge(4 * 86_400_000)).toBe('4 d ago');
  });
});
