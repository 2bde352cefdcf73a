import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStoreClient, DynamoDbAccessRequestRepository } from '@elevate/adapters';
import { problemSchema } from '@elevate/contracts';
import { authHeaders, testApp } from './testing/api-world';

const servers: Array<{ close(): void }> = [];
const sockets: Socket[] = [];

beforeEach(() => {
  vi.stubEnv('AWS_REGION', 'eu-west-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
});

afterEach(() => {
  vi.unstubAllEnvs();
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const server of servers.splice(0)) server.close();
});

const listen = async (server: Server | ReturnType<typeof createHttpServer>): Promise<string> => {
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/** A store that accepts connections and never answers (a paused process, a blackhole). */
const silentStore = (): Promise<string> =>
  listen(createServer((socket) => void sockets.push(socket)));

/** A store that answers every call with the same DynamoDB error. */
const failingStore = (
  status: number,
  type: string,
): Promise<{ url: string; calls: () => number }> => {
  let calls = 0;
  const server = createHttpServer((request, response) => {
    calls += 1;
    request.resume();
    response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
    response.end(
      JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: type }),
    );
  });
  return listen(server).then((url) => ({ url, calls: () => calls }));
};

const appOn = (endpoint: string, requestBudgetMs?: number) =>
  testApp({
    repository: new DynamoDbAccessRequestRepository({
      client: createStoreClient(endpoint),
      tableName: 'elevate',
    }),
    ...(requestBudgetMs === undefined ? {} : { requestBudgetMs }),
  });

const timedGet = async (app: ReturnType<typeof appOn>['app'], path: string) => {
  const started = performance.now();
  const response = await app.request(path, { headers: authHeaders() });
  return { response, elapsedMs: performance.now() - started };
};

describe('when the store does not answer', () => {
  it('a read ends at the request budget with 503 STORE_UNAVAILABLE and Retry-After', async () => {
    const { app, logs } = appOn(await silentStore(), 1_000);
    const { response, elapsedMs } = await timedGet(app, '/requests/01J0000000000000000000000A');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(problemSchema.parse(await response.json())).toMatchObject({
      code: 'STORE_UNAVAILABLE',
      status: 503,
    });
    expect(elapsedMs).toBeLessThan(3_000);
    expect(logs().some((line) => line['code'] === 'STORE_UNAVAILABLE')).toBe(true);
  });

  it('without a shorter budget, the per-attempt deadlines still end the call', async () => {
    const { app } = appOn(await silentStore());
    const { response, elapsedMs } = await timedGet(app, '/requests/01J0000000000000000000000A');
    expect(response.status).toBe(503);
    // 3 attempts of 1.5 s plus jittered backoff: well inside the 12 s request budget.
    expect(elapsedMs).toBeLessThan(7_000);
  }, 15_000);
});

describe('when the store refuses', () => {
  it('a refused connection is 503 STORE_UNAVAILABLE, not 500', async () => {
    const { app } = appOn(
      await silentStore().then((url) => {
        // Close the listener: the port now refuses connections.
        for (const server of servers.splice(0)) server.close();
        return url;
      }),
    );
    const { response } = await timedGet(app, '/requests/01J0000000000000000000000A');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { code: string }).code).toBe('STORE_UNAVAILABLE');
  });

  it.each([
    [400, 'ThrottlingException'],
    [400, 'ProvisionedThroughputExceededException'],
    [500, 'InternalServerError'],
  ])(
    'HTTP %i %s past the retries is 503 after exactly 3 attempts',
    async (status, type) => {
      const store = await failingStore(status, type);
      const { app } = appOn(store.url);
      const { response } = await timedGet(app, '/requests/01J0000000000000000000000A');
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('2');
      expect(((await response.json()) as { code: string }).code).toBe('STORE_UNAVAILABLE');
      expect(store.calls()).toBe(3);
    },
    15_000,
  );

  it('a validation error from the store stays a 500 INTERNAL (asking again will not help)', async () => {
    const store = await failingStore(400, 'ValidationException');
    const { app } = appOn(store.url);
    const { response } = await timedGet(app, '/requests/01J0000000000000000000000A');
    expect(response.status).toBe(500);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(store.calls()).toBe(1);
  });
});
