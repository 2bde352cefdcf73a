import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { TABLE_TTL_ATTRIBUTE } from '../dynamodb/table-definition';
import { useDynalite } from '../dynamodb/testing/use-dynalite';
import { DynamoDbReplayGuard } from './dynamodb-replay-guard';
import {
  SLACK_SIGNATURE_WINDOW_SECONDS,
  slackSignatureOf,
  verifySlackRequest,
} from './slack-signature';

const dynalite = useDynalite();
const NOW_MS = Date.parse('2026-12-04T06:00:00.000Z');
const NOW_S = NOW_MS / 1000;

describe('DynamoDbReplayGuard', () => {
  it('lets a signature through once, across guards sharing the table', async () => {
    const tableName = await dynalite.freshTable();
    const a = new DynamoDbReplayGuard({ client: dynalite.client, tableName, nowMs: () => NOW_MS });
    const b = new DynamoDbReplayGuard({ client: dynalite.client, tableName, nowMs: () => NOW_MS });
    const outcomes = await Promise.all([
      a.firstSeen('v0=abc', NOW_S + 60),
      b.firstSeen('v0=abc', NOW_S + 60),
    ]);
    expect(outcomes.sort()).toEqual([false, true]);
    expect(await a.firstSeen('v0=def', NOW_S + 60)).toBe(true);
  }, 20_000);

  it('stores the expiry in the TTL attribute, as a number DynamoDB TTL acts on', async () => {
    const tableName = await dynalite.freshTable();
    const guard = new DynamoDbReplayGuard({ client: dynalite.client, tableName });
    await guard.firstSeen('v0=ttl', NOW_S + 360);
    const { Item } = await DynamoDBDocumentClient.from(dynalite.client).send(
      new GetCommand({
        TableName: tableName,
        Key: { PK: 'SLACK_SIGNATURE#v0=ttl', SK: 'SLACK_SIGNATURE' },
      }),
    );
    expect(Item?.[TABLE_TTL_ATTRIBUTE]).toBe(NOW_S + 360);
  }, 20_000);

  it('refuses a replay anywhere within the timestamp window, and treats a lapsed item as gone', async () => {
    const tableName = await dynalite.freshTable();
    let nowMs = NOW_MS;
    const guard = new DynamoDbReplayGuard({
      client: dynalite.client,
      tableName,
      nowMs: () => nowMs,
    });
    const timestamp = String(NOW_S);
    const body = 'payload=%7B%7D';
    const request = { timestamp, body, signature: slackSignatureOf('secret', timestamp, body) };
    expect(await verifySlackRequest(request, 'secret', nowMs, guard)).toEqual({ ok: true });
    // The last moment Slack's window still accepts the timestamp: the replay is refused.
    nowMs = NOW_MS + SLACK_SIGNATURE_WINDOW_SECONDS * 1000;
    expect(await verifySlackRequest(request, 'secret', nowMs, guard)).toEqual({
      ok: false,
      reason: 'replayed',
    });
    // After the item's expiry (TTL may not have deleted it yet) the timestamp check refuses it,
    // and the guard itself no longer counts the lapsed item.
    nowMs = NOW_MS + (SLACK_SIGNATURE_WINDOW_SECONDS + 61) * 1000;
    expect(await verifySlackRequest(request, 'secret', nowMs, guard)).toEqual({
      ok: false,
      reason: 'stale-timestamp',
    });
    expect(await guard.firstSeen(request.signature, NOW_S + 10_000)).toBe(true);
  }, 20_000);
});
