import { describe, expect, it } from 'vitest';
import { table, windowText } from '../output/format';
import { parseDurationMinutes, parseRegion, parseStartTime } from './parse-input';

describe('parse-input', () => {
  it.each([
    ['2h', 120],
    ['90m', 90],
    ['1h30m', 90],
  ])('reads the duration %s as %i minutes', (text, minutes) => {
    expect(parseDurationMinutes(text)).toBe(minutes);
  });

  it.each(['', '2', '2d', 'h', '0m', '1h 30m'])('refuses the duration %j', (text) => {
    expect(() => parseDurationMinutes(text)).toThrow(/e\.g\. 2h/);
  });

  it('reads start times with a zone or relative to now, and refuses zoneless ones', () => {
    const now = Date.parse('2030-01-01T09:00:00.000Z');
    expect(parseStartTime('+30m', now)).toBe('2030-01-01T09:30:00.000Z');
    expect(parseStartTime('2030-01-02T08:00+01:00', now)).toBe('2030-01-02T07:00:00.000Z');
    expect(() => parseStartTime('2030-01-02T08:00', now)).toThrow(/zone/);
    expect(() => parseStartTime('soon', now)).toThrow();
  });

  it('accepts AWS regions only', () => {
    expect(parseRegion('eu-west-1')).toBe('eu-west-1');
    expect(() => parseRegion('europe')).toThrow();
  });
});

describe('format', () => {
  it('says a window’s time in words, never "1h 05m"', () => {
    const start = Date.parse('2030-01-01T09:00:00Z');
    const approved = {
      status: 'APPROVED',
      approvalsCount: 1,
      approvalsRequired: 1,
      window: { startsAt: '2030-01-01T09:00:00Z', endsAt: '2030-01-01T10:05:00Z' },
    } as Parameters<typeof windowText>[0];
    expect(windowText(approved, start - 45_000)).toBe('starts in 45 seconds');
    expect(windowText(approved, start)).toBe('1 hour 5 minutes left');
    expect(windowText(approved, start + 2 * 3600_000)).toBe('window over');
  });

  it('pads table columns by visible width, ignoring colour codes', () => {
    expect(
      table([
        ['a', '\x1b[32mOK\x1b[39m', 'x'],
        ['long', 'NO', 'y'],
      ]),
    ).toEqual(['a     \x1b[32mOK\x1b[39m  x', 'long  NO  y']);
  });
});
