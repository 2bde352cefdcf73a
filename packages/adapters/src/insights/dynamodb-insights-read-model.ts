import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessRequest, InsightFact, InsightsReadModel, SessionRecord } from '@elevate/domain';
import { insightDayOf, insightFactOf } from '@elevate/domain';
import { documentClientOf } from '../dynamodb/batch-operations';
import {
  ENTITY_INSIGHTS_DAY,
  FACT_ATTRIBUTE_PREFIX,
  REVISION_ATTRIBUTE_PREFIX,
  daysBetween,
  factsOfDayItem,
  insightsAccountPrefixOf,
  insightsDayKeyOf,
  insightsKeyOf,
  latestFactsOf,
} from './insight-fact-item';

/** Day items read at once; well inside DynamoDB's and the SDK's connection limits. */
const PARALLEL_DAY_READS = 16;

/**
 * Daily aggregates in the requests' table: per UTC day × account, `INSIGHTS_SHARDS` items that
 * together hold the fact of every request created that day in that account (a few hundred bytes
 * each), a request's fact always in the shard its id hashes to. A request's fact is replaced by one
 * conditional UpdateItem only when derived from a later state (its revision), so a duplicate or
 * out-of-order stream record changes nothing, and no transaction is needed. Reading a range is one
 * Query per day (all accounts, or the shards of one account): O(days) requests.
 */
export class DynamoDbInsightsReadModel implements InsightsReadModel {
  readonly #documents: DynamoDBDocumentClient;
  readonly #table: string;

  constructor(options: { readonly client: DynamoDBClient; readonly tableName: string }) {
    this.#documents = documentClientOf(options.client);
    this.#table = options.tableName;
  }

  async record(request: AccessRequest, sessions: readonly SessionRecord[]): Promise<void> {
    await this.recordFact(insightFactOf(request, sessions));
  }

  /** Writes a fact unless the stored one of its request is as new or newer. */
  async recordFact(fact: InsightFact): Promise<boolean> {
    try {
      await this.#documents.send(
        new UpdateCommand({
          TableName: this.#table,
          Key: insightsKeyOf(insightDayOf(fact), fact.accountId, fact.requestId),
          UpdateExpression: 'SET #fact = :fact, #revision = :revision, entity = :entity',
          ConditionExpression: 'attribute_not_exists(#revision) OR #revision < :revision',
          ExpressionAttributeNames: {
            '#fact': `${FACT_ATTRIBUTE_PREFIX}${fact.requestId}`,
            '#revision': `${REVISION_ATTRIBUTE_PREFIX}${fact.requestId}`,
          },
          ExpressionAttributeValues: {
            ':fact': fact,
            ':revision': fact.revision,
            ':entity': ENTITY_INSIGHTS_DAY,
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async factsOfDays(
    fromDay: string,
    toDay: string,
    accountId?: string,
  ): Promise<{ facts: InsightFact[]; itemsRead: number }> {
    const days = daysBetween(fromDay, toDay);
    const items: Record<string, unknown>[] = [];
    // One read per day, a few days at a time: a year is 366 small reads, not 366 round trips in a row.
    for (let start = 0; start < days.length; start += PARALLEL_DAY_READS) {
      const batch = await Promise.all(
        days
          .slice(start, start + PARALLEL_DAY_READS)
          .map((day) => this.#itemsOfDay(day, accountId)),
      );
      items.push(...batch.flat());
    }
    // The account prefix also matches longer ids (`ACCOUNT#12` → `ACCOUNT#123#05`): keep its own.
    const facts = items
      .flatMap(factsOfDayItem)
      .filter((fact) => accountId === undefined || fact.accountId === accountId);
    return { facts: latestFactsOf(facts), itemsRead: items.length };
  }

  /** The day's items (of one account: its shards and its unsharded item of before sharding). */
  async #itemsOfDay(day: string, accountId?: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const output = await this.#documents.send(
        new QueryCommand({
          TableName: this.#table,
          ...(accountId === undefined
            ? {
                KeyConditionExpression: 'PK = :pk',
                ExpressionAttributeValues: { ':pk': insightsDayKeyOf(day) },
              }
            : {
                KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
                ExpressionAttributeValues: {
                  ':pk': insightsDayKeyOf(day),
                  ':prefix': insightsAccountPrefixOf(accountId),
                },
              }),
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      items.push(...(output.Items ?? []));
      startKey = output.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  }
}
