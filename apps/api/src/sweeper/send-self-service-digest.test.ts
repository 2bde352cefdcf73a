import {
  InMemoryAccessRequestRepository,
  InMemoryNoticeSchedule,
  InMemoryPeopleDirectory,
  adam,
  alice,
  nina,
  NOW,
  pendingSandbox,
  ravi,
  rita,
} from '@elevate/testing';
import { DevMailbox } from '@elevate/adapters';
import type { AccessRequest, DigestChannel, NotificationChannel } from '@elevate/domain';
import { addMinutes, deriveNotificationEvents } from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import { deliverEvent } from '../notifications/deliver-event';
import { notifierWorld } from '../notifications/testing/notifier-world';
import { sendSelfServiceDigest } from './send-self-service-digest';
import type { SweeperDeps } from './sweeper-deps';

/** A request a self-service rule approved when it was created, `minutes` after NOW. */
const selfServiced = (
  id: string,
  minutes: number,
  justification = 'Routine check',
): AccessRequest => {
  const pending = pendingSandbox(alice, { id, justification });
  const at = addMinutes(NOW, minutes);
  return {
    ...pending,
    createdAt: at,
    status: 'APPROVED',
    approvedAt: at,
    approvedByPolicy: true,
    history: pending.history.map((line) => ({ ...line, at })),
  };
};

const digestWorld = async () => {
  const world = notifierWorld(NOW);
  const people = new InMemoryPeopleDirectory();
  for (const actor of [alice, rita, ravi, adam, nina])
    await people.recordSignIn({ ...actor, groups: [...actor.groups], lastSignInAt: NOW });
  const mailbox = new DevMailbox({});
  const repository = new InMemoryAccessRequestRepository();
  const deps: SweeperDeps = {
    ...world.deps,
    people,
    channels: [{ channel: mailbox }],
    repository,
    schedule: new InMemoryNoticeSchedule({ watermark: NOW }),
    reminderAfterMinutes: 240,
  };
  return { ...world, deps, mailbox, repository };
};

describe('sendSelfServiceDigest', () => {
  it("mails each reviewer who may see them one digest of yesterday's self-service approvals, once", async () => {
    const world = await digestWorld();
    // NOW is 09:00 UTC: two approvals that day, one the next day (tomorrow's digest).
    await world.repository.create(selfServiced('ss-1', 10));
    await world.repository.create(selfServiced('ss-2', 60, 'Look at <b>logs</b> & metrics'));
    await world.repository.create(selfServiced('ss-3', 24 * 60));
    await world.repository.create(pendingSandbox(alice, { id: 'reviewed' }));
    world.setNow(addMinutes(NOW, 24 * 60 + 5));
    expect(await sendSelfServiceDigest(world.deps)).toEqual({ sent: 3, pending: 0 });
    const mails = world.mailbox.all();
    // The routed reviewers (Rita, Ravi, Adam), never the requester, nobody outside the group.
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual([
      'adam@example.com',
      'ravi@example.com',
      'rita@example.com',
    ]);
    const day = NOW.slice(0, 10);
    for (const mail of mails) {
      expect(mail.eventType).toBe('SELF_SERVICE_DIGEST');
      expect(mail.subject).toBe(
        `[Elevate] Self-service digest ${day}: 2 accesses approved by policy`,
      );
      expect(mail.text).toContain('https://elevate.example.com/requests/ss-1');
      expect(mail.text).toContain('https://elevate.example.com/requests/ss-2');
      expect(mail.text).not.toContain('ss-3');
      expect(mail.text).not.toContain('reviewed');
      expect(mail.html).toContain('Look at &lt;b&gt;logs&lt;/b&gt; &amp; metrics');
      expect(mail.link).toBe('https://elevate.example.com/access');
    }
    // Later runs that day send nothing and do not read the listing again.
    world.setNow(addMinutes(NOW, 24 * 60 + 10));
    expect(await sendSelfServiceDigest(world.deps)).toEqual({ sent: 0, pending: 0 });
    expect(world.mailbox.all()).toHaveLength(3);
  });

  it('retries only the reviewer whose digest failed, on the next run', async () => {
    const world = await digestWorld();
    await world.repository.create(selfServiced('ss-1', 10));
    let failRavi = true;
    const inner = world.mailbox;
    const flaky: NotificationChannel & DigestChannel = {
      name: inner.name,
      scope: inner.scope,
      deliver: inner.deliver.bind(inner),
      deliverDigest: async (...args: Parameters<DevMailbox['deliverDigest']>) => {
        if (failRavi && args[1].email === 'ravi@example.com') throw new Error('Throttling');
        return inner.deliverDigest(...args);
      },
    };
    const deps: SweeperDeps = { ...world.deps, channels: [{ channel: flaky }] };
    world.setNow(addMinutes(NOW, 24 * 60));
    expect(await sendSelfServiceDigest(deps)).toEqual({ sent: 2, pending: 1 });
    failRavi = false;
    expect(await sendSelfServiceDigest(deps)).toEqual({ sent: 1, pending: 0 });
    expect(await sendSelfServiceDigest(deps)).toEqual({ sent: 0, pending: 0 });
    expect(
      inner
        .all()
        .map((mail) => mail.to[0])
        .sort(),
    ).toEqual(['adam@example.com', 'ravi@example.com', 'rita@example.com']);
  });

  it('sends the reviewers no per-approval e-mail (the digest tells them), the requester still one', async () => {
    const world = await digestWorld();
    const [event] = deriveNotificationEvents(undefined, selfServiced('ss-1', 10));
    expect(event?.type).toBe('SELF_SERVICE_APPROVED');
    if (event === undefined) throw new Error('no event');
    await deliverEvent(event, world.deps);
    expect(world.mailbox.all().map((mail) => [mail.eventType, mail.to[0]])).toEqual([
      ['SELF_SERVICE_APPROVED', 'alice@example.com'],
    ]);
  });
});
