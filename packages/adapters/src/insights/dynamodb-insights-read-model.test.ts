import { BatchWriteCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type {
  AccessRequest,
  InsightFact,
  InsightsReadModel,
  SessionRecord,
  TransitionResult,
} from '@elevate/domain';
import {
  addMinutes,
  approveRequest,
  createBreakGlassRequest,
  createRequest,
  endRequestEarly,
  insightFactOf,
  rejectRequest,
  revokeRequest,
  transitionWriteOf,
} from '@elevate/domain';
import fc from 'fast-check';
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
import { documentClientOf } from '../dynamodb/batch-operations';
import { changeRecordOf } from '../dynamodb/change-feed';
import type { ChangeRecord } from '../dynamodb/change-record';
import { DynamoDbAccessRequestRepository } from '../dynamodb/dynamodb-access-request-repository';
import { DynamoDbSessionRecordRepository } from '../dynamodb/dynamodb-session-record-repository';
import { sessionItemOf } from '../dynamodb/session-record-item';
import { sessionRecord } from '../dynamodb/testing/session-record-repository-contract';
import { useDynalite } from '../dynamodb/testing/use-dynalite';
import { DynamoDbInsightsReadModel } from './dynamodb-insights-read-model';
import { InMemoryInsightsReadModel } from './in-memory-insights-read-model';
import {
  ENTITY_INSIGHTS_DAY,
  INSIGHTS_SHARDS,
  insightsAccountPrefixOf,
  insightsDayKeyOf,
} from './insight-fact-item';
import { rebuildProjections } from './rebuild-projections';
import { DynamoDbDeliveryLedger } from '../notifications/dynamodb-delivery-ledger';
import { requestIdOfStreamRecord } from '../dynamodb/request-stream-key';
import { RequestProjections } from './request-projections';

/** How many items each Query answered (what a refresh reads). */
const queried: number[] = [];
const dynalite = useDynalite((client) =>
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const count = (result.output as { Count?: number }).Count;
      if (context.commandName === 'QueryCommand' && count !== undefined) queried.push(count);
      return result;
    },
    { step: 'initialize', name: 'countQueried' },
  ),
);

type Item = Record<string, unknown>;

const snapshot = async (tableName: string): Promise<Item[]> => {
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
    .filter((item) => item['entity'] === ENTITY_INSIGHTS_DAY)
    .sort((a, b) =>
      `${String(a['PK'])}|${String(a['SK'])}`.localeCompare(
        `${String(b['PK'])}|${String(b['SK'])}`,
      ),
    );
};

const unwrap = (result: TransitionResult): AccessRequest => {
  if (!result.ok) throw new Error(result.error.code);
  return result.value.request;
};

/** Steps a request can take; the property test draws sequences of them. */
type Step = 'approve' | 'reject' | 'session' | 'revoke' | 'end';

/** A store whose writes (requests and sessions) are stream records the projections consume. */
const world = async () => {
  const tableName = await dynalite.freshTable();
  const readModel = new DynamoDbInsightsReadModel({ client: dynalite.client, tableName });
  const projections = new RequestProjections({
    client: dynalite.client,
    tableName,
    projections: [readModel],
  });
  const records: ChangeRecord[] = [];
  const repository = new DynamoDbAccessRequestRepository({
    client: dynalite.client,
    tableName,
    onChange: (record) => records.push(record),
  });
  const sessions = new DynamoDbSessionRecordRepository({ client: dynalite.client, tableName });
  let sessionCount = 0;
  const step = async (request: AccessRequest, kind: Step): Promise<AccessRequest> => {
    const at = addMinutes(request.updatedAt, 7);
    if (kind === 'session') {
      if (request.status !== 'APPROVED') return request;
      sessionCount += 1;
      const session: SessionRecord = sessionRecord({
        id: `ses-${sessionCount}`,
        requestId: request.id,
        issuedAt: addMinutes(request.approvedAt ?? request.createdAt, sessionCount % 50),
        expiresAt: addMinutes(request.approvedAt ?? request.createdAt, (sessionCount % 50) + 30),
      });
      const stored = await sessions.record(session);
      if (!stored.ok) throw new Error(stored.error.code);
      records.push(changeRecordOf(undefined, sessionItemOf(session)));
      return request;
    }
    const outcome =
      kind === 'approve'
        ? approveRequest(request, {}, ctx({ ...rita, authTime: at }, at))
        : kind === 'reject'
          ? rejectRequest(request, { comment: 'no' }, ctx(ravi, at))
          : kind === 'revoke'
            ? revokeRequest(request, { comment: 'done' }, ctx(ravi, at))
            : endRequestEarly(
                request,
                {},
                ctx(request.requester.sub === bob.sub ? bob : alice, at),
              );
    if (!outcome.ok) return request;
    const result = await repository.applyTransition(transitionWriteOf(request, outcome.value));
    if (!result.ok) throw new Error(result.error.code);
    return result.value;
  };
  const create = async (index: number, breakGlass: boolean): Promise<AccessRequest> => {
    const at = `2025-03-0${(index % 3) + 3}T0${index % 10}:00:00.000Z`;
    const request = breakGlass
      ? unwrap(
          createBreakGlassRequest(
            productionAdminInput({ id: `glass-${index}` }),
            ctx({ ...bob, authTime: at }, at),
          ),
        )
      : unwrap(
          createRequest(
            sandboxInput({ id: `req-${index}`, justification: `Rotate the deploy keys ${index}` }),
            ctx({ ...alice, authTime: at }, at),
          ),
        );
    const created = await repository.create(request);
    if (!created.ok) throw new Error(created.error.code);
    return request;
  };
  return { tableName, readModel, projections, records, step, create, sessions };
};

const scenario = async (w: Awaited<ReturnType<typeof world>>) => {
  const approved = await w.step(await w.create(0, false), 'approve');
  await w.step(approved, 'session');
  await w.step(approved, 'session');
  await w.step(await w.create(1, false), 'reject');
  const revoked = await w.step(await w.create(2, false), 'approve');
  await w.step(revoked, 'revoke');
  const glass = await w.create(3, true);
  await w.step(glass, 'session');
  await w.create(4, false);
  await w.projections.refreshFromRecords(w.records);
};

const deleteAll = async (tableName: string, items: readonly Item[]) => {
  for (let start = 0; start < items.length; start += 25)
    await documentClientOf(dynalite.client).send(
      new BatchWriteCommand({
        RequestItems: {
          [tableName]: items.slice(start, start + 25).map((item) => ({
            DeleteRequest: { Key: { PK: item['PK'], SK: item['SK'] } },
          })),
        },
      }),
    );
};

describe('the daily insights aggregates', () => {
  it('hold one fact per request on its creation day and account, with sessions counted', async () => {
    const w = await world();
    await scenario(w);
    const { facts, itemsRead } = await w.readModel.factsOfDays('2025-03-01', '2025-03-31');
    expect(facts.map((fact) => fact.requestId).sort()).toEqual([
      'glass-3',
      'req-0',
      'req-1',
      'req-2',
      'req-4',
    ]);
    expect(itemsRead).toBe((await snapshot(w.tableName)).length);
    const approved = facts.find((fact) => fact.requestId === 'req-0');
    expect(approved).toMatchObject({ approved: true, sessions: 2, decisionSeconds: 420 });
    expect(approved?.usedSeconds).toBeGreaterThan(0);
    expect(facts.find((fact) => fact.requestId === 'glass-3')).toMatchObject({
      breakGlass: true,
      breakGlassReview: 'PENDING',
      sessions: 1,
    });
    const oneAccount = await w.readModel.factsOfDays('2025-03-03', '2025-03-03', '333333333333');
    expect(oneAccount.facts.map((fact) => fact.requestId)).toEqual(['glass-3']);
    expect(oneAccount.itemsRead).toBe(1);
  });

  it(
    'rebuilt from scratch equals the one maintained from the stream',
    { timeout: 30_000 },
    async () => {
      const w = await world();
      await scenario(w);
      const incremental = await snapshot(w.tableName);
      expect(incremental.length).toBeGreaterThan(0);
      await deleteAll(w.tableName, incremental);
      expect(await snapshot(w.tableName)).toEqual([]);
      const report = await rebuildProjections({
        client: dynalite.client,
        tableName: w.tableName,
        projections: [w.readModel],
      });
      expect(report).toEqual({ requests: 5, sessions: 3 });
      expect(await snapshot(w.tableName)).toEqual(incremental);
    },
  );

  it(
    'changes nothing when stream records come again, reversed or one at a time',
    { timeout: 30_000 },
    async () => {
      const w = await world();
      await scenario(w);
      const before = await snapshot(w.tableName);
      await w.projections.refreshFromRecords([...w.records].reverse());
      for (const record of w.records) await w.projections.refreshFromRecords([record, record]);
      expect(await snapshot(w.tableName)).toEqual(before);
    },
  );

  it('never lets an older state of a request replace a newer one', async () => {
    const w = await world();
    const created = await w.create(5, false);
    const approved = await w.step(created, 'approve');
    await w.readModel.record(approved, []);
    const after = await snapshot(w.tableName);
    expect(await w.readModel.recordFact(insightFactOf(created, []))).toBe(false);
    expect(await w.readModel.recordFact(insightFactOf(approved, []))).toBe(false);
    expect(await snapshot(w.tableName)).toEqual(after);
  });

  it('over random histories, facts applied in any order with duplicates equal the final state', async () => {
    const steps = fc.constantFrom<Step>('approve', 'reject', 'session', 'revoke', 'end');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.boolean(), fc.array(steps, { maxLength: 5 })), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.infiniteStream(fc.nat()),
        async (histories, shuffle) => {
          const w = await world();
          const states: { request: AccessRequest; sessions: number }[] = [];
          const finals = new Map<string, AccessRequest>();
          for (const [index, [breakGlass, history]] of histories.entries()) {
            let request = await w.create(index, breakGlass);
            states.push({ request, sessions: 0 });
            for (const kind of history) {
              request = await w.step(request, kind);
              states.push({
                request,
                sessions: (await w.sessions.listForRequest(request.id)).length,
              });
            }
            finals.set(request.id, request);
          }
          // Every intermediate state, duplicated and shuffled, then the stream's own records.
          const draws = shuffle.take(states.length * 2);
          const order = [...states, ...states]
            .map((state, i) => ({ state, key: draws.next().value ?? i }))
            .sort((a, b) => a.key - b.key);
          const memory = new InMemoryInsightsReadModel();
          for (const { state } of order) {
            const all = await w.sessions.listForRequest(state.request.id);
            const fact = insightFactOf(state.request, all.slice(0, state.sessions));
            await w.readModel.recordFact(fact);
            await memory.recordFact(fact);
          }
          await w.projections.refreshFromRecords([...w.records].reverse());
          const expected = await Promise.all(
            [...finals.values()].map(async (request) =>
              insightFactOf(request, await w.sessions.listForRequest(request.id)),
            ),
          );
          const byId = (a: { requestId: string }, b: { requestId: string }) =>
            a.requestId < b.requestId ? -1 : 1;
          const stored = await w.readModel.factsOfDays('2025-03-01', '2025-03-31');
          expect([...stored.facts].sort(byId)).toEqual(expected.sort(byId));
          expect(
            [...(await memory.factsOfDays('2025-03-01', '2025-03-31')).facts].sort(byId),
          ).toEqual(expected);
        },
      ),
      { numRuns: 15 },
    );
  }, 60_000);
});

/** A fact as the notifier writes it, of a typical size (485 bytes of JSON; 3,000 are ~1.4 MB). */
const factOf = (requestId: string, accountId: string, revision = 100_000): InsightFact => ({
  requestId,
  createdAt: '2025-03-03T09:00:00.000Z',
  accountId,
  roleName: 'PowerUser',
  ruleIds: ['engineers-non-production'],
  requesterEmail: 'alice@example.com',
  status: 'APPROVED',
  breakGlass: false,
  selfApproved: false,
  approved: true,
  approvedSeconds: 7200,
  usedSeconds: 3600,
  sessions: 1,
  windowEndsAt: '2025-03-03T11:07:00.000Z',
  decisionSeconds: 420,
  firstSessionSeconds: 180,
  terms: ['deploy', 'keys', 'rotate'],
  ticketPrefix: 'INC',
  revision,
});

const models: [
  string,
  () => Promise<InsightsReadModel & { recordFact(fact: InsightFact): Promise<boolean> }>,
][] = [
  [
    'in DynamoDB',
    async () =>
      new DynamoDbInsightsReadModel({
        client: dynalite.client,
        tableName: await dynalite.freshTable(),
      }),
  ],
  ['in memory', async () => new InMemoryInsightsReadModel()],
];

describe.each(models)('the daily insights aggregates %s', (_, modelOf) => {
  it(
    'hold 3,000 requests of one day in one account (well past one 400 KB item) and read each once',
    { timeout: 30_000 },
    async () => {
      const model = await modelOf();
      const ids = Array.from({ length: 3000 }, (_, i) => `req-${String(i).padStart(5, '0')}`);
      // A few writes at a time, as the notifier's parallel stream batches do.
      for (let start = 0; start < ids.length; start += 25)
        await Promise.all(
          ids.slice(start, start + 25).map((id) => model.recordFact(factOf(id, '111111111111'))),
        );
      const read = await model.factsOfDays('2025-03-03', '2025-03-03', '111111111111');
      expect(read.facts.map((fact) => fact.requestId).sort()).toEqual(ids);
      const all = await model.factsOfDays('2025-03-01', '2025-03-31');
      expect(all.facts.map((fact) => fact.requestId).sort()).toEqual(ids);
      if (model instanceof DynamoDbInsightsReadModel) {
        expect(read.itemsRead).toBe(INSIGHTS_SHARDS);
        expect(all.itemsRead).toBe(INSIGHTS_SHARDS);
      }
    },
  );

  it('reads of account 12 never return the facts of account 123', async () => {
    const model = await modelOf();
    for (const [id, accountId] of [
      ['req-a', '12'],
      ['req-b', '123'],
      ['req-c', '12'],
      ['req-d', '1234'],
    ] as const)
      await model.recordFact(factOf(id, accountId));
    const ofAccount = async (accountId: string) =>
      (await model.factsOfDays('2025-03-03', '2025-03-03', accountId)).facts
        .map((fact) => fact.requestId)
        .sort();
    expect(await ofAccount('12')).toEqual(['req-a', 'req-c']);
    expect(await ofAccount('123')).toEqual(['req-b']);
    expect(await ofAccount('1')).toEqual([]);
  });
});

describe('the daily insights aggregates written before sharding', () => {
  /** An item of before sharding: `SK = ACCOUNT#<accountId>`, facts as attributes. */
  const putUnsharded = async (tableName: string, facts: readonly InsightFact[]) => {
    for (const fact of facts)
      await documentClientOf(dynalite.client).send(
        new UpdateCommand({
          TableName: tableName,
          Key: {
            PK: insightsDayKeyOf('2025-03-03'),
            SK: insightsAccountPrefixOf(fact.accountId),
          },
          UpdateExpression: 'SET #fact = :fact, #revision = :revision, entity = :entity',
          ExpressionAttributeNames: {
            '#fact': `f_${fact.requestId}`,
            '#revision': `r_${fact.requestId}`,
          },
          ExpressionAttributeValues: {
            ':fact': fact,
            ':revision': fact.revision,
            ':entity': ENTITY_INSIGHTS_DAY,
          },
        }),
      );
  };

  it('are still read, and a request in both yields one fact: the one of the higher revision', async () => {
    const tableName = await dynalite.freshTable();
    const model = new DynamoDbInsightsReadModel({ client: dynalite.client, tableName });
    await putUnsharded(tableName, [
      factOf('req-newer-in-shard', '12', 100_000),
      factOf('req-newer-unsharded', '12', 300_000),
      factOf('req-only-unsharded', '12', 100_000),
    ]);
    expect(await model.recordFact(factOf('req-newer-in-shard', '12', 200_001))).toBe(true);
    // A late record of an older state lands in the (empty) shard; the read still prefers the newer.
    expect(await model.recordFact(factOf('req-newer-unsharded', '12', 200_000))).toBe(true);
    for (const accountId of ['12', undefined]) {
      const { facts, itemsRead } = await model.factsOfDays('2025-03-03', '2025-03-03', accountId);
      expect(
        facts
          .map((fact) => [fact.requestId, fact.revision])
          .sort(([a], [b]) => String(a).localeCompare(String(b))),
      ).toEqual([
        ['req-newer-in-shard', 200_001],
        ['req-newer-unsharded', 300_000],
        ['req-only-unsharded', 100_000],
      ]);
      expect(itemsRead).toBe((await snapshot(tableName)).length);
    }
  });

  it('follows only the request and its sessions: delivery markers beside them are no refresh and are not read', async () => {
    const w = await world();
    const approved = await w.step(await w.create(0, false), 'approve');
    await w.step(approved, 'session');
    // A busy request's partition: one marker per person told, each claimed and completed.
    const ledger = new DynamoDbDeliveryLedger({ client: dynalite.client, tableName: w.tableName });
    for (let n = 0; n < 30; n += 1) {
      const key = {
        requestId: approved.id,
        version: approved.version,
        event: 'APPROVED',
        audience: 'reviewers',
        channel: 'email',
        recipient: `reviewer-${n}`,
      };
      await ledger.claim(key, approved.updatedAt);
      await ledger.complete(key, approved.updatedAt);
    }
    const marker = changeRecordOf(undefined, {
      PK: `REQUEST#${approved.id}`,
      SK: 'NOTIFY#000002#APPROVED#reviewers#email#reviewer-0',
    });
    expect(requestIdOfStreamRecord(marker)).toBeUndefined();
    expect(await w.projections.refreshFromRecords([marker])).toBe(0);
    expect(w.records.map(requestIdOfStreamRecord)).toEqual(w.records.map(() => approved.id));

    queried.length = 0;
    expect(await w.projections.refresh(approved.id)).toBe(true);
    // The request item and its one session, none of the 30 markers.
    expect(queried).toEqual([2]);
    const day = approved.createdAt.slice(0, 10);
    const { facts } = await w.readModel.factsOfDays(day, day, approved.accountId);
    expect(facts.find((fact) => fact.requestId === approved.id)?.sessions).toBe(1);
  });
});
