import { describe, expect, it } from 'vitest';
import { useDynalite } from '../dynamodb/testing/use-dynalite';
import { DynamoDbReplayGuard } from './dynamodb-replay-guard';

const dynalite = useDynalite();

describe('DynamoDbReplayGuard', () => {
  it('lets a signature through once, across guards sharing the table', async () => {
    const tableName = await dynalite.freshTable();
    const a = new DynamoDbReplayGuard({ client: dynalite.client, tableName });
    const b = new DynamoDbReplayGuard({ client: dynalite.client, tableName });
    const outcomes = await Promise.all([a.firstSeen('v0=abc', 1), b.firstSeen('v0=abc', 1)]);
    expect(outcomes.sort()).toEqual([false, true]);
    expect(await a.firstSeen('v0=def', 1)).toBe(true);
  }, 20_000);
});
