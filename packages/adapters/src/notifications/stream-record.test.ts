import { describe, expect, it } from 'vitest';
import { approveRequest } from '@elevate/domain';
import { ctx, pendingSandbox, rita, unwrap } from '@elevate/domain/testing';
import { changeRecordOf } from '../dynamodb/change-feed';
import { sessionKeyOf } from '../dynamodb/request-item';
import { readRequestChange, UnreadableStreamRecordError } from './stream-record';
import { streamRecordOf } from './testing/stream-events';

describe('readRequestChange', () => {
  it('reads a new request from an INSERT record in DynamoDB JSON', () => {
    const pending = pendingSandbox();
    const record = streamRecordOf(undefined, pending);
    expect(record.dynamodb.NewImage?.['status']).toEqual({ S: 'PENDING' });
    expect(readRequestChange(record)).toEqual({
      kind: 'request',
      eventId: record.eventID,
      before: undefined,
      after: pending,
    });
  });

  it('reads both states of a MODIFY record', () => {
    const pending = pendingSandbox();
    const approved = unwrap(approveRequest(pending, {}, ctx(rita)));
    const change = readRequestChange(streamRecordOf(pending, approved));
    expect(change).toMatchObject({ kind: 'request', before: pending, after: approved });
  });

  it('ignores items that are not requests, such as sessions and delivery markers', () => {
    const session = changeRecordOf(undefined, {
      ...sessionKeyOf('req-1', '2025-03-03T09:00:00.000Z', 's-1'),
      accessKeyId: 'x',
    });
    expect(readRequestChange(session)).toMatchObject({
      kind: 'ignored',
      reason: 'not a request item',
    });
    const marker = changeRecordOf(undefined, {
      PK: 'REQUEST#req-1',
      SK: 'NOTIFY#000001#REQUEST_CREATED#reviewers#sns',
    });
    expect(readRequestChange(marker)).toMatchObject({ kind: 'ignored' });
  });

  it('ignores removals', () => {
    const record = { ...streamRecordOf(undefined, pendingSandbox()), eventName: 'REMOVE' };
    expect(readRequestChange(record)).toMatchObject({ kind: 'ignored', reason: 'removal' });
  });

  it('refuses a record whose image is not an access request, naming fields but no values', () => {
    const record = streamRecordOf(undefined, pendingSandbox());
    const image = {
      ...record.dynamodb.NewImage,
      justification: { N: '12' },
      requester: { S: 'secret-person@example.com' },
    };
    const poisoned = { ...record, dynamodb: { ...record.dynamodb, NewImage: image } };
    expect(() => readRequestChange(poisoned)).toThrow(UnreadableStreamRecordError);
    expect(() => readRequestChange(poisoned)).toThrow(/justification/u);
    expect(() => readRequestChange(poisoned)).not.toThrow(/secret-person/u);
  });

  it('refuses what is not a stream record at all, and a MODIFY without its old image', () => {
    expect(() => readRequestChange({ hello: 'world' })).toThrow(UnreadableStreamRecordError);
    const pending = pendingSandbox();
    const record = streamRecordOf(pending, unwrap(approveRequest(pending, {}, ctx(rita))));
    const { OldImage: _old, ...rest } = record.dynamodb;
    expect(() => readRequestChange({ ...record, dynamodb: rest })).toThrow(/OldImage/u);
  });
});
