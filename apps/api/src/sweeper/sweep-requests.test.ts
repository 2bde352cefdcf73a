// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- dev-stack's ambient typing of dynalite, which its index pulls in.
/// <reference path="../../../../packages/dev-stack/src/dynamodb/dynalite.d.ts" />
import { randomUUID } from 'node:crypto';
import {
  InMemoryAccessRequestRepository,
  InMemoryNoticeSchedule,
  localClient,
  ctx,
  NOW,
  pendingSandbox,
  rita,
} from '@elevate/testing';
import {
  ChangeFeed,
  DynamoDbAccessRequestRepository,
  DynamoDbDeliveryLedger,
  DynamoDbNoticeSchedule,
  ensureTable,
} from '@elevate/adapters';
import { startDynamoDb } from '@elevate/dev-stack';
import type { AccessRequestRepository } from '@elevate/domain';
import {
  addMinutes,
  approveRequest,
  DEFAULT_NOTICE_THRESHOLDS,
  earliestCheckOf,
  noticeChecksOf,
  transitionWriteOf,
} from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import { handleStreamBatch } from '../notifications/handle-stream-batch';
import { noticeThresholdsOf } from '../notifications/notice-thresholds';
import { notifierWorld } from '../notifications/testing/notifier-world';
import type { SweeperDeps } from './sweeper-deps';
import { sweepRequests } from './sweep-requests';

// pendingSandbox: created at NOW, pending limit 1440 minutes (engineers-non-production).
const REMINDER_AFTER = 240;

// No watermark: the first sweep seeds the schedule from the listings, as after an upgrade.
const sweeperWorld = (
  repository: AccessRequestRepository = new InMemoryAccessRequestRepository(),
  schedule = new InMemoryNoticeSchedule(),
) => {
  const world = notifierWorld(NOW);
  const deps: SweeperDeps = {
    ...world.deps,
    repository,
    schedule,
    reminderAfterMinutes: REMINDER_AFTER,
    pageSize: 2,
  };
  return { ...world, deps, repository, schedule };
};

describe('sweepRequests', () => {
  it('leaves a young pending request alone', async () => {
    const world = sweeperWorld();
    await world.repository.create(pendingSandbox());
    world.setNow(addMinutes(NOW, REMINDER_AFTER - 1));
    expect(await sweepRequests(world.deps)).toEqual({
      expired: 0,
      lostRaces: 0,
      reminded: 0,
      remindersPending: 0,
      notices: 0,
      failed: 0,
      checked: 0,
      digests: 0,
    });
    expect(world.sns.messages).toHaveLength(0);
  });

  it('reminds the reviewers once when a request has waited past the threshold', async () => {
    const world = sweeperWorld();
    await world.repository.create(pendingSandbox());
    world.setNow(addMinutes(NOW, REMINDER_AFTER));
    expect(await sweepRequests(world.deps)).toMatchObject({ reminded: 1, expired: 0 });
    world.setNow(addMinutes(NOW, REMINDER_AFTER + 60));
    expect(await sweepRequests(world.deps)).toMatchObject({ reminded: 0 });
    expect(
      world.sns.messages.map((message) => [message.eventType, message.audience.kind, message.link]),
    ).toEqual([
      ['PENDING_REMINDER', 'reviewers', 'https://elevate.example.com/requests/req-1?decide=1'],
    ]);
  });

  it('sends no reminder for a request decided after the listing read it (the index lags)', async () => {
    const inner = new InMemoryAccessRequestRepository();
    // The listing still shows the request as PENDING; the table already says APPROVED.
    const lagging: AccessRequestRepository = new Proxy(inner, {
      get(target, property, receiver) {
        if (property === 'get') {
          return async (id: string) => {
            const stored = await target.get(id);
            return stored === undefined ? undefined : { ...stored, status: 'APPROVED' as const };
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const world = sweeperWorld(lagging);
    await inner.create(pendingSandbox());
    world.setNow(addMinutes(NOW, REMINDER_AFTER));
    expect(await sweepRequests(world.deps)).toMatchObject({ reminded: 0, failed: 0 });
    expect(world.sns.messages).toHaveLength(0);
  });

  it('keeps sweeping when one request fails, and counts the failure', async () => {
    const inner = new InMemoryAccessRequestRepository();
    const flaky: AccessRequestRepository = new Proxy(inner, {
      get(target, property, receiver) {
        if (property === 'applyTransition') {
          return async (write: Parameters<AccessRequestRepository['applyTransition']>[0]) => {
            if (write.request.id === 'req-1')
              throw new Error('ProvisionedThroughputExceededException');
            return target.applyTransition(write);
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const world = sweeperWorld(flaky);
    await inner.create(pendingSandbox());
    await inner.create({ ...pendingSandbox(), id: 'req-9' });
    world.setNow(addMinutes(NOW, 1440));
    expect(await sweepRequests(world.deps)).toMatchObject({ expired: 1, failed: 1 });
    expect((await inner.get('req-9'))?.status).toBe('EXPIRED');
    expect((await inner.get('req-1'))?.status).toBe('PENDING');
  });

  it('expires a request past its pending limit through the conditional transition', async () => {
    const world = sweeperWorld();
    await world.repository.create(pendingSandbox());
    world.setNow(addMinutes(NOW, 1440));
    expect(await sweepRequests(world.deps)).toMatchObject({ expired: 1, lostRaces: 0 });
    const stored = await world.repository.get('req-1');
    expect(stored?.status).toBe('EXPIRED');
    expect(stored?.history.at(-1)).toMatchObject({
      type: 'EXPIRY',
      actor: { sub: 'elevate:system' },
      at: addMinutes(NOW, 1440),
    });
    expect(await sweepRequests(world.deps)).toMatchObject({ expired: 0 });
  });

  it('walks every page of pending requests', async () => {
    const world = sweeperWorld();
    for (const id of ['a', 'b', 'c', 'd', 'e'])
      await world.repository.create(pendingSandbox(undefined, { id }));
    world.setNow(addMinutes(NOW, 1440));
    expect(await sweepRequests(world.deps)).toMatchObject({ expired: 5 });
  });

  it('lets two racing sweepers make one EXPIRED transition and send one reminder', async () => {
    const world = sweeperWorld();
    await world.repository.create(pendingSandbox(undefined, { id: 'old' }));
    world.setNow(addMinutes(NOW, 300));
    await world.repository.create({
      ...pendingSandbox(undefined, { id: 'young' }),
      createdAt: addMinutes(NOW, 30),
      pendingExpiresAt: addMinutes(NOW, 30 + 1440),
    });
    world.setNow(addMinutes(NOW, 1440));
    const reports = await Promise.all([
      sweepRequests(world.deps),
      sweepRequests({ ...world.deps }),
    ]);
    expect(reports.reduce((sum, report) => sum + report.expired, 0)).toBe(1);
    expect(reports.reduce((sum, report) => sum + report.lostRaces, 0)).toBe(1);
    expect(
      (await world.repository.get('old'))?.history.filter((event) => event.type === 'EXPIRY'),
    ).toHaveLength(1);
    // Each channel's reminder (and the requester's warning: 30 minutes left) went out once,
    // whichever sweeper claimed it.
    const sent = [
      ['PENDING_REMINDER', 'young'],
      ['PENDING_EXPIRY_WARNING', 'young'],
    ];
    expect(
      world.sns.messages.map((message) => [message.eventType, message.facts.requestId]).sort(),
    ).toEqual(sent.sort());
    expect(
      world.slack.messages.map((message) => [message.eventType, message.facts.requestId]).sort(),
    ).toEqual(sent.sort());
  });

  it('on DynamoDB with the local change feed: racing sweepers expire once and the requester hears once', async () => {
    const dynamo = await startDynamoDb({ host: '127.0.0.1', port: 0 });
    const client = localClient(dynamo.endpoint);
    try {
      const tableName = `elevate-${randomUUID()}`;
      await ensureTable(client, tableName);
      const feed = new ChangeFeed();
      const repository = new DynamoDbAccessRequestRepository({
        client,
        tableName,
        onChange: feed.publish,
      });
      const world = sweeperWorld(repository);
      const ledger = new DynamoDbDeliveryLedger({ client, tableName });
      // The schedule in the table too: written from the change feed, read by both sweepers.
      const schedule = new DynamoDbNoticeSchedule({ client, tableName });
      const deps: SweeperDeps = { ...world.deps, ledger, schedule };
      feed.subscribe(async (records) => {
        await handleStreamBatch(records, deps);
      });
      await repository.create(pendingSandbox());
      world.setNow(addMinutes(NOW, 1440));
      const reports = await Promise.all([sweepRequests(deps), sweepRequests(deps)]);
      await feed.drained();
      expect(reports.map((report) => report.expired).sort()).toEqual([0, 1]);
      expect(
        world.sns.messages.map((message) => `${message.eventType}→${message.audience.kind}`),
      ).toEqual(['REQUEST_CREATED→reviewers', 'REQUEST_EXPIRED→requester']);
    } finally {
      client.destroy();
      await dynamo.close();
    }
  });

  it('escalates to the admins once after the escalation threshold, after the reviewers were reminded', async () => {
    const world = sweeperWorld();
    const deps: SweeperDeps = { ...world.deps, escalateAfterMinutes: 600, expiryWarningMinutes: 0 };
    await world.repository.create(pendingSandbox());
    world.setNow(addMinutes(NOW, 300));
    await sweepRequests(deps);
    world.setNow(addMinutes(NOW, 600));
    expect(await sweepRequests(deps)).toMatchObject({ notices: 1 });
    world.setNow(addMinutes(NOW, 700));
    expect(await sweepRequests(deps)).toMatchObject({ notices: 0, reminded: 0 });
    expect(
      world.sns.messages.map((message) => [message.eventType, message.audience.kind, message.link]),
    ).toEqual([
      ['PENDING_REMINDER', 'reviewers', 'https://elevate.example.com/requests/req-1?decide=1'],
      ['REMINDER_ESCALATED', 'admins', 'https://elevate.example.com/requests/req-1?decide=1'],
    ]);
  });

  it('warns the requester once before the pending request expires', async () => {
    const world = sweeperWorld();
    const deps: SweeperDeps = {
      ...world.deps,
      reminderAfterMinutes: 5000,
      escalateAfterMinutes: 0,
    };
    await world.repository.create(pendingSandbox());
    world.setNow(addMinutes(NOW, 1440 - 61));
    await sweepRequests(deps);
    expect(world.sns.messages).toHaveLength(0);
    world.setNow(addMinutes(NOW, 1440 - 60));
    await sweepRequests(deps);
    world.setNow(addMinutes(NOW, 1440 - 5));
    await sweepRequests(deps);
    expect(world.sns.messages.map((message) => [message.eventType, message.audience.kind])).toEqual(
      [['PENDING_EXPIRY_WARNING', 'requester']],
    );
  });

  it('tells the requester once when a scheduled window opens and once 10 minutes before it ends', async () => {
    const world = sweeperWorld();
    const scheduledStart = addMinutes(NOW, 120);
    const pending = pendingSandbox(undefined, { scheduledStart, durationMinutes: 60 });
    await world.repository.create(pending);
    const approved = approveRequest(pending, {}, ctx(rita, addMinutes(NOW, 5)));
    if (!approved.ok) throw new Error(approved.error.code);
    const written = await world.repository.applyTransition(
      transitionWriteOf(pending, approved.value),
    );
    expect(written.ok).toBe(true);
    const sweepAt = async (minutes: number) => {
      world.setNow(addMinutes(NOW, minutes));
      await sweepRequests(world.deps);
    };
    await sweepAt(119);
    expect(world.sns.messages).toHaveLength(0);
    await sweepAt(121);
    await sweepAt(126);
    await sweepAt(170);
    await sweepAt(175);
    await sweepAt(181);
    expect(world.sns.messages.map((message) => [message.eventType, message.audience.kind])).toEqual(
      [
        ['WINDOW_OPENED', 'requester'],
        ['WINDOW_ENDING', 'requester'],
      ],
    );
  });
});

describe('sweepRequests reads what is due, not every request', () => {
  /** Counts the repository's reads: listings (never, once seeded) and single gets. */
  const counting = (inner: AccessRequestRepository) => {
    const reads = { lists: 0, gets: 0 };
    const repository: AccessRequestRepository = new Proxy(inner, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (property === 'get') reads.gets += 1;
          if (typeof property === 'string' && property.startsWith('list')) reads.lists += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    return { repository, reads };
  };

  it('with 300 requests waiting and 2 due, reads 2 schedule entries and 2 requests, and no listing', async () => {
    const inner = new InMemoryAccessRequestRepository();
    const { repository, reads } = counting(inner);
    // Seeded before (a watermark exists): the schedule is all the sweep reads.
    const schedule = new InMemoryNoticeSchedule({ watermark: NOW });
    const world = sweeperWorld(repository, schedule);
    const thresholds = { ...DEFAULT_NOTICE_THRESHOLDS, reminderAfterMinutes: REMINDER_AFTER };
    // What the notifier adds from the stream for each new request.
    const created = async (id: string, createdAt: string) => {
      const request = {
        ...pendingSandbox(undefined, { id }),
        createdAt,
        pendingExpiresAt: addMinutes(createdAt, 1440),
      };
      await inner.create(request);
      await schedule.add(noticeChecksOf(request, thresholds, createdAt));
    };
    for (let index = 0; index < 300; index += 1)
      await created(`young-${String(index).padStart(3, '0')}`, addMinutes(NOW, 100));
    await created('old-1', NOW);
    await created('old-2', NOW);
    world.setNow(addMinutes(NOW, REMINDER_AFTER + 10));
    const report = await sweepRequests(world.deps);
    expect(report).toMatchObject({ reminded: 2, checked: 2, failed: 0 });
    expect(schedule.entriesRead).toBe(2);
    expect(reads).toEqual({ lists: 0, gets: 2 });
    // The next run re-reads only the overlap before the watermark (nothing due there now).
    world.setNow(addMinutes(NOW, REMINDER_AFTER + 15));
    expect(await sweepRequests(world.deps)).toMatchObject({ checked: 0, reminded: 0 });
    expect(reads).toEqual({ lists: 0, gets: 2 });
  });

  it('follows a pending request from its one schedule entry to its expiry, each visit scheduling the next', async () => {
    const schedule = new InMemoryNoticeSchedule({ watermark: NOW });
    const world = sweeperWorld(undefined, schedule);
    const deps: SweeperDeps = { ...world.deps, escalateAfterMinutes: 600 };
    const request = pendingSandbox();
    await world.repository.create(request);
    // What the stream writes for a new request: its first check only.
    await schedule.add(earliestCheckOf(noticeChecksOf(request, noticeThresholdsOf(deps), NOW)));
    expect(schedule.entries()).toHaveLength(1);
    for (const minutes of [REMINDER_AFTER, 600, 1440 - 60, 1440]) {
      world.setNow(addMinutes(NOW, minutes));
      await sweepRequests(deps);
    }
    expect(world.sns.messages.map((message) => [message.eventType, message.audience.kind])).toEqual(
      [
        ['PENDING_REMINDER', 'reviewers'],
        ['REMINDER_ESCALATED', 'admins'],
        ['PENDING_EXPIRY_WARNING', 'requester'],
      ],
    );
    expect((await world.repository.get(request.id))?.status).toBe('EXPIRED');
  });

  it('bounds a run by its pages and carries on from there in the next run', async () => {
    const schedule = new InMemoryNoticeSchedule({ watermark: NOW });
    const world = sweeperWorld(undefined, schedule);
    const deps: SweeperDeps = { ...world.deps, pageSize: 2, maxPages: 2 };
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const request = pendingSandbox(undefined, { id });
      await world.repository.create(request);
      await schedule.add([
        { requestId: id, reason: 'PENDING_REMINDER', dueAt: addMinutes(NOW, 240) },
      ]);
    }
    world.setNow(addMinutes(NOW, 300));
    expect(await sweepRequests(deps)).toMatchObject({ reminded: 4, checked: 4 });
    expect(await sweepRequests(deps)).toMatchObject({ reminded: 2 });
  });

  it('looks again 5 minutes later at a request whose reminder could not go out', async () => {
    const schedule = new InMemoryNoticeSchedule({ watermark: NOW });
    const world = sweeperWorld(undefined, schedule);
    const request = pendingSandbox();
    await world.repository.create(request);
    await schedule.add([
      { requestId: 'req-1', reason: 'PENDING_REMINDER', dueAt: addMinutes(NOW, 240) },
    ]);
    world.sns.failNext(1);
    world.setNow(addMinutes(NOW, 241));
    // SNS failed (Slack, best effort, went out): the record of it is a check 5 minutes on.
    expect(await sweepRequests(world.deps)).toMatchObject({ remindersPending: 1 });
    expect(schedule.entries()).toContainEqual({
      requestId: 'req-1',
      reason: 'RETRY',
      dueAt: addMinutes(NOW, 246),
    });
    world.setNow(addMinutes(NOW, 246));
    expect(await sweepRequests(world.deps)).toMatchObject({ reminded: 1, remindersPending: 0 });
    expect(world.sns.messages.map((message) => message.eventType)).toEqual(['PENDING_REMINDER']);
  });
});
