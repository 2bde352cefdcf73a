// The fault suite (`pnpm test:faults`): what callers see, what is stored, and that Elevate recovers
// by itself, with a fault proxy in front of the local DynamoDB, a hanging notification channel, the
// IdP down, and `kill -9` of a process in the middle of a burst of approvals.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import {
  AuthError,
  createStoreClient,
  ensureTable,
  OUTBOX_PARTITION,
  OUTBOX_RETRY_PARTITION,
  SnsNotificationChannel,
} from '@elevate/adapters';
import type { RunningDynamoDb } from '@elevate/dev-stack';
import { startDynamoDb } from '@elevate/dev-stack';
import { problemSchema, requestViewSchema } from '@elevate/contracts';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppEnv } from '../app-env';
import { composeApp } from '../composition/compose-app';
import { openStore } from '../composition/store';
import { loadNotificationsConfig } from '../config';
import { createJsonLogger } from '../logger';
import { startLocalNotifications } from '../local/local-notifications';
import { authHeaders, testApp } from '../testing/api-world';
import {
  EXAMPLE_POLICY_FILE,
  PERSONAS,
  personaHeaders,
  personaVerifier,
  productionAdmin,
  sandbox,
} from '@elevate/testing';
import { FaultProxy } from './fault-proxy';
import { storeBackedConfig, stubAwsCredentials } from '../testing/store-backed-config';

const { alice, rita } = PERSONAS;
const BUDGET_MS = 2_000;
const TABLE = 'elevate-faults';

let dynamo: RunningDynamoDb;
let proxy: FaultProxy & { url: string };
let app: Hono<AppEnv>;

beforeAll(async () => {
  dynamo = await startDynamoDb({ host: '127.0.0.1', port: 0 });
  proxy = await FaultProxy.start(dynamo.endpoint);
  stubAwsCredentials();
  const config = storeBackedConfig(proxy.url, TABLE);
  await ensureTable(createStoreClient(dynamo.endpoint), TABLE);
  app = composeApp(config, {
    verifier: personaVerifier(Object.values(PERSONAS)),
    logger: createJsonLogger({ level: 'silent' }),
    requestBudgetMs: BUDGET_MS,
  }).app;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await proxy.close();
  await dynamo.close();
});

const call = (
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  who = alice,
) =>
  app.request(path, {
    method,
    headers: {
      ...personaHeaders(who),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const timed = async (pending: Response | Promise<Response>) => {
  const started = performance.now();
  const response = await pending;
  return { response, elapsedMs: performance.now() - started };
};

const myRequestCount = async (): Promise<number> => {
  const response = await call('GET', '/requests/mine?limit=100');
  return ((await response.json()) as { items: unknown[] }).items.length;
};

describe('store paused (a stopped DynamoDB)', () => {
  it('every call is answered 503 STORE_UNAVAILABLE within its budget; retried creates exist exactly once', async () => {
    const before = await myRequestCount();
    proxy.mode = 'pause';
    const keys = Array.from({ length: 8 }, (_, n) => `pause-${n}-${Date.now()}`);
    const answers = await Promise.all([
      ...keys.map((key) => timed(call('POST', '/requests', sandbox, { 'idempotency-key': key }))),
      ...keys.map(() => timed(call('GET', '/requests/mine'))),
    ]);
    for (const { response, elapsedMs } of answers) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('2');
      expect(problemSchema.parse(await response.json()).code).toBe('STORE_UNAVAILABLE');
      expect(elapsedMs).toBeLessThan(BUDGET_MS + 1_000);
    }
    // The store wakes up and handles what was sent to it while paused; the callers retry.
    proxy.resume();
    const retried = await Promise.all(
      keys.map((key) => call('POST', '/requests', sandbox, { 'idempotency-key': key })),
    );
    expect(retried.map((response) => response.status)).toEqual(keys.map(() => 201));
    const ids = await Promise.all(
      retried.map(async (r) => requestViewSchema.parse(await r.json()).id),
    );
    expect(new Set(ids).size).toBe(keys.length);
    expect(await myRequestCount()).toBe(before + keys.length);
  }, 20_000);
});

describe.each([
  ['throttles past the retries', 'throttle' as const],
  ['answers 5xx', 'error5xx' as const],
])('store %s', (_label, mode) => {
  it('reads and writes get 503 with Retry-After, nothing half-written, and it recovers by itself', async () => {
    const before = await myRequestCount();
    proxy.mode = mode;
    const write = await call('POST', '/requests', sandbox);
    const read = await call('GET', '/requests/mine');
    for (const response of [write, read]) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('2');
      expect(problemSchema.parse(await response.json()).code).toBe('STORE_UNAVAILABLE');
    }
    proxy.mode = 'pass';
    expect(await myRequestCount()).toBe(before);
    expect((await call('POST', '/requests', sandbox)).status).toBe(201);
  }, 20_000);
});

describe('a write applied but its answer lost (the SDK retries the conditional write)', () => {
  it('a create is answered 201, and exists once', async () => {
    const before = await myRequestCount();
    proxy.loseWriteAnswers = 1;
    const response = await call('POST', '/requests', sandbox);
    expect(response.status).toBe(201);
    expect(proxy.loseWriteAnswers).toBe(0);
    expect(await myRequestCount()).toBe(before + 1);
  }, 20_000);

  it('an approval is answered 200 (not 409), and counted once', async () => {
    const created = requestViewSchema.parse(
      await (await call('POST', '/requests', productionAdmin)).json(),
    );
    proxy.loseWriteAnswers = 1;
    const approved = await call('POST', `/requests/${created.id}/approve`, {}, {}, rita);
    expect(approved.status).toBe(200);
    expect(proxy.loseWriteAnswers).toBe(0);
    const stored = requestViewSchema.parse(
      await (await call('GET', `/requests/${created.id}`)).json(),
    );
    expect(stored).toMatchObject({ approvalsCount: 1, version: 2 });
  }, 20_000);
});

describe('the IdP down for longer than the key cache', () => {
  it('is a 503 IDP_UNAVAILABLE with Retry-After, and the next call after it is back passes', async () => {
    let down = true;
    const { app: idpApp } = testApp({
      verifier: {
        verify: async () => {
          if (down) throw new AuthError('IDP_UNAVAILABLE', { reason: 'jwks' });
          return alice;
        },
      },
    });
    const refused = await idpApp.request('/me', { headers: authHeaders() });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(problemSchema.parse(await refused.json()).code).toBe('IDP_UNAVAILABLE');
    down = false;
    expect((await idpApp.request('/me', { headers: authHeaders() })).status).toBe(200);
  });
});

describe('a notification channel that hangs', () => {
  it('SNS without an answer fails within its deadline (2 × 3 s), so the delivery is retried, not stuck', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    // The channel as the notifier builds it (its own deadlines), pointed at a silent endpoint.
    vi.stubEnv(
      'AWS_ENDPOINT_URL_SNS',
      `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
    );
    const channel = new SnsNotificationChannel({
      topicArn: 'arn:aws:sns:eu-west-1:123456789012:elevate',
    });
    const started = performance.now();
    await expect(
      channel.deliver({
        eventType: 'REQUEST_CREATED',
        urgent: false,
        subject: 's',
        text: 't',
        link: 'https://elevate.example.com',
        audience: { kind: 'requester', email: 'alice@example.com' },
        facts: { requestId: 'r-1' },
      } as never),
    ).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(8_000);
    for (const socket of sockets) socket.destroy();
    silent.close();
  }, 15_000);
});

describe('kill -9 of the process in the middle of a burst of approvals', () => {
  it('after a restart every acknowledged approval is mailed exactly once, with no work left behind', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'elevate-faults-'));
    const table = 'elevate-kill';
    await ensureTable(createStoreClient(dynamo.endpoint), table);
    const env = {
      ...process.env,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ELEVATE_DYNAMODB_ENDPOINT: dynamo.endpoint,
      ELEVATE_TABLE_NAME: table,
      ELEVATE_POLICY_FILE: EXAMPLE_POLICY_FILE,
      ELEVATE_DATA_DIR: dataDir,
      ELEVATE_WEB_ORIGIN: 'http://127.0.0.1:9173',
      ELEVATE_LOG_LEVEL: 'silent',
    };
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'approval-burst.ts')],
      {
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const acknowledged: string[] = [];
    await new Promise<void>((done, fail) => {
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (text: string) => {
        for (const line of text.split('\n'))
          if (line.startsWith('approved ')) acknowledged.push(line.slice(9));
        if (acknowledged.length >= 25 && child.exitCode === null) {
          child.kill('SIGKILL');
          done();
        }
      });
      child.on('exit', (code) =>
        acknowledged.length < 25 ? fail(new Error(`child exited ${code}`)) : done(),
      );
    });
    await new Promise((done) => child.once('exit', done).exitCode !== null && done(undefined));

    // The restarted process: its outbox relay finds what the dead one left and delivers it.
    const notificationsConfig = loadNotificationsConfig(env);
    const restarted = startLocalNotifications(
      notificationsConfig,
      openStore(notificationsConfig.dynamodb),
      createJsonLogger({ level: 'silent' }),
    );
    await restarted.start();
    const documents = createStoreClient(dynamo.endpoint);
    const entriesIn = async (partition: string) =>
      (
        await documents.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': { S: partition } },
          }),
        )
      ).Count ?? 0;
    const outboxSize = async () =>
      (await entriesIn(OUTBOX_PARTITION)) + (await entriesIn(OUTBOX_RETRY_PARTITION));
    const mailbox = join(dataDir, 'mailbox.jsonl');
    const approvedMails = () =>
      (existsSync(mailbox) ? readFileSync(mailbox, 'utf8').split('\n') : [])
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as { eventType: string; requestId: string })
        .filter((mail) => mail.eventType === 'REQUEST_APPROVED');
    // A delivery the kill cut short holds its ledger claim for the 20 s lease, then is retried by
    // the outbox's backoff (1 s, 5 s, 15 s, …): late for that reason, never lost.
    for (let waited = 0; waited < 50_000; waited += 200) {
      const delivered = new Set(approvedMails().map((mail) => mail.requestId));
      // At most the one write the kill interrupted may still sit there, announced but not landed.
      if (acknowledged.every((id) => delivered.has(id)) && (await outboxSize()) <= 1) break;
      await new Promise((done) => setTimeout(done, 200));
    }
    await restarted.stop();
    const perRequest = new Map<string, number>();
    for (const mail of approvedMails())
      perRequest.set(mail.requestId, (perRequest.get(mail.requestId) ?? 0) + 1);
    for (const id of acknowledged) expect(perRequest.get(id), id).toBe(1);
    // Approvals the dead process wrote but never acknowledged are mailed once too, or not at all.
    expect([...perRequest.values()].every((count) => count === 1)).toBe(true);
  }, 90_000);
});
