import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useDynalite } from '../dynamodb/testing/use-dynalite';
import { DynamoDbNoticeSchedule } from './dynamodb-notice-schedule';
import { InMemoryNoticeSchedule } from './in-memory-notice-schedule';

const dynalite = useDynalite();
const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 6, minute)).toISOString();

describe('DynamoDbNoticeSchedule', () => {
  it('reads only the entries due, in due order, however many wait further ahead', async () => {
    const tableName = await dynalite.freshTable();
    const schedule = new DynamoDbNoticeSchedule({ client: dynalite.client, tableName });
    const checks = Array.from({ length: 40 }, (_, index) => ({
      requestId: `req-${String(index).padStart(2, '0')}`,
      reason: 'WINDOW_ENDING' as const,
      dueAt: at(index),
    }));
    // Written twice (a retried stream record): still one entry each.
    await schedule.add(checks);
    await schedule.add(checks.slice(0, 5));
    const page = await schedule.due({ at: at(2), limit: 100 });
    expect(page.checks.map((check) => check.requestId)).toEqual(['req-00', 'req-01', 'req-02']);
    expect(page.nextCursor).toBeUndefined();
    // What DynamoDB itself scanned for that: the three entries, not the 40.
    const raw = await dynalite.client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :lower AND :upper',
        ExpressionAttributeValues: {
          ':pk': { S: 'NOTICE_SCHEDULE' },
          ':lower': { S: at(1) },
          ':upper': { S: `${at(2)}#\u{10FFFF}` },
        },
      }),
    );
    expect(raw.ScannedCount).toBe(2);
    const paged = await schedule.due({ at: at(39), from: at(10), limit: 4 });
    expect(paged.checks.map((check) => check.requestId)).toEqual([
      'req-10',
      'req-11',
      'req-12',
      'req-13',
    ]);
    const next = await schedule.due({
      at: at(39),
      limit: 2,
      ...(paged.nextCursor === undefined ? {} : { cursor: paged.nextCursor }),
    });
    expect(next.checks.map((check) => check.requestId)).toEqual(['req-14', 'req-15']);
  }, 20_000);

  it('moves the watermark forward only, and answers like the in-memory schedule', async () => {
    const tableName = await dynalite.freshTable();
    for (const schedule of [
      new DynamoDbNoticeSchedule({ client: dynalite.client, tableName }),
      new InMemoryNoticeSchedule(),
    ]) {
      expect(await schedule.watermark()).toBeUndefined();
      await schedule.advanceWatermark(at(10));
      await schedule.advanceWatermark(at(5));
      expect(await schedule.watermark()).toBe(at(10));
      const cursor = `${at(12)}#req-1#RETRY`;
      await schedule.advanceWatermark(cursor);
      expect(await schedule.watermark()).toBe(cursor);
    }
  }, 20_000);
});
