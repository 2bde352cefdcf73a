import {
  createStoreClient,
  DynamoDbAccessRequestRepository,
  StreamBatchReader,
} from '@elevate/adapters';
import type {
  DynamoDBBatchResponse,
  DynamoDBStreamEvent,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';
import { loadNotificationsConfig } from '../config';
import { composeNotifier } from '../notifications/compose-notifier';
import { handleStreamBatch } from '../notifications/handle-stream-batch';
import { redriveFailedBatches } from '../notifications/redrive-failed-batches';

// Built once per container (init phase): configuration errors fail the init, loudly, not each record.
const config = loadNotificationsConfig();
const deps = composeNotifier(config, {
  repository: new DynamoDbAccessRequestRepository({
    client: createStoreClient(),
    tableName: config.dynamodb.tableName,
  }),
});
const reader = new StreamBatchReader();

const isQueueEvent = (event: DynamoDBStreamEvent | SQSEvent): event is SQSEvent =>
  event.Records[0]?.eventSource === 'aws:sqs';

/**
 * Two sources: the table stream (request changes to SNS and Slack, with partial batch failures),
 * and the failure queue those batches land on after their retries, which it redrives.
 */
export const handler = async (
  event: DynamoDBStreamEvent | SQSEvent,
): Promise<DynamoDBBatchResponse | SQSBatchResponse> =>
  isQueueEvent(event)
    ? redriveFailedBatches(event.Records, { ...deps, readBatch: (batch) => reader.read(batch) })
    : handleStreamBatch(event.Records, deps);
