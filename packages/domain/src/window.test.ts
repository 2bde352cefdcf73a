import { describe, expect, it } from 'vitest';
import { addMinutes } from './time';
import { NOW, alice, ctx, pendingSandbox, rita, unwrap } from './testing/fixtures';
import { approveRequest } from './transitions/approve-request';
import { accessPhase, computeWindow, secondsLeftInWindow, windowOf } from './window';

describe('windowOf', () => {
  it('has no window before approval', () => {
    expect(windowOf(pendingSandbox())).toBeUndefined();
    expect(accessPhase(pendingSandbox(), NOW)).toBeUndefined();
  });

  it('opens at the final approval when there is no scheduled start', () => {
    const at = addMinutes(NOW, 7);
    expect(windowOf(unwrap(approveRequest(pendingSandbox(), {}, ctx(rita, at))))).toEqual({
      startsAt: at,
      endsAt: addMinutes(at, 120),
    });
  });

  it('opens at the scheduled start when that is later than the approval', () => {
    const start = addMinutes(NOW, 60);
    const request = unwrap(
      approveRequest(pendingSandbox(alice, { scheduledStart: start }), {}, ctx(rita)),
    );
    expect(windowOf(request)).toEqual({ startsAt: start, endsAt: addMinutes(start, 120) });
  });

  it('opens at the approval when the scheduled start passed while pending', () => {
    const at = addMinutes(NOW, 90);
    const request = unwrap(
      approveRequest(
        pendingSandbox(alice, { scheduledStart: addMinutes(NOW, 60) }),
        {},
        ctx(rita, at),
      ),
    );
    expect(windowOf(request)?.startsAt).toBe(at);
  });
});

describe('accessPhase', () => {
  const start = addMinutes(NOW, 60);
  const request = unwrap(
    approveRequest(pendingSandbox(alice, { scheduledStart: start }), {}, ctx(rita)),
  );

  it.each([
    [addMinutes(NOW, 59), 'scheduled'],
    [start, 'active'],
    [addMinutes(start, 119), 'active'],
    [addMinutes(start, 120), 'over'],
  ])('at %s is %s', (now, phase) => {
    expect(accessPhase(request, now)).toBe(phase);
  });

  it('is over for a revoked request even before its planned start', () => {
    const revoked = { ...request, status: 'REVOKED' as const, closedAt: addMinutes(NOW, 1) };
    expect(accessPhase(revoked, addMinutes(NOW, 2))).toBe('over');
    expect(windowOf(revoked)).toEqual({ startsAt: start, endsAt: start });
  });
});

describe('computeWindow and secondsLeftInWindow', () => {
  it('count the seconds left only while the window is active', () => {
    const window = computeWindow(NOW, 60);
    expect(secondsLeftInWindow(window, addMinutes(NOW, 45))).toBe(900);
    expect(secondsLeftInWindow(window, addMinutes(NOW, -1))).toBe(0);
    expect(secondsLeftInWindow(window, addMinutes(NOW, 60))).toBe(0);
  });
});
