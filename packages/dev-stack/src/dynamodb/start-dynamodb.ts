import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import dynalite from 'dynalite';

export interface DynamoDbOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** LevelDB folder; omitted means in memory (tests). */
  dataDir?: string;
  /** Told each call's operation (`PutItem`, `Query`, …): what benchmarks count. */
  onCall?: (operation: string) => void;
}

export interface RunningDynamoDb {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * DynamoDB's API on dynalite. It has no streams, transactions or TTL, which is why every state
 * change in Elevate is a single conditional write. Tables are created by their owner (the API).
 */
export async function startDynamoDb(options: DynamoDbOptions): Promise<RunningDynamoDb> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // CREATING lasts 500 ms by default; nothing here benefits from pretending to be slow.
  const server: Server = dynalite({
    ...(options.dataDir ? { path: options.dataDir } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  const { onCall } = options;
  if (onCall)
    server.on('request', (request: { headers: Record<string, unknown> }) => {
      const target = request.headers['x-amz-target'];
      onCall(typeof target === 'string' ? target.slice(target.indexOf('.') + 1) : '?');
    });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((err) => (err ? reject(err) : resolve())),
      ),
  };
}
