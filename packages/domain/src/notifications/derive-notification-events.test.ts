import { describe, expect, it } from 'vitest';
import { addMinutes } from '../time';
import { alice, ctx, NOW, pendingSandbox, rita, unwrap } from '../testing/fixtures';
import { approveRequest } from '../transitions/approve-request';
import { rejectRequest } from '../transitions/reject-request';
import { deriveNotificationEvents } from './derive-notification-events';
import { lifecycleScenarios } from './testing/lifecycle-scenarios';

describe('deriveNotificationEvents', () => {
  it.each(lifecycleScenarios().map((scenario) => [scenario.expected, scenario] as const))(
    'tells %s from the two images',
    (expected, scenario) => {
      const events = deriveNotificationEvents(scenario.before, scenario.after);
      expect(events.map((event) => event.type)).toEqual([expected]);
      expect(events[0]?.version).toBe(scenario.after.version);
      expect(events[0]?.cause).toEqual(scenario.after.history.at(-1));
    },
  );

  it('finds nothing when the version did not move (a rewrite of the same state)', () => {
    const pending = pendingSandbox();
    expect(deriveNotificationEvents(pending, pending)).toEqual([]);
  });

  it('finds nothing when the images belong to different requests', () => {
    const other = pendingSandbox(alice, { id: 'req-other' });
    const approved = unwrap(approveRequest(pendingSandbox(), {}, ctx(rita)));
    expect(deriveNotificationEvents(other, approved)).toEqual([]);
  });

  it('numbers each event of a coalesced change with the version it produced', () => {
    const created = pendingSandbox();
    const rejected = unwrap(
      rejectRequest(created, { comment: 'no' }, ctx(rita, addMinutes(NOW, 1))),
    );
    const events = deriveNotificationEvents(undefined, rejected);
    expect(events.map((event) => [event.type, event.version])).toEqual([
      ['REQUEST_CREATED', 1],
      ['REQUEST_REJECTED', 2],
    ]);
  });
});
