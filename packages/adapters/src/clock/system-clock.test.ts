import { describe, expect, it } from 'vitest';
import { systemClock } from './system-clock';

describe('system clock', () => {
  it('tells the current time as ISO-8601 UTC with milliseconds', () => {
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(now)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(now)).toBeLessThanOrEqual(Date.now());
  });
});
