// Fault-suite child (kill-api.test.ts): the local server as `pnpm start:local` composes it — the
// durable outbox, the notifier, the HTTP listener — with the test personas in place of the IdP,
// so the suite can `kill -9` a real API process in the middle of a burst of HTTP calls.
import { ensureTable, loadPolicyFile } from '@elevate/adapters';
import { composeApp, createDynamoDbClient, policyFileOf } from '../compose-app';
import { loadConfig, loadNotificationsConfig } from '../config';
import { createJsonLogger } from '../logger';
import { startLocalNotifications } from '../notifications/local-notifications';
import { startServer } from '../start-server';
import { PERSONAS, personaVerifier } from '../testing/personas';

const config = loadConfig();
const logger = createJsonLogger({ level: 'silent' });
const notifications = startLocalNotifications(loadNotificationsConfig(), logger);
const { app } = composeApp(
  config,
  {
    logger,
    repository: notifications.repository,
    policy: loadPolicyFile(policyFileOf(config)),
    verifier: personaVerifier(Object.values(PERSONAS)),
  },
  { routes: 'api' },
);
await ensureTable(createDynamoDbClient(config), config.dynamodb.tableName);
notifications.start();
const server = await startServer(notifications.serve(app), config.server);
process.stdout.write(`ready ${server.url}\n`);
