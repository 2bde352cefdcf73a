// The local stack's notifications (local.ts only, never Lambda): the store's change feed drives the
// same stream handler, messages land in the dev mailbox, and the sweeper runs on an interval.
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  ChangeFeed,
  DevMailbox,
  DynamoDbAccessRequestRepository,
  loadPolicyFile,
  SlackWebhookChannel,
  withoutSdkLogging,
} from '@elevate/adapters';
import type { ChangeRecord } from '@elevate/adapters';
import { loadDevConfig } from '@elevate/dev-stack';
import type { Policy } from '@elevate/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import type { NotificationsConfig } from '../config';
import type { Logger } from '../logger';
import { errorFields } from '../logger';
import { sweepRequests } from '../sweeper/sweep-requests';
import { composeNotifier } from './compose-notifier';
import type { MailboxOwner } from './dev-mailbox-routes';
import { devMailboxRoutes } from './dev-mailbox-routes';
import { handleStreamBatch } from './handle-stream-batch';

const repoRoot = resolve(import.meta.dirname, '../../../..');

/** Lambda retries a failed stream record; the feed does too, a few times, then logs and moves on. */
const RETRY_DELAYS_MS = [1_000, 5_000, 15_000];

export interface LocalNotifications {
  /** The store the API must use: its writes feed the notifier. */
  readonly repository: DynamoDbAccessRequestRepository;
  /** The app with `/dev/mailbox` in front of it. */
  serve(app: Hono<AppEnv>): Hono<AppEnv>;
  stop(): Promise<void>;
}

/** Group → persona e-mails from the dev config; security = the policy's auditors and admins. */
function mailboxSetup(config: NotificationsConfig, policy: Policy) {
  const personas = loadDevConfig(
    config.devConfigFile ?? join(repoRoot, 'config/dev-stack.yaml'),
  ).personas;
  const groups: Record<string, string[]> = {};
  for (const persona of personas)
    for (const group of persona.groups) (groups[group] ??= []).push(persona.email);
  const securityGroups = [...policy.groups.auditors, ...policy.groups.admins];
  const security = personas
    .filter((persona) => persona.groups.some((group) => securityGroups.includes(group)))
    .map((persona) => persona.email);
  const reviewerGroups = [
    ...new Set([
      ...policy.groups.reviewers,
      ...policy.rules.flatMap((rule) => rule.approverGroups),
    ]),
  ];
  const owners: MailboxOwner[] = [
    ...personas.map((persona) => ({
      address: persona.email,
      label: `${persona.name} <${persona.email}>`,
      description: persona.role,
    })),
    ...reviewerGroups.map((group) => ({
      address: `group:${group}`,
      label: `group ${group}`,
      description: 'everything sent to this reviewer group',
    })),
    {
      address: 'security',
      label: 'security',
      description: `the security audience (${securityGroups.join(', ')})`,
    },
  ];
  return { directory: { groups, security }, owners };
}

export function startLocalNotifications(
  config: NotificationsConfig,
  logger: Logger,
): LocalNotifications {
  if (config.policyFile === undefined) throw new Error('ELEVATE_POLICY_FILE is not set.');
  const policy = loadPolicyFile(config.policyFile);
  const { directory, owners } = mailboxSetup(config, policy);
  const mailbox = new DevMailbox({
    directory,
    file: join(config.dataDir ?? join(repoRoot, '.data'), 'mailbox.jsonl'),
    log: (line) => logger.info(line, { component: 'mailbox' }),
  });
  const notifierLog = logger.child({ component: 'notifier' });
  const feed = new ChangeFeed({
    onError: (error) => notifierLog.error('change feed listener failed', errorFields(error)),
  });
  const client = withoutSdkLogging(
    new DynamoDBClient(
      config.dynamodb.endpoint === undefined ? {} : { endpoint: config.dynamodb.endpoint },
    ),
  );
  const repository = new DynamoDbAccessRequestRepository({
    client,
    tableName: config.dynamodb.tableName,
    onChange: feed.publish,
  });
  const deps = composeNotifier(config, {
    repository,
    policy,
    logger: notifierLog,
    channels: [
      { channel: mailbox },
      ...(config.slackWebhookUrl === undefined
        ? []
        : [
            {
              channel: new SlackWebhookChannel({ webhookUrl: config.slackWebhookUrl }),
              bestEffort: true,
            },
          ]),
    ],
  });

  feed.subscribe(async (records: readonly ChangeRecord[]) => {
    let pending: readonly ChangeRecord[] = records;
    for (const delayMs of [0, ...RETRY_DELAYS_MS]) {
      if (delayMs > 0) await new Promise((done) => setTimeout(done, delayMs));
      const { batchItemFailures } = await handleStreamBatch(pending, deps);
      const failed = new Set(batchItemFailures.map((failure) => failure.itemIdentifier));
      pending = pending.filter((record) => failed.has(record.dynamodb.SequenceNumber));
      if (pending.length === 0) return;
    }
    notifierLog.error('gave up on change records', {
      eventIds: pending.map((record) => record.eventID),
    });
  });

  let sweeping: Promise<unknown> | undefined;
  const sweepLog = logger.child({ component: 'sweeper' });
  const timer = setInterval(() => {
    if (sweeping !== undefined) return;
    sweeping = sweepRequests({ ...deps, logger: sweepLog })
      .catch((error: unknown) => sweepLog.error('sweep failed', errorFields(error)))
      .finally(() => {
        sweeping = undefined;
      });
  }, config.sweepIntervalSeconds * 1000);
  timer.unref();

  return {
    repository,
    serve: (app) => {
      const root = new Hono<AppEnv>();
      root.route('/dev/mailbox', devMailboxRoutes(mailbox, owners));
      root.mount('/', app.fetch);
      return root;
    },
    stop: async () => {
      clearInterval(timer);
      await sweeping;
      await feed.drained();
    },
  };
}
