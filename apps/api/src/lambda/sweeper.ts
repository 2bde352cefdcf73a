import type { Context } from 'aws-lambda';
import { createStoreClient, DynamoDbAccessRequestRepository } from '@elevate/adapters';
import { loadNotificationsConfig } from '../config';
import { createJsonLogger } from '../logger';
import { observed } from '../observability/lambda-handler';
import { createPowertoolsMetrics } from '../observability/operational-metrics';
import { composeNotifier } from '../notifications/compose-notifier';
import type { SweepReport } from '../sweeper/sweep-requests';
import { sweepRequests } from '../sweeper/sweep-requests';

const config = loadNotificationsConfig();
const logger = createJsonLogger({ level: config.logLevel });
const metrics = createPowertoolsMetrics();
const deps = composeNotifier(config, {
  repository: new DynamoDbAccessRequestRepository({
    client: createStoreClient(),
    tableName: config.dynamodb.tableName,
  }),
  logger,
  metrics,
});

/** Run by EventBridge Scheduler: expires stale pending requests and sends due reminders. */
export const handler = observed(
  async (_event: unknown, _context: Context): Promise<SweepReport> => sweepRequests(deps),
  { logger, metrics },
);
