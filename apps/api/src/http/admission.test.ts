import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Admission, federateAdmission } from './admission';
import type { ConcurrencyLimit, ServedCall } from './latency-limit';
import type { Release } from './admission';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const limits = { concurrency: 2, queue: 2, maxWaitMs: 500 };

/** Settles what is already due without moving the clock. */
const settled = async <T>(promise: Promise<T>): Promise<T | 'pending'> =>
  Promise.race([promise, vi.advanceTimersByTimeAsync(0).then(() => 'pending' as const)]);

describe('admission', () => {
  it('serves up to its concurrency at once; the next waits and is served, in order, as slots free', async () => {
    const admission = new Admission(limits);
    const first = await admission.enter();
    const second = await admission.enter();
    expect(first).toBeTypeOf('function');
    expect(second).toBeTypeOf('function');
    const third = admission.enter();
    const fourth = admission.enter();
    expect(await settled(third)).toBe('pending');
    expect(admission.load).toEqual({ active: 2, waiting: 2 });
    first?.();
    expect(await settled(third)).toBeTypeOf('function');
    expect(await settled(fourth)).toBe('pending');
    second?.();
    expect(await settled(fourth)).toBeTypeOf('function');
    expect(admission.load).toEqual({ active: 2, waiting: 0 });
  });

  it('refuses at once when the queue is full', async () => {
    const admission = new Admission(limits);
    await admission.enter();
    await admission.enter();
    void admission.enter();
    void admission.enter();
    expect(await settled(admission.enter())).toBeUndefined();
  });

  it('refuses a call that waited maxWaitMs, and it no longer holds a place', async () => {
    const admission = new Admission(limits);
    const held = await admission.enter();
    await admission.enter();
    const waiting = admission.enter();
    await vi.advanceTimersByTimeAsync(499);
    expect(await settled(waiting)).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await waiting).toBeUndefined();
    expect(admission.load).toEqual({ active: 2, waiting: 0 });
    held?.();
    expect(admission.load).toEqual({ active: 1, waiting: 0 });
  });

  it('drops a waiting call whose caller went away; the slot goes to the next one', async () => {
    const admission = new Admission(limits);
    const held = await admission.enter();
    await admission.enter();
    const gone = new AbortController();
    const abandoned = admission.enter(gone.signal);
    const next = admission.enter();
    gone.abort();
    expect(await abandoned).toBeUndefined();
    held?.();
    expect(await settled(next)).toBeTypeOf('function');
    expect(admission.load).toEqual({ active: 2, waiting: 0 });
  });

  it('does not start a call whose caller has already gone', async () => {
    const admission = new Admission(limits);
    expect(await admission.enter(AbortSignal.abort())).toBeUndefined();
    expect(admission.load).toEqual({ active: 0, waiting: 0 });
  });

  it('gives a slot back once, however often release is called', async () => {
    const admission = new Admission({ ...limits, concurrency: 1 });
    const release = await admission.enter();
    release?.();
    release?.();
    await admission.enter();
    expect(await settled(admission.enter())).toBe('pending');
  });

  it('never works on more than its concurrency nor lets more than its queue wait', async () => {
    type Step = { kind: 'enter' } | { kind: 'release'; at: number } | { kind: 'wait'; ms: number };
    const step = fc.oneof(
      fc.constant<Step>({ kind: 'enter' }),
      fc.nat(20).map<Step>((at) => ({ kind: 'release', at })),
      fc.integer({ min: 1, max: 600 }).map<Step>((ms) => ({ kind: 'wait', ms })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 60 }), async (steps) => {
        const admission = new Admission(limits);
        const held: Release[] = [];
        let entered = 0;
        let answered = 0;
        for (const s of steps) {
          if (s.kind === 'enter') {
            entered += 1;
            void admission.enter().then((release) => {
              answered += 1;
              if (release !== undefined) held.push(release);
            });
          } else if (s.kind === 'release') held.splice(s.at % Math.max(1, held.length), 1)[0]?.();
          else await vi.advanceTimersByTimeAsync(s.ms);
          await vi.advanceTimersByTimeAsync(0);
          const { active, waiting } = admission.load;
          expect(active).toBeLessThanOrEqual(limits.concurrency);
          expect(waiting).toBeLessThanOrEqual(limits.queue);
          expect(active).toBe(held.length);
          expect(answered + waiting).toBe(entered);
        }
      }),
    );
  });

  it('follows a limit that changes: refuses over its current value, tells it each call served', async () => {
    const observed: ServedCall[] = [];
    const limit: ConcurrencyLimit & { current: number } = {
      current: 2,
      observe: (served) => observed.push(served),
    };
    let clock = 1_000;
    const admission = new Admission({ concurrency: limit, queue: 0, maxWaitMs: 0 }, () => clock);
    const first = await admission.enter();
    const second = await admission.enter();
    expect(await admission.enter()).toBeUndefined();
    clock = 1_030;
    first?.();
    expect(observed).toEqual([
      { startedAt: 1_000, endedAt: 1_030, contended: false, atLimit: false },
    ]);
    limit.current = 1;
    expect(await admission.enter()).toBeUndefined();
    second?.();
    expect(observed[1]).toEqual({
      startedAt: 1_000,
      endedAt: 1_030,
      contended: true,
      atLimit: true,
    });
    expect(await admission.enter()).toBeTypeOf('function');
  });

  it('gives each federate app a limit of its own, starting at eight', async () => {
    const [one, other] = [federateAdmission(), federateAdmission()];
    const held = await Promise.all(Array.from({ length: 8 }, () => one.enter()));
    expect(held.every((release) => typeof release === 'function')).toBe(true);
    expect(await one.enter()).toBeUndefined();
    expect(await other.enter()).toBeTypeOf('function');
  });
});
