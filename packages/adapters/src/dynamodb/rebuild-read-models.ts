import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessRequest } from '@elevate/domain';
import { documentClientOf } from './batch-operations';
import { DynamoDbDecisionReadModel } from './decider-read-model';
import { ENTITY_ACCESS_REQUEST, indexAttributesOf, keyOf, requestOfItem } from './request-item';

export interface RebuildReport {
  /** Requests read. */
  readonly requests: number;
  /** Requests whose index attributes were missing or stale and were rewritten. */
  readonly indexAttributesRewritten: number;
  /** Decider entries written (existing ones are rewritten unchanged). */
  readonly deciderEntries: number;
}

export interface RebuildOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** Parallel Scan segments; DynamoDB splits the table among them. */
  readonly segments?: number;
  readonly onProgress?: (report: RebuildReport) => void;
}

type Item = Record<string, unknown>;

/**
 * Rebuilds everything derived from the requests, from the table itself: each request's index
 * attributes (GSI keys, `deciderSubs`, the lower-case filter values — written by every transition,
 * but missing on items from before an index existed) and the decider read model. An operator's
 * command (`pnpm rebuild:read-models`), so it may Scan; request paths never do. Safe while the API
 * runs: an item is only rewritten at the version it was read (a transition in between already
 * wrote fresh attributes), and decider entries are idempotent puts.
 */
export const rebuildReadModels = async (options: RebuildOptions): Promise<RebuildReport> => {
  const documents = documentClientOf(options.client);
  const readModel = new DynamoDbDecisionReadModel(options);
  const segments = options.segments ?? 4;
  const totals = { requests: 0, indexAttributesRewritten: 0, deciderEntries: 0 };
  const scanSegment = async (segment: number): Promise<void> => {
    let startKey: Item | undefined;
    do {
      const output = await documents.send(
        new ScanCommand({
          TableName: options.tableName,
          Segment: segment,
          TotalSegments: segments,
          FilterExpression: '#entity = :request',
          ExpressionAttributeNames: { '#entity': 'entity' },
          ExpressionAttributeValues: { ':request': ENTITY_ACCESS_REQUEST },
          ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
        }),
      );
      const items = output.Items ?? [];
      const requests = items.map((item) => requestOfItem(item));
      for (const [index, item] of items.entries()) {
        const request = requests[index];
        if (request !== undefined && (await rewriteIndexAttributes(item, request)))
          totals.indexAttributesRewritten += 1;
      }
      const entries = await readModel.recordAll(requests);
      totals.requests += requests.length;
      totals.deciderEntries += entries;
      options.onProgress?.({ ...totals });
      startKey = output.LastEvaluatedKey;
    } while (startKey !== undefined);
  };

  /** Sets the attributes `indexAttributesOf` derives, where the stored ones differ; true if written. */
  const rewriteIndexAttributes = async (item: Item, request: AccessRequest): Promise<boolean> => {
    const names: Record<string, string> = { '#version': 'version' };
    const values: Record<string, unknown> = { ':version': request.version };
    const sets: string[] = [];
    const removes: string[] = [];
    for (const [attribute, value] of Object.entries(indexAttributesOf(request))) {
      if (JSON.stringify(item[attribute]) === JSON.stringify(value)) continue;
      names[`#${attribute}`] = attribute;
      if (value === undefined) removes.push(`#${attribute}`);
      else {
        values[`:${attribute}`] = value;
        sets.push(`#${attribute} = :${attribute}`);
      }
    }
    if (sets.length === 0 && removes.length === 0) return false;
    try {
      await documents.send(
        new UpdateCommand({
          TableName: options.tableName,
          Key: keyOf(request.id),
          UpdateExpression: [
            sets.length === 0 ? '' : `SET ${sets.join(', ')}`,
            removes.length === 0 ? '' : `REMOVE ${removes.join(', ')}`,
          ]
            .join(' ')
            .trim(),
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      // A transition wrote the item since the Scan read it, and with it fresh index attributes.
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  };

  await Promise.all(Array.from({ length: segments }, (_, segment) => scanSegment(segment)));
  return totals;
};
