import {
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import * as z from 'zod/mini';
import { awsClientConfig, traced } from '../outbound';

/**
 * What Lambda puts on a stream source's on-failure queue: where the failed batch is in the stream,
 * not its records (docs/operations.md, "Notification failure queue").
 */
export const failedStreamBatchSchema = z.object({
  DDBStreamBatchInfo: z.object({
    shardId: z.string(),
    startSequenceNumber: z.string(),
    endSequenceNumber: z.string(),
    streamArn: z.string(),
  }),
});
export type FailedStreamBatch = z.infer<typeof failedStreamBatchSchema>['DDBStreamBatchInfo'];

/** GetRecords calls one batch may take: a failed batch is at most 10 records. */
const MAX_READS = 20;

/**
 * Reads a failed batch's records back from the table stream (kept 24 h) so they can be handled
 * again: from its first sequence number to its last, in the stream's own shape.
 */
export class StreamBatchReader {
  readonly #client: DynamoDBStreamsClient;

  constructor(options: { readonly client?: DynamoDBStreamsClient } = {}) {
    this.#client = options.client ?? traced(new DynamoDBStreamsClient(awsClientConfig('dynamodb')));
  }

  async read(batch: FailedStreamBatch): Promise<unknown[]> {
    const end = BigInt(batch.endSequenceNumber);
    const { ShardIterator: first } = await this.#client.send(
      new GetShardIteratorCommand({
        StreamArn: batch.streamArn,
        ShardId: batch.shardId,
        ShardIteratorType: 'AT_SEQUENCE_NUMBER',
        SequenceNumber: batch.startSequenceNumber,
      }),
    );
    const records: unknown[] = [];
    let iterator = first;
    for (let reads = 0; iterator !== undefined && reads < MAX_READS; reads++) {
      const output = await this.#client.send(new GetRecordsCommand({ ShardIterator: iterator }));
      for (const record of output.Records ?? []) {
        const sequence = record.dynamodb?.SequenceNumber;
        if (sequence === undefined) continue;
        if (BigInt(sequence) > end) return records;
        const created = record.dynamodb?.ApproximateCreationDateTime;
        records.push({
          ...record,
          dynamodb: {
            ...record.dynamodb,
            // Lambda's event carries epoch seconds where the SDK gives a Date.
            ...(created === undefined
              ? {}
              : { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) }),
          },
        });
        if (BigInt(sequence) === end) return records;
      }
      iterator = output.NextShardIterator;
    }
    return records;
  }
}
