import type { Context } from 'aws-lambda';
import { createStoreClient, DynamoDbAccessRequestRepository, systemClock } from '@elevate/adapters';
import {
  composeAuditIntegrity,
  loadAuditIntegrityConfig,
} from '../audit-integrity/audit-integrity-config';
import { signDueDigest } from '../audit-integrity/sign-due-digest';
import { loadNotificationsConfig } from '../config';
import { createJsonLogger } from '../logger';
import { observed } from '../observability/lambda-handler';
import { createPowertoolsMetrics } from '../observability/operational-metrics';
import { composeNotifier } from '../notifications/compose-notifier';
import type { SweepReport } from '../sweeper/sweep-requests';
import { sweepRequests } from '../sweeper/sweep-requests';

const config = loadNotificationsConfig();
const client = createStoreClient();
const logger = createJsonLogger({ level: config.logLevel });
const metrics = createPowertoolsMetrics();
const deps = composeNotifier(config, {
  repository: new DynamoDbAccessRequestRepository({
    client,
    tableName: config.dynamodb.tableName,
  }),
  logger,
  metrics,
});
const auditConfig = loadAuditIntegrityConfig();
const audit =
  auditConfig === undefined
    ? undefined
    : composeAuditIntegrity(auditConfig, client, config.dynamodb.tableName);

/**
 * Run by EventBridge Scheduler: expires stale pending requests and sends due reminders, then signs
 * yesterday's audit digest if it is not signed yet (once a day; a no-op read otherwise).
 */
export const handler = observed(
  async (_event: unknown, _context: Context): Promise<SweepReport> => {
    const report = await sweepRequests(deps);
    if (audit !== undefined)
      await signDueDigest(
        audit,
        systemClock.now(),
        deps.logger.child({ component: 'audit-digest' }),
      );
    return report;
  },
  { logger, metrics },
);
