import { describe, expect, it } from 'vitest';
import { approveRequest, createRequest, transitionWriteOf } from '@elevate/domain';
import type { AccessRequest, TransitionResult } from '@elevate/domain';
import { alice, ctx, NOW, rita, sandboxInput } from '@elevate/domain/testing';
import type { ChangeRecord } from './change-record';
import { DynamoDbAccessRequestRepository } from './dynamodb-access-request-repository';
import { DurableOutbox, OUTBOX_ABANDON_AFTER_MS } from './durable-outbox';
import { itemOf } from './request-item';
import { countCommands } from './testing/count-commands';
import { useDynalite } from './testing/use-dynalite';
import { withWriter } from './writer-token';

/** The store commands sent, by name (the relay's cost on a laptop is its store calls). */
const commands: string[] = [];
const dynalite = useDynalite(countCommands(commands));

const created = (result: TransitionResult): AccessRequest => {
  if (!result.ok) throw new Error(result.error.code);
  return result.value.request;
};

/** An outbox on a fresh table with a listener that records what it got and fails on demand. */
async function world() {
  const tableName = await dynalite.freshTable();
  let now = Date.parse(NOW);
  const seen: ChangeRecord[] = [];
  let failing: (record: ChangeRecord) => boolean = () => false;
  const outboxOn = () =>
    new DurableOutbox({
      client: dynalite.client,
      tableName,
      pollMs: 10_000,
      nowMs: () => now,
      listener: async (records) => {
        seen.push(...records.filter((record) => !failing(record)));
        return records.filter(failing).map((record) => record.dynamodb.SequenceNumber);
      },
    });
  const outbox = outboxOn();
  const repository = new DynamoDbAccessRequestRepository({
    client: dynalite.client,
    tableName,
    outbox,
  });
  return {
    tableName,
    outbox,
    outboxOn,
    repository,
    seen,
    advance: (ms: number) => void (now += ms),
    fail: (value: boolean | ((record: ChangeRecord) => boolean)) =>
      void (failing = typeof value === 'boolean' ? () => value : value),
  };
}

const request = (id: string) => created(createRequest(sandboxInput({ id }), ctx(alice, NOW)));

describe('durable outbox (local stand-in for the table stream)', () => {
  it('delivers each write once, in order, and keeps nothing once delivered', async () => {
    const w = await world();
    w.outbox.start();
    const first = request('req-outbox-1');
    await w.repository.create(first);
    const outcome = approveRequest(first, {}, ctx(rita, NOW));
    if (!outcome.ok) throw new Error(outcome.error.code);
    await w.repository.applyTransition(transitionWriteOf(first, outcome.value));
    await w.outbox.drained();
    await w.outbox.stop();
    expect(w.seen.map((record) => record.eventName)).toEqual(['INSERT', 'MODIFY']);
    expect(await w.outbox.pending()).toBe(0);
  });

  it('keeps a failing delivery and retries it with backoff until the channel takes it', async () => {
    const w = await world();
    w.fail(true);
    w.outbox.start();
    await w.repository.create(request('req-outbox-2'));
    await w.outbox.drained();
    expect(w.seen).toHaveLength(0);
    expect(await w.outbox.pending()).toBe(1);
    // Long after the naive 1/5/15 s retries would have given up.
    w.advance(30 * 60_000);
    w.fail(false);
    w.outbox.committed();
    await w.outbox.drained();
    await w.outbox.stop();
    expect(w.seen).toHaveLength(1);
    expect(await w.outbox.pending()).toBe(0);
  });

  it('after a crash between the write and its delivery, a new process delivers it', async () => {
    const w = await world();
    // The dead process: announced, wrote, never relayed.
    const lost = request('req-outbox-3');
    await w.outbox.intend(undefined, withWriter(itemOf(lost), 'w-1'), 'w-1');
    await dynalite.client.send(
      new (await import('@aws-sdk/lib-dynamodb')).PutCommand({
        TableName: w.tableName,
        Item: withWriter(itemOf(lost), 'w-1'),
      }),
    );
    const restarted = w.outboxOn();
    restarted.start();
    await restarted.drained();
    await restarted.stop();
    expect(w.seen.map((record) => record.dynamodb.Keys['PK'])).toEqual([
      { S: 'REQUEST#req-outbox-3' },
    ]);
  });

  it('an announced write that never landed is dropped once it no longer can, never delivered', async () => {
    const w = await world();
    const never = request('req-outbox-4');
    await w.outbox.intend(undefined, itemOf(never), 'w-never');
    w.outbox.start();
    await w.outbox.drained();
    expect(await w.outbox.pending()).toBe(1);
    w.advance(OUTBOX_ABANDON_AFTER_MS + 1);
    w.outbox.committed();
    await w.outbox.drained();
    await w.outbox.stop();
    expect(await w.outbox.pending()).toBe(0);
    expect(w.seen).toHaveLength(0);
  });

  it('failing deliveries waiting for their retry never hold back newer entries', async () => {
    const w = await world();
    // More failing entries than one relay pass reads, all older than the one that can go.
    const failing = new Set<string>();
    w.fail((record) => failing.has(record.dynamodb.Keys['PK']?.S ?? ''));
    for (let n = 0; n < 120; n += 1) {
      const id = `req-outbox-stuck-${n}`;
      failing.add(`REQUEST#${id}`);
      await w.repository.create(request(id));
    }
    w.outbox.start();
    await w.outbox.drained();
    await w.repository.create(request('req-outbox-fresh'));
    await w.outbox.drained();
    await w.outbox.stop();
    expect(w.seen.map((record) => record.dynamodb.Keys['PK'])).toEqual([
      { S: 'REQUEST#req-outbox-fresh' },
    ]);
    expect(await w.outbox.pending()).toBe(120);
  });

  it('makes its store calls per pass, not per entry: 60 deliveries in 8 calls', async () => {
    const w = await world();
    // Written while no relay runs (as after a crash), then relayed by a new one.
    await w.outbox.stop();
    for (let n = 0; n < 60; n += 1) await w.repository.create(request(`req-outbox-batch-${n}`));
    const relay = w.outboxOn();
    commands.length = 0;
    await relay.drained();
    expect(w.seen).toHaveLength(60);
    // Pass 1: the two partitions' queries, one read of the 60 requests, the deletes 25 at a time;
    // pass 2 finds nothing. One GetItem and one DeleteItem per entry would be 124.
    expect(commands).toEqual([
      'QueryCommand',
      'QueryCommand',
      'BatchGetItemCommand',
      'BatchWriteItemCommand',
      'BatchWriteItemCommand',
      'BatchWriteItemCommand',
      'QueryCommand',
      'QueryCommand',
    ]);
    expect(await relay.pending()).toBe(0);
  });
});
