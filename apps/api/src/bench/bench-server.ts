// `pnpm bench:load`'s API server (a child process, so its memory is its own): the API on
// ELEVATE_DYNAMODB_ENDPOINT, tokens checked by persona (the verifier is not what this bench
// measures). Its writes record their changes in the durable outbox, which bench-notifier.ts relays
// from a process of its own — as in AWS, where the notifier is another function fed by the stream.
// With `--with-notifier` it relays them itself, as the local server does (the kill -9 fault test).
// Prints `ready <url>`, then `rss <bytes>` and `cpu <µs>` (cumulative) each second.
import {
  DurableOutbox,
  DynamoDbAccessRequestRepository,
  ensureTable,
  loadPolicyFile,
} from '@elevate/adapters';
import type { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { composeApp, policyFileOf } from '../composition/compose-app';
import { openStore } from '../composition/store';
import { loadConfig, loadNotificationsConfig } from '../config';
import { createJsonLogger } from '../logger';
import { startLocalNotifications } from '../local/local-notifications';
import { startServer } from '../start-server';
import type { ServedApp } from '../start-server';
import { PERSONAS, personaVerifier } from '@elevate/testing';

const env = process.env;
const config = loadConfig(env);
const logger = createJsonLogger({ level: 'silent' });
const store = openStore(config.dynamodb);
const { client, tableName } = store;

/** The store the API writes to, and what starts relaying its changes here (if anything). */
async function relay(): Promise<{
  repository: DynamoDbAccessRequestRepository;
  serve: (app: Hono<AppEnv>) => ServedApp;
  start: () => Promise<void>;
}> {
  if (process.argv.includes('--with-notifier')) {
    const notifications = startLocalNotifications(loadNotificationsConfig(env), store, logger);
    return {
      repository: notifications.repository,
      serve: (app) => notifications.serve(app),
      start: () => notifications.start(),
    };
  }
  // Records intents only: stopped, it never relays (the notifier process does).
  const outbox = new DurableOutbox({ client, tableName, listener: async () => [] });
  await outbox.stop();
  return {
    repository: new DynamoDbAccessRequestRepository({ client, tableName, outbox }),
    serve: (app) => app,
    start: async () => undefined,
  };
}

const { repository, serve, start } = await relay();
const { app } = composeApp(
  config,
  {
    logger,
    repository,
    verifier: personaVerifier(Object.values(PERSONAS)),
    // As the local server does: the YAML itself (functions read the JSON compiled at synth).
    policy: loadPolicyFile(policyFileOf(config)),
  },
  // The federate route too when the bench gives it STS (as the local server serves it).
  { routes: env.ELEVATE_STS_ENDPOINTS === undefined ? 'api' : 'all', store },
);
await ensureTable(client, tableName);
await start();
const server = await startServer(serve(app), config.server);
process.stdout.write(`ready ${server.url}\n`);
setInterval(() => {
  const { user, system } = process.cpuUsage();
  process.stdout.write(`rss ${process.memoryUsage().rss}\ncpu ${user + system}\n`);
}, 1_000);
