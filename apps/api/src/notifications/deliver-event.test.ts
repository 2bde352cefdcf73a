import {
  InMemoryPeopleDirectory,
  adam,
  alice,
  nina,
  NOW,
  pendingSandbox,
  ravi,
  rita,
} from '@elevate/testing';
import type { NotificationChannel, NotificationMessage, PersonRef } from '@elevate/domain';
import { deriveNotificationEvents } from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import { deliverEvent } from './deliver-event';
import { notifierWorld } from './testing/notifier-world';

/** A person-scoped channel (like SES or Slack DMs) that records, and fails for chosen people. */
const personalChannel = (failFor: Set<string>) => {
  const sent: [string, string][] = [];
  const channel: NotificationChannel = {
    name: 'ses',
    scope: 'person',
    deliver: async (message: NotificationMessage, recipient?: PersonRef) => {
      if (recipient === undefined) throw new Error('no recipient');
      if (failFor.has(recipient.email)) throw new Error('Throttling');
      sent.push([message.eventType, recipient.email]);
    },
  };
  return { channel, sent };
};

describe('deliverEvent to people', () => {
  it('sends each person once across retries; a failure retries only that person', async () => {
    const world = notifierWorld(NOW);
    const people = new InMemoryPeopleDirectory();
    for (const actor of [alice, rita, ravi, adam, nina])
      await people.recordSignIn({ ...actor, groups: [...actor.groups], lastSignInAt: NOW });
    const failFor = new Set(['ravi@example.com']);
    const ses = personalChannel(failFor);
    const deps = { ...world.deps, people, channels: [{ channel: ses.channel }] };
    const [event] = deriveNotificationEvents(undefined, pendingSandbox(alice));
    if (event === undefined) throw new Error('no event');

    expect(await deliverEvent(event, deps)).toEqual({ sent: 2, pending: 1 });
    failFor.clear();
    expect(await deliverEvent(event, deps)).toEqual({ sent: 1, pending: 0 });
    expect(await deliverEvent(event, deps)).toEqual({ sent: 0, pending: 0 });
    expect(ses.sent.sort()).toEqual([
      ['REQUEST_CREATED', 'adam@example.com'],
      ['REQUEST_CREATED', 'ravi@example.com'],
      ['REQUEST_CREATED', 'rita@example.com'],
    ]);
  });

  it('reaches only the requester when no people record is configured', async () => {
    const world = notifierWorld(NOW);
    const ses = personalChannel(new Set());
    const deps = { ...world.deps, channels: [{ channel: ses.channel }] };
    const [created] = deriveNotificationEvents(undefined, pendingSandbox(alice));
    if (created === undefined) throw new Error('no event');
    expect(await deliverEvent(created, deps)).toEqual({ sent: 0, pending: 0 });
  });
});
