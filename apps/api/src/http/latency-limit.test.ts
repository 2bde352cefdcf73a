import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LatencyLimit } from './latency-limit';
import type { ServedCall } from './latency-limit';

const options = { initial: 8, min: 1, max: 16, addedMs: 40 };

/** A call that took `ms`, started at `at`; uncontended and below the limit unless told otherwise. */
const call = (at: number, ms: number, extra: Partial<ServedCall> = {}): ServedCall => ({
  startedAt: at,
  endedAt: at + ms,
  contended: false,
  atLimit: false,
  ...extra,
});

describe('a latency-following concurrency limit', () => {
  it('starts at its initial limit', () => {
    expect(new LatencyLimit(options).current).toBe(8);
  });

  it('cuts by a quarter when a call takes more than addedMs beyond the fastest call', () => {
    const limit = new LatencyLimit(options);
    limit.observe(call(0, 10));
    limit.observe(call(20, 50, { contended: true }));
    expect(limit.current).toBe(8);
    limit.observe(call(100, 51, { contended: true }));
    expect(limit.current).toBe(6);
  });

  it('cuts once for the calls that ran under the old limit, again for one admitted after the cut', () => {
    const limit = new LatencyLimit(options);
    limit.observe(call(0, 10));
    limit.observe(call(100, 80, { contended: true })); // cut at 180
    limit.observe(call(110, 80, { contended: true })); // started before the cut
    limit.observe(call(120, 80, { contended: true }));
    expect(limit.current).toBe(6);
    limit.observe(call(190, 80, { contended: true }));
    expect(limit.current).toBe(4);
  });

  it('raises by one per limit calls served in time while the limit bounded the work, and not otherwise', () => {
    const limit = new LatencyLimit({ ...options, initial: 4 });
    limit.observe(call(0, 10));
    for (let at = 10; at < 50; at += 10) limit.observe(call(at, 10, { contended: true }));
    expect(limit.current).toBe(4);
    // +1/limit each: 4 → 4.25 → 4.49 → 4.71 → 4.92 → 5.12.
    for (let at = 50; at < 90; at += 10)
      limit.observe(call(at, 10, { contended: true, atLimit: true }));
    expect(limit.current).toBe(4);
    limit.observe(call(90, 10, { contended: true, atLimit: true }));
    expect(limit.current).toBe(5);
  });

  it('cannot talk itself into a higher yardstick while every call is contended', () => {
    const limit = new LatencyLimit(options);
    limit.observe(call(0, 10));
    for (let at = 100; at < 10_000; at += 100)
      limit.observe(call(at, 60, { contended: true, atLimit: true }));
    expect(limit.current).toBe(1);
  });

  it('learns from uncontended calls that the outbound calls got slower, and stops cutting', () => {
    const limit = new LatencyLimit(options);
    limit.observe(call(0, 10));
    for (let at = 100; at < 3_000; at += 100) limit.observe(call(at, 60));
    // One cut (8 → 6) while the yardstick rose from 10 ms toward 60.
    expect(limit.current).toBe(6);
    limit.observe(call(5_000, 80, { contended: true }));
    expect(limit.current).toBe(6);
  });

  it('stays between min and max whatever the calls take', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            ms: fc.integer({ min: 0, max: 500 }),
            contended: fc.boolean(),
            atLimit: fc.boolean(),
          }),
          { maxLength: 300 },
        ),
        (calls) => {
          const limit = new LatencyLimit({ ...options, min: 2, max: 10 });
          calls.forEach(({ ms, ...flags }, at) => {
            limit.observe(call(at * 10, ms, flags));
            expect(limit.current).toBeGreaterThanOrEqual(2);
            expect(limit.current).toBeLessThanOrEqual(10);
          });
        },
      ),
    );
  });
});
