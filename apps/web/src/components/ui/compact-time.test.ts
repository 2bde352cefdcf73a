import { describe, expect, it } from 'vitest';
import {
  compactDateTimeParts,
  formatCompactDateTime,
  formatTimeOfDay,
  isSameDay,
} from './compact-time';

const now = Date.parse('2026-11-21T12:00:00Z');
const utc = { locale: 'en-US', timeZone: 'UTC', now };

describe('compact times for table cells', () => {
  it('leaves the year out within the current year', () => {
    expect(formatCompactDateTime(new Date('2026-11-21T10:33:00Z'), utc)).toBe('Nov 21, 10:33 AM');
  });

  it('keeps the year for another year', () => {
    expect(formatCompactDateTime(new Date('2025-11-21T10:33:00Z'), utc)).toBe(
      'Nov 21, 2025, 10:33 AM',
    );
  });

  it('judges the year in the reader’s timezone', () => {
    // 2027-01-01 03:00 in Tokyo is still 2026 in UTC.
    expect(
      formatCompactDateTime(new Date('2026-12-31T18:00:00Z'), { ...utc, timeZone: 'Asia/Tokyo' }),
    ).toBe('Jan 1, 2027, 3:00 AM');
  });

  it('splits into the day and the time, where a narrow cell may break', () => {
    expect(compactDateTimeParts(new Date('2026-11-21T10:33:00Z'), utc)).toEqual({
      day: 'Nov 21,',
      time: '10:33 AM',
    });
    expect(
      compactDateTimeParts(new Date('2026-11-21T10:33:00Z'), { ...utc, locale: 'en-GB' }),
    ).toEqual({ day: '21 Nov,', time: '10:33' });
  });

  it('gives the time of day alone', () => {
    expect(formatTimeOfDay(new Date('2026-11-21T12:33:00Z'), utc)).toBe('12:33 PM');
  });

  it('compares calendar days in the given timezone', () => {
    const evening = new Date('2026-11-21T22:00:00Z');
    const later = new Date('2026-11-22T01:00:00Z');
    expect(isSameDay(evening, later, 'UTC')).toBe(false);
    expect(isSameDay(evening, later, 'America/New_York')).toBe(true);
  });
});
