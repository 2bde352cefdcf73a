import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDbChainDayIndex,
  awsClientConfig,
  CachedSecret,
  createStoreClient,
  DynamoDbChatPostStore,
  DynamoDbDecisionReadModel,
  DynamoDbInsightsReadModel,
  JsonLinesExport,
  RequestProjections,
  S3ExportSink,
  DynamoDbDeliveryLedger,
  DynamoDbNoticeSchedule,
  DynamoDbPeopleDirectory,
  DynamoDbSuppressionList,
  loadCompiledPolicyWithoutPatterns,
  SesEmailChannel,
  SlackApi,
  SlackDirectChannel,
  SlackRoomChannel,
  SlackWebhookChannel,
  SnsNotificationChannel,
  systemClock,
  TeamsWorkflowChannel,
} from '@elevate/adapters';
import * as z from 'zod';
import { S3Client } from '@aws-sdk/client-s3';
import type { Policy } from '@elevate/domain';
import type { NotificationsConfig } from '../config';
import { createJsonLogger } from '../logger';
import type { SweeperDeps } from '../sweeper/sweeper-deps';
import type { ConfiguredChannel } from './notifier-deps';

const slackSecretSchema = z.object({ botToken: z.string().min(1), signingSecret: z.string() });
const teamsSecretSchema = z.object({ webhookUrl: z.url({ protocol: /^https$/u }) });

/** The Slack app's channels (room posts, DMs), its token read from Secrets Manager and cached. */
function slackAppChannels(
  slack: NonNullable<NotificationsConfig['slack']>,
  client: DynamoDBClient,
  tableName: string,
): ConfiguredChannel[] {
  const secret = new CachedSecret({ secretId: slack.secretId, schema: slackSecretSchema });
  const api = new SlackApi({ token: async () => (await secret.get()).botToken });
  return [
    {
      channel: new SlackRoomChannel({
        api,
        routes: slack.channels,
        posts: new DynamoDbChatPostStore({ client, tableName }),
      }),
    },
    ...(slack.directMessages ? [{ channel: new SlackDirectChannel({ api }) }] : []),
  ];
}

/**
 * The channels configuration asks for in AWS: SNS (operators' integrations), SES personal e-mail,
 * the Slack app, Teams, and the old Slack incoming webhook (best effort). Each delivery is
 * recorded in the ledger, so a retried record sends nothing twice.
 */
function createNotificationChannels(
  config: NotificationsConfig,
  client: DynamoDBClient = createStoreClient(config.dynamodb.endpoint),
): ConfiguredChannel[] {
  const tableName = config.dynamodb.tableName;
  const teamsSecret =
    config.teamsSecretId === undefined
      ? undefined
      : new CachedSecret({ secretId: config.teamsSecretId, schema: teamsSecretSchema });
  return [
    ...(config.ses === undefined
      ? []
      : [
          {
            channel: new SesEmailChannel({
              from: config.ses.from,
              ...(config.ses.configurationSet === undefined
                ? {}
                : { configurationSet: config.ses.configurationSet }),
              suppressions: new DynamoDbSuppressionList({ client, tableName }),
              maxSendRatePerSecond: config.ses.maxSendRatePerSecond,
            }),
          },
        ]),
    ...(config.slack === undefined ? [] : slackAppChannels(config.slack, client, tableName)),
    ...(teamsSecret === undefined
      ? []
      : [
          {
            channel: new TeamsWorkflowChannel({
              webhookUrl: async () => (await teamsSecret.get()).webhookUrl,
            }),
          },
        ]),
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
  return loadCompiledPolicyWithoutPatterns(config.policyFile);
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
  const channels = overrides.channels ?? createNotificationChannels(config, client);
  if (channels.length === 0)
    throw new Error(
      'No notification channel: set ELEVATE_TOPIC_ARN or ELEVATE_SES_FROM (see docs/notifications.md).',
    );
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
                  new S3ExportSink({
                    client: new S3Client(awsClientConfig('s3')),
                    bucket: config.exportsBucket,
                  }),
                ),
              ]),
        ],
      }),
    chainDays:
      overrides.chainDays ??
      new DynamoDbChainDayIndex({ client, tableName: config.dynamodb.tableName }),
    appUrl: config.appUrl,
    logger: overrides.logger ?? createJsonLogger({ level: config.logLevel }),
    people:
      overrides.people ??
      new DynamoDbPeopleDirectory({ client, tableName: config.dynamodb.tableName }),
    schedule:
      overrides.schedule ??
      new DynamoDbNoticeSchedule({ client, tableName: config.dynamodb.tableName }),
    activeWithinDays: config.activeWithinDays,
    reminderAfterMinutes: config.reminderAfterMinutes,
    escalateAfterMinutes: config.escalateAfterMinutes,
    expiryWarningMinutes: config.expiryWarningMinutes,
    ...overrides,
    channels,
  };
}
