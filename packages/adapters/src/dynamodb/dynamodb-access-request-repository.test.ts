import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessRequest } from '@elevate/domain';
import {
  addMinutes,
  approveRequest,
  createBreakGlassRequest,
  createRequest,
  transitionWriteOf,
} from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import {
  alice,
  ctx,
  DATA_LAKE,
  productionAdminInput,
  rita,
  sandboxInput,
} from '../../../domain/src/testing/fixtures';
import {
  DynamoDbAccessRequestRepository,
  MAX_READS_PER_PAGE,
} from './dynamodb-access-request-repository';
import { elevateTableDefinition, ensureTable } from './table-definition';
import { useDynalite } from './testing/use-dynalite';

/** Every command the client sent, by name — to prove there is no Scan and reads are bounded. */
const sent: string[] = [];

const dynalite = useDynalite((client) =>
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'recordCommandNames' },
  ),
);

const newTable = async (): Promise<{
  tableName: string;
  repository: DynamoDbAccessRequestRepository;
}> => {
  const tableName = await dynalite.freshTable();
  return {
    tableName,
    repository: new DynamoDbAccessRequestRepository({ client: dynalite.client, tableName }),
  };
};

const pendingAt = (
  id: string,
  now: string,
  overrides: Parameters<typeof sandboxInput>[0] = {},
): AccessRequest => {
  const result = createRequest(
    sandboxInput({ id, ...overrides }),
    ctx({ ...alice, authTime: now }, now),
  );
  if (!result.ok) throw new Error(result.error.code);
  return result.value.request;
};

const rawItem = async (
  tableName: string,
  id: string,
): Promise<Record<string, unknown> | undefined> =>
  (
    await DynamoDBDocumentClient.from(dynalite.client).send(
      new GetCommand({ TableName: tableName, Key: { PK: `REQUEST#${id}`, SK: 'REQUEST' } }),
    )
  ).Item;

describe('elevate table', () => {
  it('is one on-demand table keyed PK/SK with GSI1–3 on GSI<n>PK/GSI<n>SK, projecting all attributes', () => {
    const definition = elevateTableDefinition('t');
    expect(definition.BillingMode).toBe('PAY_PER_REQUEST');
    expect(definition.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(
      definition.GlobalSecondaryIndexes?.map((index) => [
        index.IndexName,
        index.KeySchema?.map((key) => key.AttributeName),
        index.Projection?.ProjectionType,
      ]),
    ).toEqual([
      ['GSI1', ['GSI1PK', 'GSI1SK'], 'ALL'],
      ['GSI2', ['GSI2PK', 'GSI2SK'], 'ALL'],
      ['GSI3', ['GSI3PK', 'GSI3SK'], 'ALL'],
    ]);
    expect(
      definition.AttributeDefinitions?.every((attribute) => attribute.AttributeType === 'S'),
    ).toBe(true);
  });

  it('is created once by ensureTable, which may run again and again', async () => {
    const tableName = `elevate-${randomUUID()}`;
    await ensureTable(dynalite.client, tableName);
    await ensureTable(dynalite.client, tableName);
    const { Table } = await dynalite.client.send(
      new DescribeTableCommand({ TableName: tableName }),
    );
    expect(Table?.TableStatus).toBe('ACTIVE');
  });

  it('is refused by ensureTable when a table of that name lacks the indexes', async () => {
    const tableName = `elevate-${randomUUID()}`;
    const { GlobalSecondaryIndexes: _indexes, ...plain } = elevateTableDefinition(tableName);
    await dynalite.client.send(
      new CreateTableCommand({
        ...plain,
        AttributeDefinitions: plain.AttributeDefinitions?.slice(0, 2),
      }),
    );
    await expect(ensureTable(dynalite.client, tableName)).rejects.toThrow(
      /without the indexes GSI1, GSI2, GSI3/,
    );
  });
});

describe('DynamoDB access request items', () => {
  it('carry the request, its keys and index entries; leaving PENDING drops the review-queue entry', async () => {
    const { tableName, repository } = await newTable();
    const request = pendingAt('01JTEST', '2025-03-03T09:00:00.000Z');
    await repository.create(request);
    const item = await rawItem(tableName, request.id);
    expect(item).toEqual({
      ...request,
      PK: 'REQUEST#01JTEST',
      SK: 'REQUEST',
      entity: 'ACCESS_REQUEST',
      GSI1PK: `REQUESTER#${alice.sub}`,
      GSI1SK: '2025-03-03T09:00:00.000Z#01JTEST',
      GSI2PK: 'PENDING',
      GSI2SK: `["reviewers"]#2025-03-03T09:00:00.000Z#01JTEST`,
      GSI3PK: 'CREATED#2025-03',
      GSI3SK: '2025-03-03T09:00:00.000Z#01JTEST',
      // The audit's case-insensitive filter by address (DynamoDB has no lower()).
      requesterEmailLower: alice.email.toLowerCase(),
    });

    const approved = approveRequest(request, {}, ctx(rita, '2025-03-03T09:05:00.000Z'));
    if (!approved.ok) throw new Error(approved.error.code);
    await repository.applyTransition(transitionWriteOf(request, approved.value));
    const after = await rawItem(tableName, request.id);
    expect(after).not.toHaveProperty('GSI2PK');
    expect(after).not.toHaveProperty('GSI2SK');
    expect(after).toMatchObject({
      status: 'APPROVED',
      version: 2,
      GSI1PK: `REQUESTER#${alice.sub}`,
      GSI3PK: 'CREATED#2025-03',
      // Set by the same UpdateItem: "my past decisions" filters on it.
      deciderSubs: [rita.sub],
    });
  });

  it('put a break-glass request in the post-access review queue', async () => {
    const { tableName, repository } = await newTable();
    const now = '2025-03-03T09:00:00.000Z';
    const result = createBreakGlassRequest(
      productionAdminInput({ id: 'bg' }),
      ctx({ ...alice, authTime: now }, now),
    );
    if (!result.ok) throw new Error(result.error.code);
    await repository.create(result.value.request);
    expect(await rawItem(tableName, 'bg')).toMatchObject({
      GSI2PK: 'BREAK_GLASS_REVIEW',
      GSI2SK: '2025-03-03T09:00:00.000Z#bg',
    });
  });

  it('are validated when read back: a malformed item fails loudly, naming the field, not its value', async () => {
    const { tableName, repository } = await newTable();
    const request = pendingAt('bad', '2025-03-03T09:00:00.000Z');
    await DynamoDBDocumentClient.from(dynalite.client).send(
      new PutCommand({
        TableName: tableName,
        Item: { ...request, status: 'SORT_OF_APPROVED', PK: 'REQUEST#bad', SK: 'REQUEST' },
      }),
    );
    const failure = repository.get('bad');
    await expect(failure).rejects.toThrow(/malformed at: status/);
    await expect(failure).rejects.not.toThrow(/SORT_OF_APPROVED/);
  });
});

describe('DynamoDB listings', () => {
  it('never Scan: every listing, read and write is a Query, GetItem, PutItem or UpdateItem', async () => {
    const { repository } = await newTable();
    const request = pendingAt('q-1', '2025-03-03T09:00:00.000Z');
    sent.length = 0;
    await repository.create(request);
    await repository.get(request.id);
    const approved = approveRequest(request, {}, ctx(rita, '2025-03-03T09:05:00.000Z'));
    if (!approved.ok) throw new Error(approved.error.code);
    await repository.applyTransition(transitionWriteOf(request, approved.value));
    await repository.applyTransition(transitionWriteOf(request, approved.value));
    await repository.listByRequester({ requesterSub: alice.sub, status: 'APPROVED', limit: 5 });
    await repository.listPendingForReview({
      routingKeys: ['["reviewers"]', '["other"]'],
      limit: 5,
    });
    await repository.listBreakGlassAwaitingReview({ limit: 5 });
    await repository.listForAudit({
      from: '2024-01-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
      accountId: DATA_LAKE,
      limit: 5,
    });
    await repository.listForAudit({
      from: '2024-01-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
      requesterSub: alice.sub,
      limit: 5,
    });
    await repository.listPendingExpiredAt({ at: '2026-01-01T00:00:00.000Z', limit: 5 });
    await repository.listDecidedBy({
      from: '2025-01-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
      sub: rita.sub,
      limit: 5,
    });
    expect(new Set(sent)).toEqual(
      new Set(['PutItemCommand', 'GetItemCommand', 'UpdateItemCommand', 'QueryCommand']),
    );
  });

  it('bound the reads of a filtered audit page and still find everything, page after page', async () => {
    const { repository } = await newTable();
    // Three years, matches only in the oldest and newest months: most pages read empty months.
    const match = pendingAt('m-old', '2023-01-05T10:00:00.000Z', { roleName: 'ReadOnly' });
    const newest = pendingAt('m-new', '2025-12-20T10:00:00.000Z', { roleName: 'ReadOnly' });
    const others = ['2023-01-06', '2024-06-01', '2025-12-21'].map((day, index) =>
      pendingAt(`o-${index}`, `${day}T10:00:00.000Z`),
    );
    for (const request of [match, newest, ...others]) await repository.create(request);

    const found: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      sent.length = 0;
      const page = await repository.listForAudit({
        from: '2023-01-01T00:00:00.000Z',
        to: '2026-01-01T00:00:00.000Z',
        roleName: 'ReadOnly',
        limit: 10,
        ...(cursor === undefined ? {} : { cursor }),
      });
      expect(sent.filter((name) => name === 'QueryCommand').length).toBeLessThanOrEqual(
        MAX_READS_PER_PAGE,
      );
      found.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== undefined && pages < 20);
    expect(found).toEqual(['m-new', 'm-old']);
    // 36 months at 10 reads a page: the walk needs several pages, some of them empty.
    expect(pages).toBe(4);
  });

  it('bound the reads of a page of past decisions, one conditional write per decision', async () => {
    const { repository } = await newTable();
    // A year of months, decisions only at both ends: pages read months of nothing within budget.
    const old = pendingAt('dec-old', '2025-01-05T10:00:00.000Z');
    const recent = pendingAt('dec-new', '2025-12-20T10:00:00.000Z');
    const notMine = pendingAt('dec-other', '2025-06-01T10:00:00.000Z');
    for (const request of [old, recent, notMine]) await repository.create(request);
    sent.length = 0;
    for (const request of [old, recent]) {
      const approved = approveRequest(request, {}, ctx(rita, addMinutes(request.createdAt, 1)));
      if (!approved.ok) throw new Error(approved.error.code);
      await repository.applyTransition(transitionWriteOf(request, approved.value));
    }
    expect(sent).toEqual(['UpdateItemCommand', 'UpdateItemCommand']);

    const found: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      sent.length = 0;
      const page = await repository.listDecidedBy({
        from: '2025-01-01T00:00:00.000Z',
        to: '2026-01-01T00:00:00.000Z',
        sub: rita.sub,
        limit: 10,
        ...(cursor === undefined ? {} : { cursor }),
      });
      expect(sent.filter((name) => name === 'QueryCommand').length).toBeLessThanOrEqual(
        MAX_READS_PER_PAGE,
      );
      found.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== undefined && pages < 20);
    expect(found).toEqual(['dec-new', 'dec-old']);
    // 12 months at 10 reads a page: two pages.
    expect(pages).toBe(2);
  });
});
