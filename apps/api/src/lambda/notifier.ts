import {
  createStoreClient,
  DynamoDbAccessRequestRepository,
  DynamoDbSuppressionList,
  StreamBatchReader,
} from '@elevate/adapters';
import type {
  Context,
  DynamoDBBatchResponse,
  DynamoDBStreamEvent,
  SNSEvent,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';
import { recordSesFeedback } from '../notifications/record-ses-feedback';
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

const suppressions = new DynamoDbSuppressionList({
  client: createStoreClient(config.dynamodb.endpoint),
  tableName: config.dynamodb.tableName,
});

type NotifierEvent = DynamoDBStreamEvent | SQSEvent | SNSEvent;

const isQueueEvent = (event: NotifierEvent): event is SQSEvent =>
  (event.Records[0] as { eventSource?: string } | undefined)?.eventSource === 'aws:sqs';
const isSesFeedback = (event: NotifierEvent): event is SNSEvent =>
  (event.Records[0] as { EventSource?: string } | undefined)?.EventSource === 'aws:sns';

/**
 * Three sources: the table stream (request changes to every channel, with partial batch
 * failures), the failure queue those batches land on after their retries, which it redrives, and
 * SES's bounce and complaint events (through the SES feedback topic), which it records.
 */
export const handler = observed(
  async (
    event: NotifierEvent,
    _context: Context,
  ): Promise<DynamoDBBatchResponse | SQSBatchResponse | undefined> => {
    if (isSesFeedback(event)) {
      await recordSesFeedback(event.Records, {
        suppressions,
        logger: deps.logger,
        now: () => deps.clock.now(),
      });
      return undefined;
    }
    return isQueueEvent(event)
      ? redriveFailedBatches(event.Records, { ...deps, readBatch: (batch) => reader.read(batch) })
      : handleStreamBatch(event.Records, deps);
  },
  { logger, metrics },
);
