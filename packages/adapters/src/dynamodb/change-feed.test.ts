import { approveRequest, transitionWriteOf } from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import { ctx, pendingSandbox, rita } from '@elevate/domain/testing';
import { readRequestChange } from '../notifications/stream-record';
import { ChangeFeed, changeRecordOf } from './change-feed';
import type { ChangeRecord } from './change-record';
import { DynamoDbAccessRequestRepository } from './dynamodb-access-request-repository';
import { useDynalite } from './testing/use-dynalite';

const dynalite = useDynalite();

describe('the local change feed', () => {
  it('hands each successful repository write to the listener as a stream record the notifier reads', async () => {
    const tableName = await dynalite.freshTable();
    const client = dynalite.client;
    const feed = new ChangeFeed();
    const received: ChangeRecord[] = [];
    feed.subscribe(async (records) => {
      received.push(...records);
    });
    const repository = new DynamoDbAccessRequestRepository({
      client,
      tableName,
      onChange: feed.publish,
    });

    const pending = pendingSandbox();
    await repository.create(pending);
    const outcome = approveRequest(pending, {}, ctx(rita));
    if (!outcome.ok) throw new Error(outcome.error.code);
    await repository.applyTransition(transitionWriteOf(pending, outcome.value));
    // A lost race writes nothing, so it emits nothing.
    expect((await repository.applyTransition(transitionWriteOf(pending, outcome.value))).ok).toBe(
      false,
    );
    await feed.drained();

    expect(received.map((record) => record.eventName)).toEqual(['INSERT', 'MODIFY']);
    const [insert, modify] = received.map(readRequestChange);
    expect(insert).toMatchObject({ kind: 'request', before: undefined, after: pending });
    expect(modify).toMatchObject({
      kind: 'request',
      before: pending,
      after: outcome.value.request,
    });
    expect(received[0]?.dynamodb.Keys).toEqual({
      PK: { S: 'REQUEST#req-1' },
      SK: { S: 'REQUEST' },
    });
    expect(received[0]?.dynamodb.NewImage?.['GSI2PK']).toEqual({ S: 'PENDING' });
    expect(Number(received[1]?.dynamodb.SequenceNumber)).toBeGreaterThan(
      Number(received[0]?.dynamodb.SequenceNumber),
    );
  });

  it('keeps a failing listener away from the writer and goes on with the next record', async () => {
    const errors: unknown[] = [];
    const feed = new ChangeFeed({ onError: (error) => errors.push(error) });
    let calls = 0;
    feed.subscribe(async () => {
      calls += 1;
      if (calls === 1) throw new Error('listener broke');
    });
    const record = changeRecordOf(undefined, { PK: 'REQUEST#x', SK: 'REQUEST' });
    feed.publish(record);
    feed.publish(record);
    await feed.drained();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });
});
