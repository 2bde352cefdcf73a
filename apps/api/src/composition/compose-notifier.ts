import {
  awsClientConfig,
  CachedSecret,
  DynamoDbAccessRequestRepository,
  DynamoDbChainDayIndex,
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
  traced,
} from '@elevate/adapters';
import * as z from 'zod/mini';
import { S3Client } from '@aws-sdk/client-s3';
import type { Policy } from '@elevate/domain';
import type { NotificationsConfig } from '../config';
import { createJsonLogger } from '../logger';
import type { ConfiguredChannel } from '../notifications/notifier-deps';
import type { SweeperDeps } from '../sweeper/sweeper-deps';
import type { Store } from './store';

const slackSecretSchema = z.object({
  botToken: z.string().check(z.minLength(1)),
  signingSecret: z.string(),
});
const teamsSecretSchema = z.object({ webhookUrl: z.url({ protocol: /^https$/u }) });

/** The Slack app's channels (room posts, DMs), its token read from Secrets Manager and cached. */
function slackAppChannels(
  slack: NonNullable<NotificationsConfig['slack']>,
  store: Store,
): ConfiguredChannel[] {
  const secret = new CachedSecret({ secretId: slack.secretId, schema: slackSecretSchema });
  const api = new SlackApi({ token: async () => (await secret.get()).botToken });
  return [
    {
      channel: new SlackRoomChannel({
        api,
        routes: slack.channels,
        posts: new DynamoDbChatPostStore(store),
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
  store: Store,
): ConfiguredChannel[] {
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
              suppressions: new DynamoDbSuppressionList(store),
              maxSendRatePerSecond: config.ses.maxSendRatePerSecond,
            }),
          },
        ]),
    ...(config.slack === undefined ? [] : slackAppChannels(config.slack, store)),
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
 * The notifier's and the sweeper's ports (one set: the sweeper sends what the notifier sends): the
 * requests, delivery ledger, read models and notice schedule in `store`, the policy, the channels.
 * Overrides replace any part (tests, the local stack).
 */
export function composeNotifier(
  config: NotificationsConfig,
  store: Store,
  overrides: Partial<SweeperDeps> = {},
): SweeperDeps {
  const channels = overrides.channels ?? createNotificationChannels(config, store);
  if (channels.length === 0)
    throw new Error(
      'No notification channel: set ELEVATE_TOPIC_ARN or ELEVATE_SES_FROM (see docs/notifications.md).',
    );
  return {
    policy: overrides.policy ?? loadPolicy(config),
    clock: overrides.clock ?? systemClock,
    repository: overrides.repository ?? new DynamoDbAccessRequestRepository(store),
    ledger: overrides.ledger ?? new DynamoDbDeliveryLedger(store),
    decisionReadModel: overrides.decisionReadModel ?? new DynamoDbDecisionReadModel(store),
    projections:
      overrides.projections ??
      new RequestProjections({
        client: store.client,
        tableName: store.tableName,
        projections: [
          new DynamoDbInsightsReadModel(store),
          ...(config.exportsBucket === undefined
            ? []
            : [
                new JsonLinesExport(
                  new S3ExportSink({
                    client: traced(new S3Client(awsClientConfig('s3'))),
                    bucket: config.exportsBucket,
                  }),
                ),
              ]),
        ],
      }),
    chainDays: overrides.chainDays ?? new DynamoDbChainDayIndex(store),
    appUrl: config.appUrl,
    logger: overrides.logger ?? createJsonLogger({ level: config.logLevel }),
    people: overrides.people ?? new DynamoDbPeopleDirectory(store),
    schedule: overrides.schedule ?? new DynamoDbNoticeSchedule(store),
    activeWithinDays: config.activeWithinDays,
    reminderAfterMinutes: config.reminderAfterMinutes,
    escalateAfterMinutes: config.escalateAfterMinutes,
    expiryWarningMinutes: config.expiryWarningMinutes,
    ...overrides,
    channels,
  };
}
