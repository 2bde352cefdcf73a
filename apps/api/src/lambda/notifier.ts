import { DynamoDbSuppressionList, StreamBatchReader } from '@elevate/adapters';
import type {
  Context,
  DynamoDBBatchResponse,
  DynamoDBStreamEvent,
  SNSEvent,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';
import { composeNotifier } from '../composition/compose-notifier';
import { functionRoot } from '../composition/function-root';
import { loadNotificationsConfig } from '../config';
import { handleStreamBatch } from '../notifications/handle-stream-batch';
import { recordSesFeedback } from '../notifications/record-ses-feedback';
import { redriveFailedBatches } from '../notifications/redrive-failed-batches';
import { observed } from '../observability/lambda-handler';

// Built once per container (init phase): configuration errors fail the init, loudly, not each record.
const config = loadNotificationsConfig();
const { logger, metrics, tracer, store } = functionRoot(config);
const deps = composeNotifier(config, store, { logger, metrics });
const reader = new StreamBatchReader();
const suppressions = new DynamoDbSuppressionList(store);

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
  { logger, metrics, tracer },
);
