import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDbAccessRequestRepository, withoutSdkLogging } from '@elevate/adapters';
import { loadNotificationsConfig } from '../config';
import { composeNotifier } from '../notifications/compose-notifier';
import type { SweepReport } from '../sweeper/sweep-requests';
import { sweepRequests } from '../sweeper/sweep-requests';

const config = loadNotificationsConfig();
const deps = composeNotifier(config, {
  repository: new DynamoDbAccessRequestRepository({
    client: withoutSdkLogging(new DynamoDBClient({})),
    tableName: config.dynamodb.tableName,
  }),
});

/** Run by EventBridge Scheduler: expires stale pending requests and sends due reminders. */
export const handler = async (): Promise<SweepReport> => sweepRequests(deps);
