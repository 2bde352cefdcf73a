import type { AccessRequest, TransitionResult } from '@elevate/domain';
import { addMinutes, approveRequest, createRequest, transitionWriteOf } from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import { alice, ctx, rita, sandboxInput } from '@elevate/domain/testing';
import { changeRecordOf } from './change-feed';
import type { ChangeRecord } from './change-record';
import { DynamoDbChainDayIndex } from './chain-day-index';
import { DynamoDbAccessRequestRepository } from './dynamodb-access-request-repository';
import { DynamoDbSessionRecordRepository } from './dynamodb-session-record-repository';
import { sessionItemOf } from './session-record-item';
import { sessionRecord } from './testing/session-record-repository-contract';
import { countCommands } from './testing/count-commands';
import { useDynalite } from './testing/use-dynalite';

const commands: string[] = [];
const dynalite = useDynalite(countCommands(commands));

const created = (result: TransitionResult): AccessRequest => {
  if (!result.ok) throw new Error(result.error.code);
  return result.value.request;
};

/** A request created at `at` and approved `minutes` later, with the stream records of both writes. */
async function createdThenApproved(tableName: string, id: string, at: string, minutes: number) {
  const records: ChangeRecord[] = [];
  const repository = new DynamoDbAccessRequestRepository({
    client: dynalite.client,
    tableName,
    onChange: (record) => records.push(record),
  });
  const request = created(createRequest(sandboxInput({ id }), ctx(alice, at)));
  await repository.create(request);
  const approvedAt = addMinutes(at, minutes);
  const approval = approveRequest(request, {}, ctx({ ...rita, authTime: approvedAt }, approvedAt));
  if (!approval.ok) throw new Error(approval.error.code);
  const stored = await repository.applyTransition(transitionWriteOf(request, approval.value));
  if (!stored.ok) throw new Error(stored.error.code);
  return { request, records };
}

describe('the chain-day index (what the daily digest reads)', () => {
  it('names the requests with chain entries dated each day, from the day after it was first kept', async () => {
    const tableName = await dynalite.freshTable();
    const index = new DynamoDbChainDayIndex({ client: dynalite.client, tableName });
    // Requested late on 3 March, approved early on 4 March, a session on 4 March.
    const { request, records } = await createdThenApproved(
      tableName,
      'req-days',
      '2025-03-03T23:50:00.000Z',
      20,
    );
    const session = sessionRecord({
      id: 'ses-days',
      requestId: request.id,
      issuedAt: '2025-03-04T00:30:00.000Z',
      expiresAt: '2025-03-04T01:30:00.000Z',
    });
    const recorded = await new DynamoDbSessionRecordRepository({
      client: dynalite.client,
      tableName,
    }).record(session);
    if (!recorded.ok) throw new Error(recorded.error.code);
    records.push(changeRecordOf(undefined, sessionItemOf(session)));
    // A delivery marker in the same partition: not a chain entry.
    records.push(
      changeRecordOf(undefined, {
        PK: `REQUEST#${request.id}`,
        SK: 'NOTIFY#000001#CREATED#reviewers#email',
      }),
    );

    // First kept on 2 March: complete from 3 March on.
    for (const record of records)
      await index.recordStreamRecord(record, '2025-03-02T12:00:00.000Z');
    expect(await index.requestsChangedOn('2025-03-02')).toBeUndefined();
    expect(await index.requestsChangedOn('2025-03-03')).toEqual([request.id]);
    expect(await index.requestsChangedOn('2025-03-04')).toEqual([request.id]);
    expect(await index.requestsChangedOn('2025-03-05')).toEqual([]);

    // Kept again later (a retried record, another process): the day it is complete from stays.
    for (const record of records)
      await index.recordStreamRecord(record, '2025-03-20T12:00:00.000Z');
    expect(await index.requestsChangedOn('2025-03-03')).toEqual([request.id]);
  });

  it("writes a request's day once per process, however many of its records that day arrive", async () => {
    const tableName = await dynalite.freshTable();
    const { request, records } = await createdThenApproved(
      tableName,
      'req-once',
      '2025-03-03T09:00:00.000Z',
      5,
    );
    expect(records).toHaveLength(2);

    const index = new DynamoDbChainDayIndex({ client: dynalite.client, tableName });
    commands.length = 0;
    for (const record of [...records, ...records])
      await index.recordStreamRecord(record, '2025-03-02T12:00:00.000Z');
    // The "complete from" marker once, then the one day of the request once; four records.
    expect(commands.filter((name) => name === 'PutItemCommand')).toHaveLength(2);
    expect(await index.requestsChangedOn('2025-03-03')).toEqual([request.id]);
    // Another process (a fresh index) writes the pair again: idempotent, still one entry.
    await new DynamoDbChainDayIndex({ client: dynalite.client, tableName }).recordStreamRecord(
      records[1],
      '2025-03-03T12:00:00.000Z',
    );
    expect(await index.requestsChangedOn('2025-03-03')).toEqual([request.id]);
  });

  it('says nothing for any day before it was ever kept', async () => {
    const tableName = await dynalite.freshTable();
    const index = new DynamoDbChainDayIndex({ client: dynalite.client, tableName });
    expect(await index.requestsChangedOn('2025-03-03')).toBeUndefined();
  });
});
