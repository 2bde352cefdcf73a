import type {
  Audience,
  DeliveryKey,
  NotificationContext,
  NotificationEvent,
  NotificationEventType,
  PersonRef,
} from '@elevate/domain';
import {
  audiencesFor,
  composeNotification,
  DEFAULT_ACTIVE_WITHIN_DAYS,
  findAccount,
  groupsOfAudience,
  isDigestedForPerson,
  recipientsOf,
} from '@elevate/domain';
import { errorFields } from '../logger';
import { METRIC } from '../observability/operational-metrics';
import type { NotifierDeps } from './notifier-deps';

/** How a delivery went: `pending` means it must be tried again (failed, or someone else holds it). */
type DeliveryResult = 'sent' | 'skipped' | 'pending';

export interface EventDelivery {
  readonly sent: number;
  /** Required deliveries that did not happen; the caller reports the record for a retry. */
  readonly pending: number;
}

const contextOf = (event: NotificationEvent, deps: NotifierDeps): NotificationContext => {
  const account = findAccount(deps.policy, event.request.accountId);
  return {
    appUrl: deps.appUrl,
    ...(account === undefined ? {} : { account: { name: account.name, tags: account.tags } }),
  };
};

/**
 * The sweeper's events happen once per request, whatever version it has reached by the time the
 * sweeper looks. The end-of-window warning is keyed by version: an extension (a new version)
 * moves the end, and the new end deserves its own warning.
 */
const ONCE_PER_REQUEST: readonly NotificationEventType[] = [
  'PENDING_REMINDER',
  'REMINDER_ESCALATED',
  'PENDING_EXPIRY_WARNING',
  'WINDOW_OPENED',
];
const keyVersionOf = (event: NotificationEvent): number =>
  ONCE_PER_REQUEST.includes(event.type) ? 0 : event.version;

/** The people of one audience, read from the people record once per event. */
async function recipientsFor(
  event: NotificationEvent,
  audience: Audience,
  deps: NotifierDeps,
): Promise<PersonRef[]> {
  const groups = groupsOfAudience(audience, deps.policy);
  const people =
    groups === undefined || deps.people === undefined
      ? []
      : await deps.people.listMembersOf(groups);
  return recipientsOf(event, audience, people, {
    policy: deps.policy,
    now: deps.clock.now(),
    activeWithinDays: deps.activeWithinDays ?? DEFAULT_ACTIVE_WITHIN_DAYS,
  });
}

/**
 * Delivers one event to each audience through each channel, once: every delivery is claimed in the
 * ledger first, completed after the channel accepted it, and released when it failed so a retry
 * can send it. Already-delivered ones are skipped — redelivered records publish nothing twice.
 */
export async function deliverEvent(
  event: NotificationEvent,
  deps: NotifierDeps,
): Promise<EventDelivery> {
  const context = contextOf(event, deps);
  const audiences = audiencesFor(event);
  const log = deps.logger.child({
    requestId: event.request.id,
    version: event.version,
    eventType: event.type,
  });
  let sent = 0;
  let pending = 0;
  const people = new Map<Audience, Promise<PersonRef[]>>();
  const peopleOf = (audience: Audience): Promise<PersonRef[]> => {
    let found = people.get(audience);
    if (found === undefined) {
      found = recipientsFor(event, audience, deps);
      people.set(audience, found);
    }
    return found;
  };
  for (const { channel, bestEffort = false } of deps.channels) {
    const targets = channel.scope === 'event' ? audiences.slice(0, 1) : audiences;
    for (const audience of targets) {
      // The daily digest tells these people instead (sweeper, sendSelfServiceDigest).
      if (channel.scope === 'person' && isDigestedForPerson(event.type, audience.kind)) continue;
      const message = composeNotification(event, audience, context);
      const key: DeliveryKey = {
        requestId: event.request.id,
        version: keyVersionOf(event),
        event: event.type,
        audience: channel.scope === 'event' ? 'all' : audience.kind,
        channel: channel.name,
      };
      // Each person is a delivery of their own: one bounce or one Slack error retries that person only.
      const deliveries: [DeliveryKey, () => Promise<void>][] =
        channel.scope === 'person'
          ? (await peopleOf(audience)).map((person) => [
              { ...key, recipient: person.sub },
              () => channel.deliver(message, person),
            ])
          : [[key, () => channel.deliver(message)]];
      for (const [deliveryKey, send] of deliveries) {
        const result = await deliverOnce(deliveryKey, send, deps, log);
        if (result === 'sent') sent += 1;
        if (result === 'pending' && !bestEffort) pending += 1;
      }
    }
  }
  return { sent, pending };
}

/** One delivery through the ledger: claim, send, then complete — or release on failure. */
export async function deliverOnce(
  key: DeliveryKey,
  send: () => Promise<void>,
  deps: NotifierDeps,
  log: NotifierDeps['logger'],
): Promise<DeliveryResult> {
  const fields = { channel: key.channel, audience: key.audience };
  const claim = await deps.ledger.claim(key, deps.clock.now());
  if (claim === 'done') {
    log.debug('already delivered', fields);
    return 'skipped';
  }
  if (claim === 'busy') {
    log.info('delivery in progress elsewhere; will retry', fields);
    return 'pending';
  }
  try {
    await send();
  } catch (error) {
    // Names and messages of SDK/HTTP errors only: the message itself (user text) is never logged.
    log.warn('delivery failed', { ...fields, ...errorFields(error), stack: undefined });
    deps.metrics?.count(METRIC.notificationFailures, { name: 'channel', value: key.channel });
    await deps.ledger.release(key);
    return 'pending';
  }
  await deps.ledger.complete(key, deps.clock.now());
  log.info('delivered', fields);
  deps.metrics?.count(METRIC.notificationsDelivered, { name: 'channel', value: key.channel });
  return 'sent';
}
