// The local stack's notifications (local-server.ts and the benches only, never Lambda): the store's durable outbox drives
// the same stream handler, messages land in the dev mailbox, and the sweeper runs on an interval.
import { join } from 'node:path';
import {
  DurableOutbox,
  DevChatRoom,
  DevMailbox,
  DynamoDbAccessRequestRepository,
  DynamoDbPeopleDirectory,
  DynamoDbInsightsReadModel,
  FileExportSink,
  JsonLinesExport,
  loadPolicyFile,
  RequestProjections,
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
import { composeNotifier } from '../composition/compose-notifier';
import type { Store } from '../composition/store';
import { devChatRoutes } from './dev-chat-routes';
import type { MailboxOwner } from './dev-mailbox-routes';
import { devMailboxRoutes } from './dev-mailbox-routes';
import { handleStreamBatch } from '../notifications/handle-stream-batch';
import type { ServedApp } from '../start-server';
import { fromRepoRoot, localDataDir } from '../repo-paths';

/** The dev mailbox's and chat's paths, served beside the API. */
const DEV_PATH = /^https?:\/\/[^/]+\/dev\/(mailbox|chat)(\/|\?|$)/;

export interface LocalNotifications {
  /** The store the API must use: its writes feed the notifier. */
  readonly repository: DynamoDbAccessRequestRepository;
  /** Starts delivering (the table must exist): first what a crash left, then each new change. */
  start(): Promise<void>;
  /** The app with `/dev/mailbox` in front of it. */
  serve(app: Hono<AppEnv>): ServedApp;
  /**
   * Another consumer of the store's changes (the local revoker), as a second stream consumer in AWS.
   * It answers the sequence numbers it failed; the outbox delivers those records again.
   */
  subscribe(listener: OutboxListener): void;
  /** Insights' aggregates and the exports under `<data dir>/exports`, kept from the changes. */
  readonly projections: RequestProjections;
  stop(): Promise<void>;
}

/** The mailboxes the index lists: each persona, each reviewer group, the security audience. */
function mailboxSetup(config: NotificationsConfig, policy: Policy) {
  const personas = loadDevConfig(
    fromRepoRoot(config.devConfigFile ?? 'config/dev-stack.yaml'),
  ).personas;
  const securityGroups = [...policy.groups.auditors, ...policy.groups.admins];
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
  return { personas, owners };
}

export function startLocalNotifications(
  config: NotificationsConfig,
  store: Store,
  logger: Logger,
): LocalNotifications {
  if (config.policyFile === undefined) throw new Error('ELEVATE_POLICY_FILE is not set.');
  const policy = loadPolicyFile(config.policyFile);
  const { personas, owners } = mailboxSetup(config, policy);
  const dataDir = localDataDir(config.dataDir);
  const chat = new DevChatRoom({ file: join(dataDir, 'chat.jsonl') });
  const mailbox = new DevMailbox({
    file: join(dataDir, 'mailbox.jsonl'),
    log: (line) => logger.info(line, { component: 'mailbox' }),
  });
  const notifierLog = logger.child({ component: 'notifier' });
  // The listener is set below, once the notifier it calls exists.
  let deliver: OutboxListener = async (records) =>
    records.map((record) => record.dynamodb.SequenceNumber);
  // With the local jobs off (a benchmark of the API alone, as a function in AWS) no outbox records
  // the writes and nothing consumes them: in AWS the stream and functions of their own do that.
  const outbox = config.localJobs
    ? new DurableOutbox({
        client: store.client,
        tableName: store.tableName,
        listener: (records) => deliver(records),
        onError: (message, fields) => notifierLog.warn(message, fields),
      })
    : undefined;
  const repository = new DynamoDbAccessRequestRepository({
    client: store.client,
    tableName: store.tableName,
    ...(outbox === undefined ? {} : { outbox }),
  });
  const people = new DynamoDbPeopleDirectory(store);
  const projections = new RequestProjections({
    client: store.client,
    tableName: store.tableName,
    projections: [
      new DynamoDbInsightsReadModel(store),
      new JsonLinesExport(new FileExportSink(join(dataDir, 'exports'))),
    ],
  });
  const deps = composeNotifier(config, store, {
    repository,
    projections,
    policy,
    people,
    logger: notifierLog,
    channels: [
      { channel: mailbox },
      { channel: chat },
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
  const sweep = () => {
    if (sweeping !== undefined) return;
    sweeping = sweepRequests({ ...deps, logger: sweepLog })
      .catch((error: unknown) => sweepLog.error('sweep failed', errorFields(error)))
      .finally(() => {
        sweeping = undefined;
      });
  };
  // With the local jobs off (a benchmark of the API alone) no sweeper is scheduled at all.
  const timer = config.localJobs
    ? setInterval(sweep, config.sweepIntervalSeconds * 1000).unref()
    : undefined;

  return {
    repository,
    projections,
    start: async () => {
      // The dev IdP stands for the personas: record them as signed in now, so reviewers who have
      // not opened the SPA yet still get mail (in AWS only real sign-ins write the people record).
      const now = new Date().toISOString();
      for (const persona of personas)
        await people.recordSignIn({
          sub: persona.sub,
          email: persona.email,
          name: persona.name,
          groups: persona.groups,
          lastSignInAt: now,
        });
      outbox?.start();
    },
    subscribe: (listener) => void consumers.push(listener),
    serve: (app) => {
      const dev = new Hono<AppEnv>();
      dev.route('/dev/mailbox', devMailboxRoutes(mailbox, owners));
      dev.route('/dev/chat', devChatRoutes(chat));
      // Chosen by path rather than with `mount`, which builds a new Request for every API call.
      return {
        fetch: (request, env, context) =>
          (DEV_PATH.test(request.url) ? dev : app).fetch(request, env, context),
      };
    },
    stop: async () => {
      clearInterval(timer);
      await sweeping;
      await outbox?.stop();
    },
  };
}
