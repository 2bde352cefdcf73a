import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessRequest, SessionRecord } from '@elevate/domain';
import { documentClientOf } from '../dynamodb/batch-operations';
import { ENTITY_ACCESS_REQUEST, requestOfItem } from '../dynamodb/request-item';
import { ENTITY_SESSION, sessionRecordOfItem } from '../dynamodb/session-record-item';
import type { RequestProjection } from './request-projections';

/**
 * Rebuilds projections (daily aggregates, exports) from the table itself: one Scan of requests
 * and sessions (an operator's command; request paths never Scan), then every request fed with
 * its sessions. Idempotent, so safe while the stream consumer runs.
 */
export const rebuildProjections = async (options: {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly projections: readonly RequestProjection[];
}): Promise<{ requests: number; sessions: number }> => {
  const documents = documentClientOf(options.client);
  const requests: AccessRequest[] = [];
  const sessionsOf = new Map<string, SessionRecord[]>();
  let sessionCount = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const output = await documents.send(
      new ScanCommand({
        TableName: options.tableName,
        FilterExpression: '#entity IN (:request, :session)',
        ExpressionAttributeNames: { '#entity': 'entity' },
        ExpressionAttributeValues: {
          ':request': ENTITY_ACCESS_REQUEST,
          ':session': ENTITY_SESSION,
        },
        ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
      }),
    );
    for (const item of output.Items ?? []) {
      if (item['entity'] === ENTITY_ACCESS_REQUEST) requests.push(requestOfItem(item));
      else {
        const session = sessionRecordOfItem(item);
        sessionsOf.set(session.requestId, [...(sessionsOf.get(session.requestId) ?? []), session]);
        sessionCount += 1;
      }
    }
    startKey = output.LastEvaluatedKey;
  } while (startKey !== undefined);
  for (const request of requests) {
    const sessions = (sessionsOf.get(request.id) ?? []).sort((a, b) =>
      a.issuedAt < b.issuedAt ? -1 : 1,
    );
    for (const projection of options.projections) await projection.record(request, sessions);
  }
  return { requests: requests.length, sessions: sessionCount };
};
