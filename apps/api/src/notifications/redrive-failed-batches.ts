import type { FailedStreamBatch } from '@elevate/adapters';
import { failedStreamBatchSchema } from '@elevate/adapters';
import { errorFields } from '../logger';
import { handleStreamBatch } from './handle-stream-batch';
import type { NotifierDeps } from './notifier-deps';

/** One message of the notifier's failure queue, as the SQS event source delivers it. */
export interface FailureQueueMessage {
  readonly messageId: string;
  readonly body: string;
}

/** Lambda's partial batch response for SQS sources: the messages to keep. */
export interface QueueBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/**
 * Redrives the notifier's failure queue: reads each failed batch back from the stream and handles
 * it again. A message whose batch now goes through is done; one that still fails stays on the queue
 * (and after its receive limit moves to the dead-letter queue, which alarms). The delivery ledger
 * makes the records of a batch that already went out harmless.
 */
export async function redriveFailedBatches(
  messages: readonly FailureQueueMessage[],
  deps: NotifierDeps & { readonly readBatch: (batch: FailedStreamBatch) => Promise<unknown[]> },
): Promise<QueueBatchResponse> {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const message of messages) {
    const log = deps.logger.child({ messageId: message.messageId });
    try {
      const batch = failedStreamBatchSchema.parse(JSON.parse(message.body)).DDBStreamBatchInfo;
      const records = await deps.readBatch(batch);
      const { batchItemFailures: failed } = await handleStreamBatch(records, deps);
      if (failed.length > 0) {
        log.warn('redrive: batch still failing', { failed: failed.length, of: records.length });
        batchItemFailures.push({ itemIdentifier: message.messageId });
      } else {
        log.info('redrive: batch delivered', { records: records.length });
      }
    } catch (error) {
      log.error('redrive failed', errorFields(error));
      batchItemFailures.push({ itemIdentifier: message.messageId });
    }
  }
  return { batchItemFailures };
}
