// `pnpm bench:load`'s server (a child process, so its memory is its own): the API on
// ELEVATE_DYNAMODB_ENDPOINT with the local server's durable outbox and dev mailbox, tokens checked
// by persona (the verifier is not what this bench measures). Prints `ready <url>`, then
// `rss <bytes>` and `cpu <µs>` (cumulative) each second.
import { ensureTable, loadPolicyFile } from '@elevate/adapters';
import { composeApp, createDynamoDbClient, policyFileOf } from '../compose-app';
import { loadConfig, loadNotificationsConfig } from '../config';
import { createJsonLogger } from '../logger';
import { startLocalNotifications } from '../notifications/local-notifications';
import { startServer } from '../start-server';
import { PERSONAS, personaVerifier } from '../testing/personas';

const env = process.env;
const config = loadConfig(env);
const logger = createJsonLogger({ level: 'silent' });
const notifications = startLocalNotifications(loadNotificationsConfig(env), logger);
const { app } = composeApp(
  config,
  {
    logger,
    repository: notifications.repository,
    verifier: personaVerifier(Object.values(PERSONAS)),
    // As the local server does: the YAML itself (functions read the JSON compiled at synth).
    policy: loadPolicyFile(policyFileOf(config)),
  },
  // The federate route too when the bench gives it STS (as the local server serves it).
  { routes: env.ELEVATE_STS_ENDPOINTS === undefined ? 'api' : 'all' },
);
await ensureTable(createDynamoDbClient(config), config.dynamodb.tableName);
notifications.start();
const server = await startServer(notifications.serve(app), config.server);
process.stdout.write(`ready ${server.url}\n`);
setInterval(() => {
  const { user, system } = process.cpuUsage();
  process.stdout.write(`rss ${process.memoryUsage().rss}\ncpu ${user + system}\n`);
}, 1_000);
