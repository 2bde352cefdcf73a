import { describe, expect, it } from 'vitest';
import { formatLocalDateTime, formatUtcDateTime } from './format-time';

describe('time formatting', () => {
  const instant = new Date('2026-05-12T12:03:09.456Z');

  it('writes UTC to the second with its zone named', () => {
    expect(formatUtcDateTime(instant)).toBe('2026-05-12 12:03:09 UTC');
  });

  it('writes local time in the given timezone', () => {
    expect(formatLocalDateTime(instant, 'en-GB', 'Europe/Berlin')).toBe('12 May 2026, 14:03');
    expect(formatLocalDateTime(instant, 'en-US', 'America/New_York')).toBe('May 12, 2026, 8:03 AM');
  });
});
