// `pnpm start:local`: the same app as on Lambda, on @hono/node-server, bound to loopback.
import {
  composeAuditIntegrity,
  loadAuditIntegrityConfig,
} from '../audit-integrity/audit-integrity-config';
import { signDueDigest } from '../audit-integrity/sign-due-digest';
import { DynamoDbSessionRecordRepository, ensureTable, loadPolicyFile } from '@elevate/adapters';
import { sessionsRefreshing } from '../insights/sessions-refreshing';
import { composeApp, policyFileOf } from '../composition/compose-app';
import { composeRevoker } from '../composition/compose-revoker';
import { openStore } from '../composition/store';
import { loadConfig, loadNotificationsConfig, loadRevokerConfig } from '../config';
import { createJsonLogger } from '../logger';
import type { Logger } from '../logger';
import { startLocalNotifications } from './local-notifications';
import { handleRevocationBatch } from '../revocation/handle-revocation-batch';
import { startServer } from '../start-server';

const config = loadConfig();
const logger = createJsonLogger({ level: config.logLevel });
// One store client for the whole process: the API, the notifier, the sweeper and the revoker.
const store = openStore(config.dynamodb);

try {
  // A broken policy throws here, naming the paths inside the file, before anything listens.
  // One process serves everything locally, the federate route included (in AWS: two functions).
  // Store writes feed the notifier (dynalite has no streams); mail goes to /dev/mailbox.
  const notificationsConfig = loadNotificationsConfig();
  const notifications = startLocalNotifications(notificationsConfig, store, logger);
  // The revoker consumes the same changes: a revoke or early end writes the deny on the target role.
  const revokerConfig = loadRevokerConfig();
  if (revokerConfig !== undefined && notificationsConfig.localJobs) {
    const revoker = composeRevoker(revokerConfig, store, logger.child({ component: 'revoker' }));
    // A failed record is delivered again by the durable outbox, as Lambda retries one in AWS.
    notifications.subscribe(async (records) =>
      (await handleRevocationBatch(records, revoker)).batchItemFailures.map(
        (failure) => failure.itemIdentifier,
      ),
    );
  }
  const { app } = composeApp(
    config,
    // Locally the policy is read from its YAML, edits picked up at restart; functions read compiled JSON.
    {
      logger,
      repository: notifications.repository,
      policy: loadPolicyFile(policyFileOf(config)),
      // dynalite has no stream: a new session refreshes Insights and the exports directly (not
      // with the local jobs off: the API alone, as the federate function in AWS).
      sessions: notificationsConfig.localJobs
        ? sessionsRefreshing(
            new DynamoDbSessionRecordRepository(store),
            notifications.projections,
            logger.child({ component: 'projections' }),
          )
        : new DynamoDbSessionRecordRepository(store),
    },
    { routes: 'all', store },
  );
  // In AWS the CDK stack owns the table; on a laptop the API creates it in dynalite.
  await ensureTable(store.client, store.tableName);
  await notifications.start();
  // The dev stack's stand-in for the sweeper's daily digest: yesterday's, signed into .data/audit/.
  const auditConfig = loadAuditIntegrityConfig();
  if (auditConfig !== undefined && notificationsConfig.localJobs) {
    const audit = composeAuditIntegrity(auditConfig, store);
    const auditLog = logger.child({ component: 'audit-digest' });
    const sign = () => void signDueDigest(audit, new Date().toISOString(), auditLog);
    sign();
    setInterval(sign, 3_600_000).unref();
  }
  const server = await startServer(notifications.serve(app), {
    ...config.server,
    onShed: shedCounter(logger),
  });
  logger.info(`Elevate API ready on ${server.url}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`stopping (${signal})`);
    // Requests in flight get a few seconds, then we go regardless.
    setTimeout(() => process.exit(0), 5_000).unref();
    void server
      .close()
      .then(() => notifications.stop())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  logger.error(error instanceof Error ? error.message : 'could not start the API');
  process.exit(1);
}

/**
 * Counts calls the server shed before the app saw them and says so once a second at most: one
 * line per shed call would add work, and noise, exactly when the process has too much of both.
 */
function shedCounter(logger: Logger): () => void {
  let shed = 0;
  setInterval(() => {
    if (shed === 0) return;
    logger.warn('overloaded: calls shed with 503 in the last second', { shed });
    shed = 0;
  }, 1_000).unref();
  return () => {
    shed += 1;
  };
}
