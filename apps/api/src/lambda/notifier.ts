import {
  createStoreClient,
  DynamoDbAccessRequestRepository,
  StreamBatchReader,
} from '@elevate/adapters';
import type {
  Context,
  DynamoDBBatchResponse,
  DynamoDBStreamEvent,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';
import { loadNotificationsConfig } from '../config';
import { createJsonLogger } from '../logger';
import { observed } from '../observability/lambda-handler';
import { createPowertoolsMetrics } from '../observability/operational-metrics';
import { composeNotifier } from '../notifications/compose-notifier';
import { handleStreamBatch } from '../notifications/handle-stream-batch';
import { redriveFailedBatches } from '../notifications/redrive-failed-batches';

// Built once per container (init phase): configuration errors fail the init, loudly, not each record.
const config = loadNotificationsConfig();
const logger = createJsonLogger({ level: config.logLevel });
const metrics = createPowertoolsMetrics();
const deps = composeNotifier(config, {
  repository: new DynamoDbAccessRequestRepository({
    client: createStoreClient(),
    tableName: config.dynamodb.tableName,
  }),
  logger,
  metrics,
});
const reader = new StreamBatchReader();

const isQueueEvent = (event: DynamoDBStreamEvent | SQSEvent): event is SQSEvent =>
  event.Records[0]?.eventSource === 'aws:sqs';

/**
 * Two sources: the table stream (request changes to SNS and Slack, with partial batch failures),
 * and the failure queue those batches land on after their retries, which it redrives.
 */
export const handler = observed(
  async (
    event: DynamoDBStreamEvent | SQSEvent,
    _context: Context,
  ): Promise<DynamoDBBatchResponse | SQSBatchResponse> =>
    isQueueEvent(event)
      ? redriveFailedBatches(event.Records, { ...deps, readBatch: (batch) => reader.read(batch) })
      : handleStreamBatch(event.Records, deps),
  { logger, metrics },
);
