import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbAccessRequestRepository, withoutSdkLogging } from '@elevate/adapters';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { loadNotificationsConfig } from '../config';
import { composeNotifier } from '../notifications/compose-notifier';
import { handleStreamBatch } from '../notifications/handle-stream-batch';

// Built once per container (init phase): configuration errors fail the init, loudly, not each record.
const config = loadNotificationsConfig();
const deps = composeNotifier(config, {
  repository: new DynamoDbAccessRequestRepository({
    client: withoutSdkLogging(new DynamoDBClient({})),
    tableName: config.dynamodb.tableName,
  }),
});

/** The table stream's consumer: request changes to SNS (and Slack), with partial batch failures. */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> =>
  handleStreamBatch(event.Records, deps);
