// `pnpm bench:load`'s API server (a child process, so its memory is its own): the API on
// ELEVATE_DYNAMODB_ENDPOINT, tokens checked by persona (the verifier is not what this bench
// measures). Its writes record their changes in the durable outbox, which bench-notifier.ts relays
// from a process of its own — as in AWS, where the notifier is another function fed by the stream.
// Prints `ready <url>`, then `rss <bytes>` and `cpu <µs>` (cumulative) each second.
import {
  DurableOutbox,
  DynamoDbAccessRequestRepository,
  ensureTable,
  loadPolicyFile,
} from '@elevate/adapters';
import { composeApp, createDynamoDbClient, policyFileOf } from '../compose-app';
import { loadConfig } from '../config';
import { createJsonLogger } from '../logger';
import { startServer } from '../start-server';
import { PERSONAS, personaVerifier } from '../testing/personas';

const env = process.env;
const config = loadConfig(env);
const logger = createJsonLogger({ level: 'silent' });
const client = createDynamoDbClient(config);
const tableName = config.dynamodb.tableName;
// Records intents only: stopped, it never relays (the notifier process does).
const outbox = new DurableOutbox({ client, tableName, listener: async () => [] });
await outbox.stop();
const { app } = composeApp(
  config,
  {
    logger,
    repository: new DynamoDbAccessRequestRepository({ client, tableName, outbox }),
    verifier: personaVerifier(Object.values(PERSONAS)),
    // As the local server does: the YAML itself (functions read the JSON compiled at synth).
    policy: loadPolicyFile(policyFileOf(config)),
  },
  // The federate route too when the bench gives it STS (as the local server serves it).
  { routes: env.ELEVATE_STS_ENDPOINTS === undefined ? 'api' : 'all' },
);
await ensureTable(client, tableName);
const server = await startServer(app, config.server);
process.stdout.write(`ready ${server.url}\n`);
setInterval(() => {
  const { user, system } = process.cpuUsage();
  process.stdout.write(`rss ${process.memoryUsage().rss}\ncpu ${user + system}\n`);
}, 1_000);
