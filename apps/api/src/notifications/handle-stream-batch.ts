import { readRequestChange, UnreadableStreamRecordError } from '@elevate/adapters';
import { deriveNotificationEvents, earliestCheckOf, noticeChecksOf } from '@elevate/domain';
import { errorFields, withCallOf } from '../logger';
import { deliverEvent } from './deliver-event';
import { noticeThresholdsOf } from './notice-thresholds';
import type { NotifierDeps } from './notifier-deps';

/** Lambda's partial batch response for stream sources: the failed records' sequence numbers. */
export interface StreamBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

const field = (raw: unknown, path: readonly string[]): string | undefined => {
  let value: unknown = raw;
  for (const key of path)
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[key]
        : undefined;
  return typeof value === 'string' ? value : undefined;
};

/**
 * Handles one batch of DynamoDB stream records (Lambda, or the local change feed): each request
 * change updates the decider read model and the sweeper's schedule, then becomes events, each event delivered once. A record that fails — or cannot be read at
 * all — is reported by its sequence number (what Lambda expects for streams), never thrown, and
 * the rest of the batch is still handled; Lambda retries from the first failure, and the delivery
 * ledger makes the records after it that already went out harmless.
 */
export async function handleStreamBatch(
  records: readonly unknown[],
  deps: NotifierDeps,
): Promise<StreamBatchResponse> {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const raw of records) {
    const eventId = field(raw, ['eventID']);
    const itemIdentifier = field(raw, ['dynamodb', 'SequenceNumber']) ?? eventId ?? '';
    let log = deps.logger.child({ eventId });
    try {
      // Daily aggregates and exports follow every change on a request's partition (sessions too).
      await deps.projections?.refreshFromRecords([raw]);
      // The days the daily digest signs this request's or session's chain entries on.
      await deps.chainDays?.recordStreamRecord(raw, deps.clock.now());
      const change = readRequestChange(raw);
      if (change.kind === 'ignored') continue;
      // The call that made the change, on every line about it (docs/operations.md).
      log = withCallOf(change.after, log);
      // Idempotent, so a retried record (or batch) rewrites the same entries.
      await deps.decisionReadModel?.record(change.after);
      // When the sweeper must look at this request next (idempotent, like the read model).
      await deps.schedule?.add(
        earliestCheckOf(noticeChecksOf(change.after, noticeThresholdsOf(deps), deps.clock.now())),
      );
      let pending = 0;
      for (const event of deriveNotificationEvents(change.before, change.after))
        pending += (await deliverEvent(event, { ...deps, logger: log })).pending;
      if (pending > 0) batchItemFailures.push({ itemIdentifier });
    } catch (error) {
      if (error instanceof UnreadableStreamRecordError) {
        // The problem names fields, never values: images hold names, addresses and justifications.
        log.error('unreadable stream record', { problem: error.problem });
      } else {
        log.error('stream record failed', { ...errorFields(error), stack: undefined });
      }
      batchItemFailures.push({ itemIdentifier });
    }
  }
  return { batchItemFailures };
}
