import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type {
  AccessRequest,
  AccessRequestRepository,
  AuditQuery,
  DecidedByQuery,
  Page,
  PageQuery,
  RepositoryError,
  RequestStatus,
  Result,
  TransitionWrite,
} from '@elevate/domain';
import { err, ok } from '@elevate/domain';
import type { Listing, Position } from './page-cursor';
import { decodeCursor, encodeCursor, positionKey, positionOf, queueKey } from './page-cursor';
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
  requestOfItem,
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

interface Filter {
  readonly expression: string;
  readonly names: Record<string, string>;
  readonly values: Record<string, unknown>;
}

/** A query of one index partition, in order, from an optional exclusive bound. */
interface PartitionQuery {
  readonly index: 'GSI1' | 'GSI2' | 'GSI3';
  readonly partition: string;
  readonly order: 'oldestFirst' | 'newestFirst';
  /** Key condition on the index sort key; `skipKey` is an inclusive bound that is not returned. */
  readonly range?: {
    readonly condition: string;
    readonly values: Record<string, string>;
    readonly skipKey?: string;
  };
  readonly filter?: Filter;
}

interface Collected {
  readonly items: AccessRequest[];
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
    this.#documents = DynamoDBDocumentClient.from(options.client, {
      marshallOptions: { removeUndefinedValues: true },
    });
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

  async listByRequester(
    query: PageQuery & { readonly requesterSub: string; readonly status?: RequestStatus },
  ): Promise<Page<AccessRequest>> {
    checkLimit(query.limit);
    const after = decodeCursor('requester', query.cursor);
    const collected = await this.#collect(
      {
        index: 'GSI1',
        partition: `${REQUESTER_PREFIX}${query.requesterSub}`,
        order: 'newestFirst',
        ...(after === undefined
          ? {}
          : { range: { condition: '< :before', values: { ':before': positionKey(after) } } }),
        ...(query.status === undefined ? {} : { filter: equals({ status: query.status }) }),
      },
      query.limit + 1,
      { used: 0 },
    );
    return pageOf('requester', collected, query.limit);
  }

  async listPendingForReview(
    query: PageQuery & { readonly routingKeys: readonly string[] },
  ): Promise<Page<AccessRequest>> {
    checkLimit(query.limit);
    const after = decodeCursor('review', query.cursor);
    const start = after === undefined ? '' : positionKey(after);
    // One Query per routing key (a reviewer has few), merged by creation: one page across them all.
    const perKey = await Promise.all(
      [...new Set(query.routingKeys)].map((routingKey) =>
        this.#collect(
          {
            index: 'GSI2',
            partition: PENDING_PARTITION,
            order: 'oldestFirst',
            // `]` ends every routing key (JSON), so `<key>$` is past all of `<key>#…` and no other key's.
            range: {
              condition: 'BETWEEN :low AND :high',
              values: { ':low': `${routingKey}#${start}`, ':high': `${routingKey}$` },
              skipKey: `${routingKey}#${start}`,
            },
          },
          query.limit + 1,
          { used: 0 },
        ),
      ),
    );
    // A key whose budget ran out is only known up to where it stopped; nothing later may be shown yet.
    const frontiers = perKey.flatMap((collected) =>
      collected.stoppedAt === undefined || collected.stoppedAt === 'notStarted'
        ? []
        : [positionKey(collected.stoppedAt)],
    );
    const frontier = frontiers.sort()[0];
    const merged = perKey
      .flatMap((collected) => collected.items)
      .filter(
        (request) =>
          frontier === undefined || positionKey(positionOf(request, 'review')) <= frontier,
      )
      .sort((a, b) =>
        compare(positionKey(positionOf(a, 'review')), positionKey(positionOf(b, 'review'))),
      );
    return pageOf(
      'review',
      {
        items: merged,
        ...(frontier === undefined ? {} : { stoppedAt: positionFromKey(frontier) }),
      },
      query.limit,
    );
  }

  async listBreakGlassAwaitingReview(query: PageQuery): Promise<Page<AccessRequest>> {
    checkLimit(query.limit);
    const after = decodeCursor('breakGlass', query.cursor);
    const collected = await this.#collect(
      {
        index: 'GSI2',
        partition: BREAK_GLASS_REVIEW_PARTITION,
        order: 'oldestFirst',
        ...(after === undefined
          ? {}
          : { range: { condition: '> :after', values: { ':after': positionKey(after) } } }),
      },
      query.limit + 1,
      { used: 0 },
    );
    return pageOf('breakGlass', collected, query.limit);
  }

  async listForAudit(query: AuditQuery): Promise<Page<AccessRequest>> {
    checkLimit(query.limit);
    const walk = creationRangeOf('audit', query);
    if (walk === undefined) return { items: [] };
    const { range } = walk;
    const filter = withRequesterEmail(
      equals({ accountId: query.accountId, roleName: query.roleName, status: query.status }),
      query.requesterEmail,
    );
    const wanted = query.limit + 1;
    const budget: ReadBudget = { used: 0 };
    if (query.requesterSub !== undefined) {
      // The requester's own partition holds exactly their requests: a range read, not a month walk.
      const collected = await this.#collect(
        {
          index: 'GSI1',
          partition: `${REQUESTER_PREFIX}${query.requesterSub}`,
          order: 'newestFirst',
          range,
          ...(filter === undefined ? {} : { filter }),
        },
        wanted,
        budget,
      );
      return pageOf('audit', collected, query.limit);
    }
    return this.#walkMonths('audit', { ...walk, filter }, query.limit, budget);
  }

  async listDecidedBy(query: DecidedByQuery): Promise<Page<AccessRequest>> {
    checkLimit(query.limit);
    const walk = creationRangeOf('decided', query);
    if (walk === undefined) return { items: [] };
    // `deciderSubs` is multi-valued, so no index can be keyed on it: a filter on the audit index,
    // bounded by the range and by MAX_READS_PER_PAGE (docs/data-model.md weighs the cost).
    return this.#walkMonths(
      'decided',
      {
        ...walk,
        filter: {
          expression: 'contains(#deciderSubs, :decider)',
          names: { '#deciderSubs': 'deciderSubs' },
          values: { ':decider': query.sub },
        },
      },
      query.limit,
      { used: 0 },
    );
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
          : { range: { condition: '> :after', values: { ':after': queueKey(after) } } }),
        filter: {
          expression: '#pendingExpiresAt <= :at',
          names: { '#pendingExpiresAt': 'pendingExpiresAt' },
          values: { ':at': canonicalInstant(query.at) },
        },
      },
      query.limit + 1,
      { used: 0 },
    );
    return pageOf('expired', collected, query.limit);
  }

  /**
   * Walks the monthly audit partitions (GSI3) newest first, from the month below `upper` down to
   * the month of `from`, until a page (and one more) is in hand or the page's read budget is spent.
   */
  async #walkMonths(
    listing: Listing,
    walk: CreationRange & { readonly filter: Filter | undefined },
    limit: number,
    budget: ReadBudget,
  ): Promise<Page<AccessRequest>> {
    const wanted = limit + 1;
    const items: AccessRequest[] = [];
    const lastMonth = monthOf(walk.from);
    for (let month = monthBelow(walk.upper); month >= lastMonth; month = previousMonth(month)) {
      const collected = await this.#collect(
        {
          index: 'GSI3',
          partition: `${CREATED_PREFIX}${month}`,
          order: 'newestFirst',
          range: walk.range,
          ...(walk.filter === undefined ? {} : { filter: walk.filter }),
        },
        wanted - items.length,
        budget,
      );
      items.push(...collected.items);
      if (collected.stoppedAt !== undefined) {
        // Out of reads: go on next time where this read stopped, or at the top of this month.
        const stoppedAt =
          collected.stoppedAt === 'notStarted'
            ? { createdAt: monthStart(nextMonth(month)), id: '' }
            : collected.stoppedAt;
        return pageOf(listing, { items, stoppedAt }, limit);
      }
      if (items.length >= wanted) break;
    }
    return pageOf(listing, { items }, limit);
  }

  /**
   * Reads one index partition in order until `wanted` matches are in hand, the partition ends, or
   * the page's read budget is spent. Asking for one more than the page size tells whether a next
   * page exists, so the last page never hands out a cursor to an empty one.
   */
  async #collect(query: PartitionQuery, wanted: number, budget: ReadBudget): Promise<Collected> {
    const items: AccessRequest[] = [];
    const pk = `${query.index}PK`;
    const sk = `${query.index}SK`;
    const input: QueryCommandInput = {
      TableName: this.#table,
      IndexName: query.index,
      KeyConditionExpression: `#pk = :pk${query.range === undefined ? '' : ` AND #sk ${query.range.condition}`}`,
      ExpressionAttributeNames: {
        '#pk': pk,
        ...(query.range === undefined ? {} : { '#sk': sk }),
        ...query.filter?.names,
      },
      ExpressionAttributeValues: {
        ':pk': query.partition,
        ...query.range?.values,
        ...query.filter?.values,
      },
      ScanIndexForward: query.order === 'oldestFirst',
      ...(query.filter === undefined ? {} : { FilterExpression: query.filter.expression }),
    };
    let startKey: Item | undefined;
    for (;;) {
      if (budget.used >= MAX_READS_PER_PAGE) {
        return {
          items,
          stoppedAt: startKey === undefined ? 'notStarted' : positionOfKey(startKey, sk),
        };
      }
      budget.used += 1;
      const needed = wanted - items.length + (query.range?.skipKey === undefined ? 0 : 1);
      const output = await this.#documents.send(
        new QueryCommand({
          ...input,
          Limit: query.filter === undefined ? needed : Math.max(needed, FILTERED_READ_BATCH),
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      for (const item of output.Items ?? []) {
        if (query.range?.skipKey !== undefined && item[sk] === query.range.skipKey) continue;
        items.push(requestOfItem(item));
      }
      if (items.length >= wanted || output.LastEvaluatedKey === undefined) return { items };
      startKey = output.LastEvaluatedKey;
    }
  }
}

/** A newest-first read of requests created in [from, to), resumed below a cursor's position. */
interface CreationRange {
  readonly from: string;
  /** Exclusive: `to` itself (every `<to>#<id>` sorts above it) or the cursor's position. */
  readonly upper: string;
  readonly range: NonNullable<PartitionQuery['range']>;
}

/** The range left to read, or undefined when nothing is (empty range, or a cursor past `from`). */
const creationRangeOf = (
  listing: Listing,
  query: PageQuery & { readonly from: string; readonly to: string },
): CreationRange | undefined => {
  const cursor = decodeCursor(listing, query.cursor);
  const from = canonicalInstant(query.from);
  const to = canonicalInstant(query.to);
  const upper = cursor === undefined || positionKey(cursor) > to ? to : positionKey(cursor);
  if (upper <= from) return undefined;
  return {
    from,
    upper,
    range: {
      condition: 'BETWEEN :from AND :upper',
      values: { ':from': from, ':upper': upper },
      skipKey: upper,
    },
  };
};

const equals = (fields: Record<string, string | undefined>): Filter | undefined => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const terms: string[] = [];
  Object.entries(fields).forEach(([path, value], index) => {
    if (value === undefined) return;
    const placeholders = path.split('.').map((segment) => {
      names[`#f_${segment}`] = segment;
      return `#f_${segment}`;
    });
    values[`:f${index}`] = value;
    terms.push(`${placeholders.join('.')} = :f${index}`);
  });
  return terms.length === 0 ? undefined : { expression: terms.join(' AND '), names, values };
};

/**
 * The requester's address, ignoring case: `requesterEmailLower`, which every write sets — or, on
 * items no write has touched since that attribute existed, the address exactly as given.
 */
const withRequesterEmail = (
  filter: Filter | undefined,
  email: string | undefined,
): Filter | undefined => {
  if (email === undefined) return filter;
  const term = '(#e_lower = :e_lower OR #e_requester.#e_email = :e_exact)';
  return {
    expression: filter === undefined ? term : `${filter.expression} AND ${term}`,
    names: {
      ...filter?.names,
      '#e_lower': 'requesterEmailLower',
      '#e_requester': 'requester',
      '#e_email': 'email',
    },
    values: { ...filter?.values, ':e_lower': email.toLowerCase(), ':e_exact': email },
  };
};

/** `<createdAt>#<id>` back to a position (createdAt is always the 24-character canonical form). */
const positionFromKey = (key: string): Position => ({
  createdAt: key.slice(0, 24),
  id: key.slice(25),
});

/** The position of a LastEvaluatedKey: the id from PK, createdAt (and routing key) from the index sort key. */
const positionOfKey = (key: Item, sortKeyName: string): Position => {
  const pk = String(key['PK']);
  const sortKey = String(key[sortKeyName]);
  const id = pk.slice(REQUEST_PREFIX.length);
  const creation = sortKey.slice(0, sortKey.length - id.length - 1);
  const createdAt = creation.slice(-24);
  const routingKey = creation.length > 24 ? creation.slice(0, -25) : undefined;
  return routingKey === undefined ? { createdAt, id } : { createdAt, id, routingKey };
};

const pageOf = (listing: Listing, collected: Collected, limit: number): Page<AccessRequest> => {
  const items = collected.items.slice(0, limit);
  const last = items.at(-1);
  if (collected.items.length > limit && last !== undefined)
    return { items, nextCursor: encodeCursor(listing, positionOf(last, listing)) };
  if (collected.stoppedAt !== undefined && collected.stoppedAt !== 'notStarted')
    return { items, nextCursor: encodeCursor(listing, collected.stoppedAt) };
  return { items };
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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
