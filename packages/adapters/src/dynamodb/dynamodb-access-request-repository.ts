import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type {
  AccessRequest,
  AccessRequestRepository,
  AuditQuery,
  DecidedByQuery,
  ListedRequest,
  Page,
  PageQuery,
  QueueOrder,
  RepositoryError,
  RequesterQuery,
  Result,
  TransitionWrite,
} from '@elevate/domain';
import { err, ok } from '@elevate/domain';
import type { Listing, Position } from './page-cursor';
import { decodeCursor, encodeCursor, positionKey, positionOf, queueKey } from './page-cursor';
import type { Filter } from './audit-access-path';
import { auditAccessPathOf } from './audit-access-path';
import { batchGetInOrder, documentClientOf } from './batch-operations';
import type { ItemProjection } from './batch-operations';
import { DECIDER_PREFIX, requestIdOfEntry } from './decider-read-model';
import type { TableIndex } from './table-definition';
import { alreadyExists, checkLimit, notFound, versionConflict } from './repository-error';
import {
  BREAK_GLASS_REVIEW_PARTITION,
  canonicalInstant,
  CREATED_PREFIX,
  itemOf,
  keyOf,
  monthOf,
  PENDING_PARTITION,
  REQUEST_PREFIX,
  REQUESTER_PREFIX,
  requesterStatusPartition,
  LISTED_REQUEST_PROJECTION,
  listedRequestOfItem,
  requestOfItem,
  STORED_REQUEST_PROJECTION,
} from './request-item';
import { transitionUpdateOf } from './transition-update';
import { wasWrittenBy, withWriter, withWriterUpdate } from './writer-token';
import { changeRecordOf } from './change-feed';
import type { ChangeRecord } from './change-record';
import type { ChangeOutbox } from './durable-outbox';

/** Reads one listing page may spend before it returns what it has (with a cursor to go on). */
export const MAX_READS_PER_PAGE = 10;
/** Items a filtered read evaluates at once; the filter then drops the ones that do not match. */
const FILTERED_READ_BATCH = 100;

export interface DynamoDbAccessRequestRepositoryOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /**
   * Local stack only (dynalite has no streams): called with the stream-shaped record of each
   * successful write. Costs one extra read per transition to capture the old image.
   */
  readonly onChange?: (record: ChangeRecord) => void;
  /**
   * Local stack only: each write's change is put here before the write is made, so no change is
   * lost to a crash (durable-outbox.ts). Writes without a writer token get one.
   */
  readonly outbox?: ChangeOutbox;
}

type Item = Record<string, unknown>;

/** The table itself (the decider read model's partitions) or one of its indexes. */
type Source = TableIndex | 'TABLE';

/** A query of one partition, in order, within a key range, resumed after a position. */
interface PartitionQuery {
  readonly index: Source;
  readonly partition: string;
  readonly order: QueueOrder;
  /** Key condition on the sort key (inclusive bounds). */
  readonly range?: {
    readonly condition: string;
    readonly values: Record<string, string>;
  };
  /**
   * Where the previous page ended: the sort key of its last item, used as ExclusiveStartKey so the
   * read begins right after it and never reads that item again. Built here from a validated cursor
   * position and the partition this query chose, never taken from a client.
   */
  readonly startAfter?: { readonly sortKey: string; readonly requestId: string };
  readonly filter?: Filter;
}

/** How a listing reads its requests and decodes them: without their history, or with it. */
interface RequestShape<R extends ListedRequest> {
  readonly projection: ItemProjection;
  readonly decode: (item: Item) => R;
}

const LISTED: RequestShape<ListedRequest> = {
  projection: LISTED_REQUEST_PROJECTION,
  decode: listedRequestOfItem,
};

const WITH_HISTORY: RequestShape<AccessRequest> = {
  projection: STORED_REQUEST_PROJECTION,
  decode: requestOfItem,
};

interface Collected<R extends ListedRequest> {
  readonly items: R[];
  /** Items matched beyond `items` (a filter index fetches only the page's items): a next page exists. */
  readonly more?: boolean;
  /** The read budget ran out before the partition did; the position of the last item evaluated, if any. */
  readonly stoppedAt?: Position | 'notStarted';
}

interface ReadBudget {
  used: number;
}

/**
 * The access request store on one DynamoDB table (docs/data-model.md). Every listing is a Query on
 * an index — no Scan — and every state change one conditional write.
 */
export class DynamoDbAccessRequestRepository implements AccessRequestRepository {
  readonly #documents: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #onChange: ((record: ChangeRecord) => void) | undefined;
  readonly #outbox: ChangeOutbox | undefined;

  constructor(options: DynamoDbAccessRequestRepositoryOptions) {
    this.#onChange = options.onChange;
    this.#outbox = options.outbox;
    this.#documents = documentClientOf(options.client);
    this.#table = options.tableName;
  }

  async get(id: string): Promise<AccessRequest | undefined> {
    const { Item: item } = await this.#documents.send(
      new GetCommand({ TableName: this.#table, Key: keyOf(id), ConsistentRead: true }),
    );
    return item === undefined ? undefined : requestOfItem(item);
  }

  async writtenBy(id: string, writerToken: string): Promise<AccessRequest | undefined> {
    const item = await this.#getItem(id);
    return item !== undefined && wasWrittenBy(item, writerToken) ? requestOfItem(item) : undefined;
  }

  async #getItem(id: string): Promise<Item | undefined> {
    const { Item: item } = await this.#documents.send(
      new GetCommand({ TableName: this.#table, Key: keyOf(id), ConsistentRead: true }),
    );
    return item;
  }

  async create(
    request: AccessRequest,
    writerToken: string | undefined = this.#outbox === undefined ? undefined : randomUUID(),
  ): Promise<Result<AccessRequest, RepositoryError>> {
    const item = withWriter(itemOf(request), writerToken);
    // The schema that reads items back also guards what goes in.
    const stored = requestOfItem(item);
    if (writerToken !== undefined) await this.#outbox?.intend(undefined, item, writerToken);
    try {
      await this.#documents.send(
        new PutCommand({
          TableName: this.#table,
          Item: item,
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // Our own earlier attempt (its answer lost, the SDK retried) is success, not a duplicate.
      const mine =
        writerToken === undefined ? undefined : await this.writtenBy(request.id, writerToken);
      if (mine !== undefined) this.#outbox?.committed();
      return mine === undefined ? err(alreadyExists(request.id)) : ok(mine);
    }
    this.#onChange?.(changeRecordOf(undefined, item));
    this.#outbox?.committed();
    return ok(stored);
  }

  async applyTransition(given: TransitionWrite): Promise<Result<AccessRequest, RepositoryError>> {
    const write =
      given.writerToken === undefined && this.#outbox !== undefined
        ? { ...given, writerToken: randomUUID() }
        : given;
    // Each version is written once, so the item read at the expected version is the exact old image.
    const before =
      this.#onChange === undefined && this.#outbox === undefined
        ? undefined
        : (
            await this.#documents.send(
              new GetCommand({
                TableName: this.#table,
                Key: keyOf(write.request.id),
                ConsistentRead: true,
              }),
            )
          ).Item;
    if (before !== undefined && write.writerToken !== undefined)
      await this.#outbox?.intend(before, itemOf(write.request), write.writerToken);
    try {
      const { Attributes: item } = await this.#documents.send(
        new UpdateCommand(
          withWriterUpdate(transitionUpdateOf(this.#table, write), write.writerToken),
        ),
      );
      if (item === undefined)
        throw new Error(`UpdateItem of ${write.request.id} returned no attributes`);
      const stored = requestOfItem(item);
      if (before !== undefined) this.#onChange?.(changeRecordOf(before, item));
      this.#outbox?.committed();
      return ok(stored);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    // Tell our own applied write (answer lost, retried) from a lost race and from a missing item
    // (dynalite lacks ReturnValuesOnConditionCheckFailure).
    const current = await this.#getItem(write.request.id);
    if (current === undefined) return err(notFound(write.request.id));
    if (write.writerToken !== undefined && wasWrittenBy(current, write.writerToken)) {
      this.#outbox?.committed();
      return ok(requestOfItem(current));
    }
    return err(versionConflict(write.request.id));
  }

  async listByRequester(query: RequesterQuery): Promise<Page<ListedRequest>> {
    checkLimit(query.limit);
    const after = decodeCursor('requester', query.cursor);
    // With a status: the requester's partition of that status (GSI9), so a page reads one page.
    // Text search is a filter on one person's own requests (GSI1), within the page's read budget.
    const source: Pick<PartitionQuery, 'index' | 'partition' | 'filter'> =
      query.text !== undefined
        ? {
            index: 'GSI1',
            partition: `${REQUESTER_PREFIX}${query.requesterSub}`,
            filter: {
              expression: `contains(#searchText, :text)${query.status === undefined ? '' : ' AND #status = :status'}`,
              names: {
                '#searchText': 'searchText',
                ...(query.status === undefined ? {} : { '#status': 'status' }),
              },
              values: {
                ':text': query.text.toLowerCase(),
                ...(query.status === undefined ? {} : { ':status': query.status }),
              },
            },
          }
        : query.status === undefined
          ? { index: 'GSI1', partition: `${REQUESTER_PREFIX}${query.requesterSub}` }
          : {
              index: 'GSI9',
              partition: requesterStatusPartition(query.requesterSub, query.status),
            };
    const collected = await this.#collect(
      {
        ...source,
        order: 'newestFirst',
        ...(after === undefined
          ? {}
          : {
              range: { condition: '<= :before', values: { ':before': positionKey(after) } },
              startAfter: { sortKey: positionKey(after), requestId: after.id },
            }),
      },
      query.limit,
      { used: 0 },
      LISTED,
    );
    return pageOf('requester', collected, query.limit);
  }

  async listPendingForReview(
    query: PageQuery & { readonly routingKeys: readonly string[]; readonly order?: QueueOrder },
  ): Promise<Page<ListedRequest>> {
    checkLimit(query.limit);
    const order = query.order ?? 'oldestFirst';
    const listing: Listing = order === 'oldestFirst' ? 'review' : 'reviewNewest';
    const after = decodeCursor(listing, query.cursor);
    const newest = order === 'newestFirst';
    // One Query per routing key (a reviewer has few), merged by creation: one page across them all.
    const perKey = await Promise.all(
      [...new Set(query.routingKeys)].map((routingKey) => {
        // `]` ends every routing key (JSON), so `<key>$` is past all of `<key>#…` and no other key's.
        const position = after === undefined ? undefined : `${routingKey}#${positionKey(after)}`;
        const low = newest ? `${routingKey}#` : (position ?? `${routingKey}#`);
        const high = newest ? (position ?? `${routingKey}$`) : `${routingKey}$`;
        return this.#collect(
          {
            index: 'GSI2',
            partition: PENDING_PARTITION,
            order,
            range: {
              condition: 'BETWEEN :low AND :high',
              values: { ':low': low, ':high': high },
            },
            ...(position === undefined || after === undefined
              ? {}
              : { startAfter: { sortKey: position, requestId: after.id } }),
          },
          query.limit,
          { used: 0 },
          LISTED,
        );
      }),
    );
    return pageOf(listing, mergeCollected(perKey, listing, order), query.limit);
  }

  async listBreakGlassAwaitingReview(query: PageQuery): Promise<Page<ListedRequest>> {
    checkLimit(query.limit);
    const after = decodeCursor('breakGlass', query.cursor);
    const collected = await this.#collect(
      {
        index: 'GSI2',
        partition: BREAK_GLASS_REVIEW_PARTITION,
        order: 'oldestFirst',
        ...(after === undefined
          ? {}
          : {
              range: { condition: '>= :after', values: { ':after': positionKey(after) } },
              startAfter: { sortKey: positionKey(after), requestId: after.id },
            }),
      },
      query.limit,
      { used: 0 },
      LISTED,
    );
    return pageOf('breakGlass', collected, query.limit);
  }

  listForAudit(query: AuditQuery): Promise<Page<ListedRequest>> {
    return this.#listForAudit(query, LISTED);
  }

  listForAuditWithHistory(query: AuditQuery): Promise<Page<AccessRequest>> {
    return this.#listForAudit(query, WITH_HISTORY);
  }

  async #listForAudit<R extends ListedRequest>(
    query: AuditQuery,
    shape: RequestShape<R>,
  ): Promise<Page<R>> {
    checkLimit(query.limit);
    const order = query.order ?? 'newestFirst';
    const listing: Listing = order === 'newestFirst' ? 'audit' : 'auditOldest';
    const walk = creationRangeOf(listing, query, order);
    if (walk === undefined) return { items: [] };
    const path = auditAccessPathOf(query);
    // No key filter (or free text): the month partitions hold every request, in order.
    if (path.kind === 'months')
      return this.#walkMonths(listing, walk, order, query.limit, { used: 0 }, path.filter, shape);
    // One partition per key (several requesters: one each, merged by creation).
    const perPartition = await Promise.all(
      path.partitions.map((partition) =>
        this.#collect(
          {
            index: path.index,
            partition,
            order,
            range: walk.range,
            ...(walk.startAfter === undefined ? {} : { startAfter: walk.startAfter }),
            ...(path.filter === undefined ? {} : { filter: path.filter }),
          },
          query.limit,
          { used: 0 },
          shape,
        ),
      ),
    );
    return pageOf(listing, mergeCollected(perPartition, listing, order), query.limit);
  }

  async listDecidedBy(query: DecidedByQuery): Promise<Page<ListedRequest>> {
    checkLimit(query.limit);
    const walk = creationRangeOf('decided', query);
    if (walk === undefined) return { items: [] };
    // The decider read model (decider-read-model.ts): one entry per decider and request, by creation.
    const collected = await this.#collect(
      {
        index: 'TABLE',
        partition: `${DECIDER_PREFIX}${query.sub}`,
        order: 'newestFirst',
        range: walk.range,
        ...(walk.startAfter === undefined ? {} : { startAfter: walk.startAfter }),
      },
      query.limit,
      { used: 0 },
      LISTED,
    );
    return pageOf('decided', collected, query.limit);
  }

  async listPendingExpiredAt(
    query: PageQuery & { readonly at: string },
  ): Promise<Page<AccessRequest>> {
    checkLimit(query.limit);
    const after = decodeCursor('expired', query.cursor);
    const collected = await this.#collect(
      {
        index: 'GSI2',
        partition: PENDING_PARTITION,
        order: 'oldestFirst',
        ...(after === undefined
          ? {}
          : {
              range: { condition: '>= :after', values: { ':after': queueKey(after) } },
              startAfter: { sortKey: queueKey(after), requestId: after.id },
            }),
        filter: {
          expression: '#pendingExpiresAt <= :at',
          names: { '#pendingExpiresAt': 'pendingExpiresAt' },
          values: { ':at': canonicalInstant(query.at) },
        },
      },
      query.limit,
      { used: 0 },
      WITH_HISTORY,
    );
    return pageOf('expired', collected, query.limit);
  }

  /**
   * Walks the monthly audit partitions (GSI3) in `order` — newest first from the month below
   * `upper` down to the month of `lower`, or oldest first the other way — until a page (and one
   * more) is in hand or the page's read budget is spent. Unfiltered, each month's read takes
   * exactly what the page still needs; filtered (free text, ticket prefix), the budget bounds what
   * one page may read, and a page that ran out says how far it searched (`searchedTo`).
   */
  async #walkMonths<R extends ListedRequest>(
    listing: Listing,
    walk: CreationRange,
    order: QueueOrder,
    limit: number,
    budget: ReadBudget,
    filter: Filter | undefined,
    shape: RequestShape<R>,
  ): Promise<Page<R>> {
    const newest = order === 'newestFirst';
    const items: R[] = [];
    const lowMonth = monthOf(walk.lower.slice(0, 24));
    const highMonth = monthBelow(walk.upper);
    const first = newest ? highMonth : lowMonth;
    const inRange = (month: string) => (newest ? month >= lowMonth : month <= highMonth);
    for (
      let month = first;
      inRange(month);
      month = newest ? previousMonth(month) : nextMonth(month)
    ) {
      const collected = await this.#collect(
        {
          index: 'GSI3',
          partition: `${CREATED_PREFIX}${month}`,
          order,
          range: walk.range,
          ...(month === first && walk.startAfter !== undefined
            ? { startAfter: walk.startAfter }
            : {}),
          ...(filter === undefined ? {} : { filter }),
        },
        limit - items.length,
        budget,
        shape,
      );
      items.push(...collected.items);
      if (collected.stoppedAt !== undefined) {
        // Out of reads: go on next time where this read stopped, or at this month's edge.
        const stoppedAt =
          collected.stoppedAt === 'notStarted'
            ? { createdAt: monthStart(newest ? nextMonth(month) : month), id: '' }
            : collected.stoppedAt;
        return pageOf(listing, { items, stoppedAt }, limit);
      }
      if (items.length >= limit) {
        if (collected.more === true) return pageOf(listing, { items, more: true }, limit);
        // The page is full at a month's end: one more look tells whether anything beyond exists.
        const rest = newest
          ? { lower: walk.lower, upper: monthStart(month) }
          : { lower: monthStart(nextMonth(month)), upper: walk.upper };
        if (rest.lower >= rest.upper) break;
        const beyond = await this.#walkMonths(
          listing,
          { ...rest, range: rangeBetween(rest.lower, rest.upper) },
          order,
          1,
          budget,
          filter,
          shape,
        );
        const more = beyond.items.length > 0 || beyond.nextCursor !== undefined;
        return pageOf(listing, { items, more }, limit);
      }
    }
    return pageOf(listing, { items }, limit);
  }

  /**
   * Reads one partition in order until `limit` matches and one more are known, the partition ends,
   * or the page's read budget is spent. The one more says whether a next page exists, so the last
   * page never hands out a cursor to an empty one. An index (whole items) is read as it is: at most
   * limit + 1 items per page. The decider read model gives keys, and only the page's `limit` items
   * are then fetched by key: at most 2 × limit + 1.
   */
  async #collect<R extends ListedRequest>(
    query: PartitionQuery,
    limit: number,
    budget: ReadBudget,
    shape: RequestShape<R>,
  ): Promise<Collected<R>> {
    const wanted = limit + 1;
    const entries: Item[] = [];
    const pk = query.index === 'TABLE' ? 'PK' : `${query.index}PK`;
    const sk = query.index === 'TABLE' ? 'SK' : `${query.index}SK`;
    // An index (whole items) answers the page's requests: read only what a request is made of.
    const whole = query.index !== 'TABLE';
    const input: QueryCommandInput = {
      TableName: this.#table,
      ...(query.index === 'TABLE' ? {} : { IndexName: query.index }),
      KeyConditionExpression: `#pk = :pk${query.range === undefined ? '' : ` AND #sk ${query.range.condition}`}`,
      ...(whole ? { ProjectionExpression: shape.projection.expression } : {}),
      ExpressionAttributeNames: {
        '#pk': pk,
        ...(query.range === undefined ? {} : { '#sk': sk }),
        ...query.filter?.names,
        ...(whole ? shape.projection.names : {}),
      },
      ExpressionAttributeValues: {
        ':pk': query.partition,
        ...query.range?.values,
        ...query.filter?.values,
      },
      ScanIndexForward: query.order === 'oldestFirst',
      ...(query.filter === undefined ? {} : { FilterExpression: query.filter.expression }),
    };
    let startKey: Item | undefined =
      query.startAfter === undefined ? undefined : this.#startKeyOf(query, pk, sk);
    let stoppedAt: Position | 'notStarted' | undefined;
    for (;;) {
      if (budget.used >= MAX_READS_PER_PAGE) {
        stoppedAt =
          startKey === undefined ? 'notStarted' : positionOfKey(startKey, query.index, sk);
        break;
      }
      budget.used += 1;
      const needed = wanted - entries.length;
      const output = await this.#documents.send(
        new QueryCommand({
          ...input,
          Limit: query.filter === undefined ? needed : Math.max(needed, FILTERED_READ_BATCH),
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      entries.push(...(output.Items ?? []));
      if (entries.length >= wanted || output.LastEvaluatedKey === undefined) break;
      startKey = output.LastEvaluatedKey;
    }
    const page = entries.slice(0, limit);
    const more = entries.length > limit;
    const items = await this.#itemsOf(query.index, page, shape);
    return {
      items,
      ...(more ? { more } : {}),
      ...(stoppedAt === undefined ? {} : { stoppedAt }),
    };
  }

  /** Whole requests for the entries read: as an index holds them, or fetched by key for the read model's entries. */
  async #itemsOf<R extends ListedRequest>(
    source: Source,
    entries: readonly Item[],
    shape: RequestShape<R>,
  ): Promise<R[]> {
    if (source !== 'TABLE') return entries.map(shape.decode);
    const keys = entries.map((entry) => keyOf(requestIdOfEntry(entry)));
    const items = await batchGetInOrder(this.#documents, this.#table, keys, shape.projection);
    return items.map(shape.decode);
  }

  /** The ExclusiveStartKey of a position: the key DynamoDB would have returned for that item. */
  #startKeyOf(query: PartitionQuery, pk: string, sk: string): Item | undefined {
    const after = query.startAfter;
    if (after === undefined || after.requestId === '') return undefined;
    if (query.index === 'TABLE') return { PK: query.partition, SK: after.sortKey };
    return { ...keyOf(after.requestId), [pk]: query.partition, [sk]: after.sortKey };
  }
}

/**
 * A read of requests created in [from, to), in either order, resumed after a cursor's position:
 * keys `<createdAt>#<id>` in [lower, upper) — for newest first, `upper` is the cursor's position;
 * for oldest first, `lower` is.
 */
interface CreationRange {
  /** Inclusive: `from`, or (oldest first) the cursor's position. */
  readonly lower: string;
  /** Exclusive: `to` itself (every `<to>#<id>` sorts above it), or (newest first) the cursor's position. */
  readonly upper: string;
  readonly range: NonNullable<PartitionQuery['range']>;
  /** The cursor's item, to start right after it. */
  readonly startAfter?: PartitionQuery['startAfter'];
}

/** `BETWEEN lower AND upper`: the sort keys `<createdAt>#<id>` of requests created in [lower, upper). */
const rangeBetween = (lower: string, upper: string): NonNullable<PartitionQuery['range']> => ({
  condition: 'BETWEEN :lower AND :upper',
  values: { ':lower': lower, ':upper': upper },
});

/** The range left to read, or undefined when nothing is (empty range, or a cursor past its end). */
const creationRangeOf = (
  listing: Listing,
  query: PageQuery & { readonly from: string; readonly to: string },
  order: QueueOrder = 'newestFirst',
): CreationRange | undefined => {
  const cursor = decodeCursor(listing, query.cursor);
  const from = canonicalInstant(query.from);
  const to = canonicalInstant(query.to);
  const at = cursor === undefined ? undefined : positionKey(cursor);
  const newest = order === 'newestFirst';
  // A cursor outside the range is ignored: the read starts at the range's own edge.
  const fromCursor = at !== undefined && (newest ? at <= to : at >= from);
  const lower = !newest && fromCursor ? at : from;
  const upper = newest && fromCursor ? at : to;
  if (upper <= lower) return undefined;
  return {
    lower,
    upper,
    range: rangeBetween(lower, upper),
    ...(fromCursor && cursor !== undefined && cursor.id !== ''
      ? { startAfter: { sortKey: positionKey(cursor), requestId: cursor.id } }
      : {}),
  };
};

/** `<createdAt>#<id>` back to a position (createdAt is always the 24-character canonical form). */
const positionFromKey = (key: string): Position => ({
  createdAt: key.slice(0, 24),
  id: key.slice(25),
});

/**
 * The position of a LastEvaluatedKey: the id from PK (or, in the decider read model, from SK),
 * createdAt (and routing key) from the sort key.
 */
const positionOfKey = (key: Item, source: Source, sortKeyName: string): Position => {
  const sortKey = String(key[sortKeyName]);
  if (source === 'TABLE') return positionFromKey(sortKey);
  const pk = String(key['PK']);
  const id = pk.slice(REQUEST_PREFIX.length);
  const creation = sortKey.slice(0, sortKey.length - id.length - 1);
  const createdAt = creation.slice(-24);
  const routingKey = creation.length > 24 ? creation.slice(0, -25) : undefined;
  return routingKey === undefined ? { createdAt, id } : { createdAt, id, routingKey };
};

const pageOf = <R extends ListedRequest>(
  listing: Listing,
  collected: Collected<R>,
  limit: number,
): Page<R> => {
  const items = collected.items.slice(0, limit);
  const last = items.at(-1);
  if ((collected.more === true || collected.items.length > limit) && last !== undefined)
    return { items, nextCursor: encodeCursor(listing, positionOf(last, listing)) };
  if (collected.stoppedAt !== undefined && collected.stoppedAt !== 'notStarted')
    return {
      items,
      nextCursor: encodeCursor(listing, collected.stoppedAt),
      searchedTo: collected.stoppedAt.createdAt,
    };
  return { items };
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Several partitions read in the same order, merged into one: their items by creation. A partition
 * whose budget ran out is only known up to where it stopped, so nothing beyond the nearest such
 * frontier may be shown yet; the next page resumes there.
 */
const mergeCollected = <R extends ListedRequest>(
  perPartition: readonly Collected<R>[],
  listing: Listing,
  order: QueueOrder,
): Collected<R> => {
  const newest = order === 'newestFirst';
  const frontiers = perPartition
    .flatMap((collected) =>
      collected.stoppedAt === undefined || collected.stoppedAt === 'notStarted'
        ? []
        : [positionKey(collected.stoppedAt)],
    )
    .sort();
  const frontier = newest ? frontiers.at(-1) : frontiers[0];
  const sign = newest ? -1 : 1;
  const merged = perPartition
    .flatMap((collected) => collected.items)
    .filter((request) => {
      if (frontier === undefined) return true;
      const key = positionKey(positionOf(request, listing));
      return newest ? key >= frontier : key <= frontier;
    })
    .sort(
      (a, b) =>
        sign * compare(positionKey(positionOf(a, listing)), positionKey(positionOf(b, listing))),
    );
  return {
    items: merged,
    ...(perPartition.some((collected) => collected.more === true) ? { more: true } : {}),
    ...(frontier === undefined ? {} : { stoppedAt: positionFromKey(frontier) }),
  };
};

const monthStart = (month: string): string => `${month}-01T00:00:00.000Z`;

const nextMonth = (month: string): string => shiftMonth(month, 1);

const previousMonth = (month: string): string => shiftMonth(month, -1);

const shiftMonth = (month: string, by: number): string => {
  const date = new Date(`${monthStart(month)}`);
  date.setUTCMonth(date.getUTCMonth() + by);
  return date.toISOString().slice(0, 7);
};

/** The month of the newest instant strictly below an exclusive bound (`<instant>` or `<instant>#<id>`). */
const monthBelow = (upper: string): string => {
  const instant = upper.slice(0, 24);
  const exclusiveAtInstant = upper.length === 24 || upper.length === 25;
  return exclusiveAtInstant
    ? monthOf(new Date(Date.parse(instant) - 1).toISOString())
    : monthOf(instant);
};
