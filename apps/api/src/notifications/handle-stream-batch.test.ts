import {
  InMemoryNoticeSchedule,
  lifecycleScenarios,
  pendingSandbox,
  streamEventOf,
  streamRecordOf,
} from '@elevate/testing';
import { changeRecordOf } from '@elevate/adapters';
import { addMinutes } from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import { handleStreamBatch } from './handle-stream-batch';
import { notifierWorld } from './testing/notifier-world';

const scenarios = lifecycleScenarios();

describe('handleStreamBatch', () => {
  it("adds the new request's first check to the sweeper's schedule, once however often the record comes", async () => {
    const world = notifierWorld();
    const schedule = new InMemoryNoticeSchedule();
    const request = pendingSandbox();
    const batch = streamEventOf(streamRecordOf(undefined, request)).Records;
    const deps = { ...world.deps, schedule, reminderAfterMinutes: 30, expiryWarningMinutes: 0 };
    await handleStreamBatch(batch, deps);
    await handleStreamBatch(batch, deps);
    expect(schedule.entries()).toEqual([
      {
        requestId: request.id,
        reason: 'PENDING_REMINDER',
        dueAt: addMinutes(request.createdAt, 30),
      },
    ]);
  });

  it('hands every record to the chain-day index, with the time it was handled', async () => {
    const world = notifierWorld();
    const seen: { raw: unknown; now: string }[] = [];
    const deps = {
      ...world.deps,
      chainDays: {
        recordStreamRecord: async (raw: unknown, now: string) => void seen.push({ raw, now }),
      },
    };
    const batch = streamEventOf(streamRecordOf(undefined, pendingSandbox())).Records;
    await handleStreamBatch(batch, deps);
    expect(seen).toEqual([{ raw: batch[0], now: world.deps.clock.now() }]);
  });

  it.each(scenarios.map((scenario) => [scenario.expected, scenario] as const))(
    'publishes %s to its audiences from the stream images',
    async (expected, scenario) => {
      const world = notifierWorld();
      const record = streamRecordOf(scenario.before, scenario.after);
      expect(await handleStreamBatch(streamEventOf(record).Records, world.deps)).toEqual({
        batchItemFailures: [],
      });
      expect(world.sns.messages.map((message) => message.eventType)).toEqual(
        world.sns.messages.map(() => expected),
      );
      expect(world.sns.messages.length).toBeGreaterThan(0);
      // The shared room (Slack) hears each event once.
      expect(world.slack.messages.map((message) => message.eventType)).toEqual([expected]);
    },
  );

  it('sends new requests to reviewers, decisions to the requester and break-glass to reviewers and security', async () => {
    const world = notifierWorld();
    await handleStreamBatch(
      scenarios.map((scenario) => streamRecordOf(scenario.before, scenario.after)),
      world.deps,
    );
    const routed = world.sns.messages.map(
      (message) => `${message.eventType}→${message.audience.kind}`,
    );
    expect(routed).toEqual([
      'REQUEST_CREATED→reviewers',
      'APPROVAL_RECORDED→requester',
      'REQUEST_APPROVED→requester',
      'REQUEST_REJECTED→requester',
      'REQUEST_CANCELLED→reviewers',
      'REQUEST_EXPIRED→requester',
      'ACCESS_REVOKED→requester',
      'ACCESS_ENDED_EARLY→reviewers',
      'BREAK_GLASS_USED→reviewers',
      'BREAK_GLASS_USED→security',
      'BREAK_GLASS_REVIEWED→requester',
      'BREAK_GLASS_REVIEWED→security',
    ]);
    expect(world.sns.messages[0]?.link).toBe('https://elevate.example.com/requests/req-1?decide=1');
    expect(world.sns.messages[2]?.link).toBe('https://elevate.example.com/requests/req-1');
  });

  it('publishes nothing twice when the same record is delivered again', async () => {
    const world = notifierWorld();
    const record = streamRecordOf(undefined, pendingSandbox());
    await handleStreamBatch([record], world.deps);
    expect(await handleStreamBatch([record], world.deps)).toEqual({ batchItemFailures: [] });
    expect(world.sns.messages).toHaveLength(1);
    expect(world.slack.messages).toHaveLength(1);
  });

  it('reports a poison record by sequence number, without its content, and still handles the others', async () => {
    const world = notifierWorld();
    const good = streamRecordOf(undefined, pendingSandbox());
    const poison = changeRecordOf(undefined, {
      PK: 'REQUEST#req-9',
      SK: 'REQUEST',
      justification: 'top secret reason',
      status: 'WHATEVER',
    });
    const response = await handleStreamBatch([poison, good, { nonsense: true }], world.deps);
    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: poison.dynamodb.SequenceNumber },
      { itemIdentifier: '' },
    ]);
    expect(world.sns.messages.map((message) => message.facts.requestId)).toEqual(['req-1']);
    const logged = JSON.stringify(world.lines);
    expect(logged).toContain('unreadable stream record');
    expect(logged).not.toContain('top secret reason');
  });

  it('reports a record whose publish failed, and sends it once on the retry', async () => {
    const world = notifierWorld();
    const record = streamRecordOf(undefined, pendingSandbox());
    world.sns.failNext(1);
    expect(await handleStreamBatch([record], world.deps)).toEqual({
      batchItemFailures: [{ itemIdentifier: record.dynamodb.SequenceNumber }],
    });
    expect(await handleStreamBatch([record], world.deps)).toEqual({ batchItemFailures: [] });
    expect(world.sns.messages).toHaveLength(1);
    // Slack went out on the first attempt and is not repeated.
    expect(world.slack.messages).toHaveLength(1);
  });

  it('does not hold a record back for a best-effort Slack failure', async () => {
    const world = notifierWorld();
    world.slack.failNext(1);
    expect(
      await handleStreamBatch([streamRecordOf(undefined, pendingSandbox())], world.deps),
    ).toEqual({ batchItemFailures: [] });
    expect(world.sns.messages).toHaveLength(1);
    expect(JSON.stringify(world.lines)).toContain('delivery failed');
  });

  it('ignores items that are not requests, such as delivery markers', async () => {
    const world = notifierWorld();
    const marker = changeRecordOf(undefined, {
      PK: 'REQUEST#req-1',
      SK: 'NOTIFY#000001#REQUEST_CREATED#reviewers#sns',
      state: 'SENT',
    });
    expect(await handleStreamBatch([marker], world.deps)).toEqual({ batchItemFailures: [] });
    expect(world.sns.messages).toHaveLength(0);
  });
});
