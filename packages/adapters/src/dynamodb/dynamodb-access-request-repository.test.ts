import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type {
  AccessRequest,
  AccessRequestRepository,
  AuditQuery,
  ListedRequest,
  Page,
} from '@elevate/domain';
import {
  historyChainOf,
  approveRequest,
  REQUEST_STATUSES,
  createBreakGlassRequest,
  createRequest,
  transitionWriteOf,
} from '@elevate/domain';
import { describe, expect, it } from 'vitest';
import {
  alice,
  bob,
  ctx,
  DATA_LAKE,
  PRODUCTION,
  productionAdminInput,
  ravi,
  rita,
  SANDBOX,
  sandboxInput,
  STAGING,
} from '@elevate/domain/testing';
import { batchWriteAll, documentClientOf } from './batch-operations';
import { DynamoDbDecisionReadModel } from './decider-read-model';
import {
  DynamoDbAccessRequestRepository,
  MAX_READS_PER_PAGE,
} from './dynamodb-access-request-repository';
import { InMemoryAccessRequestRepository } from './in-memory-access-request-repository';
import { itemOf } from './request-item';
import { elevateTableDefinition, ensureTable } from './table-definition';
import { useDynalite } from './testing/use-dynalite';

/** Every command the client sent, by name — to prove there is no Scan and reads are bounded. */
const sent: string[] = [];
/** Items each read evaluated: a Query's ScannedCount, the items a BatchGetItem returned. */
const itemsRead: number[] = [];

const countRead = (commandName: string, output: unknown): number | undefined => {
  if (typeof output !== 'object' || output === null) return undefined;
  if (commandName === 'QueryCommand' && 'ScannedCount' in output)
    return Number(output.ScannedCount);
  if (commandName === 'BatchGetItemCommand' && 'Responses' in output)
    return Object.values(output.Responses as Record<string, unknown[]>).reduce(
      (sum, items) => sum + items.length,
      0,
    );
  return undefined;
};

/** The attribute names of every request item a Query or BatchGetItem answered with. */
const attributesRead = new Set<string>();
const recordAttributes = (output: unknown): void => {
  if (typeof output !== 'object' || output === null) return;
  const items =
    'Items' in output
      ? (output.Items as Record<string, unknown>[] | undefined)
      : 'Responses' in output
        ? Object.values(output.Responses as Record<string, Record<string, unknown>[]>).flat()
        : [];
  for (const item of items ?? [])
    // A request item however projected: every projection a listing uses keeps `decisions`.
    if (JSON.stringify(item['entity']) === '{"S":"ACCESS_REQUEST"}' || 'decisions' in item)
      for (const name of Object.keys(item)) attributesRead.add(name);
};

const dynalite = useDynalite((client) =>
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const commandName = String(context.commandName);
      sent.push(commandName);
      const result = await next(args);
      const read = countRead(commandName, result.output);
      if (read !== undefined) itemsRead.push(read);
      if (commandName === 'QueryCommand' || commandName === 'BatchGetItemCommand')
        recordAttributes(result.output);
      return result;
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
  it('is one on-demand table keyed PK/SK with GSI1–10 on GSI<n>PK/GSI<n>SK, each holding whole items', () => {
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
    ).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => [`GSI${n}`, [`GSI${n}PK`, `GSI${n}SK`], 'ALL']),
    );
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
      /without the indexes GSI1, GSI2, GSI3, GSI4, GSI5, GSI6, GSI7, GSI8, GSI9, GSI10/,
    );
  });

  it('is refused by ensureTable when an index holds less than whole items (an earlier version)', async () => {
    const tableName = `elevate-${randomUUID()}`;
    const definition = elevateTableDefinition(tableName);
    await dynalite.client.send(
      new CreateTableCommand({
        ...definition,
        GlobalSecondaryIndexes: definition.GlobalSecondaryIndexes?.map((index) =>
          index.IndexName === 'GSI4' || index.IndexName === 'GSI10'
            ? { ...index, Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['status'] } }
            : index,
        ),
      }),
    );
    await expect(ensureTable(dynalite.client, tableName)).rejects.toThrow(
      /with less than whole items in GSI4, GSI10/,
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
      // One partition per audit filter, and "my requests" of one status.
      GSI4PK: 'STATUS#PENDING',
      GSI4SK: '2025-03-03T09:00:00.000Z#01JTEST',
      GSI5PK: `ACCOUNT#${request.accountId}`,
      GSI5SK: '2025-03-03T09:00:00.000Z#01JTEST',
      GSI6PK: `ROLE#${request.roleName}`,
      GSI6SK: '2025-03-03T09:00:00.000Z#01JTEST',
      GSI7PK: `EMAIL#${alice.email.toLowerCase()}`,
      GSI7SK: '2025-03-03T09:00:00.000Z#01JTEST',
      GSI9PK: `REQUESTER#${alice.sub}#STATUS#PENDING`,
      GSI9SK: '2025-03-03T09:00:00.000Z#01JTEST',
      // The audit's pair of filters account × status.
      GSI10PK: `ACCOUNT#${request.accountId}#STATUS#PENDING`,
      GSI10SK: '2025-03-03T09:00:00.000Z#01JTEST',
      // The audit's case-insensitive filter by address (DynamoDB has no lower()).
      requesterEmailLower: alice.email.toLowerCase(),
      // What "my requests" text search looks in, in lower case.
      searchText: [request.accountId, request.roleName, request.justification, '']
        .join('\n')
        .toLowerCase(),
      // The audit hash chain: one hash per history event.
      chain: historyChainOf(request.id, request.history),
    });
    // No ticket, so no entry in the (sparse) ticket index.
    expect(item).not.toHaveProperty('GSI8PK');

    const approved = approveRequest(request, {}, ctx(rita, '2025-03-03T09:05:00.000Z'));
    if (!approved.ok) throw new Error(approved.error.code);
    await repository.applyTransition(transitionWriteOf(request, approved.value));
    const after = await rawItem(tableName, request.id);
    expect(after).not.toHaveProperty('GSI2PK');
    expect(after).not.toHaveProperty('GSI2SK');
    // The transition's one UpdateItem appended the approval's link to the chain.
    expect(after?.['chain']).toEqual(historyChainOf(request.id, approved.value.request.history));

    // An item from before the chain existed gets the chain of its whole history at its next write.
    const legacy = pendingAt('01JLEGACY', '2025-03-03T09:00:00.000Z');
    const { chain: _unused, ...withoutChain } = itemOf(legacy);
    await DynamoDBDocumentClient.from(dynalite.client).send(
      new PutCommand({ TableName: tableName, Item: withoutChain }),
    );
    const legacyApproved = approveRequest(legacy, {}, ctx(rita, '2025-03-03T09:05:00.000Z'));
    if (!legacyApproved.ok) throw new Error(legacyApproved.error.code);
    await repository.applyTransition(transitionWriteOf(legacy, legacyApproved.value));
    expect((await rawItem(tableName, legacy.id))?.['chain']).toEqual(
      historyChainOf(legacy.id, legacyApproved.value.request.history),
    );
    expect(after).toMatchObject({
      status: 'APPROVED',
      version: 2,
      GSI1PK: `REQUESTER#${alice.sub}`,
      GSI3PK: 'CREATED#2025-03',
      // The status keys move in the same UpdateItem.
      GSI4PK: 'STATUS#APPROVED',
      GSI9PK: `REQUESTER#${alice.sub}#STATUS#APPROVED`,
      GSI10PK: `ACCOUNT#${request.accountId}#STATUS#APPROVED`,
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
  it("never Scan: every listing, read and write here is a Query, GetItem, PutItem or UpdateItem (the read model's BatchGetItem is in the bound test)", async () => {
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
    // Every page of an index is one Query; BatchGetItem only fetches the read model's items.
    expect(new Set(sent)).toEqual(
      new Set(['PutItemCommand', 'GetItemCommand', 'UpdateItemCommand', 'QueryCommand']),
    );
  });

  it(
    'reads at most limit + 1 items for every page of every filter in one Query (2 × limit + 1 from the read model), and finds what the in-memory store finds',
    { timeout: 60_000 },
    async () => {
      const { tableName, repository } = await newTable();
      const memory = new InMemoryAccessRequestRepository();
      const readModel = new DynamoDbDecisionReadModel({ client: dynalite.client, tableName });
      const base = pendingAt('base', '2023-01-01T00:00:00.000Z');
      const people = [alice, bob, rita].map(({ sub, email, name }) => ({ sub, email, name }));
      const reviewer = { sub: ravi.sub, email: ravi.email, name: ravi.name };
      // Three years of 240 requests across statuses, accounts, roles, requesters and tickets.
      const requests: AccessRequest[] = Array.from({ length: 240 }, (_, i) => {
        const createdAt = new Date(
          Date.parse('2023-01-01T00:00:00.000Z') + i * 4.5 * 86_400_000,
        ).toISOString();
        const status = REQUEST_STATUSES[i % REQUEST_STATUSES.length] ?? 'PENDING';
        const decided = i % 2 === 0 && status !== 'PENDING';
        const { ticket: _none, ...rest } = base;
        return {
          ...rest,
          id: `r-${String(i).padStart(3, '0')}`,
          createdAt,
          updatedAt: createdAt,
          status,
          accountId: [SANDBOX, STAGING, PRODUCTION, DATA_LAKE][i % 4] ?? SANDBOX,
          roleName: ['ReadOnly', 'Admin', 'PowerUser'][i % 3] ?? 'ReadOnly',
          requester: people[i % people.length] ?? people[0] ?? reviewer,
          ...(i % 7 === 0 ? { ticket: `OPS-${i % 3}` } : {}),
          history: [
            ...base.history.map((event) => ({ ...event, at: createdAt })),
            ...(decided
              ? [{ type: 'APPROVAL' as const, actor: reviewer, at: createdAt, statusAfter: status }]
              : []),
          ],
        };
      });
      await batchWriteAll(documentClientOf(dynalite.client), tableName, requests.map(itemOf));
      await readModel.recordAll(requests);
      for (const request of requests) await memory.create(request);

      const range = { from: '2023-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' };
      const limit = 10;
      type Lister = (
        store: AccessRequestRepository,
        cursor?: string,
      ) => Promise<Page<ListedRequest>>;
      // An index page: its entries are the requests. The decider read model's: keys, then the items.
      const ONE_READ = limit + 1;
      const KEYS_THEN_ITEMS = 2 * limit + 1;
      // The audit by month: a page that fills exactly at a month's end reads one more item beyond
      // it, and then two (a page of one and its one more) to know whether a next page exists.
      const BY_MONTH = limit + 2;
      const walkAll = async (
        store: AccessRequestRepository,
        list: Lister,
        bound: number | undefined,
      ) => {
        const found: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          itemsRead.length = 0;
          sent.length = 0;
          const page = await list(store, cursor);
          if (bound !== undefined) {
            expect(itemsRead.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(bound);
            // One Query of the page's own index, nothing fetched by key.
            if (bound === ONE_READ) expect(sent).toEqual(['QueryCommand']);
          }
          found.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor !== undefined && pages < 100);
        return found;
      };
      const cursorOf = (cursor: string | undefined) => (cursor === undefined ? {} : { cursor });
      const audit =
        (filters: Partial<AuditQuery>): Lister =>
        (store, cursor) =>
          store.listForAudit({ ...range, ...filters, limit, ...cursorOf(cursor) });
      const single: [string, Lister, number][] = [
        ['unfiltered', audit({}), BY_MONTH],
        ['status', audit({ status: 'APPROVED' }), ONE_READ],
        ['account', audit({ accountId: STAGING }), ONE_READ],
        ['role', audit({ roleName: 'Admin' }), ONE_READ],
        ['requester email, any case', audit({ requesterEmail: bob.email.toUpperCase() }), ONE_READ],
        ['requester sub', audit({ requesterSub: alice.sub }), ONE_READ],
        ['ticket, any case', audit({ ticket: 'ops-1' }), ONE_READ],
        [
          'my requests of one status',
          (store, cursor) =>
            store.listByRequester({
              requesterSub: bob.sub,
              status: 'ENDED',
              limit,
              ...cursorOf(cursor),
            }),
          ONE_READ,
        ],
        [
          'my past decisions',
          (store, cursor) =>
            store.listDecidedBy({ ...range, sub: ravi.sub, limit, ...cursorOf(cursor) }),
          KEYS_THEN_ITEMS,
        ],
      ];
      attributesRead.clear();
      for (const [name, list, bound] of single) {
        const expected = await walkAll(memory, list, undefined);
        expect(expected.length, name).toBeGreaterThan(limit);
        expect(await walkAll(repository, list, bound), name).toEqual(expected);
      }
      // A page reads what a list shows of a request: not its index attributes, its audit chain or
      // its history, two thirds of an item's bytes.
      expect(attributesRead.has('decisions')).toBe(true);
      expect(
        [...attributesRead].filter((name) =>
          /^GSI|^chain$|^searchText$|Lower$|^history$/.test(name),
        ),
      ).toEqual([]);
      // The listing with histories (exports, the digest) reads the history, and still no index
      // attribute or chain.
      attributesRead.clear();
      await walkAll(
        repository,
        (store, cursor) =>
          store.listForAuditWithHistory({
            ...range,
            status: 'APPROVED',
            limit,
            ...cursorOf(cursor),
          }),
        ONE_READ,
      );
      expect(attributesRead.has('history')).toBe(true);
      expect(
        [...attributesRead].filter((name) => /^GSI|^chain$|^searchText$|Lower$/.test(name)),
      ).toEqual([]);
      // Account × status has a key of its own (GSI10): every page within the bound, though the
      // account's partition holds six times the matches (read by it, a page would read all 60).
      const accountAndStatus = audit({ accountId: STAGING, status: 'ENDED' });
      const inBoth = await walkAll(memory, accountAndStatus, undefined);
      expect(inBoth.length).toBeGreaterThan(0);
      expect(await walkAll(repository, accountAndStatus, ONE_READ)).toEqual(inBoth);
      // Three filters: a key, the third a filter within it — complete, within the read budget.
      const three = audit({ accountId: STAGING, status: 'ENDED', roleName: 'Admin' });
      expect(await walkAll(repository, three, undefined)).toEqual(
        await walkAll(memory, three, undefined),
      );
      // Oldest first and several requesters: key reads too, every page within the bound per requester.
      const several: [Partial<AuditQuery>, number | undefined][] = [
        [{ order: 'oldestFirst' }, BY_MONTH],
        [{ order: 'oldestFirst', status: 'APPROVED' }, ONE_READ],
        // One read of limit + 1 per requester.
        [{ requesterSubs: [bob.sub, rita.sub] }, 2 * ONE_READ],
      ];
      for (const [filters, bound] of several) {
        const list = audit(filters);
        const expected = await walkAll(memory, list, undefined);
        expect(expected.length).toBeGreaterThan(limit);
        expect(await walkAll(repository, list, bound)).toEqual(expected);
      }
      // Ticket prefix and free text have no key: a page reads at most MAX_READS_PER_PAGE Queries, and
      // a page that ran out of reads says how far back it searched and hands on a cursor.
      for (const filters of [{ ticketPrefix: 'OPS-2' }, { text: 'ops-2' }]) {
        const list = audit(filters);
        const expected = await walkAll(memory, list, undefined);
        const found: string[] = [];
        const searchedTo: string[] = [];
        let cursor: string | undefined;
        do {
          sent.length = 0;
          const page = await list(repository, cursor);
          expect(sent.filter((name) => name === 'QueryCommand').length).toBeLessThanOrEqual(
            MAX_READS_PER_PAGE,
          );
          found.push(...page.items.map((item) => item.id));
          if (page.searchedTo !== undefined) {
            expect(page.items.length).toBeLessThan(limit);
            expect(page.nextCursor).toBeDefined();
            searchedTo.push(page.searchedTo);
          }
          cursor = page.nextCursor;
        } while (cursor !== undefined);
        expect(found).toEqual(expected);
        // 36 months at one Query each cannot be searched in one page of 10 Queries.
        expect(searchedTo.length).toBeGreaterThan(0);
        expect([...searchedTo].sort().reverse()).toEqual(searchedTo);
      }
    },
  );
});
