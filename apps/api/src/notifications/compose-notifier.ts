import {
  createStoreClient,
  DynamoDbDecisionReadModel,
  DynamoDbInsightsReadModel,
  JsonLinesExport,
  RequestProjections,
  S3ExportSink,
  DynamoDbDeliveryLedger,
  loadCompiledPolicy,
  SlackWebhookChannel,
  SnsNotificationChannel,
  systemClock,
} from '@elevate/adapters';
import { S3Client } from '@aws-sdk/client-s3';
import type { Policy } from '@elevate/domain';
import type { NotificationsConfig } from '../config';
import { createJsonLogger } from '../logger';
import type { SweeperDeps } from '../sweeper/sweep-requests';
import type { ConfiguredChannel } from './notifier-deps';

/** The channels configuration asks for in AWS: SNS (required there) and Slack (optional, best effort). */
export function createNotificationChannels(config: NotificationsConfig): ConfiguredChannel[] {
  return [
    ...(config.topicArn === undefined
      ? []
      : [{ channel: new SnsNotificationChannel({ topicArn: config.topicArn }) }]),
    ...(config.slackWebhookUrl === undefined
      ? []
      : [
          {
            channel: new SlackWebhookChannel({ webhookUrl: config.slackWebhookUrl }),
            bestEffort: true,
          },
        ]),
  ];
}

function loadPolicy(config: NotificationsConfig): Policy {
  if (config.policyFile === undefined)
    throw new Error('ELEVATE_POLICY_FILE is not set; the notifier names accounts from the policy.');
  return loadCompiledPolicy(config.policyFile);
}

/**
 * The composition root of the notifier and the sweeper: the store's table (delivery ledger, and the
 * requests for the sweeper), the policy, the channels. Overrides replace any part (tests, local).
 */
export function composeNotifier(
  config: NotificationsConfig,
  overrides: Partial<Omit<SweeperDeps, 'repository'>> & Pick<SweeperDeps, 'repository'>,
): SweeperDeps {
  const client = createStoreClient(config.dynamodb.endpoint);
  const channels = overrides.channels ?? createNotificationChannels(config);
  if (channels.length === 0)
    throw new Error('No notification channel: set ELEVATE_TOPIC_ARN (see docs/notifications.md).');
  return {
    policy: overrides.policy ?? loadPolicy(config),
    clock: overrides.clock ?? systemClock,
    ledger:
      overrides.ledger ??
      new DynamoDbDeliveryLedger({ client, tableName: config.dynamodb.tableName }),
    decisionReadModel:
      overrides.decisionReadModel ??
      new DynamoDbDecisionReadModel({ client, tableName: config.dynamodb.tableName }),
    projections:
      overrides.projections ??
      new RequestProjections({
        client,
        tableName: config.dynamodb.tableName,
        projections: [
          new DynamoDbInsightsReadModel({ client, tableName: config.dynamodb.tableName }),
          ...(config.exportsBucket === undefined
            ? []
            : [
                new JsonLinesExport(
                  new S3ExportSink({ client: new S3Client({}), bucket: config.exportsBucket }),
                ),
              ]),
        ],
      }),
    appUrl: config.appUrl,
    logger: overrides.logger ?? createJsonLogger({ level: config.logLevel }),
    reminderAfterMinutes: config.reminderAfterMinutes,
    ...overrides,
    channels,
  };
}
