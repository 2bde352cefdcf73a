// The local stack's notifications (local.ts only, never Lambda): the store's durable outbox drives
// the same stream handler, messages land in the dev mailbox, and the sweeper runs on an interval.
import { join } from 'node:path';
import {
  createStoreClient,
  DurableOutbox,
  DevMailbox,
  DynamoDbAccessRequestRepository,
  loadPolicyFile,
  SlackWebhookChannel,
} from '@elevate/adapters';
import type { OutboxListener } from '@elevate/adapters';
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
import { fromRepoRoot, localDataDir } from '../repo-paths';

export interface LocalNotifications {
  /** The store the API must use: its writes feed the notifier. */
  readonly repository: DynamoDbAccessRequestRepository;
  /** Starts delivering (the table must exist): first what a crash left, then each new change. */
  start(): void;
  /** The app with `/dev/mailbox` in front of it. */
  serve(app: Hono<AppEnv>): Hono<AppEnv>;
  /**
   * Another consumer of the store's changes (the local revoker), as a second stream consumer in AWS.
   * It answers the sequence numbers it failed; the outbox delivers those records again.
   */
  subscribe(listener: OutboxListener): void;
  stop(): Promise<void>;
}

/** Group → persona e-mails from the dev config; security = the policy's auditors and admins. */
function mailboxSetup(config: NotificationsConfig, policy: Policy) {
  const personas = loadDevConfig(
    fromRepoRoot(config.devConfigFile ?? 'config/dev-stack.yaml'),
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
    file: join(localDataDir(config.dataDir), 'mailbox.jsonl'),
    log: (line) => logger.info(line, { component: 'mailbox' }),
  });
  const notifierLog = logger.child({ component: 'notifier' });
  const client = createStoreClient(config.dynamodb.endpoint);
  // The listener is set below, once the notifier it calls exists.
  let deliver: OutboxListener = async (records) =>
    records.map((record) => record.dynamodb.SequenceNumber);
  const outbox = new DurableOutbox({
    client,
    tableName: config.dynamodb.tableName,
    listener: (records) => deliver(records),
    onError: (message, fields) => notifierLog.warn(message, fields),
  });
  const repository = new DynamoDbAccessRequestRepository({
    client,
    tableName: config.dynamodb.tableName,
    outbox,
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

  // The notifier and every subscribed consumer see each record; one failing asks for it again
  // (each consumer is idempotent, so the others seeing it twice changes nothing).
  const consumers: OutboxListener[] = [
    async (records) =>
      (await handleStreamBatch(records, deps)).batchItemFailures.map(
        (failure) => failure.itemIdentifier,
      ),
  ];
  deliver = async (records) => {
    const failed = await Promise.all(consumers.map((consume) => consume(records)));
    return [...new Set(failed.flat())];
  };

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
    start: () => outbox.start(),
    subscribe: (listener) => void consumers.push(listener),
    serve: (app) => {
      const root = new Hono<AppEnv>();
      root.route('/dev/mailbox', devMailboxRoutes(mailbox, owners));
      root.mount('/', app.fetch);
      return root;
    },
    stop: async () => {
      clearInterval(timer);
      await sweeping;
      await outbox.stop();
    },
  };
}
