// The bench's loader: BatchWriteItem (25 items a call) with several calls in flight, straight into
// the table in the repository's own item shape (`requestItemOf`), plus the decider read model's
// entries — what `pnpm rebuild:read-models` would derive. Not the API's write path: loading a year
// of history through one conditional write per transition would take hours.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  batchWriteAll,
  deciderEntriesOf,
  documentClientOf,
  requestItemOf,
} from '@elevate/adapters';
import type { AccessRequest } from '@elevate/domain';

export interface LoadOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly total: number;
  readonly requestAt: (i: number) => AccessRequest;
  /** BatchWriteItem calls in flight at once. */
  readonly concurrency?: number;
  readonly onProgress?: (loaded: number) => void;
}

/** Loads requests 0 … total-1; returns the items written (requests and decider entries). */
export async function bulkLoad(options: LoadOptions): Promise<number> {
  const documents = documentClientOf(options.client);
  const concurrency = options.concurrency ?? 8;
  const chunk = 25;
  let next = 0;
  let written = 0;
  let loaded = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const start = next;
      if (start >= options.total) return;
      const end = Math.min(options.total, start + chunk * 4);
      next = end;
      const items: Record<string, unknown>[] = [];
      for (let i = start; i < end; i += 1) {
        const request = options.requestAt(i);
        items.push(requestItemOf(request), ...deciderEntriesOf(request));
      }
      await batchWriteAll(documents, options.tableName, items);
      written += items.length;
      loaded += end - start;
      options.onProgress?.(loaded);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return written;
}
