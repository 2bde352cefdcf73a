import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { NoticeCheck, NoticeCheckPage, NoticeSchedule } from '@elevate/domain';
import { canonicalInstant } from '../dynamodb/request-item';
import { TABLE_TTL_ATTRIBUTE } from '../dynamodb/table-definition';
import { lastKeyDueAt, noticeCheckKeyOf, noticeCheckOfKey } from './notice-schedule-key';

const PARTITION = 'NOTICE_SCHEDULE';
const WATERMARK_KEY = { PK: 'NOTICE_SCHEDULE_WATERMARK', SK: 'NOTICE_SCHEDULE_WATERMARK' };
/** Handled entries stay this long (a record of what was due when), then TTL removes them. */
const KEEP_DAYS = 30;

/**
 * The sweeper's schedule in the single table: `PK = NOTICE_SCHEDULE`, `SK = <dueAt>#<id>#<reason>`,
 * so "what is due by now, after the watermark" is one key-range Query that reads only those
 * entries. Entries are never deleted by Elevate (no DeleteItem grant); they carry the table's TTL
 * attribute (due time + 30 days). The watermark is its own item, moved forward conditionally.
 */
export class DynamoDbNoticeSchedule implements NoticeSchedule {
  readonly #documents: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: { readonly client: DynamoDBClient; readonly tableName: string }) {
    this.#documents = DynamoDBDocumentClient.from(options.client);
    this.#table = options.tableName;
  }

  async add(checks: readonly NoticeCheck[]): Promise<void> {
    // One PutItem each, side by side (the functions have no BatchWriteItem grant); a few per change.
    const unique = new Map(checks.map((check) => [noticeCheckKeyOf(check), check]));
    await Promise.all(
      [...unique].map(([key, check]) =>
        this.#documents.send(
          new PutCommand({
            TableName: this.#table,
            Item: {
              PK: PARTITION,
              SK: key,
              entity: 'NOTICE_CHECK',
              requestId: check.requestId,
              reason: check.reason,
              dueAt: canonicalInstant(check.dueAt),
              [TABLE_TTL_ATTRIBUTE]:
                Math.floor(Date.parse(check.dueAt) / 1000) + KEEP_DAYS * 86_400,
            },
          }),
        ),
      ),
    );
  }

  async due(query: {
    readonly at: string;
    readonly from?: string;
    readonly limit: number;
    readonly cursor?: string;
  }): Promise<NoticeCheckPage> {
    const answer = await this.#documents.send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :lower AND :upper',
        ExpressionAttributeValues: {
          ':pk': PARTITION,
          ':lower': query.from === undefined ? '0' : canonicalInstant(query.from),
          ':upper': lastKeyDueAt(query.at),
        },
        ProjectionExpression: 'PK, SK',
        ConsistentRead: true,
        Limit: query.limit,
        ...(query.cursor === undefined
          ? {}
          : { ExclusiveStartKey: { PK: PARTITION, SK: query.cursor } }),
      }),
    );
    const keys = (answer.Items ?? []).map((item) => String(item['SK']));
    const last = answer.LastEvaluatedKey?.['SK'];
    return {
      checks: keys.map(noticeCheckOfKey),
      ...(typeof last === 'string' ? { nextCursor: last } : {}),
    };
  }

  async watermark(): Promise<string | undefined> {
    const { Item } = await this.#documents.send(
      new GetCommand({ TableName: this.#table, Key: WATERMARK_KEY, ConsistentRead: true }),
    );
    const at = Item?.['at'];
    return typeof at === 'string' ? at : undefined;
  }

  async advanceWatermark(position: string): Promise<void> {
    const at = position.includes('#') ? position : canonicalInstant(position);
    try {
      await this.#documents.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: WATERMARK_KEY,
          UpdateExpression: 'SET #at = :at, entity = :entity',
          ConditionExpression: 'attribute_not_exists(#at) OR #at < :at',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: { ':at': at, ':entity': 'NOTICE_WATERMARK' },
        }),
      );
    } catch (error) {
      // A concurrent sweep moved it further already: keep theirs.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
