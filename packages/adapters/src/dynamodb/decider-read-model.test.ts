import { BatchWriteCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessRequest, TransitionResult } from '@elevate/domain';
import {
  addMinutes,
  approveRequest,
  createBreakGlassRequest,
  createRequest,
  markBreakGlassReviewed,
  rejectRequest,
  revokeRequest,
  transitionWriteOf,
} from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import {
  alice,
  bob,
  ctx,
  productionAdminInput,
  ravi,
  rita,
  sandboxInput,
} from '@elevate/domain/testing';
import { readRequestChange } from '../notifications/stream-record';
import { documentClientOf } from './batch-operations';
import { ChangeFeed } from './change-feed';
import type { ChangeRecord } from './change-record';
import { DynamoDbDecisionReadModel, ENTITY_DECIDER_ENTRY } from './decider-read-model';
import { DynamoDbAccessRequestRepository } from './dynamodb-access-request-repository';
import { rebuildReadModels } from './rebuild-read-models';
import { useDynalite } from './testing/use-dynalite';

const dynalite = useDynalite();

type Item = Record<string, unknown>;

const unwrap = (result: TransitionResult): AccessRequest => {
  if (!result.ok) throw new Error(result.error.code);
  return result.value.request;
};

/** Every item of the table, or only the decider entries, in key order. */
const snapshot = async (tableName: string, entity?: string): Promise<Item[]> => {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const output = await documentClientOf(dynalite.client).send(
      new ScanCommand({
        TableName: tableName,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    items.push(...(output.Items ?? []));
    startKey = output.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items
    .filter((item) => entity === undefined || item['entity'] === entity)
    .sort((a, b) =>
      `${String(a['PK'])}|${String(a['SK'])}`.localeCompare(
        `${String(b['PK'])}|${String(b['SK'])}`,
      ),
    );
};

/** A store whose writes feed the read model through the change feed, as the stream does in AWS. */
const world = async () => {
  const tableName = await dynalite.freshTable();
  const readModel = new DynamoDbDecisionReadModel({ client: dynalite.client, tableName });
  const records: ChangeRecord[] = [];
  const apply = async (batch: readonly ChangeRecord[]) => {
    for (const record of batch) {
      const change = readRequestChange(record);
      if (change.kind === 'request') await readModel.record(change.after);
    }
  };
  const feed = new ChangeFeed({
    onError: (error) => {
      throw error;
    },
  });
  feed.subscribe(apply);
  const repository = new DynamoDbAccessRequestRepository({
    client: dynalite.client,
    tableName,
    onChange: (record) => {
      records.push(record);
      feed.publish(record);
    },
  });
  const decide = async (
    request: AccessRequest,
    transition: (request: AccessRequest) => TransitionResult,
  ): Promise<AccessRequest> => {
    const outcome = transition(request);
    if (!outcome.ok) throw new Error(outcome.error.code);
    const result = await repository.applyTransition(transitionWriteOf(request, outcome.value));
    if (!result.ok) throw new Error(result.error.code);
    return result.value;
  };
  // A history with every kind of decision: approve, reject, approve then revoke, a quorum share, a break-glass review.
  const at = (day: number) => `2025-0${day}-03T09:00:00.000Z`;
  const pending = (id: string, day: number, input = sandboxInput({ id })) =>
    unwrap(createRequest(input, ctx({ ...alice, authTime: at(day) }, at(day))));
  const requests = [
    pending('approved', 1),
    pending('rejected', 2),
    pending('revoked', 3),
    pending('quorum', 4, productionAdminInput({ id: 'quorum' })),
    unwrap(
      createBreakGlassRequest(
        productionAdminInput({ id: 'glass' }),
        ctx({ ...bob, authTime: at(5) }, at(5)),
      ),
    ),
    pending('untouched', 6),
  ];
  for (const request of requests) await repository.create(request);
  const [approved, rejected, revoked, quorum, glass] = requests as [
    AccessRequest,
    AccessRequest,
    AccessRequest,
    AccessRequest,
    AccessRequest,
  ];
  const later = (request: AccessRequest) => addMinutes(request.createdAt, 5);
  await decide(approved, (r) => approveRequest(r, {}, ctx(rita, later(r))));
  await decide(rejected, (r) => rejectRequest(r, { comment: 'no' }, ctx(ravi, later(r))));
  const open = await decide(revoked, (r) => approveRequest(r, {}, ctx(rita, later(r))));
  await decide(open, (r) =>
    revokeRequest(r, { comment: 'done' }, ctx(ravi, addMinutes(later(r), 5))),
  );
  await decide(quorum, (r) =>
    approveRequest(r, {}, ctx({ ...rita, authTime: later(r) }, later(r))),
  );
  await decide(glass, (r) => markBreakGlassReviewed(r, { comment: 'ok' }, ctx(rita, later(r))));
  await feed.drained();
  return { tableName, records, apply };
};

describe('the decider read model', () => {
  it('has one entry per decider and request, maintained from the change stream', async () => {
    const { tableName } = await world();
    const entries = await snapshot(tableName, ENTITY_DECIDER_ENTRY);
    expect(entries.map((entry) => `${String(entry['PK'])} ${String(entry['requestId'])}`)).toEqual([
      `DECIDER#${ravi.sub} rejected`,
      `DECIDER#${ravi.sub} revoked`,
      `DECIDER#${rita.sub} approved`,
      `DECIDER#${rita.sub} revoked`,
      `DECIDER#${rita.sub} quorum`,
      `DECIDER#${rita.sub} glass`,
    ]);
  });

  it('rebuilt from scratch equals the one maintained incrementally, index attributes included', async () => {
    const { tableName } = await world();
    const incremental = await snapshot(tableName);
    const documents = documentClientOf(dynalite.client);
    // From scratch: no decider entries, and a request written before the filter indexes existed.
    const entries = await snapshot(tableName, ENTITY_DECIDER_ENTRY);
    await documents.send(
      new BatchWriteCommand({
        RequestItems: {
          [tableName]: entries.map((entry) => ({
            DeleteRequest: { Key: { PK: entry['PK'], SK: entry['SK'] } },
          })),
        },
      }),
    );
    await documents.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { PK: 'REQUEST#approved', SK: 'REQUEST' },
        UpdateExpression: 'REMOVE GSI4PK, GSI4SK, GSI7PK, GSI7SK, GSI9PK, GSI9SK, deciderSubs',
      }),
    );
    expect(await snapshot(tableName, ENTITY_DECIDER_ENTRY)).toEqual([]);

    const report = await rebuildReadModels({ client: dynalite.client, tableName, segments: 3 });
    expect(report).toEqual({ requests: 6, indexAttributesRewritten: 1, deciderEntries: 6 });
    expect(await snapshot(tableName)).toEqual(incremental);
    // Again: nothing left to rewrite, the same table.
    expect(
      (await rebuildReadModels({ client: dynalite.client, tableName })).indexAttributesRewritten,
    ).toBe(0);
    expect(await snapshot(tableName)).toEqual(incremental);
  });

  it('changes nothing when the same stream records are replayed, twice', async () => {
    const { tableName, records, apply } = await world();
    expect(records.length).toBeGreaterThan(10);
    const before = await snapshot(tableName);
    await apply(records);
    await apply([...records].reverse());
    expect(await snapshot(tableName)).toEqual(before);
  });
});
