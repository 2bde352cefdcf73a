import { describe, expect, it } from 'vitest';
import { formatAge, formatMinutes, formatRemaining } from './format-duration';

describe('duration formatting', () => {
  it('counts down in hours and minutes, then minutes and seconds, then seconds, in words', () => {
    expect(formatRemaining(2 * 3600_000 + 5 * 60_000 + 9_000)).toBe('2 hours 5 minutes');
    expect(formatRemaining(3600_000)).toBe('1 hour');
    expect(formatRemaining(4 * 60_000 + 5_000)).toBe('4 minutes 5 seconds');
    expect(formatRemaining(60_000)).toBe('1 minute');
    expect(formatRemaining(42_000)).toBe('42 seconds');
  });

  it('rounds a part-second up, so "0 seconds" only shows once time is up, and never goes negative', () => {
    expect(formatRemaining(400)).toBe('1 second');
    expect(formatRemaining(0)).toBe('0 seconds');
    expect(formatRemaining(-5_000)).toBe('0 seconds');
  });

  it('writes whole-minute lengths with days, hours and minutes, never "h" or "d"', () => {
    expect(formatMinutes(45)).toBe('45 minutes');
    expect(formatMinutes(1)).toBe('1 minute');
    expect(formatMinutes(120)).toBe('2 hours');
    expect(formatMinutes(90)).toBe('1 hour 30 minutes');
    expect(formatMinutes(7 * 1440)).toBe('7 days');
    expect(formatMinutes(3 * 1440 + 120)).toBe('3 days 2 hours');
  });

  it('says how long something has waited', () => {
    expect(formatAge(30_000)).toBe('just now');
    expect(formatAge(3 * 60_000)).toBe('3 minutes ago');
    expect(formatAge(5 * 3600_000)).toBe('5 hours ago');
    expect(formatAge(4 * 86_400_000)).toBe('4 days ago');
  });
});
